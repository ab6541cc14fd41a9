// Test design: y = A * x with ap_int arrays (flat row-major A).
#include "ap_int.h"

void gemv_ap(ap_int<8> A[ROWS * COLS], ap_int<8> x[COLS], ap_int<32> y[ROWS]) {
  for (int m = 0; m < ROWS; ++m) {
    ap_int<32> acc = 0;
    for (int k = 0; k < COLS; ++k) acc += A[m * COLS + k] * x[k];
    y[m] = acc;
  }
}
