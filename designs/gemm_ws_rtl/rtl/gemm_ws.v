// gemm_ws — C = A*B on a K x N weight-stationary systolic array, memory-port interface.
//
// A is M x K, B is K x N, both signed DW-bit; C is M x N, signed AW-bit (wraps). All row-major.
// Interface (block start/done): pulse `start`; the design reads A and B through two read ports
// (a_addr -> a_rdata, b_addr -> b_rdata, rdata = mem[addr] one cycle after the address, like a
// block RAM), computes, then writes C through a write port (c_we, c_addr, c_wdata: C[c_addr] =
// c_wdata at each rising edge with c_we). `done` is high after the last write until the next start.
// Synchronous, active-high reset `rst`.
//
// Dataflow: PE(k,n) holds B[k][n]. Row m of A enters the array's row k (its element A[m][k]) at
// compute cycle m+k and moves east one PE per cycle; partial sums move south one PE per cycle,
// so PE(k,n) adds A[m][k]*B[k][n] at cycle m+k+n and C[m][n] leaves the bottom of column n at
// cycle m+K+n, where it is captured into an output buffer.
// FSM: IDLE -> LOAD (max(M*K, K*N)+1 cycles: fetch A into a buffer, B into the PE weights)
//      -> COMPUTE (M+K+N-1 cycles) -> DRAIN (M*N writes of C) -> DONE.
module gemm_ws #(
    parameter integer M  = 8,  // rows of A (power of two)
    parameter integer K  = 4,  // array rows
    parameter integer N  = 4,  // array columns
    parameter integer DW = 8,
    parameter integer AW = 32
) (
    input  wire                     clk,
    input  wire                     rst,
    input  wire                     start,
    output wire                     done,
    // A read port
    output wire [$clog2(M*K)-1:0]   a_addr,
    input  wire [DW-1:0]            a_rdata,
    // B read port
    output wire [$clog2(K*N)-1:0]   b_addr,
    input  wire [DW-1:0]            b_rdata,
    // C write port
    output wire                     c_we,
    output wire [$clog2(M*N)-1:0]   c_addr,
    output wire [AW-1:0]            c_wdata
);
  localparam integer MK = M * K;
  localparam integer KN = K * N;
  localparam integer MN = M * N;
  localparam integer LD = (MK > KN) ? MK : KN;  // fetch cycles (both ports run in parallel)
  localparam integer TC = M + K + N - 1;        // compute cycles
  localparam integer CMAX = (LD > TC) ? ((LD > MN) ? LD : MN) : ((TC > MN) ? TC : MN);
  localparam integer CW = $clog2(CMAX + 1) + 1;  // +1 bit: skew subtractions wrap well above M
  localparam integer MW = $clog2(M);
  localparam integer AAW = $clog2(MK), BAW = $clog2(KN), CAW = $clog2(MN);

  localparam [CW-1:0] LD_END = LD[CW-1:0];
  localparam [CW-1:0] TC_END = TC[CW-1:0] - 1'b1;
  localparam [CW-1:0] MN_END = MN[CW-1:0] - 1'b1;
  localparam [CW-1:0] MK_C = MK[CW-1:0], KN_C = KN[CW-1:0], M_C = M[CW-1:0];

  localparam [2:0] S_IDLE = 3'd0, S_LOAD = 3'd1, S_COMPUTE = 3'd2, S_DRAIN = 3'd3, S_DONE = 3'd4;

  reg [2:0] state;
  reg [CW-1:0] cnt;

  wire loading = (state == S_LOAD);
  wire computing = (state == S_COMPUTE);
  wire draining = (state == S_DRAIN);
  assign done = (state == S_DONE);

  always @(posedge clk) begin
    if (rst) begin
      state <= S_IDLE;
      cnt   <= {CW{1'b0}};
    end else begin
      case (state)
        S_IDLE, S_DONE:
        if (start) begin
          cnt   <= {CW{1'b0}};
          state <= S_LOAD;
        end
        S_LOAD:
        if (cnt == LD_END) begin
          cnt   <= {CW{1'b0}};
          state <= S_COMPUTE;
        end else cnt <= cnt + 1'b1;
        S_COMPUTE:
        if (cnt == TC_END) begin
          cnt   <= {CW{1'b0}};
          state <= S_DRAIN;
        end else cnt <= cnt + 1'b1;
        S_DRAIN:
        if (cnt == MN_END) state <= S_DONE;
        else cnt <= cnt + 1'b1;
        default: state <= S_IDLE;
      endcase
    end
  end

  // ---- LOAD: address `cnt` goes out in cycle cnt; its data is on rdata in cycle cnt+1.
  wire [CW-1:0] rd_idx = cnt - 1'b1;  // element whose data is on rdata now
  wire rd_a = loading && (cnt != 0) && (rd_idx < MK_C);
  wire rd_b = loading && (cnt != 0) && (rd_idx < KN_C);
  // Addresses stay in range at all times (0 outside the fetch).
  assign a_addr = (loading && cnt < MK_C) ? cnt[AAW-1:0] : {AAW{1'b0}};
  assign b_addr = (loading && cnt < KN_C) ? cnt[BAW-1:0] : {BAW{1'b0}};

  (* mem2reg *) reg [DW-1:0] a_buf[0:MK-1];
  integer x;
  always @(posedge clk) begin
    if (rst) begin
      for (x = 0; x < MK; x = x + 1) a_buf[x] <= {DW{1'b0}};
    end else if (rd_a) begin
      a_buf[rd_idx[AAW-1:0]] <= a_rdata;
    end
  end

  // ---- Array. a_h[k][n]: west input of PE(k,n) (column N = unused east edge);
  // p_v[k][n]: north partial sum of PE(k,n) (row 0 = zeros, row K = results).
  /* verilator lint_off UNUSEDSIGNAL */
  wire [K*(N+1)*DW-1:0] a_h;
  /* verilator lint_on UNUSEDSIGNAL */
  wire [(K+1)*N*AW-1:0] p_v;
  assign p_v[N*AW-1:0] = {N * AW{1'b0}};

  wire [AW-1:0] c_view[0:MN-1];  // output buffer, row-major

  genvar k, n, m;
  generate
    for (k = 0; k < K; k = k + 1) begin : g_west
      // Column k of A, indexable by m; row k of the array sees A[cnt-k][k] while 0 <= cnt-k < M.
      wire [DW-1:0] a_colk[0:M-1];
      for (m = 0; m < M; m = m + 1) begin : g_m
        assign a_colk[m] = a_buf[m*K+k];
      end
      wire [CW-1:0] mk = cnt - k;  // wraps to a large value when cnt < k
      wire live = computing && (mk < M_C);
      assign a_h[(k*(N+1))*DW+:DW] = live ? a_colk[mk[MW-1:0]] : {DW{1'b0}};
    end

    for (k = 0; k < K; k = k + 1) begin : g_row
      for (n = 0; n < N; n = n + 1) begin : g_col
        localparam integer WI = k * N + n;  // B[k][n] is element k*N+n of the B fetch
        ws_pe #(
            .DW(DW),
            .AW(AW)
        ) u_pe (
            .clk     (clk),
            .rst     (rst),
            .w_load  (rd_b && (rd_idx[BAW-1:0] == WI[BAW-1:0])),
            .w_in    (b_rdata),
            .en      (computing),
            .a_in    (a_h[(k*(N+1)+n)*DW+:DW]),
            .psum_in (p_v[(k*N+n)*AW+:AW]),
            .a_out   (a_h[(k*(N+1)+n+1)*DW+:DW]),
            .psum_out(p_v[((k+1)*N+n)*AW+:AW])
        );
      end
    end

    // Capture: C[m][n] is at the bottom of column n in compute cycle m+K+n.
    for (n = 0; n < N; n = n + 1) begin : g_cap
      (* mem2reg *) reg [AW-1:0] c_col[0:M-1];
      localparam integer SKEW = K + n;
      wire [CW-1:0] mc = cnt - SKEW[CW-1:0];
      wire cap = computing && (mc < M_C);
      integer y;
      always @(posedge clk) begin
        if (rst) begin
          for (y = 0; y < M; y = y + 1) c_col[y] <= {AW{1'b0}};
        end else if (cap) begin
          c_col[mc[MW-1:0]] <= p_v[(K*N+n)*AW+:AW];
        end
      end
      for (m = 0; m < M; m = m + 1) begin : g_m
        assign c_view[m*N+n] = c_col[m];
      end
    end
  endgenerate

  // ---- DRAIN: one C element per cycle, in row-major order.
  assign c_we    = draining;
  assign c_addr  = draining ? cnt[CAW-1:0] : {CAW{1'b0}};
  assign c_wdata = draining ? c_view[cnt[CAW-1:0]] : {AW{1'b0}};
endmodule
