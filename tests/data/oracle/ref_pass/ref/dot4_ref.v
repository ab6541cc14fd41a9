// dot4_ref — the reference model of dot4 on the same ports: the whole sum in one cycle.
module dot4_ref (
  input             clk,
  input             rst,
  input             start,
  output reg        done,
  input      [31:0] a_flat,
  input      [31:0] x_flat,
  output reg [31:0] y
);
  integer i;
  reg signed [31:0] sum;
  always @* begin
    sum = 0;
    for (i = 0; i < 4; i = i + 1) sum = sum + $signed(a_flat[i*8 +: 8]) * $signed(x_flat[i*8 +: 8]);
  end
  always @(posedge clk) begin
    if (rst) begin
      done <= 0; y <= 0;
    end else begin
      done <= start;
      if (start) y <= sum;
    end
  end
endmodule
