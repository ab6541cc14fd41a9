// gemm_tiled — int8 x int8 -> int32 matrix multiply, C[M][N] = A[M][K] * B[K][N], M = N = K = 16.
// Tiled for HLS: C is computed in TM x TN output tiles. Per tile the TM rows of A and the TN
// columns of B are burst-copied into on-chip buffers, then a K-deep loop pipelined at II=1
// updates all TM*TN accumulators in parallel (a TM x TN MAC array), and the tile is written back.
// Interface: A, B, C on m_axi (row-major), control on s_axilite.
#include "ap_int.h"

typedef ap_int<8>  data_t;
typedef ap_int<32> acc_t;

const int GM = 16;  // rows of A and C
const int GN = 16;  // columns of B and C
const int GK = 16;  // inner dimension
const int TM = 4;   // tile rows
const int TN = 4;   // tile columns

void gemm_tiled(const data_t A[GM][GK], const data_t B[GK][GN], acc_t C[GM][GN]) {
#pragma HLS INTERFACE m_axi port=A offset=slave bundle=gmem0 depth=256
#pragma HLS INTERFACE m_axi port=B offset=slave bundle=gmem1 depth=256
#pragma HLS INTERFACE m_axi port=C offset=slave bundle=gmem2 depth=256
#pragma HLS INTERFACE s_axilite port=return bundle=control

  data_t a_buf[TM][GK];
  data_t b_buf[GK][TN];
  acc_t  c_buf[TM][TN];
  // The compute loop reads column k of a_buf and row k of b_buf in one cycle: split the
  // dimension that the unrolled loops walk; every accumulator is touched each cycle.
#pragma HLS ARRAY_PARTITION variable=a_buf complete dim=1
#pragma HLS ARRAY_PARTITION variable=b_buf complete dim=2
#pragma HLS ARRAY_PARTITION variable=c_buf complete dim=0

tile_rows:
  for (int tm = 0; tm < GM; tm += TM) {
  tile_cols:
    for (int tn = 0; tn < GN; tn += TN) {
    load_a:
      for (int i = 0; i < TM; i++) {
        for (int k = 0; k < GK; k++) {
#pragma HLS PIPELINE II=1
          a_buf[i][k] = A[tm + i][k];
        }
      }
    load_b:
      for (int k = 0; k < GK; k++) {
        for (int j = 0; j < TN; j++) {
#pragma HLS PIPELINE II=1
          b_buf[k][j] = B[k][tn + j];
        }
      }
    init_c:
      for (int i = 0; i < TM; i++) {
#pragma HLS UNROLL
        for (int j = 0; j < TN; j++) {
#pragma HLS UNROLL
          c_buf[i][j] = 0;
        }
      }
    compute:
      for (int k = 0; k < GK; k++) {
#pragma HLS PIPELINE II=1
      mac_rows:
        for (int i = 0; i < TM; i++) {
#pragma HLS UNROLL
        mac_cols:
          for (int j = 0; j < TN; j++) {
#pragma HLS UNROLL
            c_buf[i][j] += a_buf[i][k] * b_buf[k][j];
          }
        }
      }
    store_c:
      for (int i = 0; i < TM; i++) {
        for (int j = 0; j < TN; j++) {
#pragma HLS PIPELINE II=1
          C[tm + i][tn + j] = c_buf[i][j];
        }
      }
    }
  }
}
