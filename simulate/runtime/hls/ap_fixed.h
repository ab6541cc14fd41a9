// bugforge HLS runtime — ap_fixed<W,I,Q,O,N> / ap_ufixed<...>: fixed-point values for C simulation of
// Vitis HLS designs (semantics of UG1399).
//
// Algorithm: a value is a raw W-bit integer V scaled by 2^-(W-I). Every assignment goes through one
// conversion: the source raw integer (another fixed type, an integer, or a double's exact
// mantissa/exponent) is aligned to the target's fractional bits inside a signed integer wide enough
// for the source plus W+3 bits. Dropped fractional bits are quantised by Q (from the first dropped
// bit "half" and the OR of the rest), then the integer is checked against the target range and O
// applies: WRAP truncates, SAT/SAT_ZERO/SAT_SYM clamp or zero, WRAP_SM truncates and, on overflow,
// inverts the bits when the sign bit differs from the first dropped integer bit (Vitis' rule).
// Left shifts beyond W+1 bits are clamped: that keeps the low W bits (all zero) and the overflow.
// Arithmetic between fixed types is exact (a+b: max F, max I + 1; a*b: W1+W2, I1+I2; a/b: Vitis'
// width, truncated quotient); mixing with doubles computes in double. N (saturation bits) must be 0.
#pragma once

#include <cmath>
#include <ostream>
#include <string>

#include "ap_int.h"

template <int W, int I, bool S, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0> struct ap_fixed_base {
  static_assert(W >= 1, "ap_fixed width must be at least 1");
  static_assert(N == 0, "bugforge ap_fixed supports only N = 0 saturation bits");
  static_assert(S || O != AP_WRAP_SM, "ap_ufixed cannot use AP_WRAP_SM");
  static constexpr int width = W;
  static constexpr int iwidth = I;
  static constexpr int F = W - I;
  static constexpr bool is_signed = S;

  ap_int_base<W, S> V;  // raw bits; value = V * 2^-F

  ap_fixed_base() = default;
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
  ap_fixed_base(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& o) { assign_raw(o.V, W2 - I2); }
  template <int W2, bool S2> ap_fixed_base(const ap_int_base<W2, S2>& o) { assign_raw(o, 0); }
  template <int W2, bool S2> ap_fixed_base(const ap_range_ref<W2, S2>& r) { assign_raw(r.get(), 0); }
  template <int W2, bool S2> ap_fixed_base(const ap_bit_ref<W2, S2>& b) { assign_raw(ap_int_base<1, false>(b.get()), 0); }
  template <ap_detail::native_int T> ap_fixed_base(T v) { assign_raw(ap_detail::as_ap(v), 0); }
  ap_fixed_base(double d) { from_double(d); }
  ap_fixed_base(float f) { from_double(f); }

  // Builds a value from its raw bits (no quantisation or overflow).
  static ap_fixed_base from_raw(const ap_int_base<W, S>& raw) {
    ap_fixed_base r;
    r.V = raw;
    return r;
  }

  // ---- conversions ----
  double to_double() const { return std::ldexp(V.to_double(), -F); }
  float to_float() const { return static_cast<float>(to_double()); }
  operator long double() const { return to_double(); }
  ap_int_base<ap_detail::imax(I, 1), S> to_ap_int_base() const;  // truncates toward zero
  int to_int() const { return to_ap_int_base().to_int(); }
  unsigned to_uint() const { return to_ap_int_base().to_uint(); }
  long to_long() const { return to_ap_int_base().to_long(); }
  unsigned long to_ulong() const { return to_ap_int_base().to_ulong(); }
  long long to_int64() const { return to_ap_int_base().to_int64(); }
  unsigned long long to_uint64() const { return to_ap_int_base().to_uint64(); }
  bool to_bool() const { return !V.is_zero(); }
  static constexpr int length() { return W; }
  std::string to_string(int radix = 10) const;

  // ---- raw bit access ----
  ap_bit_ref<W, S> operator[](int i) { return V[i]; }
  bool operator[](int i) const { return std::as_const(V)[i]; }
  ap_range_ref<W, S> range(int hi, int lo) { return V.range(hi, lo); }
  ap_range_ref<W, S> range() { return V.range(); }
  ap_range_ref<W, S> operator()(int hi, int lo) { return V.range(hi, lo); }
  ap_int_base<W, false> range(int hi, int lo) const { return std::as_const(V).range(hi, lo); }
  ap_int_base<W, false> range() const { return std::as_const(V).range(); }
  bool is_zero() const { return V.is_zero(); }
  bool operator!() const { return V.is_zero(); }

  // ---- unary and shifts (shifts move raw bits within the same type, as in Vitis) ----
  ap_fixed_base<W + 1, I + 1, true> operator-() const { return ap_fixed_base<W + 1, I + 1, true>::from_raw(-V); }
  ap_fixed_base operator+() const { return *this; }
  ap_fixed_base operator~() const { return from_raw(~V); }
  template <class T> ap_fixed_base operator<<(const T& n) const { return from_raw(V << n); }
  template <class T> ap_fixed_base operator>>(const T& n) const { return from_raw(V >> n); }

  // ---- compound assignment: exact operation, then this type's quantisation and overflow ----
  template <class T> ap_fixed_base& operator+=(const T& b) { return *this = *this + b; }
  template <class T> ap_fixed_base& operator-=(const T& b) { return *this = *this - b; }
  template <class T> ap_fixed_base& operator*=(const T& b) { return *this = *this * b; }
  template <class T> ap_fixed_base& operator/=(const T& b) { return *this = *this / b; }
  template <class T> ap_fixed_base& operator<<=(const T& n) { return *this = *this << n; }
  template <class T> ap_fixed_base& operator>>=(const T& n) { return *this = *this >> n; }
  ap_fixed_base& operator++() { return *this += 1; }
  ap_fixed_base& operator--() { return *this -= 1; }
  ap_fixed_base operator++(int) { const ap_fixed_base old = *this; ++*this; return old; }
  ap_fixed_base operator--(int) { const ap_fixed_base old = *this; --*this; return old; }

  template <int SW, bool SS> void assign_raw(const ap_int_base<SW, SS>& src, int src_frac);

 private:
  template <int SW> static bool quantum_increment(const ap_int_base<SW, true>& floor_q, bool neg, bool half, bool rest);
  template <class T> void apply_overflow(const T& q, bool lead);
  void from_double(double d);
};

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
struct ap_fixed : ap_fixed_base<W, I, true, Q, O, N> {
  using Base = ap_fixed_base<W, I, true, Q, O, N>;
  using Base::Base;
  ap_fixed() = default;
  ap_fixed(const Base& b) : Base(b) {}
};

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
struct ap_ufixed : ap_fixed_base<W, I, false, Q, O, N> {
  using Base = ap_fixed_base<W, I, false, Q, O, N>;
  using Base::Base;
  ap_ufixed() = default;
  ap_ufixed(const Base& b) : Base(b) {}
};

