// requant — int32 -> int8 requantisation, 3-stage valid/ready pipeline.
//   y = clamp(round_half_even(x * mul / 2^SHIFT), -128, 127)
// Interface: stream in (s_valid/s_ready/s_data, one int32 per beat), stream out
// (m_valid/m_ready/m_data, one int8 per beat); `mul` (unsigned 15-bit value on a 16-bit bus)
// is static for the whole stream. Latency 3 cycles when not stalled, one beat per cycle.
// Stall scheme: the whole pipeline advances when the output register is empty or consumed,
// so s_ready depends combinationally on m_ready (no bubbles are squeezed out).
module requant #(
  parameter SHIFT = 12          // 1..40
) (
  input  wire               clk,
  input  wire               rst,
  input  wire signed [15:0] mul,
  input  wire               s_valid,
  output wire               s_ready,
  input  wire signed [31:0] s_data,
  output wire               m_valid,
  input  wire               m_ready,
  output wire signed [7:0]  m_data
);
  // x in [-2^20, 2^20], mul in [0, 32767]: the product needs 37 bits; 48 leaves room for
  // any int32 input and keeps the shifted value wide enough to detect saturation.
  localparam PW = 48;

  wire adv = !v3 || m_ready;   // the pipeline moves when the last stage can hand over
  assign s_ready = adv;

  // stage 1: multiply
  reg               v1;
  reg signed [PW-1:0] prod;
  // stage 2: floor shift + round-half-to-even
  reg               v2;
  reg signed [PW-1:0] rnd;
  // stage 3: saturate
  reg               v3;
  reg signed [7:0]  y;

  // Fraction bits below the binary point and the quotient's LSB decide the rounding.
  wire signed [PW-1:0] flo  = prod >>> SHIFT;
  wire [PW-1:0]        frac = prod & ((48'd1 << SHIFT) - 48'd1);
  wire [PW-1:0]        half = 48'd1 << (SHIFT - 1);
  wire                 up   = (frac > half) || ((frac == half) && flo[0]);

  always @(posedge clk) begin
    if (rst) begin
      v1 <= 1'b0; v2 <= 1'b0; v3 <= 1'b0;
      prod <= {PW{1'b0}}; rnd <= {PW{1'b0}}; y <= 8'sd0;
    end else if (adv) begin
      v1   <= s_valid;
      prod <= $signed(s_data) * $signed({{(PW-16){1'b0}}, mul[15:0]});
      v2   <= v1;
      rnd  <= flo + (up ? 48'sd1 : 48'sd0);
      v3   <= v2;
      if (rnd > 48'sd127)       y <= 8'sd127;
      else if (rnd < -48'sd128) y <= -8'sd128;
      else                      y <= rnd[7:0];
    end
  end

  assign m_valid = v3;
  assign m_data  = y;
endmodule
