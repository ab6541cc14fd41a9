// dot4 — y = sum_k a[k]*x[k] over four signed 8-bit pairs, one multiply-accumulate per cycle after
// start; done is high for one cycle after the last one.
module dot4 (
  input             clk,
  input             rst,
  input             start,
  output reg        done,
  input      [31:0] a_flat,
  input      [31:0] x_flat,
  output reg [31:0] y
);
  reg [2:0] k;
  reg       busy;
  wire signed [15:0] prod = $signed(a_flat[k*8 +: 8]) * $signed(x_flat[k*8 +: 8]);
  always @(posedge clk) begin
    if (rst) begin
      busy <= 0; done <= 0; k <= 0; y <= 0;
    end else begin
      done <= 0;
      if (start) begin
        busy <= 1; k <= 0; y <= 0;
      end else if (busy) begin
        y <= y + {16'd0, prod};
        k <= k + 1;
        if (k == 3) begin busy <= 0; done <= 1; end
      end
    end
  end
endmodule
