// conv2d — int8 valid 2-D convolution (cross-correlation, stride 1) -> int32, with a line buffer
// and a sliding window: X [CIN=2][8][8], Wt [COUT=3][CIN][3][3], Y [COUT][6][6].
//   Y[co][oy][ox] = sum_{ci,ky,kx} X[ci][oy+ky][ox+kx] * Wt[co][ci][ky][kx]
// Each input channel is scanned once in raster order (one pixel per cycle, II=1). The line buffer
// keeps the previous KH-1 rows; each new pixel plus the column above it shifts into a KH x KW
// window; once the window is full (row >= KH-1, col >= KW-1) every output channel's partial sum
// for that position is updated. Partial sums live in a local buffer until all channels are done.
// Interface: X, Wt, Y on m_axi (row-major), control on s_axilite.
#include "ap_int.h"

typedef ap_int<8>  pix_t;
typedef ap_int<32> acc_t;

const int CI_N = 2;
const int CO_N = 3;
const int IMG_H = 8;
const int IMG_W = 8;
const int KER_H = 3;
const int KER_W = 3;
const int OUT_H = IMG_H - KER_H + 1;
const int OUT_W = IMG_W - KER_W + 1;

void conv2d(const pix_t X[CI_N][IMG_H][IMG_W], const pix_t Wt[CO_N][CI_N][KER_H][KER_W],
            acc_t Y[CO_N][OUT_H][OUT_W]) {
#pragma HLS INTERFACE m_axi port=X offset=slave bundle=gmem0 depth=128
#pragma HLS INTERFACE m_axi port=Wt offset=slave bundle=gmem1 depth=54
#pragma HLS INTERFACE m_axi port=Y offset=slave bundle=gmem2 depth=108
#pragma HLS INTERFACE s_axilite port=return bundle=control

  pix_t w_loc[CO_N][CI_N][KER_H][KER_W];
#pragma HLS ARRAY_PARTITION variable=w_loc complete dim=0
load_w:
  for (int co = 0; co < CO_N; co++)
    for (int ci = 0; ci < CI_N; ci++)
      for (int ky = 0; ky < KER_H; ky++)
        for (int kx = 0; kx < KER_W; kx++) {
#pragma HLS PIPELINE II=1
          w_loc[co][ci][ky][kx] = Wt[co][ci][ky][kx];
        }

  acc_t acc[CO_N][OUT_H][OUT_W];
#pragma HLS ARRAY_PARTITION variable=acc complete dim=1
init_acc:
  for (int oy = 0; oy < OUT_H; oy++)
    for (int ox = 0; ox < OUT_W; ox++) {
#pragma HLS PIPELINE II=1
      for (int co = 0; co < CO_N; co++) {
#pragma HLS UNROLL
        acc[co][oy][ox] = 0;
      }
    }

  pix_t line_buf[KER_H - 1][IMG_W];  // line_buf[0] = row r-2, line_buf[1] = row r-1
  pix_t window[KER_H][KER_W];
#pragma HLS ARRAY_PARTITION variable=line_buf complete dim=1
#pragma HLS ARRAY_PARTITION variable=window complete dim=0
  // Cleared so the first rows shift in defined values (they never reach an output).
init_lines:
  for (int c = 0; c < IMG_W; c++) {
#pragma HLS PIPELINE II=1
    for (int ky = 0; ky < KER_H - 1; ky++) {
#pragma HLS UNROLL
      line_buf[ky][c] = 0;
    }
  }
init_win:
  for (int ky = 0; ky < KER_H; ky++) {
#pragma HLS UNROLL
    for (int kx = 0; kx < KER_W; kx++) {
#pragma HLS UNROLL
      window[ky][kx] = 0;
    }
  }

channels:
  for (int ci = 0; ci < CI_N; ci++) {
  rows:
    for (int r = 0; r < IMG_H; r++) {
    cols:
      for (int c = 0; c < IMG_W; c++) {
#pragma HLS PIPELINE II=1
        pix_t px = X[ci][r][c];

        // Shift the window one column left and bring in the column ending at (r, c).
      shift_win:
        for (int ky = 0; ky < KER_H; ky++) {
#pragma HLS UNROLL
          for (int kx = 0; kx < KER_W - 1; kx++) {
#pragma HLS UNROLL
            window[ky][kx] = window[ky][kx + 1];
          }
        }
      new_col:
        for (int ky = 0; ky < KER_H - 1; ky++) {
#pragma HLS UNROLL
          window[ky][KER_W - 1] = line_buf[ky][c];
        }
        window[KER_H - 1][KER_W - 1] = px;

        // Move column c of the line buffer up one row; the new pixel enters at the bottom.
      shift_lines:
        for (int ky = 0; ky < KER_H - 2; ky++) {
#pragma HLS UNROLL
          line_buf[ky][c] = line_buf[ky + 1][c];
        }
        line_buf[KER_H - 2][c] = px;

        if (r >= KER_H - 1 && c >= KER_W - 1) {
        out_ch:
          for (int co = 0; co < CO_N; co++) {
#pragma HLS UNROLL
            acc_t sum = 0;
          taps_y:
            for (int ky = 0; ky < KER_H; ky++) {
#pragma HLS UNROLL
            taps_x:
              for (int kx = 0; kx < KER_W; kx++) {
#pragma HLS UNROLL
                sum += window[ky][kx] * w_loc[co][ci][ky][kx];
              }
            }
            acc[co][r - (KER_H - 1)][c - (KER_W - 1)] += sum;
          }
        }
      }
    }
  }

store:
  for (int co = 0; co < CO_N; co++)
    for (int oy = 0; oy < OUT_H; oy++)
      for (int ox = 0; ox < OUT_W; ox++) {
#pragma HLS PIPELINE II=1
        Y[co][oy][ox] = acc[co][oy][ox];
      }
}
