// conv2d_linebuf — int8 valid 2-D convolution (cross-correlation, stride 1) -> int32, all input
// channels in one raster scan: X [CIN=2][H=8][W=10], Wt [COUT=3][CIN][3][3], Y [COUT][6][8].
//   Y[co][oy][ox] = sum_{ci,ky,kx} X[ci][oy+ky][ox+kx] * Wt[co][ci][ky][kx]
// One pixel position (all CIN channels) per pipelined iteration (II=1). Each channel has a
// circular line buffer of K rows: image row r lives in physical row r % K (the write pointer
// wr_row), so no data moves between rows; physical row p holds window row
// ky = (p - wr_row - 1) mod K. Each cycle the column at c is read from all K rows, routed to the
// window rows and shifted into a K x K window per channel; once the window is full
// (r >= K-1, c >= K-1) all COUT outputs at (r-2, c-2) are complete and written to Y.
// Interface: X, Wt, Y on m_axi (row-major), control on s_axilite.
#include "ap_int.h"

typedef ap_int<8>  pix_t;
typedef ap_int<32> acc_t;

const int LC = 2;   // input channels
const int LO = 3;   // output channels
const int LH = 8;   // image height
const int LW = 10;  // image width
const int LK = 3;   // square kernel
const int OH = LH - LK + 1;
const int OW = LW - LK + 1;

void conv2d_linebuf(const pix_t X[LC][LH][LW], const pix_t Wt[LO][LC][LK][LK], acc_t Y[LO][OH][OW]) {
#pragma HLS INTERFACE m_axi port=X offset=slave bundle=gmem0 depth=160
#pragma HLS INTERFACE m_axi port=Wt offset=slave bundle=gmem1 depth=54
#pragma HLS INTERFACE m_axi port=Y offset=slave bundle=gmem2 depth=144
#pragma HLS INTERFACE s_axilite port=return bundle=control

  pix_t w_loc[LO][LC][LK][LK];
#pragma HLS ARRAY_PARTITION variable=w_loc complete dim=0
load_w:
  for (int co = 0; co < LO; co++)
    for (int ci = 0; ci < LC; ci++)
      for (int ky = 0; ky < LK; ky++)
        for (int kx = 0; kx < LK; kx++) {
#pragma HLS PIPELINE II=1
          w_loc[co][ci][ky][kx] = Wt[co][ci][ky][kx];
        }

  pix_t line_buf[LC][LK][LW];  // circular: physical row r % LK holds image row r
  pix_t window[LC][LK][LK];    // window[ci][ky][kx] = X[ci][r-2+ky][c-2+kx]
#pragma HLS ARRAY_PARTITION variable=line_buf complete dim=1
#pragma HLS ARRAY_PARTITION variable=line_buf complete dim=2
#pragma HLS ARRAY_PARTITION variable=window complete dim=0

  int wr_row = 0;  // physical line-buffer row receiving image row r
rows:
  for (int r = 0; r < LH; r++) {
  cols:
    for (int c = 0; c < LW; c++) {
#pragma HLS PIPELINE II=1
    chans:
      for (int ci = 0; ci < LC; ci++) {
#pragma HLS UNROLL
        line_buf[ci][wr_row][c] = X[ci][r][c];
      shift:
        for (int ky = 0; ky < LK; ky++) {
#pragma HLS UNROLL
          for (int kx = 0; kx < LK - 1; kx++) {
#pragma HLS UNROLL
            window[ci][ky][kx] = window[ci][ky][kx + 1];
          }
        }
        // New right-hand column: physical row p holds image row r-2+ky, ky = (p - wr_row - 1) mod K.
      new_col:
        for (int p = 0; p < LK; p++) {
#pragma HLS UNROLL
          int ky = p - wr_row - 1;
          if (ky < 0) ky += LK;
          window[ci][ky][LK - 1] = line_buf[ci][p][c];
        }
      }
      if (r >= LK - 1 && c >= LK - 1) {
      out_ch:
        for (int co = 0; co < LO; co++) {
#pragma HLS UNROLL
          acc_t sum = 0;
        taps_c:
          for (int ci = 0; ci < LC; ci++) {
#pragma HLS UNROLL
          taps_y:
            for (int ky = 0; ky < LK; ky++) {
#pragma HLS UNROLL
            taps_x:
              for (int kx = 0; kx < LK; kx++) {
#pragma HLS UNROLL
                sum += window[ci][ky][kx] * w_loc[co][ci][ky][kx];
              }
            }
          }
          Y[co][r - (LK - 1)][c - (LK - 1)] = sum;
        }
      }
    }
    wr_row = (wr_row == LK - 1) ? 0 : wr_row + 1;
  }
}
