// gemv_tree — int8 matrix-vector product y[M] = A[M][K] * x[K] (int32), M = 8, K = 16.
// One row per pipelined iteration (II=1): the K products are formed in parallel and reduced by
// an explicit log2(K)-level adder tree (16 -> 8 -> 4 -> 2 -> 1), each level widened by one bit
// so no partial sum can overflow. x is kept in a fully partitioned local copy.
// Interface: A, x, y on m_axi (row-major), control on s_axilite.
#include "ap_int.h"

typedef ap_int<8>  data_t;
typedef ap_int<32> acc_t;

const int VM = 8;   // rows
const int VK = 16;  // row length (the tree below is written for 16)

void gemv_tree(const data_t A[VM][VK], const data_t x[VK], acc_t y[VM]) {
#pragma HLS INTERFACE m_axi port=A offset=slave bundle=gmem0 depth=128
#pragma HLS INTERFACE m_axi port=x offset=slave bundle=gmem1 depth=16
#pragma HLS INTERFACE m_axi port=y offset=slave bundle=gmem2 depth=8
#pragma HLS INTERFACE s_axilite port=return bundle=control

  data_t x_loc[VK];
#pragma HLS ARRAY_PARTITION variable=x_loc complete dim=1
load_x:
  for (int k = 0; k < VK; k++) {
#pragma HLS PIPELINE II=1
    x_loc[k] = x[k];
  }

rows:
  for (int m = 0; m < VM; m++) {
#pragma HLS PIPELINE II=1
    data_t a_row[VK];
    ap_int<16> prod[VK];  // int8*int8 fits 16 bits
    ap_int<17> s1[8];
    ap_int<18> s2[4];
    ap_int<19> s3[2];
    ap_int<20> s4;
#pragma HLS ARRAY_PARTITION variable=a_row complete dim=1
#pragma HLS ARRAY_PARTITION variable=prod complete dim=1
#pragma HLS ARRAY_PARTITION variable=s1 complete dim=1
#pragma HLS ARRAY_PARTITION variable=s2 complete dim=1
#pragma HLS ARRAY_PARTITION variable=s3 complete dim=1
  read_row:
    for (int k = 0; k < VK; k++) {
#pragma HLS UNROLL
      a_row[k] = A[m][k];
    }
  mul:
    for (int k = 0; k < VK; k++) {
#pragma HLS UNROLL
      prod[k] = a_row[k] * x_loc[k];
    }
  level1:
    for (int i = 0; i < 8; i++) {
#pragma HLS UNROLL
      s1[i] = prod[2 * i] + prod[2 * i + 1];
    }
  level2:
    for (int i = 0; i < 4; i++) {
#pragma HLS UNROLL
      s2[i] = s1[2 * i] + s1[2 * i + 1];
    }
  level3:
    for (int i = 0; i < 2; i++) {
#pragma HLS UNROLL
      s3[i] = s2[2 * i] + s2[2 * i + 1];
    }
    s4 = s3[0] + s3[1];
    y[m] = s4;
  }
}
