// bugforge tests — ap_fixed / ap_ufixed against exact rational arithmetic on integers.
//
// Algorithm: a fixed value is raw * 2^-F. The reference converts a source raw integer to a target
// type in rational terms: the exact quotient raw / 2^k is split into floor and remainder, the
// remainder is compared with half a unit (ties decided per mode), and the rounded integer is
// clamped, zeroed or wrapped per overflow mode — all in __int128, independent of the library's
// bit-level implementation. Sources are drawn with many exact ties and negative values.
#include <catch2/catch.hpp>

#include <sstream>

#include "ap_fixed.h"
#include "ref_bits.h"

using reftest::Rng;
__extension__ typedef __int128 i128;

namespace {

i128 floor_div_pow2(i128 r, int k, i128* rem) {
  const i128 d = static_cast<i128>(1) << k;
  i128 q = r / d;
  if (r % d != 0 && r < 0) --q;
  *rem = r - q * d;
  return q;
}

i128 wrap(i128 q, int w, bool s) {
  const i128 m = static_cast<i128>(1) << w;
  i128 t = ((q % m) + m) % m;
  if (s && t >= m / 2) t -= m;
  return t;
}

// Converts raw * 2^-fs to the type <w, i, s, q, o> and returns the target raw value.
i128 ref_convert(i128 raw, int fs, int w, int i, bool s, ap_q_mode qm, ap_o_mode om) {
  const int f = w - i;
  i128 q = raw, lead_src = raw;
  if (fs > f) {
    const int k = fs - f;
    i128 rem = 0;
    q = floor_div_pow2(raw, k, &rem);
    lead_src = q;
    const i128 half = static_cast<i128>(1) << (k - 1);
    const bool above = rem > half, tie = rem == half, inexact = rem != 0;
    bool up = false;
    switch (qm) {
      case AP_TRN: up = false; break;
      case AP_TRN_ZERO: up = raw < 0 && inexact; break;
      case AP_RND: up = above || tie; break;
      case AP_RND_ZERO: up = above || (tie && raw < 0); break;
      case AP_RND_MIN_INF: up = above; break;
      case AP_RND_INF: up = above || (tie && raw > 0); break;
      case AP_RND_CONV: up = above || (tie && (q & 1)); break;
    }
    q += up;
  } else {
    q = raw * (static_cast<i128>(1) << (f - fs));
    lead_src = q;
  }
  const i128 maxv = s ? (static_cast<i128>(1) << (w - 1)) - 1 : (static_cast<i128>(1) << w) - 1;
  const i128 minv = s ? -maxv - 1 : 0;
  const bool overflow = q > maxv || q < minv || (om == AP_SAT_SYM && s && q == minv);
  if (!overflow || om == AP_WRAP) return wrap(q, w, s);
  switch (om) {
    case AP_SAT: return q > maxv ? maxv : minv;
    case AP_SAT_ZERO: return 0;
    case AP_SAT_SYM: return q > maxv ? maxv : (s ? -maxv : 0);
    default: break;
  }
  // AP_WRAP_SM: the wrapped value, inverted when its sign bit differs from source bit w
  const i128 t = wrap(q, w, s);
  const bool msb = t < 0, lead = (lead_src >> w) & 1;
  return msb != lead ? wrap(~t, w, s) : t;
}

template <class X> i128 raw_of(const X& x) {
  return X::is_signed ? static_cast<i128>(x.V.to_int64()) : static_cast<i128>(x.V.to_uint64());
}

// Source raws: random, with the low `k` bits forced to an exact tie a third of the time.
i128 random_raw(Rng& g, int w, bool s, int k) {
  i128 r = static_cast<i128>(g.next() & ((w >= 64 ? ~0ULL : (1ULL << w) - 1)));
  if (k > 0 && k < w && g.below(3) == 0) r = (r >> k << k) | (static_cast<i128>(1) << (k - 1));
  return wrap(r, w, s);
}

template <int WS, int IS, bool SS, int W, int I, bool S, ap_q_mode Q, ap_o_mode O> void check_conversion(Rng& g) {
  using Src = ap_fixed_base<WS, IS, SS>;
  using Dst = ap_fixed_base<W, I, S, Q, O>;
  for (int it = 0; it < 300; ++it) {
    const i128 raw = random_raw(g, WS, SS, (WS - IS) - (W - I));
    const Src src = Src::from_raw(ap_int_base<WS, SS>(static_cast<long long>(raw)));
    const Dst dst = src;
    INFO("src<" << WS << "," << IS << "," << SS << "> raw=" << static_cast<long long>(raw) << " -> <" << W << "," << I << ","
                << S << "> Q=" << Q << " O=" << O);
    REQUIRE(static_cast<long long>(raw_of(dst)) == static_cast<long long>(ref_convert(raw, WS - IS, W, I, S, Q, O)));
    if constexpr (WS <= 53) {  // the same value arriving as a double must convert identically
      const Dst from_d = src.to_double();
      REQUIRE(raw_of(from_d) == raw_of(dst));
    }
  }
}

template <int WS, int IS, bool SS, int W, int I, bool S, ap_o_mode O> void all_q(Rng& g) {
  check_conversion<WS, IS, SS, W, I, S, AP_RND, O>(g);
  check_conversion<WS, IS, SS, W, I, S, AP_RND_ZERO, O>(g);
  check_conversion<WS, IS, SS, W, I, S, AP_RND_MIN_INF, O>(g);
  check_conversion<WS, IS, SS, W, I, S, AP_RND_INF, O>(g);
  check_conversion<WS, IS, SS, W, I, S, AP_RND_CONV, O>(g);
  check_conversion<WS, IS, SS, W, I, S, AP_TRN, O>(g);
  check_conversion<WS, IS, SS, W, I, S, AP_TRN_ZERO, O>(g);
}

template <int WS, int IS, bool SS, int W, int I, bool S> void all_modes(Rng& g) {
  all_q<WS, IS, SS, W, I, S, AP_SAT>(g);
  all_q<WS, IS, SS, W, I, S, AP_SAT_ZERO>(g);
  all_q<WS, IS, SS, W, I, S, AP_SAT_SYM>(g);
  all_q<WS, IS, SS, W, I, S, AP_WRAP>(g);
  if constexpr (S) all_q<WS, IS, SS, W, I, S, AP_WRAP_SM>(g);
}

}  // namespace

