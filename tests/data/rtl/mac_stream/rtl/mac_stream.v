// mac_stream — y[n] = running sum of a[i]*b[i]; one output register, taken when a and b are both
// valid and the output register is empty or being drained.
module mac_stream #(parameter N = 8) (
  input             clk,
  input             rst,
  input             a_valid,
  output            a_ready,
  input      [7:0]  a_data,
  input             b_valid,
  output            b_ready,
  input      [7:0]  b_data,
  output reg        y_valid,
  input             y_ready,
  output reg [31:0] y_data,
  output reg        y_last
);
  reg [15:0] n;
  reg [31:0] acc;
  wire take = a_valid && b_valid && (!y_valid || y_ready);
  assign a_ready = take;
  assign b_ready = take;
  wire signed [15:0] prod = $signed(a_data) * $signed(b_data);
  wire [31:0] next = acc + {{16{prod[15]}}, prod};
  always @(posedge clk) begin
    if (rst) begin
      y_valid <= 0; y_data <= 0; y_last <= 0; acc <= 0; n <= 0;
    end else begin
      if (y_valid && y_ready) y_valid <= 0;
      if (take) begin
        acc <= next; y_data <= next; y_valid <= 1; y_last <= (n == N - 1); n <= n + 1;
      end
    end
  end
endmodule
