// gemm_systolic — int8 x int8 -> int32 matrix multiply C[M][N] = A[M][K] * B[K][N],
// M = 8, N = 12, K = 16, on an output-stationary PR x PC = 4 x 4 systolic array.
// Each 4x4 output tile stays in the array's accumulators. A enters from the left edge and B from
// the top edge, skewed by one step per row/column, so PE (i, j) sees A[i][k] and B[k][j] at step
// t = k + i + j; operands hop one PE right (A) or down (B) per step. After K + PR + PC - 2 steps
// the tile is drained by shifting the accumulator grid down one row per cycle.
// The B tile is stored transposed (b_buf[j][k] = B[k][tn + j]) so both edges are fed from k-rows.
// Interface: A, B, C on m_axi (row-major), control on s_axilite.
#include "ap_int.h"

typedef ap_int<8>  data_t;
typedef ap_int<32> acc_t;

const int SM = 8;   // rows of A and C
const int SN = 12;  // columns of B and C
const int SK = 16;  // inner dimension
const int PR = 4;   // PE rows (tile height)
const int PC = 4;   // PE columns (tile width)

// Edge feeder: element k of a k-row, or zero outside the band 0 <= k < K (skew fill / drain).
static data_t feed(const data_t row[SK], int k) {
#pragma HLS INLINE
  if (k >= 0 && k < SK) return row[k];
  return 0;
}

// One row of PEs for one clock. Operand a enters at column 0 and moves right, b comes from the
// row above (its registers still hold the previous clock's values: rows are updated bottom-up).
// Columns are visited right to left so each PE reads its left neighbour before it is overwritten.
static void pe_row(data_t a_edge, const data_t b_above[PC], data_t a_reg[PC], data_t b_reg[PC],
                   acc_t acc[PC]) {
#pragma HLS INLINE
pe_cols:
  for (int j = PC - 1; j >= 0; j--) {
#pragma HLS UNROLL
    data_t a_in = (j == 0) ? a_edge : a_reg[j - 1];
    data_t b_in = b_above[j];
    acc[j] += a_in * b_in;
    a_reg[j] = a_in;
    b_reg[j] = b_in;
  }
}

void gemm_systolic(const data_t A[SM][SK], const data_t B[SK][SN], acc_t C[SM][SN]) {
#pragma HLS INTERFACE m_axi port=A offset=slave bundle=gmem0 depth=128
#pragma HLS INTERFACE m_axi port=B offset=slave bundle=gmem1 depth=192
#pragma HLS INTERFACE m_axi port=C offset=slave bundle=gmem2 depth=96
#pragma HLS INTERFACE s_axilite port=return bundle=control

  data_t a_buf[PR][SK];  // the tile's rows of A
  data_t b_buf[PC][SK];  // the tile's columns of B, transposed
  data_t a_reg[PR][PC];  // operand registers of the PEs
  data_t b_reg[PR][PC];
  data_t b_edge[PC];     // the top edge's inputs this clock
  acc_t  acc[PR][PC];    // output-stationary accumulators, one per PE
  // The feeders read one k of every row (column) in the same cycle; the grid is all registers.
#pragma HLS ARRAY_PARTITION variable=a_buf complete dim=1
#pragma HLS ARRAY_PARTITION variable=b_buf complete dim=1
#pragma HLS ARRAY_PARTITION variable=a_reg complete dim=0
#pragma HLS ARRAY_PARTITION variable=b_reg complete dim=0
#pragma HLS ARRAY_PARTITION variable=b_edge complete dim=1
#pragma HLS ARRAY_PARTITION variable=acc complete dim=0

tile_rows:
  for (int tm = 0; tm < SM; tm += PR) {
  tile_cols:
    for (int tn = 0; tn < SN; tn += PC) {
    load:
      for (int k = 0; k < SK; k++) {
#pragma HLS PIPELINE II=1
        for (int i = 0; i < PR; i++) {
#pragma HLS UNROLL
          a_buf[i][k] = A[tm + i][k];
        }
        for (int j = 0; j < PC; j++) {
#pragma HLS UNROLL
          b_buf[j][k] = B[k][tn + j];
        }
      }
      // Nothing from the previous tile may leak in: clear accumulators and operand registers.
    clear:
      for (int i = 0; i < PR; i++) {
#pragma HLS UNROLL
        for (int j = 0; j < PC; j++) {
#pragma HLS UNROLL
          acc[i][j] = 0;
          a_reg[i][j] = 0;
          b_reg[i][j] = 0;
        }
      }
      // The wavefront, one array clock per iteration; PE rows are updated bottom-up.
    wavefront:
      for (int t = 0; t < SK + PR + PC - 2; t++) {
#pragma HLS PIPELINE II=1
        for (int j = 0; j < PC; j++) {
#pragma HLS UNROLL
          b_edge[j] = feed(b_buf[j], t - j);
        }
        for (int i = PR - 1; i >= 0; i--) {
#pragma HLS UNROLL
          pe_row(feed(a_buf[i], t - i), i == 0 ? b_edge : b_reg[i - 1], a_reg[i], b_reg[i], acc[i]);
        }
      }
      // Drain: the bottom row leaves the array each cycle while the grid shifts down one row.
    drain:
      for (int r = 0; r < PR; r++) {
#pragma HLS PIPELINE II=1
        for (int j = 0; j < PC; j++) {
#pragma HLS UNROLL
          C[tm + PR - 1 - r][tn + j] = acc[PR - 1][j];
        }
        for (int i = PR - 1; i > 0; i--) {
#pragma HLS UNROLL
          for (int j = 0; j < PC; j++) {
#pragma HLS UNROLL
            acc[i][j] = acc[i - 1][j];
          }
        }
      }
    }
  }
}