TEST_CASE("ap_fixed conversions: every quantisation and overflow mode matches exact arithmetic", "[hls][ap_fixed]") {
  Rng g{2024};
  all_modes<20, 8, true, 8, 4, true>(g);     // drops 8 fractional and 4 integer bits
  all_modes<20, 8, true, 8, 4, false>(g);    // signed into unsigned
  all_modes<16, 10, false, 8, 4, true>(g);   // unsigned into signed
  all_modes<12, 10, true, 8, 4, true>(g);    // gains fractional bits, loses integer bits
  all_modes<10, 2, true, 6, 6, true>(g);     // to an integer-valued type
  all_modes<64, 44, true, 8, 8, true>(g);    // the requant accumulator shape
  all_modes<24, 3, true, 5, -2, true>(g);    // negative integer bits: only fine fractions remain
}

TEST_CASE("ap_fixed UG1399 examples", "[hls][ap_fixed]") {
  REQUIRE(ap_fixed<3, 2, AP_RND>(1.25) == 1.5);
  REQUIRE(ap_fixed<3, 2, AP_RND>(-1.25) == -1.0);
  REQUIRE(ap_fixed<3, 2, AP_RND_ZERO>(1.25) == 1.0);
  REQUIRE(ap_fixed<3, 2, AP_RND_ZERO>(-1.25) == -1.0);
  REQUIRE(ap_fixed<3, 2, AP_RND_MIN_INF>(1.25) == 1.0);
  REQUIRE(ap_fixed<3, 2, AP_RND_MIN_INF>(-1.25) == -1.5);
  REQUIRE(ap_fixed<3, 2, AP_RND_INF>(1.25) == 1.5);
  REQUIRE(ap_fixed<3, 2, AP_RND_INF>(-1.25) == -1.5);
  REQUIRE(ap_fixed<3, 2, AP_RND_CONV>(0.75) == 1.0);
  REQUIRE(ap_fixed<3, 2, AP_RND_CONV>(-1.75) == -2.0);
  REQUIRE(ap_fixed<3, 2, AP_TRN>(1.25) == 1.0);
  REQUIRE(ap_fixed<3, 2, AP_TRN>(-1.25) == -1.5);
  REQUIRE(ap_fixed<3, 2, AP_TRN_ZERO>(-1.25) == -1.0);
  REQUIRE(ap_fixed<4, 4, AP_RND, AP_SAT>(19.0) == 7);
  REQUIRE(ap_fixed<4, 4, AP_RND, AP_SAT>(-19.0) == -8);
  REQUIRE(ap_fixed<4, 4, AP_RND, AP_SAT_ZERO>(19.0) == 0);
  REQUIRE(ap_fixed<4, 4, AP_RND, AP_SAT_SYM>(-19.0) == -7);
  REQUIRE(ap_fixed<4, 4, AP_RND, AP_WRAP>(19.0) == 3);
  REQUIRE(ap_fixed<4, 4, AP_RND, AP_WRAP_SM>(19.0) == -4);
  REQUIRE(ap_fixed<4, 4, AP_RND, AP_WRAP_SM>(-19.0) == 2);
  REQUIRE(ap_ufixed<4, 4, AP_RND, AP_SAT>(-3.0) == 0);
}

