// Registered 16x16 -> 32 signed multiplier.
module mul(input clk, input rst, input signed [15:0] a, input signed [15:0] b, output reg signed [31:0] p);
  always @(posedge clk)
    if (rst) p <= 32'sd0;
    else p <= a * b;
endmodule
