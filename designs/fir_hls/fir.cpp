// fir — 8-tap FIR filter over a block of 32 int16 samples, y int48:
//   y[n] = sum_{t=0}^{min(T-1,n)} h[t] * x[n-t]   (samples before x[0] are zero)
// Direct form with a shift register: one sample per pipelined iteration (II=1); the taps and
// the shift register are fully partitioned so all T products are formed in parallel.
// Interface: x, h, y on m_axi, control on s_axilite.
#include "ap_int.h"

typedef ap_int<16> sample_t;
typedef ap_int<16> coef_t;
typedef ap_int<48> acc_t;

const int FIR_N = 32;  // samples
const int FIR_T = 8;   // taps

void fir(const sample_t x[FIR_N], const coef_t h[FIR_T], acc_t y[FIR_N]) {
#pragma HLS INTERFACE m_axi port=x offset=slave bundle=gmem0 depth=32
#pragma HLS INTERFACE m_axi port=h offset=slave bundle=gmem1 depth=8
#pragma HLS INTERFACE m_axi port=y offset=slave bundle=gmem2 depth=32
#pragma HLS INTERFACE s_axilite port=return bundle=control

  coef_t coef[FIR_T];
  sample_t shift_reg[FIR_T];
#pragma HLS ARRAY_PARTITION variable=coef complete dim=1
#pragma HLS ARRAY_PARTITION variable=shift_reg complete dim=1

load_coef:
  for (int t = 0; t < FIR_T; t++) {
#pragma HLS PIPELINE II=1
    coef[t] = h[t];
    shift_reg[t] = 0;  // zero history
  }

samples:
  for (int n = 0; n < FIR_N; n++) {
#pragma HLS PIPELINE II=1
  shift:
    for (int t = FIR_T - 1; t > 0; t--) {
#pragma HLS UNROLL
      shift_reg[t] = shift_reg[t - 1];
    }
    shift_reg[0] = x[n];

    acc_t acc = 0;
  mac:
    for (int t = 0; t < FIR_T; t++) {
#pragma HLS UNROLL
      acc += shift_reg[t] * coef[t];
    }
    y[n] = acc;
  }
}