// ---- the one conversion path ----

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
template <int SW>
bool ap_fixed_base<W, I, S, Q, O, N>::quantum_increment(const ap_int_base<SW, true>& floor_q, bool neg, bool half, bool rest) {
  switch (Q) {
    case AP_TRN: return false;
    case AP_TRN_ZERO: return neg && (half || rest);
    case AP_RND: return half;
    case AP_RND_ZERO: return half && (rest || neg);
    case AP_RND_MIN_INF: return half && rest;
    case AP_RND_INF: return half && (rest || !neg);
    case AP_RND_CONV: return half && (rest || floor_q[0]);
  }
  return false;
}

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
template <int SW, bool SS>
void ap_fixed_base<W, I, S, Q, O, N>::assign_raw(const ap_int_base<SW, SS>& src, int src_frac) {
  using T = ap_int_base<SW + W + 3, true>;
  const int drop = src_frac - F;  // > 0: fractional bits to quantise away; < 0: shift left
  const bool neg = src.negative();
  T q(src);
  bool lead = false;  // first integer bit above the target, before rounding (AP_WRAP_SM)
  if (drop > 0) {
    q = q.shifted_right(drop);
    // first dropped bit and OR of the rest; bits above SW are copies of the sign
    const bool half = drop - 1 < SW ? std::as_const(src)[drop - 1] : neg;
    const int rest_bits = drop - 1 < SW ? drop - 1 : SW;
    const bool rest = (rest_bits > 0 && !ap_int_base<SW, false>(src).shifted_left(SW - rest_bits).is_zero()) ||
                      (neg && drop - 1 > SW);
    lead = std::as_const(q)[W];
    if (quantum_increment(q, neg, half, rest)) q += 1;
  } else {
    if (drop < 0) q = q.shifted_left(-drop > W + 1 ? W + 1 : -drop);
    lead = std::as_const(q)[W];
  }
  apply_overflow(q, lead);
}

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
template <class T>
void ap_fixed_base<W, I, S, Q, O, N>::apply_overflow(const T& q, bool lead) {
  V = ap_int_base<W, S>(q);  // AP_WRAP: keep the low W bits
  if constexpr (O != AP_WRAP) {
    const T maxv(T(1).shifted_left(W - S) - 1);
    const T minv = S ? T(-maxv - 1) : T(0);
    const bool sym_min = O == AP_SAT_SYM && S && q == minv;  // SAT_SYM excludes the most negative value
    if (q >= minv && q <= maxv && !sym_min) return;
    if constexpr (O == AP_SAT_ZERO) V = 0;
    else if constexpr (O == AP_WRAP_SM) V = std::as_const(V)[W - 1] != lead ? ~V : V;
    else if (q > maxv) V = maxv;
    else V = O == AP_SAT_SYM && S ? T(-maxv) : minv;
  }
}

