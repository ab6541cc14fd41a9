// dot — y = sum_k a[k]*x[k] (signed 8-bit a, signed 12-bit x fields, 32-bit sum), one MAC per
// cycle after start; done one cycle after the last MAC.
module dot #(parameter K = 12) (
  input                  clk,
  input                  rst,
  input                  start,
  output reg             done,
  input      [8*K-1:0]   a_flat,
  input      [12*K-1:0]  x_flat,
  output reg [31:0]      y_flat
);
  reg [7:0] k;
  reg       busy;
  wire signed [19:0] prod = $signed(a_flat[k*8 +: 8]) * $signed(x_flat[k*12 +: 12]);
  always @(posedge clk) begin
    if (rst) begin
      busy <= 0; done <= 0; k <= 0; y_flat <= 0;
    end else begin
      done <= 0;
      if (start) begin
        busy <= 1; k <= 0; y_flat <= 0;
      end else if (busy) begin
        y_flat <= y_flat + {{12{prod[19]}}, prod};
        k <= k + 1;
        if (k == K - 1) begin busy <= 0; done <= 1; end
      end
    end
  end
endmodule
