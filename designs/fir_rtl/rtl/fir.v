// fir — transposed-form FIR filter, T taps, int16 samples and coefficients, 48-bit output.
//   y[n] = sum_{t=0}^{min(T-1,n)} h[t] * x[n-t]   (history is zero after reset)
// Interface: stream in (s_valid/s_ready/s_data, one sample per beat), stream out
// (m_valid/m_ready/m_data, one 48-bit result per input sample, in order). Coefficients arrive
// flat on h_flat (h[t] at bits [16t +: 16]) and are held static for the whole stream.
// Timing: one sample per cycle; the result of a sample is valid the cycle after it is accepted.
// Transposed form: every accepted sample is multiplied by all taps at once and added into a
// chain of partial sums, so no input shift register and no adder tree are needed.
module fir #(
  parameter T   = 8,
  parameter ACC = 48
) (
  input  wire              clk,
  input  wire              rst,
  input  wire [16*T-1:0]   h_flat,
  input  wire              s_valid,
  output wire              s_ready,
  input  wire signed [15:0] s_data,
  output wire              m_valid,
  input  wire              m_ready,
  output wire signed [ACC-1:0] m_data
);
  reg                  ov;            // output register holds an unread result
  reg signed [ACC-1:0] y;
  reg signed [ACC-1:0] part [0:T-2];  // part[i]: partial sum waiting for tap i+1's future input

  assign s_ready = !ov || m_ready;    // a new sample may enter when the result slot frees up
  wire   take    = s_valid && s_ready;

  // h[t] * x for every tap, sign-extended to the accumulator width.
  wire signed [ACC-1:0] prod [0:T-1];
  genvar t;
  generate
    for (t = 0; t < T; t = t + 1) begin : g_mul
      wire signed [15:0] h = h_flat[16*t +: 16];
      assign prod[t] = h * s_data;
    end
  endgenerate

  integer i;
  always @(posedge clk) begin
    if (rst) begin
      ov <= 1'b0;
      y  <= {ACC{1'b0}};
      for (i = 0; i < T - 1; i = i + 1) part[i] <= {ACC{1'b0}};
    end else begin
      if (take) begin
        y <= prod[0] + part[0];
        for (i = 0; i < T - 2; i = i + 1) part[i] <= prod[i+1] + part[i+1];
        part[T-2] <= prod[T-1];
        ov <= 1'b1;
      end else if (m_ready) begin
        ov <= 1'b0;
      end
    end
  end

  assign m_valid = ov;
  assign m_data  = y;
endmodule