TEST_CASE("ap_fixed arithmetic is exact with Vitis result types", "[hls][ap_fixed]") {
  Rng g{99};
  using A = ap_fixed<12, 5>;
  using B = ap_ufixed<9, 3>;
  for (int it = 0; it < 2000; ++it) {
    const i128 ra = random_raw(g, 12, true, 0), rb = random_raw(g, 9, false, 0);
    const A a = A::from_raw(static_cast<long long>(ra));
    const B b = B::from_raw(static_cast<long long>(rb));
    const auto sum = a + b;  // F = max(7, 6) = 7, I = max(5, 3 + 1) + 1 = 6
    STATIC_REQUIRE((decltype(sum)::width == 13 && decltype(sum)::iwidth == 6 && decltype(sum)::is_signed));
    REQUIRE(raw_of(sum) == ra + rb * 2);
    const auto diff = b - a;
    REQUIRE(raw_of(diff) == rb * 2 - ra);
    const auto prod = a * b;
    STATIC_REQUIRE((decltype(prod)::width == 21 && decltype(prod)::iwidth == 8));
    REQUIRE(raw_of(prod) == ra * rb);
    REQUIRE((a < b) == (ra < rb * 2));
    REQUIRE((a == b) == (ra == rb * 2));
    REQUIRE(a.to_double() == static_cast<double>(static_cast<long long>(ra)) / 128.0);
    if (rb != 0) {
      const auto quo = a / b;  // raw (a << F_b) / b, truncated toward zero
      STATIC_REQUIRE((decltype(quo)::width == 18 && decltype(quo)::iwidth == 11));
      REQUIRE(raw_of(quo) == (ra * 64) / rb);
    }
    const long long toward_zero = static_cast<long long>(ra < 0 ? -((-ra) >> 7) : ra >> 7);
    REQUIRE(a.to_int() == toward_zero);
    REQUIRE(ap_int<8>(a) == toward_zero);
  }
}

TEST_CASE("ap_fixed compound ops, integers, bits and printing", "[hls][ap_fixed]") {
  ap_fixed<8, 4, AP_RND, AP_SAT> x = 1.5;
  x += 0.25;  // double operand: computed in double, then assigned with quantisation
  REQUIRE(x == 1.75);
  x *= ap_int<4>(5);
  REQUIRE(x == 7.9375);  // saturated to the maximum
  x -= 10;
  REQUIRE(x == -2.0625);
  ap_fixed<8, 4> y = 0;
  y.range(7, 0) = 0x18;  // raw bits 0001.1000
  REQUIRE(y == 1.5);
  REQUIRE(y[3]);
  REQUIRE((y << 1) == 3.0);
  REQUIRE((y >> 1) == 0.75);
  REQUIRE(-y == -1.5);
  std::ostringstream os;
  os << ap_fixed<16, 8>(-3.375) << ' ' << ap_ufixed<70, 70>(ap_uint<70>(1) << 69);
  REQUIRE(os.str() == "-3.375 590295810358705651712");
  const ap_fixed<128, 64> wide = ap_fixed<128, 64>(-1) / ap_fixed<128, 64>(3);
  REQUIRE(wide.to_double() == Approx(-1.0 / 3.0));
  float f = ap_fixed<10, 3>(1.5);
  REQUIRE(f == 1.5f);
}
