// One misuse of each pragma rule, for `bugforge lint-hls` and test_hls_pragma_check.cpp.
// The line of each misused pragma is listed in the test.
#include "hls_min.h"

void misuse(const int in[16], int out[16], int n, hls::stream<int>& s) {
#pragma HLS interface mode=m_axi port=n
#pragma HLS interface mode=ap_none port=out
#pragma HLS interface mode=ap_fifo port=in
  int a[16];
#pragma HLS array_partition variable=a type=cyclic factor=5
  int b[4][8];
#pragma HLS array_partition variable=b complete dim=3
  int c[16];
#pragma HLS array_partition variable=c type=block factor=4
  int d[4][8];
#pragma HLS array_partition variable=d complete dim=1
  for (int i = 0; i < 16; i++) {
    a[i] = in[15 - i];
    c[i] = in[i];
  }
  for (int i = 0; i < 4; i++) {
#pragma HLS pipeline II=1
    for (int j = 0; j < 8; j++) {
#pragma HLS pipeline II=1
      b[i][j] = a[j] + c[j] + d[i][j];
    }
  }
  for (int i = 0; i < 4; i++) {
#pragma HLS unroll
    for (int j = 0; j < 8; j++) out[i * 4 + j % 4] += b[i][j];
  }
  {
#pragma HLS dataflow
    int t = s.read();
    out[0] = t;
  }
#pragma HLS unroll
#pragma HLS array_partition variable=missing complete
}

void bursts(const int m[64], int* o) {
#pragma HLS interface mode=m_axi port=m
  int acc = 0;
  for (int col = 0; col < 8; col++)
    for (int row = 0; row < 8; row++) acc += m[row * 8 + col];
  *o = acc;
}
