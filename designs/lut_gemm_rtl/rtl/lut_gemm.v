// lut_gemm — low-bit weight GEMM through activation lookup tables (T-MAC / LUT Tensor Core style).
//   C[m][n] = sum_k A[m][k] * w[k][n], A int8, w a signed BITS-bit weight (BITS = 2 or 4)
// Weights are packed as in the lut_gemm kernel: Wp[k / (8/BITS)][n] holds w[k][n] at bits
// [(k % (8/BITS))*BITS +: BITS].
// Method: for each row m and each group of 4 activations a0..a3 the 16-entry table
//   lut[i] = sum_{j: bit j of i} a_j
// is built once (15 adders, each entry = a smaller entry + one activation). Every weight column
// then reads it once per bit plane b, with index {w3[b], w2[b], w1[b], w0[b]}; plane results are
// shifted by b and added, the MSB plane subtracted (two's complement weights). The table is shared
// by all N columns, which is where the multiplier savings come from.
// Interface (block protocol): start pulse -> ... -> done stays high until the next start.
// a_flat: A row-major, element i at [8i +: 8]; wp_flat: Wp row-major bytes; c_flat: C row-major
// int32. Timing: 2 cycles (build table, look up + accumulate) per (row, group): 2*M*K/4 cycles.
module lut_gemm #(
  parameter M    = 2,
  parameter N    = 4,
  parameter K    = 16,    // multiple of 4
  parameter BITS = 2      // 2 or 4
) (
  input  wire                  clk,
  input  wire                  rst,
  input  wire                  start,
  input  wire [M*K*8-1:0]      a_flat,
  input  wire [K*BITS*N-1:0]   wp_flat,
  output wire                  done,
  output wire [M*N*32-1:0]     c_flat
);
  localparam G       = K / 4;              // activation groups per row
  localparam PER     = 8 / BITS;           // weights per byte
  localparam LOG_PER = (BITS == 2) ? 2 : 1;
  localparam MW      = (M > 1) ? $clog2(M) : 1;
  localparam GW      = (G > 1) ? $clog2(G) : 1;

  localparam [31:0] M_LAST = M - 1;   // compared through a part-select of counter width
  localparam [31:0] G_LAST = G - 1;

  localparam S_IDLE = 2'd0, S_BUILD = 2'd1, S_LOOK = 2'd2, S_DONE = 2'd3;
  reg [1:0]    state;
  reg [MW-1:0] mi;   // current row
  reg [GW-1:0] gi;   // current group of 4 activations

  reg signed [9:0]  lut [0:15];      // 4 int8 sums fit in 10 bits
  reg signed [31:0] acc [0:M*N-1];

  // The four activations of the current (row, group).
  wire signed [7:0] a0_b = a_flat[(mi*K + gi*4 + 0)*8 +: 8];
  wire signed [9:0] a0   = {{2{a0_b[7]}}, a0_b};
  wire signed [7:0] a1_b = a_flat[(mi*K + gi*4 + 1)*8 +: 8];
  wire signed [9:0] a1   = {{2{a1_b[7]}}, a1_b};
  wire signed [7:0] a2_b = a_flat[(mi*K + gi*4 + 2)*8 +: 8];
  wire signed [9:0] a2   = {{2{a2_b[7]}}, a2_b};
  wire signed [7:0] a3_b = a_flat[(mi*K + gi*4 + 3)*8 +: 8];
  wire signed [9:0] a3   = {{2{a3_b[7]}}, a3_b};

  // Table precompute: entry i = entry (i without its top set bit) + that bit's activation.
  reg signed [9:0] lut_next [0:15];
  integer i;
  always @* begin
    lut_next[0] = 10'sd0;
    for (i = 1; i < 16; i = i + 1) begin
      if (i >= 8)      lut_next[i] = lut_next[i-8] + a3;
      else if (i >= 4) lut_next[i] = lut_next[i-4] + a2;
      else if (i >= 2) lut_next[i] = lut_next[i-2] + a1;
      else             lut_next[i] = lut_next[i-1] + a0;
    end
  end

  // Lookup: per column, per bit plane, gather the 4 weight bits into a table index.
  reg signed [31:0] contrib [0:N-1];
  reg [3:0] idx;
  reg signed [31:0] entry;  // looked-up table entry, sign-extended before the plane shift
  integer n, b, j, k;
  always @* begin
    idx = 4'd0;
    entry = 32'sd0;
    for (n = 0; n < N; n = n + 1) begin
      contrib[n] = 32'sd0;
      for (b = 0; b < BITS; b = b + 1) begin
        for (j = 0; j < 4; j = j + 1) begin
          k = gi*4 + j;
          idx[j] = wp_flat[((k >> LOG_PER)*N + n)*8 + (k & (PER-1))*BITS + b];
        end
        entry = {{22{lut[idx][9]}}, lut[idx]};
        if (b == BITS - 1) contrib[n] = contrib[n] - (entry <<< b);  // sign plane
        else               contrib[n] = contrib[n] + (entry <<< b);
      end
    end
  end

  always @(posedge clk) begin
    if (rst) begin
      state <= S_IDLE;
      mi <= {MW{1'b0}};
      gi <= {GW{1'b0}};
      for (i = 0; i < 16; i = i + 1) lut[i] <= 10'sd0;
      for (i = 0; i < M*N; i = i + 1) acc[i] <= 32'sd0;
    end else begin
      case (state)
        S_IDLE, S_DONE: if (start) begin
          mi <= {MW{1'b0}};
          gi <= {GW{1'b0}};
          for (i = 0; i < M*N; i = i + 1) acc[i] <= 32'sd0;
          state <= S_BUILD;
        end
        S_BUILD: begin
          for (i = 0; i < 16; i = i + 1) lut[i] <= lut_next[i];
          state <= S_LOOK;
        end
        S_LOOK: begin
          for (i = 0; i < N; i = i + 1) acc[mi*N + i] <= acc[mi*N + i] + contrib[i];
          if (gi == G_LAST[GW-1:0]) begin
            gi <= {GW{1'b0}};
            if (mi == M_LAST[MW-1:0]) state <= S_DONE;
            else begin mi <= mi + 1'b1; state <= S_BUILD; end
          end else begin
            gi <= gi + 1'b1;
            state <= S_BUILD;
          end
        end
        default: state <= S_IDLE;
      endcase
    end
  end

  assign done = (state == S_DONE);
  genvar q;
  generate
    for (q = 0; q < M*N; q = q + 1) begin : g_out
      assign c_flat[32*q +: 32] = acc[q];
    end
  endgenerate
endmodule