// A double is exactly mantissa * 2^(exp-53); NaN becomes 0 and infinities behave as huge values.
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
void ap_fixed_base<W, I, S, Q, O, N>::from_double(double d) {
  if (std::isnan(d)) {
    V = 0;
    return;
  }
  if (std::isinf(d)) return assign_raw(ap_int_base<2, true>(d < 0 ? -1 : 1), F - W - 2);
  int e = 0;
  const double m = std::frexp(d, &e);
  assign_raw(ap_int_base<55, true>(static_cast<long long>(std::ldexp(m, 53))), 53 - e);
}

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
ap_int_base<ap_detail::imax(I, 1), S> ap_fixed_base<W, I, S, Q, O, N>::to_ap_int_base() const {
  using R = ap_int_base<ap_detail::imax(I, 1), S>;
  if constexpr (F <= 0) {
    return R(ap_int_base<W - F, S>(V).shifted_left(-F));
  } else {
    ap_int_base<W + 1, S> q = ap_int_base<W + 1, S>(V).shifted_right(F);
    const bool frac = F >= W ? !V.is_zero() : !ap_int_base<W, false>(V).shifted_left(W - F).is_zero();
    if (V.negative() && frac) q += 1;
    return R(q);
  }
}

template <int W, bool S>
template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
ap_int_base<W, S>::ap_int_base(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& f) : ap_int_base(f.to_ap_int_base()) {}

// Exact decimal: integer part, then fractional digits until the remainder is zero.
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
std::string ap_fixed_base<W, I, S, Q, O, N>::to_string(int radix) const {
  constexpr int FP = ap_detail::imax(F, 0);
  const bool neg = V.negative();
  const ap_int_base<W + 1, false> mag = neg ? ap_int_base<W + 1, false>(-V) : ap_int_base<W + 1, false>(V);
  if constexpr (F <= 0) {
    const std::string digits = ap_int_base<W + 1 - F, false>(mag).shifted_left(-F).to_string(radix, false);
    return (neg ? "-" : "") + digits;
  } else {
    const std::string ip = ap_int_base<W + 1, false>(mag).shifted_right(FP).to_string(radix, false);
    ap_int_base<FP + 8, false> frac(ap_int_base<W + 1, false>(mag) & ap_int_base<W + 1, false>(-1).shifted_right(W + 1 - ap_detail::imin(FP, W + 1)));
    const ap_int_base<FP + 8, false> mask = ap_int_base<FP + 8, false>(-1).shifted_right(8);
    std::string out = (neg ? "-" : "") + ip;
    if (radix != 10 || frac.is_zero()) return out;
    out += '.';
    while (!frac.is_zero()) {
      frac *= 10;
      out += static_cast<char>('0' + frac.shifted_right(FP).to_int());
      frac &= mask;
    }
    return out;
  }
}

