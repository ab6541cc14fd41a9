// lut_gemm — int8 activations x signed 4-bit weights -> int32 through activation lookup tables
// (T-MAC style), C[M][N] = A[M][K] * w[K][N], M = 2, N = 8, K = 32, BITS = 4.
// Packing (lut_gemm kernel): Wp[k/2][n] holds w[k][n] at bits [4(k%2) +: 4], two's complement.
// For each row and each group of 4 activations a0..a3 a 16-entry table
//   lut[i] = sum_{j: bit j of i} a_j
// is precomputed once; every column then reads it once per weight bit plane b with the index
// formed by bit b of its 4 weights, and adds lut[idx] << b (the sign plane b = BITS-1 is
// subtracted). All N columns share the table, so there are no multipliers.
// Interface: A, Wp, C on m_axi (row-major), control on s_axilite.
#include "ap_int.h"

typedef ap_int<8>  act_t;
typedef ap_uint<8> pack_t;
typedef ap_int<10> lut_t;   // a sum of 4 int8 values
typedef ap_int<32> acc_t;

const int LM = 2;
const int LN = 8;
const int LK = 32;
const int LBITS = 4;               // weight bits
const int WPB = 8 / LBITS;         // weights per byte
const int GROUP = 4;               // activations per table
const int LUT_SIZE = 1 << GROUP;

// The 16 subset sums of a0..a3, each built from a smaller entry plus one activation.
static void build_lut(const act_t a[GROUP], lut_t lut[LUT_SIZE]) {
#pragma HLS INLINE
  lut[0] = 0;
build:
  for (int i = 1; i < LUT_SIZE; i++) {
#pragma HLS UNROLL
    int top = 3;
    while (((i >> top) & 1) == 0) top--;  // highest set bit of i
    lut[i] = lut[i & ~(1 << top)] + a[top];
  }
}

void lut_gemm(const act_t A[LM][LK], const pack_t Wp[LK / WPB][LN], acc_t C[LM][LN]) {
#pragma HLS INTERFACE m_axi port=A offset=slave bundle=gmem0 depth=64
#pragma HLS INTERFACE m_axi port=Wp offset=slave bundle=gmem1 depth=128
#pragma HLS INTERFACE m_axi port=C offset=slave bundle=gmem2 depth=16
#pragma HLS INTERFACE s_axilite port=return bundle=control

  // Local weight copy, unpacked to one BITS-bit field per element.
  ap_uint<LBITS> w[LK][LN];
#pragma HLS ARRAY_PARTITION variable=w complete dim=2
unpack:
  for (int kb = 0; kb < LK / WPB; kb++) {
    for (int n = 0; n < LN; n++) {
#pragma HLS PIPELINE II=1
      pack_t byte = Wp[kb][n];
      for (int i = 0; i < WPB; i++) {
#pragma HLS UNROLL
        w[kb * WPB + i][n] = byte.range(LBITS * i + LBITS - 1, LBITS * i);
      }
    }
  }

rows:
  for (int m = 0; m < LM; m++) {
    acc_t acc[LN];
#pragma HLS ARRAY_PARTITION variable=acc complete dim=1
  init:
    for (int n = 0; n < LN; n++) {
#pragma HLS UNROLL
      acc[n] = 0;
    }
  groups:
    for (int g = 0; g < LK / GROUP; g++) {
#pragma HLS PIPELINE II=1
      act_t a[GROUP];
      lut_t lut[LUT_SIZE];
#pragma HLS ARRAY_PARTITION variable=a complete dim=1
#pragma HLS ARRAY_PARTITION variable=lut complete dim=1
    load_act:
      for (int j = 0; j < GROUP; j++) {
#pragma HLS UNROLL
        a[j] = A[m][g * GROUP + j];
      }
      build_lut(a, lut);
    cols:
      for (int n = 0; n < LN; n++) {
#pragma HLS UNROLL
        acc_t sum = 0;
      planes:
        for (int b = 0; b < LBITS; b++) {
#pragma HLS UNROLL
          ap_uint<GROUP> idx;
          for (int j = 0; j < GROUP; j++) {
#pragma HLS UNROLL
            idx[j] = w[g * GROUP + j][n][b];
          }
          acc_t part = acc_t(lut[idx]) << b;
          if (b == LBITS - 1)
            sum -= part;  // two's complement: the MSB plane weighs -2^(BITS-1)
          else
            sum += part;
        }
        acc[n] += sum;
      }
    }
  store:
    for (int n = 0; n < LN; n++) {
#pragma HLS PIPELINE II=1
      C[m][n] = acc[n];
    }
  }
}
