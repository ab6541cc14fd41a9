// Test design: y = A * x over hls::stream (x first buffered, then A row by row).
#include "ap_int.h"
#include "hls_stream.h"

void gemv_stream(hls::stream<ap_int<8> >& a, hls::stream<ap_int<8> >& x, hls::stream<ap_int<32> >& y) {
  ap_int<8> xs[COLS];
  for (int k = 0; k < COLS; ++k) xs[k] = x.read();
  for (int m = 0; m < ROWS; ++m) {
    ap_int<32> acc = 0;
    for (int k = 0; k < COLS; ++k) acc += a.read() * xs[k];
    y.write(acc);
  }
}
