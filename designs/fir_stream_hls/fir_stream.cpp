// fir_stream — 8-tap FIR filter as a dataflow pipeline of three tasks joined by hls::streams:
//   read_input (AXI-stream in -> internal stream) -> filter (shift register MAC)
//   -> write_output (internal stream -> AXI-stream out).
//   y[n] = sum_{t=0}^{min(T-1,n)} h[t] * x[n-t]   (zero history), N = 32 samples, int16 -> int48
// Each task handles one sample per cycle (II=1), so the tasks overlap in hardware.
// Interface: x_in / y_out AXI4-Stream, h on m_axi, control on s_axilite.
#include "ap_int.h"
#include "hls_stream.h"

typedef ap_int<16> sample_t;
typedef ap_int<16> coef_t;
typedef ap_int<48> acc_t;

const int FS_N = 32;  // samples per call
const int FS_T = 8;   // taps

static void read_input(hls::stream<sample_t>& in, hls::stream<sample_t>& out) {
read_loop:
  for (int n = 0; n < FS_N; n++) {
#pragma HLS PIPELINE II=1
    out.write(in.read());
  }
}

static void filter(hls::stream<sample_t>& in, const coef_t h[FS_T], hls::stream<acc_t>& out) {
  coef_t coef[FS_T];
  sample_t shift_reg[FS_T];
#pragma HLS ARRAY_PARTITION variable=coef complete dim=1
#pragma HLS ARRAY_PARTITION variable=shift_reg complete dim=1
load_coef:
  for (int t = 0; t < FS_T; t++) {
#pragma HLS PIPELINE II=1
    coef[t] = h[t];
    shift_reg[t] = 0;
  }
filter_loop:
  for (int n = 0; n < FS_N; n++) {
#pragma HLS PIPELINE II=1
  shift:
    for (int t = FS_T - 1; t > 0; t--) {
#pragma HLS UNROLL
      shift_reg[t] = shift_reg[t - 1];
    }
    shift_reg[0] = in.read();
    acc_t acc = 0;
  mac:
    for (int t = 0; t < FS_T; t++) {
#pragma HLS UNROLL
      acc += shift_reg[t] * coef[t];
    }
    out.write(acc);
  }
}

static void write_output(hls::stream<acc_t>& in, hls::stream<acc_t>& out) {
write_loop:
  for (int n = 0; n < FS_N; n++) {
#pragma HLS PIPELINE II=1
    out.write(in.read());
  }
}

void fir_stream(hls::stream<sample_t>& x_in, const coef_t h[FS_T], hls::stream<acc_t>& y_out) {
#pragma HLS INTERFACE axis port=x_in
#pragma HLS INTERFACE axis port=y_out
#pragma HLS INTERFACE m_axi port=h offset=slave bundle=gmem0 depth=8
#pragma HLS INTERFACE s_axilite port=return bundle=control
#pragma HLS DATAFLOW

  hls::stream<sample_t> samples("samples");
  hls::stream<acc_t> results("results");
#pragma HLS STREAM variable=samples depth=2
#pragma HLS STREAM variable=results depth=2

  read_input(x_in, samples);
  filter(samples, h, results);
  write_output(results, y_out);
}
