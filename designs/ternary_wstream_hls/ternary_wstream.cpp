// ternary_wstream — int8 activations x ternary {-1, 0, +1} weights -> int32 (BitNet-style),
// C[M][N] = A[M][K] * w[K][N], M = 4, N = 8, K = 24, weight-streaming micro-architecture.
// Weights arrive 2-bit packed, four per byte along k: bits [2i+1:2i] of Wp[k/4][n] (i = k%4)
// encode w[k][n]: 00 -> 0, 01 -> +1, 11 -> -1, 10 -> 0, i.e. bit 2i enables the weight and
// bit 2i+1 is its sign. The activations stay on chip; the packed weights are streamed exactly
// once, one byte per pipelined iteration (II=1), and never unpacked into memory: each byte is
// decoded on the fly and, for all M rows in parallel, its 4 activations are added, subtracted
// or skipped (no multipliers) and the 4-term sum is added to the row's accumulator for column n.
// Interface: A, Wp, C on m_axi (row-major), control on s_axilite.
#include "ap_int.h"

typedef ap_int<8>  act_t;
typedef ap_uint<8> pack_t;
typedef ap_int<32> acc_t;

const int WM = 4;           // rows of A and C
const int WN = 8;           // columns of w and C
const int WK = 24;          // inner dimension
const int PER_BYTE = 4;     // 2-bit codes per byte
const int WKB = WK / PER_BYTE;

// One packed byte against 4 consecutive activations of one row: sum of w_i * a[i], where
// w_i = 0 unless bit 2i is set, and -1 instead of +1 when bit 2i+1 is set as well.
static ap_int<11> byte_dot(pack_t wb, const act_t a[PER_BYTE]) {
#pragma HLS INLINE
  ap_int<11> s = 0;  // |sum| <= 4 * 128
codes:
  for (int i = 0; i < PER_BYTE; i++) {
#pragma HLS UNROLL
    bool en = wb[2 * i];
    bool neg = wb[2 * i + 1];
    if (en) {
      if (neg)
        s -= a[i];
      else
        s += a[i];
    }
  }
  return s;
}

void ternary_wstream(const act_t A[WM][WK], const pack_t Wp[WKB][WN], acc_t C[WM][WN]) {
#pragma HLS INTERFACE m_axi port=A offset=slave bundle=gmem0 depth=96
#pragma HLS INTERFACE m_axi port=Wp offset=slave bundle=gmem1 depth=48
#pragma HLS INTERFACE m_axi port=C offset=slave bundle=gmem2 depth=32
#pragma HLS INTERFACE s_axilite port=return bundle=control

  act_t a_loc[WM][WK];  // all activations, resident for the whole weight stream
  acc_t acc[WM][WN];
  // Every row reads 4 consecutive k (one byte's worth) in the same cycle.
#pragma HLS ARRAY_PARTITION variable=a_loc complete dim=1
#pragma HLS ARRAY_PARTITION variable=a_loc cyclic factor=4 dim=2
#pragma HLS ARRAY_PARTITION variable=acc complete dim=1

load_a:
  for (int m = 0; m < WM; m++) {
    for (int k = 0; k < WK; k++) {
#pragma HLS PIPELINE II=1
      a_loc[m][k] = A[m][k];
    }
  }
clear:
  for (int n = 0; n < WN; n++) {
#pragma HLS PIPELINE II=1
    for (int m = 0; m < WM; m++) {
#pragma HLS UNROLL
      acc[m][n] = 0;
    }
  }

  // The weight stream, in Wp's own row-major order: byte (kb, n) is read once.
wstream:
  for (int kb = 0; kb < WKB; kb++) {
    for (int n = 0; n < WN; n++) {
#pragma HLS PIPELINE II=1
      pack_t wb = Wp[kb][n];
    rows:
      for (int m = 0; m < WM; m++) {
#pragma HLS UNROLL
        act_t a4[PER_BYTE];
#pragma HLS ARRAY_PARTITION variable=a4 complete dim=1
        for (int i = 0; i < PER_BYTE; i++) {
#pragma HLS UNROLL
          a4[i] = a_loc[m][kb * PER_BYTE + i];
        }
        acc[m][n] += byte_dot(wb, a4);
      }
    }
  }

store:
  for (int m = 0; m < WM; m++) {
    for (int n = 0; n < WN; n++) {
#pragma HLS PIPELINE II=1
      C[m][n] = acc[m][n];
    }
  }
}
