// Small HLS kernels for the mutator tests: a tiled GEMM with pragmas, a stream stage and a
// fixed-point scaler. Self-contained: the few HLS types they need are declared in hls_min.h.
#include "hls_min.h"

#define N 8
#define K 16

void gemm(const int8_t A[N][K], const int8_t B[K][N], int32_t C[N][N]) {
#pragma HLS interface mode=m_axi port=A
#pragma HLS interface mode=bram port=B
#pragma HLS interface mode=ap_memory port=C
  int8_t a_buf[N][K];
#pragma HLS array_partition variable=a_buf type=cyclic factor=4 dim=2
load:
  for (int i = 0; i < N; i++) {
    for (int k = 0; k < K; k++) {
#pragma HLS pipeline II=1
      a_buf[i][k] = A[i][k];
    }
  }
rows:
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++) {
#pragma HLS pipeline II=1
      int32_t acc = 0;
      for (int k = 0; k < K; k++) {
        acc += a_buf[i][k] * B[k][j];
      }
      C[i][j] = acc;
    }
  }
}

void scale(hls::stream<int32_t>& in, hls::stream<int32_t>& out, int shift, int n) {
#pragma HLS interface mode=axis port=in
#pragma HLS interface mode=axis port=out
#pragma HLS interface mode=s_axilite port=shift
  int32_t ping[2][4];
  int32_t best = -1;
  for (int t = 0; t < n; t++) {
#pragma HLS pipeline II=1
    int32_t v = in.read();
    if (v > best && t != 3) best = v;
    ping[t & 1][t % 4] = v >> 2;
    out.write((v << shift) + ping[0][t % 4]);
  }
  ap_fixed<16, 8, AP_RND, AP_SAT> q = best;
  out.write(q.to_int());
}

void unrolled(const int32_t x[16], int32_t y[16]) {
  for (int i = 0; i < 16; i += 4) {
    y[i + 0] = x[i + 0] * 3;
    y[i + 1] = x[i + 1] * 3;
    y[i + 2] = x[i + 2] * 3;
    y[i + 3] = x[i + 3] * 3;
  }
  int w = 0;
  while (w < 16) {
    y[w] += (int32_t)(int8_t)x[w];
    w++;
  }
}
