// counter — 4-bit up-counter with enable and synchronous reset; `wrap` is high while enabled at 15.
module counter (
  input            clk,
  input            rst,
  input            en,
  output reg [3:0] q,
  output           wrap
);
  assign wrap = en && q == 4'd15;
  always @(posedge clk) begin
    if (rst) q <= 4'd0;
    else if (en) q <= q + 4'd1;
  end
endmodule
