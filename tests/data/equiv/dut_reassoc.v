// dut — small accumulator + adder tree + flag, the base of the planted equivalence tests.
module dut (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    input  wire [7:0] a, b, c, d,
    input  wire       p, q,
    output reg  [9:0] sum,
    output reg  [15:0] acc,
    output wire       flag
);
  assign flag = ~(p & q);
  always @(posedge clk) begin
    if (rst) begin
      sum <= 10'd0;
      acc <= 16'd0;
    end else if (en) begin
      sum <= (a + b) + (c + d);
      acc <= acc + (a + b);
    end
  end
endmodule
