// gemv_tree — matrix-vector product y = A*x, one row of A per beat, pipelined adder tree.
//
// Interface: x_flat holds the static vector x (K signed DW-bit elements, x[k] at bits
// [k*DW +: DW]), held for the whole run. Row m of A arrives as one beat on the input stream
// a_valid/a_ready/a_data (A[m][k] at bits [k*DW +: DW]); the stream y_valid/y_ready/y_data emits
// y[m] = sum_k A[m][k]*x[k] as a signed AW-bit word, rows in order.
// Timing: stage 0 registers the K products, then one registered tree level per stage
// (LEVELS = log2 K), so y[m] appears LEVELS+1 cycles after its row is accepted; one row per cycle.
// The whole pipeline advances together and stops while the output is stalled.
// Synchronous, active-low reset `rst_n`.
module gemv_tree #(
    parameter integer K  = 16,  // row length, a power of two >= 2
    parameter integer DW = 8,   // element width (signed)
    parameter integer AW = 32   // accumulator / output width
) (
    input  wire            clk,
    input  wire            rst_n,
    input  wire [K*DW-1:0] x_flat,
    input  wire            a_valid,
    output wire            a_ready,
    input  wire [K*DW-1:0] a_data,
    output wire            y_valid,
    input  wire            y_ready,
    output wire [AW-1:0]   y_data
);
  localparam integer LEVELS = $clog2(K);
  localparam integer NODES = 2 * K - 1;  // heap layout: node i has children 2i+1, 2i+2; leaves K-1..2K-2
  localparam integer PW = 2 * DW;

  // All tree nodes in one flat vector, AW bits each; node 0 is the root.
  reg  [NODES*AW-1:0] tree;
  // vld[s]: stage s holds a row (s = 0 leaves, s = LEVELS root).
  reg  [  LEVELS:0]   vld;

  wire                adv = !vld[LEVELS] || y_ready;  // stalled only by the output
  assign a_ready = adv;
  assign y_valid = vld[LEVELS];
  assign y_data  = tree[0+:AW];

  always @(posedge clk) begin
    if (!rst_n) vld <= {(LEVELS + 1) {1'b0}};
    else if (adv) vld <= {vld[LEVELS-1:0], a_valid};
  end

  genvar k, l, n;
  // Stage 0: one signed multiplier per element, sign-extended into the leaf registers.
  generate
    for (k = 0; k < K; k = k + 1) begin : g_leaf
      wire signed [PW-1:0] prod = $signed(a_data[k*DW+:DW]) * $signed(x_flat[k*DW+:DW]);
      always @(posedge clk) begin
        if (!rst_n) tree[(K-1+k)*AW+:AW] <= {AW{1'b0}};
        else if (adv) tree[(K-1+k)*AW+:AW] <= {{(AW - PW) {prod[PW-1]}}, prod};
      end
    end
    // Stages 1..LEVELS: level l (2**l nodes, first index 2**l - 1) adds pairs of level l+1.
    for (l = LEVELS - 1; l >= 0; l = l - 1) begin : g_level
      for (n = (1 << l) - 1; n < (2 << l) - 1; n = n + 1) begin : g_node
        always @(posedge clk) begin
          if (!rst_n) tree[n*AW+:AW] <= {AW{1'b0}};
          else if (adv) tree[n*AW+:AW] <= tree[(2*n+1)*AW+:AW] + tree[(2*n+2)*AW+:AW];
        end
      end
    end
  endgenerate
endmodule
