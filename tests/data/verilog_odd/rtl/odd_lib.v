// Two small modules in one file.
module odd_inv #(parameter N = 4) (input [N-1:0] i, output [N-1:0] o);
  assign o = ~i;
endmodule

module odd_mac (input clk, input rst, input signed [7:0] a, input signed [7:0] b,
                output reg signed [19:0] acc);
  always @(posedge clk) begin
    if (rst) begin
      acc <= 20'sd0;
    end else begin
      acc <= acc + $signed(a) * $signed(b);
    end
  end
endmodule
