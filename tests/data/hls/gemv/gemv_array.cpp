// Test design: y = A * x with plain C arrays (int8_t in, int32_t out); ROWS/COLS come from
// [parameters], the row count also arrives as a scalar argument.
#include <cstdint>

#include "gemv_util.h"

void gemv(const int8_t A[ROWS][COLS], const int8_t x[COLS], int32_t y[ROWS], int rows) {
  for (int m = 0; m < rows; ++m) {
#pragma HLS PIPELINE II = 1
    int32_t acc = 0;
    for (int k = 0; k < COLS; ++k) acc += mul8(A[m][k], x[k]);
    y[m] = acc;
  }
}
