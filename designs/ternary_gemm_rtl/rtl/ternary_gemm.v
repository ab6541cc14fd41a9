// ternary_gemm — C = A*W with 2-bit ternary weights (BitNet style), multiplier-free.
//
// A is M x K signed DW-bit activations; W is K x N ternary, packed four codes per byte:
// Wp[kb][n] (K/4 x N bytes) holds w[4kb+i][n] at bits [2i+1:2i]; codes 01 -> +1, 11 -> -1,
// 00 and 10 -> 0. C is M x N signed AW-bit (wraps).
// Interface (block start/done), flat row-major buses: A[m][k] at a_flat[(m*K+k)*DW +: DW],
// Wp[kb][n] at wp_flat[(kb*N+n)*8 +: 8], C[m][n] at c_flat[(m*N+n)*AW +: AW]. Pulse `start` with
// the inputs applied (captured on that edge); `done` is high with c_flat valid from K/4+2 cycles
// later until the next start. Synchronous, active-high reset `rst`.
//
// Each COMPUTE cycle consumes one packed weight byte per column (4 values of k) for all M x N
// outputs: every code selects +a, -a or nothing, the four terms are summed (DW+3 bits) and added
// to the accumulator. No multipliers: add, subtract or skip.
// FSM: IDLE -> LOAD (clear accumulators) -> COMPUTE (K/4 cycles) -> DONE.
module ternary_gemm #(
    parameter integer M  = 2,
    parameter integer N  = 4,
    parameter integer K  = 16,  // multiple of 4; K/4 a power of two
    parameter integer DW = 8,
    parameter integer AW = 32
) (
    input  wire                 clk,
    input  wire                 rst,
    input  wire                 start,
    input  wire [M*K*DW-1:0]    a_flat,
    input  wire [(K/4)*N*8-1:0] wp_flat,
    output reg  [M*N*AW-1:0]    c_flat,
    output wire                 done
);
  localparam integer KB = K / 4;  // packed weight rows = compute cycles
  localparam integer KBW = (KB > 1) ? $clog2(KB) : 1;
  localparam integer TW = DW + 1;  // one ternary term: -(-2^(DW-1)) needs one more bit
  localparam integer GW = DW + 3;  // sum of four terms
  localparam [KBW-1:0] KB_LAST = KB[KBW-1:0] - 1'b1;

  localparam [1:0] S_IDLE = 2'd0, S_LOAD = 2'd1, S_COMPUTE = 2'd2, S_DONE = 2'd3;

  reg [1:0] state;
  reg [KBW-1:0] kb;  // packed row being consumed
  reg [M*K*DW-1:0] a_buf;
  reg [KB*N*8-1:0] w_buf;

  assign done = (state == S_DONE);

  always @(posedge clk) begin
    if (rst) begin
      state <= S_IDLE;
      kb    <= {KBW{1'b0}};
      a_buf <= {M * K * DW{1'b0}};
      w_buf <= {KB * N * 8{1'b0}};
    end else begin
      case (state)
        S_IDLE, S_DONE:
        if (start) begin
          a_buf <= a_flat;
          w_buf <= wp_flat;
          state <= S_LOAD;
        end
        S_LOAD: begin
          kb    <= {KBW{1'b0}};
          state <= S_COMPUTE;
        end
        S_COMPUTE: begin
          kb <= kb + 1'b1;
          if (kb == KB_LAST) state <= S_DONE;
        end
        default: state <= S_IDLE;
      endcase
    end
  end

  // One ternary term: +a, -a or 0 (sign-extended to TW bits before negating).
  function [TW-1:0] tern;
    input [1:0] code;
    input [DW-1:0] a;
    begin
      case (code)
        2'b01:   tern = {a[DW-1], a};
        2'b11:   tern = -{a[DW-1], a};
        default: tern = {TW{1'b0}};  // 00 and 10 both mean 0
      endcase
    end
  endfunction

  genvar m, n, g;
  generate
    for (m = 0; m < M; m = m + 1) begin : g_m
      // Row m of A as groups of four activations, indexable by kb.
      wire [4*DW-1:0] a_grp[0:KB-1];
      for (g = 0; g < KB; g = g + 1) begin : g_ag
        assign a_grp[g] = a_buf[(m*K+4*g)*DW+:4*DW];
      end
      wire [4*DW-1:0] av = a_grp[kb];  // the four activations consumed this cycle
      for (n = 0; n < N; n = n + 1) begin : g_n
        // Column n of Wp, indexable by kb.
        wire [7:0] w_col[0:KB-1];
        for (g = 0; g < KB; g = g + 1) begin : g_wg
          assign w_col[g] = w_buf[(g*N+n)*8+:8];
        end
        wire [7:0] wv = w_col[kb];
        wire [TW-1:0] t0 = tern(wv[1:0], av[0*DW+:DW]);
        wire [TW-1:0] t1 = tern(wv[3:2], av[1*DW+:DW]);
        wire [TW-1:0] t2 = tern(wv[5:4], av[2*DW+:DW]);
        wire [TW-1:0] t3 = tern(wv[7:6], av[3*DW+:DW]);
        // Sign-extend each term to the group width before adding (two's complement sum).
        wire [GW-1:0] gsum = {{(GW - TW) {t0[TW-1]}}, t0} + {{(GW - TW) {t1[TW-1]}}, t1} +
                             {{(GW - TW) {t2[TW-1]}}, t2} + {{(GW - TW) {t3[TW-1]}}, t3};

        always @(posedge clk) begin
          if (rst || state == S_LOAD) c_flat[(m*N+n)*AW+:AW] <= {AW{1'b0}};
          else if (state == S_COMPUTE)
            c_flat[(m*N+n)*AW+:AW] <= c_flat[(m*N+n)*AW+:AW] + {{(AW - GW) {gsum[GW-1]}}, gsum};
        end
      end
    end
  endgenerate
endmodule
