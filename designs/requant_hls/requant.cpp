// requant — int32 -> int8 requantisation with Vitis fixed-point types, N = 16 values:
//   Y[i] = clamp(round_half_even(X[i] * Mul / 2^SHIFT), -128, 127)
// The integer product X*Mul is reinterpreted as a fixed-point number with SHIFT fraction bits
// (exact: the type has enough integer and fraction bits), then assigned to
// ap_fixed<8, 8, AP_RND_CONV, AP_SAT>: AP_RND_CONV rounds exact halves to even, AP_SAT clamps to
// [-128, 127], which is exactly the kernel's rounding and saturation.
// SHIFT is the compile-time macro REQUANT_SHIFT (the fraction width must be a constant).
// Interface: X, Y on m_axi, the scale Mul and control on s_axilite; one value per cycle (II=1).
#include "ap_fixed.h"
#include "ap_int.h"

#ifndef REQUANT_SHIFT
#define REQUANT_SHIFT 12
#endif

typedef ap_int<32> in_t;
typedef ap_int<16> mul_t;
typedef ap_int<8>  out_t;

const int RQ_N = 16;
const int PROD_W = 48;  // int32 * int16
// product / 2^SHIFT, exact: PROD_W integer bits above the point, SHIFT fraction bits below.
typedef ap_fixed<PROD_W + REQUANT_SHIFT, PROD_W> scaled_t;
// The result type: integer-only, round half to even, saturate.
typedef ap_fixed<8, 8, AP_RND_CONV, AP_SAT> q8_t;

void requant(const in_t X[RQ_N], mul_t Mul, out_t Y[RQ_N]) {
#pragma HLS INTERFACE m_axi port=X offset=slave bundle=gmem0 depth=16
#pragma HLS INTERFACE m_axi port=Y offset=slave bundle=gmem1 depth=16
#pragma HLS INTERFACE s_axilite port=Mul bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

values:
  for (int i = 0; i < RQ_N; i++) {
#pragma HLS PIPELINE II=1
    ap_int<PROD_W> prod = X[i] * Mul;
    scaled_t scaled = prod;
    scaled >>= REQUANT_SHIFT;  // exact: the fraction bits catch everything shifted out
    q8_t q = scaled;
    Y[i] = q.to_int();
  }
}
