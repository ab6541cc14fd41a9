// ternary_gemm — int8 activations x ternary {-1, 0, +1} weights -> int32, C[M][N] = A * w,
// M = 4, N = 8, K = 32. Weights arrive 2-bit packed, four per byte along k:
// Wp[k/4][n] bits [2i+1:2i] (i = k%4) encode w[k][n]: 00 -> 0, 01 -> +1, 11 -> -1, 10 -> 0.
// The weights are decoded once into a local {-1,0,1} array; the MAC is multiplier-free
// (add, subtract or skip the activation). The k loop is pipelined with the N columns unrolled.
// Interface: A, Wp, C on m_axi (row-major), control on s_axilite.
#include "ap_int.h"

typedef ap_int<8>  act_t;
typedef ap_uint<8> pack_t;
typedef ap_int<2>  tern_t;  // -1, 0, +1
typedef ap_int<32> acc_t;

const int TGM = 4;
const int TGN = 8;
const int TGK = 32;
const int PER_BYTE = 4;  // 2-bit codes per byte

// 2-bit code -> ternary weight.
static tern_t decode(ap_uint<2> code) {
#pragma HLS INLINE
  switch (code.to_int()) {
    case 1: return 1;
    case 3: return -1;
    default: return 0;  // 00 and the unused 10
  }
}

void ternary_gemm(const act_t A[TGM][TGK], const pack_t Wp[TGK / PER_BYTE][TGN], acc_t C[TGM][TGN]) {
#pragma HLS INTERFACE m_axi port=A offset=slave bundle=gmem0 depth=128
#pragma HLS INTERFACE m_axi port=Wp offset=slave bundle=gmem1 depth=64
#pragma HLS INTERFACE m_axi port=C offset=slave bundle=gmem2 depth=32
#pragma HLS INTERFACE s_axilite port=return bundle=control

  tern_t w[TGK][TGN];
#pragma HLS ARRAY_PARTITION variable=w complete dim=2

unpack:
  for (int kb = 0; kb < TGK / PER_BYTE; kb++) {
    for (int n = 0; n < TGN; n++) {
#pragma HLS PIPELINE II=1
      pack_t byte = Wp[kb][n];
    fields:
      for (int i = 0; i < PER_BYTE; i++) {
#pragma HLS UNROLL
        w[kb * PER_BYTE + i][n] = decode(byte.range(2 * i + 1, 2 * i));
      }
    }
  }

rows:
  for (int m = 0; m < TGM; m++) {
    acc_t acc[TGN];
#pragma HLS ARRAY_PARTITION variable=acc complete dim=1
  init:
    for (int n = 0; n < TGN; n++) {
#pragma HLS UNROLL
      acc[n] = 0;
    }
  inner:
    for (int k = 0; k < TGK; k++) {
#pragma HLS PIPELINE II=1
      act_t a = A[m][k];
    cols:
      for (int n = 0; n < TGN; n++) {
#pragma HLS UNROLL
        if (w[k][n] == 1)
          acc[n] += a;
        else if (w[k][n] == -1)
          acc[n] -= a;
      }
    }
  store:
    for (int n = 0; n < TGN; n++) {
#pragma HLS PIPELINE II=1
      C[m][n] = acc[n];
    }
  }
}
