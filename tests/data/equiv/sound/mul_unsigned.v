// Registered 16x16 -> 32 signed multiplier.
module mul(input clk, input rst, input [15:0] a, input [15:0] b, output reg [31:0] p);
  always @(posedge clk)
    if (rst) p <= 32'd0;
    else p <= a * b;
endmodule
