// bugforge kernels — the scalar pieces of kernel semantics, shared by the CPU reference and CUDA.
//
// Weight decoding (ternary codes, signed packed fields) and requantisation (multiply, arithmetic
// shift with round-half-to-even, saturate to int8) are written once here, header-only, so that
// both backends compile the very same integer expressions.
#pragma once

#include <cstdint>

#include "bugforge/kernels/vector_gen.h"  // BF_HD

namespace bf::kernels::ops {

// Ternary weight k of a packed byte: code at bits [2i+1:2i], i = k % 4; 01 -> +1, 11 -> -1, else 0.
BF_HD int ternary_weight(std::uint32_t packed, std::int64_t k) {
  const std::uint32_t code = (packed >> (2 * (k & 3))) & 3u;
  return code == 1u ? 1 : (code == 3u ? -1 : 0);
}

// Signed BITS-bit field i = k % (8/BITS) at bits [i*BITS +: BITS] of a packed byte.
BF_HD int lut_weight(std::uint32_t packed, std::int64_t k, int bits) {
  const int per_byte = 8 / bits;
  const int shift = static_cast<int>(k % per_byte) * bits;
  const int field = static_cast<int>((packed >> shift) & ((1u << bits) - 1));
  return field >= (1 << (bits - 1)) ? field - (1 << bits) : field;
}

// clamp(round_half_even(x*mul / 2^shift), -128, 127) for shift in 1..62.
BF_HD std::int64_t requant(std::int64_t x, std::int64_t mul, int shift) {
  const std::int64_t prod = x * mul;
  std::int64_t q = prod >> shift;  // floor division
  const std::int64_t rem = prod - q * (std::int64_t{1} << shift);
  const std::int64_t half = std::int64_t{1} << (shift - 1);
  if (rem > half || (rem == half && (q & 1))) ++q;
  return q < -128 ? -128 : (q > 127 ? 127 : q);
}

}  // namespace bf::kernels::ops
