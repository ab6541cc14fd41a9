// gemm_os — C = A*B on a ROWS x COLS output-stationary systolic array (block start/done).
//
// A is ROWS x K, B is K x COLS, both signed DW-bit; C is ROWS x COLS, signed AW-bit (wraps).
// Interface (flat, row-major): A[i][k] at a_flat[(i*K+k)*DW +: DW], B[k][j] at
// b_flat[(k*COLS+j)*DW +: DW], C[i][j] at c_flat[(i*COLS+j)*AW +: AW]. Pulse `start` with the
// inputs applied; they are captured on that edge. `done` goes high (and c_flat valid) when the
// product is ready and stays high until the next start. Synchronous, active-low reset `rst_n`.
//
// Dataflow: PE(i,j) accumulates C[i][j]. Row i of A enters the west edge skewed by i cycles
// (A[i][k] at compute cycle k+i), column j of B enters the north edge skewed by j cycles
// (B[k][j] at cycle k+j); operands move one PE per cycle east / south, so A[i][k] and B[k][j]
// meet in PE(i,j) at cycle k+i+j. The last pair meets at cycle K+ROWS+COLS-3.
// FSM: IDLE -> LOAD (clear array) -> COMPUTE (K+ROWS+COLS-2 cycles) -> DRAIN (copy accumulators
// to the output register) -> DONE. Latency start->done: K+ROWS+COLS+1 cycles.
module gemm_os #(
    parameter integer ROWS = 4,  // M
    parameter integer COLS = 4,  // N
    parameter integer K    = 8,  // reduction length, a power of two
    parameter integer DW   = 8,
    parameter integer AW   = 32
) (
    input  wire                    clk,
    input  wire                    rst_n,
    input  wire                    start,
    input  wire [ROWS*K*DW-1:0]    a_flat,
    input  wire [K*COLS*DW-1:0]    b_flat,
    output reg  [ROWS*COLS*AW-1:0] c_flat,
    output wire                    done
);
  localparam integer T = K + ROWS + COLS - 2;  // compute cycles
  localparam integer CW = $clog2(T + 1) + 1;  // counter width with headroom for the skew subtraction
  localparam integer KW = $clog2(K);

  localparam [CW-1:0] LAST = T[CW-1:0] - 1'b1;
  localparam [CW-1:0] KLEN = K[CW-1:0];

  localparam [2:0] S_IDLE = 3'd0, S_LOAD = 3'd1, S_COMPUTE = 3'd2, S_DRAIN = 3'd3, S_DONE = 3'd4;

  reg [2:0] state;
  reg [CW-1:0] cnt;
  reg [ROWS*K*DW-1:0] a_buf;
  reg [K*COLS*DW-1:0] b_buf;

  wire computing = (state == S_COMPUTE);
  assign done = (state == S_DONE);

  // Control FSM.
  always @(posedge clk) begin
    if (!rst_n) begin
      state <= S_IDLE;
      cnt   <= {CW{1'b0}};
      a_buf <= {ROWS * K * DW{1'b0}};
      b_buf <= {K * COLS * DW{1'b0}};
    end else begin
      case (state)
        S_IDLE, S_DONE:
        if (start) begin
          a_buf <= a_flat;
          b_buf <= b_flat;
          state <= S_LOAD;
        end
        S_LOAD: begin
          cnt   <= {CW{1'b0}};
          state <= S_COMPUTE;
        end
        S_COMPUTE: begin
          cnt <= cnt + 1'b1;
          if (cnt == LAST) state <= S_DRAIN;
        end
        S_DRAIN: state <= S_DONE;
        default: state <= S_IDLE;
      endcase
    end
  end

  // Edge feeders and the array. a_h[i][j] is the west input of PE(i,j) (column COLS is the
  // unused east edge); b_v[i][j] is the north input of PE(i,j) (row ROWS unused).
  /* verilator lint_off UNUSEDSIGNAL */
  wire [ROWS*(COLS+1)*DW-1:0] a_h;
  wire [(ROWS+1)*COLS*DW-1:0] b_v;
  /* verilator lint_on UNUSEDSIGNAL */
  wire [ROWS*COLS*AW-1:0] acc_all;

  genvar i, j;
  generate
    for (i = 0; i < ROWS; i = i + 1) begin : g_west
      // Row i is delayed by i cycles: at cycle cnt it carries A[i][cnt-i] while 0 <= cnt-i < K.
      wire [DW-1:0] a_row[0:K-1];  // row i of A, indexable by k
      genvar k;
      for (k = 0; k < K; k = k + 1) begin : g_k
        assign a_row[k] = a_buf[(i*K+k)*DW+:DW];
      end
      wire [CW-1:0] ka = cnt - i;  // wraps to a large value when cnt < i
      wire live = computing && (ka < KLEN);
      assign a_h[(i*(COLS+1))*DW+:DW] = live ? a_row[ka[KW-1:0]] : {DW{1'b0}};
    end
    for (j = 0; j < COLS; j = j + 1) begin : g_north
      // Column j is delayed by j cycles: at cycle cnt it carries B[cnt-j][j].
      wire [DW-1:0] b_col[0:K-1];  // column j of B, indexable by k
      genvar k;
      for (k = 0; k < K; k = k + 1) begin : g_k
        assign b_col[k] = b_buf[(k*COLS+j)*DW+:DW];
      end
      wire [CW-1:0] kb = cnt - j;
      wire live = computing && (kb < KLEN);
      assign b_v[j*DW+:DW] = live ? b_col[kb[KW-1:0]] : {DW{1'b0}};
    end
    for (i = 0; i < ROWS; i = i + 1) begin : g_row
      for (j = 0; j < COLS; j = j + 1) begin : g_col
        os_pe #(
            .DW(DW),
            .AW(AW)
        ) u_pe (
            .clk  (clk),
            .rst_n(rst_n),
            .clear(state == S_LOAD),
            .en   (computing),
            .a_in (a_h[(i*(COLS+1)+j)*DW+:DW]),
            .b_in (b_v[(i*COLS+j)*DW+:DW]),
            .a_out(a_h[(i*(COLS+1)+j+1)*DW+:DW]),
            .b_out(b_v[((i+1)*COLS+j)*DW+:DW]),
            .acc  (acc_all[(i*COLS+j)*AW+:AW])
        );
      end
    end
  endgenerate

  // Result readout: snapshot the accumulators once the last pair has been added.
  always @(posedge clk) begin
    if (!rst_n) c_flat <= {ROWS * COLS * AW{1'b0}};
    else if (state == S_DRAIN) c_flat <= acc_all;
  end
endmodule