// ---- operand mapping: fixed values as themselves, integers as ap_fixed<W, W> ----
namespace ap_detail {

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
std::true_type fixed_probe(const ap_fixed_base<W, I, S, Q, O, N>*);
std::false_type fixed_probe(...);
template <class T> concept fixed_value = decltype(fixed_probe(static_cast<const T*>(nullptr)))::value;
template <class A, class B>
concept fixed_pair = (fixed_value<A> || fixed_value<B>) && (fixed_value<A> || int_operand<A>) && (fixed_value<B> || int_operand<B>);

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
const ap_fixed_base<W, I, S, Q, O, N>& as_fx(const ap_fixed_base<W, I, S, Q, O, N>& x) { return x; }
template <class T>
  requires int_operand<T>
auto as_fx(const T& x) {
  using A = ap_of<T>;
  return ap_fixed_base<A::width, A::width, A::is_signed>::from_raw(as_ap(x));
}

template <int RW, bool RS, int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
ap_int_base<RW, RS> aligned(const ap_fixed_base<W, I, S, Q, O, N>& x, int frac) {
  return ap_int_base<RW, RS>(x.V).shifted_left(frac - (W - I));
}

template <bool Minus, int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1, int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
auto fx_add(const ap_fixed_base<W1, I1, S1, Q1, O1, N1>& a, const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& b) {
  constexpr int F = imax(W1 - I1, W2 - I2);
  constexpr int I = imax(I1 + (S2 && !S1), I2 + (S1 && !S2)) + 1;
  constexpr bool S = Minus || S1 || S2;
  using R = ap_fixed_base<I + F, I, S>;
  const auto x = aligned<I + F, S>(a, F), y = aligned<I + F, S>(b, F);
  return R::from_raw(ap_int_base<I + F, S>(Minus ? ap_int_base<I + F + 1, true>(x - y) : ap_int_base<I + F + 1, true>(x + y)));
}

template <int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1, int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
auto fx_mul(const ap_fixed_base<W1, I1, S1, Q1, O1, N1>& a, const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& b) {
  return ap_fixed_base<W1 + W2, I1 + I2, S1 || S2>::from_raw(a.V * b.V);
}

template <int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1, int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
auto fx_div(const ap_fixed_base<W1, I1, S1, Q1, O1, N1>& a, const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& b) {
  constexpr int F2 = W2 - I2;
  constexpr int RW = S2 + W1 + imax(F2, 0);
  constexpr bool RS = S1 || S2;
  const ap_int_base<RW, RS> num = ap_int_base<RW, RS>(a.V).shifted_left(imax(F2, 0));
  return ap_fixed_base<RW, S2 + I1 + F2, RS>::from_raw(ap_int_base<RW, RS>(num / b.V));
}

template <int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1, int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
int fx_compare(const ap_fixed_base<W1, I1, S1, Q1, O1, N1>& a, const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& b) {
  constexpr int F = imax(W1 - I1, W2 - I2);
  const auto x = aligned<W1 + F - (W1 - I1), S1>(a, F);
  const auto y = aligned<W2 + F - (W2 - I2), S2>(b, F);
  return compare(x, y);
}

}  // namespace ap_detail

template <class A, class B>
  requires ap_detail::fixed_pair<A, B>
auto operator+(const A& a, const B& b) { return ap_detail::fx_add<false>(ap_detail::as_fx(a), ap_detail::as_fx(b)); }
template <class A, class B>
  requires ap_detail::fixed_pair<A, B>
auto operator-(const A& a, const B& b) { return ap_detail::fx_add<true>(ap_detail::as_fx(a), ap_detail::as_fx(b)); }
template <class A, class B>
  requires ap_detail::fixed_pair<A, B>
auto operator*(const A& a, const B& b) { return ap_detail::fx_mul(ap_detail::as_fx(a), ap_detail::as_fx(b)); }
template <class A, class B>
  requires ap_detail::fixed_pair<A, B>
auto operator/(const A& a, const B& b) { return ap_detail::fx_div(ap_detail::as_fx(a), ap_detail::as_fx(b)); }

#define AP_FIXED_COMPARE(OP)                                                                 \
  template <class A, class B>                                                                \
    requires ap_detail::fixed_pair<A, B>                                                     \
  bool operator OP(const A& a, const B& b) {                                                 \
    return ap_detail::fx_compare(ap_detail::as_fx(a), ap_detail::as_fx(b)) OP 0;             \
  }
AP_FIXED_COMPARE(==)
AP_FIXED_COMPARE(!=)
AP_FIXED_COMPARE(<)
AP_FIXED_COMPARE(<=)
AP_FIXED_COMPARE(>)
AP_FIXED_COMPARE(>=)
#undef AP_FIXED_COMPARE

// Floating-point operands: the fixed value converts to double (as Vitis compares with doubles).
#define AP_FIXED_FLOAT_OP(OP)                                                                \
  template <class A, class D>                                                                \
    requires ap_detail::fixed_value<A> && std::is_floating_point_v<D>                        \
  auto operator OP(const A& a, D d) { return a.to_double() OP static_cast<double>(d); }      \
  template <class A, class D>                                                                \
    requires ap_detail::fixed_value<A> && std::is_floating_point_v<D>                        \
  auto operator OP(D d, const A& a) { return static_cast<double>(d) OP a.to_double(); }
AP_FIXED_FLOAT_OP(+)
AP_FIXED_FLOAT_OP(-)
AP_FIXED_FLOAT_OP(*)
AP_FIXED_FLOAT_OP(/)
AP_FIXED_FLOAT_OP(==)
AP_FIXED_FLOAT_OP(!=)
AP_FIXED_FLOAT_OP(<)
AP_FIXED_FLOAT_OP(<=)
AP_FIXED_FLOAT_OP(>)
AP_FIXED_FLOAT_OP(>=)
#undef AP_FIXED_FLOAT_OP

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
std::ostream& operator<<(std::ostream& os, const ap_fixed_base<W, I, S, Q, O, N>& x) { return os << x.to_string(10); }
