// bugforge HLS runtime — ap_int<W> / ap_uint<W>: arbitrary-width integers for C simulation of
// designs written for Vitis HLS (API and result widths follow UG1399).
//
// Algorithm: ap_int_base<W,S> stores ceil(W/64) words kept in canonical form (see ap_common.h), so
// W <= 64 is one machine word and wide values use word loops. A binary operator first maps both
// operands (ap types, bit/range proxies, native integers: int behaves as ap_int<32>, bool as
// ap_uint<1>, ...) to ap_int_base, sign/zero-extends them to the Vitis result type and computes
// there: a+b and a-b get max(W1,W2)+1 bits (+1 more on the unsigned side of a mixed pair), a*b gets
// W1+W2, a/b W1+S2, a%b min(W1, W2+...), & | ^ the wider width; shifts keep the left type.
// Assigning to a narrower type wraps. Division by zero raises SIGFPE like native integer division.
// Default construction leaves the value uninitialised, as for native ints (so memcheck sees it).
#pragma once

#include <cmath>
#include <csignal>
#include <cstdint>
#include <ostream>
#include <string>
#include <type_traits>
#include <utility>

#include "ap_common.h"

namespace ap_detail {

template <class T> concept native_int = std::is_integral_v<T> && sizeof(T) <= 8;

// The native type an ap value converts to implicitly (sized like Vitis' RetType).
template <int W, bool S> struct ret_type {
  using type = std::conditional_t<
      (W <= 8), std::conditional_t<S, signed char, unsigned char>,
      std::conditional_t<(W <= 16), std::conditional_t<S, short, unsigned short>,
                         std::conditional_t<(W <= 32), std::conditional_t<S, int, unsigned>,
                                            std::conditional_t<S, long long, unsigned long long>>>>;
};

template <int W1, bool S1, int W2, bool S2> struct rtype {
  static constexpr int logic_w = imax(W1 + (S2 && !S1), W2 + (S1 && !S2));
  static constexpr bool logic_s = S1 || S2;
  static constexpr int plus_w = logic_w + 1;
  static constexpr int mult_w = W1 + W2;
  static constexpr int div_w = W1 + S2;
  static constexpr int mod_w = imin(W1, W2 + (!S2 && S1));
};

}  // namespace ap_detail

template <int W, bool S> struct ap_int_base {
  static_assert(W >= 1, "ap_int width must be at least 1");
  static constexpr int NW = ap_detail::nwords(W);
  static constexpr int width = W;
  static constexpr bool is_signed = S;
  using u64 = ap_detail::u64;
  using RetType = typename ap_detail::ret_type<W, S>::type;

  u64 w[NW];

  ap_int_base() = default;

  template <ap_detail::native_int T> constexpr ap_int_base(T v) {
    w[0] = static_cast<u64>(v);
    u64 ext = 0;
    if constexpr (std::is_signed_v<T>) ext = v < 0 ? ~u64(0) : 0;
    for (int i = 1; i < NW; ++i) w[i] = ext;
    normalize();
  }

  template <int W2, bool S2> constexpr ap_int_base(const ap_int_base<W2, S2>& o) {
    const u64 ext = o.negative() ? ~u64(0) : 0;
    for (int i = 0; i < NW; ++i) w[i] = i < o.NW ? o.w[i] : ext;
    normalize();
  }

  template <int W2, bool S2> ap_int_base(const ap_range_ref<W2, S2>& r) : ap_int_base(r.get()) {}
  template <int W2, bool S2> ap_int_base(const ap_bit_ref<W2, S2>& b) : ap_int_base(bool(b)) {}
  template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
  ap_int_base(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& f);  // defined in ap_fixed.h

  ap_int_base(double d) { from_double(d); }
  ap_int_base(float f) { from_double(f); }
  ap_int_base(const char* s) { from_string(s, 10); }
  ap_int_base(const char* s, signed char radix) { from_string(s, radix); }

  // Re-extends the top word after any operation that may have written bits above W.
  constexpr void normalize() {
    constexpr int r = W % 64;
    if constexpr (r != 0) {
      if constexpr (S)
        w[NW - 1] = static_cast<u64>(static_cast<ap_detail::i64>(w[NW - 1] << (64 - r)) >> (64 - r));
      else
        w[NW - 1] &= (u64(1) << r) - 1;
    }
  }

  constexpr bool negative() const {
    if constexpr (S) return ap_detail::top_negative<NW>(w);
    return false;
  }

  // ---- conversions ----
  constexpr bool is_zero() const { return ap_detail::is_zero<NW>(w); }
  constexpr bool to_bool() const { return !is_zero(); }
  constexpr int to_int() const { return static_cast<int>(w[0]); }
  constexpr unsigned to_uint() const { return static_cast<unsigned>(w[0]); }
  constexpr long to_long() const { return static_cast<long>(w[0]); }
  constexpr unsigned long to_ulong() const { return static_cast<unsigned long>(w[0]); }
  constexpr long long to_int64() const { return static_cast<long long>(w[0]); }
  constexpr unsigned long long to_uint64() const { return w[0]; }
  double to_double() const;
  float to_float() const { return static_cast<float>(to_double()); }
  constexpr operator RetType() const { return static_cast<RetType>(w[0]); }
  static constexpr int length() { return W; }
  std::string to_string(int radix = 10, bool sign = S) const;

  // ---- bit and range select ----
  ap_bit_ref<W, S> operator[](int i) { return ap_bit_ref<W, S>(this, i); }
  constexpr bool operator[](int i) const { return ap_detail::get_bit<NW>(w, i); }
  ap_bit_ref<W, S> bit(int i) { return (*this)[i]; }
  constexpr bool bit(int i) const { return (*this)[i]; }
  constexpr bool get_bit(int i) const { return (*this)[i]; }
  constexpr bool test(int i) const { return (*this)[i]; }
  void set_bit(int i, bool v) { ap_detail::set_bit<NW>(w, i, v), normalize(); }
  void set(int i) { set_bit(i, true); }
  void clear(int i) { set_bit(i, false); }
  ap_range_ref<W, S> range(int hi, int lo) { return ap_range_ref<W, S>(this, hi, lo); }
  ap_range_ref<W, S> range() { return range(W - 1, 0); }
  ap_range_ref<W, S> operator()(int hi, int lo) { return range(hi, lo); }
  ap_int_base<W, false> range(int hi, int lo) const { return ap_range_ref<W, S>(const_cast<ap_int_base*>(this), hi, lo).get(); }
  ap_int_base<W, false> range() const { return range(W - 1, 0); }
  ap_int_base<W, false> operator()(int hi, int lo) const { return range(hi, lo); }

  // ---- reductions and bit utilities ----
  constexpr bool and_reduce() const { return ap_int_base<W, false>(*this) == ap_int_base<W, false>(-1); }
  constexpr bool or_reduce() const { return !is_zero(); }
  constexpr bool xor_reduce() const {
    const ap_int_base<W, false> u(*this);
    int ones = 0;
    for (int i = 0; i < NW; ++i) ones += __builtin_popcountll(u.w[i]);
    return ones & 1;
  }
  constexpr bool nand_reduce() const { return !and_reduce(); }
  constexpr bool nor_reduce() const { return !or_reduce(); }
  constexpr bool xnor_reduce() const { return !xor_reduce(); }
  constexpr bool sign() const { return negative(); }
  int countLeadingZeros() const {
    int i = W - 1;
    while (i >= 0 && !(*this)[i]) --i;
    return W - 1 - i;
  }
  void reverse() {
    const ap_int_base c = *this;
    for (int i = 0; i < W; ++i) ap_detail::set_bit<NW>(w, i, c[W - 1 - i]);
    normalize();
  }
  ap_int_base& b_not() { return *this = ~*this; }

  // ---- in-place arithmetic (wrapping: results modulo 2^W equal the full-width ones truncated) ----
  template <class T> ap_int_base& operator+=(const T& b) { return word_op(b, [](u64* r, const u64* x, const u64* y) { ap_detail::add<NW>(r, x, y); }); }
  template <class T> ap_int_base& operator-=(const T& b) { return word_op(b, [](u64* r, const u64* x, const u64* y) { ap_detail::sub<NW>(r, x, y); }); }
  template <class T> ap_int_base& operator*=(const T& b) {
    return word_op(b, [](u64* r, const u64* x, const u64* y) {
      u64 t[NW];
      ap_detail::mul<NW>(t, x, y);
      for (int i = 0; i < NW; ++i) r[i] = t[i];
    });
  }
  template <class T> ap_int_base& operator&=(const T& b) { return word_op(b, [](u64* r, const u64* x, const u64* y) { for (int i = 0; i < NW; ++i) r[i] = x[i] & y[i]; }); }
  template <class T> ap_int_base& operator|=(const T& b) { return word_op(b, [](u64* r, const u64* x, const u64* y) { for (int i = 0; i < NW; ++i) r[i] = x[i] | y[i]; }); }
  template <class T> ap_int_base& operator^=(const T& b) { return word_op(b, [](u64* r, const u64* x, const u64* y) { for (int i = 0; i < NW; ++i) r[i] = x[i] ^ y[i]; }); }
  template <class T> ap_int_base& operator/=(const T& b) { return *this = ap_int_base(*this / b); }
  template <class T> ap_int_base& operator%=(const T& b) { return *this = ap_int_base(*this % b); }
  template <class T> ap_int_base& operator<<=(const T& b) { return *this = *this << b; }
  template <class T> ap_int_base& operator>>=(const T& b) { return *this = *this >> b; }
  ap_int_base& operator++() { return *this += 1; }
  ap_int_base& operator--() { return *this -= 1; }
  ap_int_base operator++(int) { const ap_int_base old = *this; ++*this; return old; }
  ap_int_base operator--(int) { const ap_int_base old = *this; --*this; return old; }

  // ---- unary ----
  ap_int_base operator+() const { return *this; }
  ap_int_base<W + 1, true> operator-() const {
    ap_int_base<W + 1, true> r(*this);
    ap_detail::negate<ap_int_base<W + 1, true>::NW>(r.w, r.w);
    r.normalize();
    return r;
  }
  constexpr ap_int_base operator~() const {
    ap_int_base r;
    for (int i = 0; i < NW; ++i) r.w[i] = ~w[i];
    r.normalize();
    return r;
  }
  constexpr bool operator!() const { return is_zero(); }

  // ---- shifts within W bits (negative counts shift the other way, as in Vitis) ----
  constexpr ap_int_base shifted_left(long long n) const {
    if (n < 0) return shifted_right(n == INT64_MIN ? W : -n);
    ap_int_base r;
    if (n >= W) return r = ap_int_base(0);
    ap_detail::shl<NW>(r.w, w, static_cast<int>(n));
    r.normalize();
    return r;
  }
  constexpr ap_int_base shifted_right(long long n) const {
    if (n < 0) return shifted_left(n == INT64_MIN ? W : -n);
    ap_int_base r;
    ap_detail::shr<NW>(r.w, w, static_cast<int>(n >= W ? W : n), S);
    r.normalize();
    return r;
  }

 private:
  template <class T, class F> ap_int_base& word_op(const T& b, F f);
  void from_double(double d);
  void from_string(const char* s, int radix);
};

template <int W> struct ap_int : ap_int_base<W, true> {
  using Base = ap_int_base<W, true>;
  using Base::Base;
  ap_int() = default;
  constexpr ap_int(const Base& b) : Base(b) {}
};

template <int W> struct ap_uint : ap_int_base<W, false> {
  using Base = ap_int_base<W, false>;
  using Base::Base;
  ap_uint() = default;
  constexpr ap_uint(const Base& b) : Base(b) {}
};

// ---- proxies ----

// x[i]: reads as bool, writes one bit (any non-zero value writes 1).
template <int W, bool S> struct ap_bit_ref {
  ap_int_base<W, S>* p;
  int i;
  ap_bit_ref(ap_int_base<W, S>* base, int index) : p(base), i(index) {}
  ap_bit_ref(const ap_bit_ref&) = default;
  constexpr operator bool() const { return get(); }
  constexpr bool get() const { return std::as_const(*p)[i]; }
  bool to_bool() const { return get(); }
  int to_int() const { return get(); }
  bool operator~() const { return !get(); }
  static constexpr int length() { return 1; }
  ap_bit_ref& set(bool v) { return p->set_bit(i, v), *this; }
  ap_bit_ref& operator=(const ap_bit_ref& o) { return set(o.get()); }
  template <class T> ap_bit_ref& operator=(const T& v);
};

// x.range(hi, lo) / x(hi, lo): reads as ap_uint<W> (bits hi..lo moved to 0; hi < lo reverses),
// writes the low hi-lo+1 bits of the assigned value into that field.
template <int W, bool S> struct ap_range_ref {
  ap_int_base<W, S>* p;
  int hi, lo;
  ap_range_ref(ap_int_base<W, S>* base, int h, int l) : p(base), hi(h), lo(l) {}
  ap_range_ref(const ap_range_ref&) = default;

  int length() const { return (hi >= lo ? hi - lo : lo - hi) + 1; }
  ap_int_base<W, false> get() const {
    if (hi < lo) return reversed();
    const ap_int_base<W, false> u(*p);
    return u.shifted_right(lo) & ones();
  }
  ap_range_ref& set(const ap_int_base<W, false>& v) {
    if (hi < lo) return set_reversed(v);
    const ap_int_base<W, false> mask = ones().shifted_left(lo);
    const ap_int_base<W, false> field = v.shifted_left(lo) & mask;
    *p = ap_int_base<W, S>((ap_int_base<W, false>(*p) & ~mask) | field);
    return *this;
  }
  ap_range_ref& operator=(const ap_range_ref& o) { return set(o.get()); }
  template <class T> ap_range_ref& operator=(const T& v);

  operator unsigned long long() const { return get().to_uint64(); }
  int to_int() const { return get().to_int(); }
  unsigned to_uint() const { return get().to_uint(); }
  long to_long() const { return get().to_long(); }
  unsigned long to_ulong() const { return get().to_ulong(); }
  long long to_int64() const { return get().to_int64(); }
  unsigned long long to_uint64() const { return get().to_uint64(); }
  bool and_reduce() const { return get() == ones(); }
  bool or_reduce() const { return get().or_reduce(); }
  bool xor_reduce() const { return get().xor_reduce(); }
  std::string to_string(int radix = 10) const { return get().to_string(radix, false); }

 private:
  ap_int_base<W, false> ones() const { return ap_int_base<W, false>(-1).shifted_right(W - length()); }
  ap_int_base<W, false> reversed() const {
    ap_int_base<W, false> r(0);
    for (int k = 0; k < length(); ++k) r.set_bit(k, std::as_const(*p)[lo - k]);
    return r;
  }
  ap_range_ref& set_reversed(const ap_int_base<W, false>& v) {
    for (int k = 0; k < length(); ++k) p->set_bit(lo - k, v[k]);
    return *this;
  }
};

// ---- operand mapping: every integer-like operand viewed as an ap_int_base ----
namespace ap_detail {

template <int W, bool S> constexpr const ap_int_base<W, S>& as_ap(const ap_int_base<W, S>& x) { return x; }
template <int W, bool S> ap_int_base<W, false> as_ap(const ap_range_ref<W, S>& r) { return r.get(); }
template <int W, bool S> ap_int_base<1, false> as_ap(const ap_bit_ref<W, S>& b) { return ap_int_base<1, false>(b.get()); }
template <native_int T> constexpr ap_int_base<(std::is_same_v<T, bool> ? 1 : 8 * int(sizeof(T))), std::is_signed_v<T>> as_ap(T v) {
  return v;
}

// Unscoped enums in HLS code behave as their underlying integer type.
template <class T>
  requires std::is_enum_v<T>
constexpr auto as_ap(T v) { return as_ap(static_cast<std::underlying_type_t<T>>(v)); }

template <class T> concept int_operand = requires(const T& t) { as_ap(t); };
template <class T> concept ap_operand = int_operand<T> && !std::is_arithmetic_v<T> && !std::is_enum_v<T>;
template <class A, class B> concept int_pair = int_operand<A> && int_operand<B> && (ap_operand<A> || ap_operand<B>);
template <class T> using ap_of = std::remove_cvref_t<decltype(as_ap(std::declval<const T&>()))>;

// Signed shift count, clamped so that wide or huge counts still mean "shift everything out".
template <int W, bool S> constexpr long long shift_count(const ap_int_base<W, S>& n) {
  if constexpr (W > 63) {
    const ap_int_base<W, S> big(1LL << 40);
    if (n > big) return 1LL << 40;
    if constexpr (S)
      if (n < -big) return -(1LL << 40);
  }
  return S ? n.to_int64() : static_cast<long long>(n.to_uint64());
}

template <int W1, bool S1, int W2, bool S2> constexpr int compare(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  if constexpr (W1 <= 64 && W2 <= 64) {
    const i128 x = S1 ? i128(static_cast<i64>(a.w[0])) : i128(a.w[0]);
    const i128 y = S2 ? i128(static_cast<i64>(b.w[0])) : i128(b.w[0]);
    return (x > y) - (x < y);
  } else {
    using R = rtype<W1, S1, W2, S2>;
    using C = ap_int_base<R::logic_w, R::logic_s>;
    const C x(a), y(b);
    return R::logic_s ? cmp_signed<C::NW>(x.w, y.w) : cmp_unsigned<C::NW>(x.w, y.w);
  }
}

template <int RW, bool RS, int W1, bool S1, int W2, bool S2, class F>
constexpr ap_int_base<RW, RS> in_result(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b, F f) {
  using R = ap_int_base<RW, RS>;
  const R x(a), y(b);
  R r;
  f(r.w, x.w, y.w);
  r.normalize();
  return r;
}

[[noreturn]] inline void division_by_zero() {
  std::raise(SIGFPE);
  std::abort();
}

// Truncating signed/unsigned quotient and remainder of a and b in common type C (both exact there).
template <class C> constexpr std::pair<C, C> divmod(const C& a, const C& b) {
  if (b.is_zero()) division_by_zero();
  const bool na = a.negative(), nb = b.negative();
  C ma = a, mb = b, q, r;
  if (na) negate<C::NW>(ma.w, a.w);
  if (nb) negate<C::NW>(mb.w, b.w);
  udivmod<C::NW>(q.w, r.w, ma.w, mb.w);
  if (na != nb) negate<C::NW>(q.w, q.w);
  if (na) negate<C::NW>(r.w, r.w);
  q.normalize(), r.normalize();
  return {q, r};
}

template <int W1, bool S1, int W2, bool S2> constexpr auto divmod_common(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  using C = ap_int_base<imax(W1, W2) + 1, S1 || S2>;
  return divmod(C(a), C(b));
}

}  // namespace ap_detail

template <int W, bool S> template <class T, class F> ap_int_base<W, S>& ap_int_base<W, S>::word_op(const T& b, F f) {
  const ap_int_base o(ap_detail::as_ap(b));
  f(w, w, o.w);
  normalize();
  return *this;
}

template <int W, bool S> template <class T> ap_bit_ref<W, S>& ap_bit_ref<W, S>::operator=(const T& v) {
  if constexpr (ap_detail::int_operand<T>)
    return set(ap_detail::as_ap(v).to_bool());
  else
    return set(static_cast<bool>(v));
}

template <int W, bool S> template <class T> ap_range_ref<W, S>& ap_range_ref<W, S>::operator=(const T& v) {
  if constexpr (ap_detail::int_operand<T>)
    return set(ap_int_base<W, false>(ap_detail::as_ap(v)));
  else
    return set(ap_int_base<W, false>(v));
}

// ---- binary operators (at least one operand is an ap type or proxy) ----
#define AP_INT_BINARY(OP, WIDTH, SIGNED, BODY)                                                         \
  template <class A, class B>                                                                          \
    requires ap_detail::int_pair<A, B>                                                                 \
  constexpr auto operator OP(const A& a_, const B& b_) {                                               \
    using TA = ap_detail::ap_of<A>;                                                                    \
    using TB = ap_detail::ap_of<B>;                                                                    \
    using R = ap_detail::rtype<TA::width, TA::is_signed, TB::width, TB::is_signed>;                   \
    constexpr int RW = WIDTH;                                                                          \
    constexpr bool RS = SIGNED;                                                                        \
    using u64 = ap_detail::u64;                                                                        \
    constexpr int NW = ap_detail::nwords(RW);                                                          \
    (void)sizeof(R);                                                                                   \
    return ap_detail::in_result<RW, RS>(ap_detail::as_ap(a_), ap_detail::as_ap(b_),                    \
                                        [](u64* r, const u64* x, const u64* y) { BODY; });             \
  }

AP_INT_BINARY(+, R::plus_w, R::logic_s, ap_detail::add<NW>(r, x, y))
AP_INT_BINARY(-, R::plus_w, true, ap_detail::sub<NW>(r, x, y))
AP_INT_BINARY(*, R::mult_w, R::logic_s, ap_detail::mul<NW>(r, x, y))
AP_INT_BINARY(&, R::logic_w, R::logic_s, for (int i = 0; i < NW; ++i) r[i] = x[i] & y[i])
AP_INT_BINARY(|, R::logic_w, R::logic_s, for (int i = 0; i < NW; ++i) r[i] = x[i] | y[i])
AP_INT_BINARY(^, R::logic_w, R::logic_s, for (int i = 0; i < NW; ++i) r[i] = x[i] ^ y[i])
#undef AP_INT_BINARY

template <class A, class B>
  requires ap_detail::int_pair<A, B>
constexpr auto operator/(const A& a, const B& b) {
  using TA = ap_detail::ap_of<A>;
  using TB = ap_detail::ap_of<B>;
  using R = ap_detail::rtype<TA::width, TA::is_signed, TB::width, TB::is_signed>;
  return ap_int_base<R::div_w, R::logic_s>(ap_detail::divmod_common(ap_detail::as_ap(a), ap_detail::as_ap(b)).first);
}

template <class A, class B>
  requires ap_detail::int_pair<A, B>
constexpr auto operator%(const A& a, const B& b) {
  using TA = ap_detail::ap_of<A>;
  using TB = ap_detail::ap_of<B>;
  using R = ap_detail::rtype<TA::width, TA::is_signed, TB::width, TB::is_signed>;
  return ap_int_base<R::mod_w, TA::is_signed>(ap_detail::divmod_common(ap_detail::as_ap(a), ap_detail::as_ap(b)).second);
}

// Shifts keep the left operand's type; a native left operand shifts natively (via conversion).
template <class A, class B>
  requires ap_detail::ap_operand<A> && ap_detail::int_operand<B>
constexpr ap_detail::ap_of<A> operator<<(const A& a, const B& n) {
  return ap_detail::ap_of<A>(ap_detail::as_ap(a)).shifted_left(ap_detail::shift_count(ap_detail::as_ap(n)));
}

template <class A, class B>
  requires ap_detail::ap_operand<A> && ap_detail::int_operand<B>
constexpr ap_detail::ap_of<A> operator>>(const A& a, const B& n) {
  return ap_detail::ap_of<A>(ap_detail::as_ap(a)).shifted_right(ap_detail::shift_count(ap_detail::as_ap(n)));
}

#define AP_INT_COMPARE(OP)                                                              \
  template <class A, class B>                                                           \
    requires ap_detail::int_pair<A, B>                                                  \
  constexpr bool operator OP(const A& a, const B& b) {                                  \
    return ap_detail::compare(ap_detail::as_ap(a), ap_detail::as_ap(b)) OP 0;           \
  }
AP_INT_COMPARE(==)
AP_INT_COMPARE(!=)
AP_INT_COMPARE(<)
AP_INT_COMPARE(<=)
AP_INT_COMPARE(>)
AP_INT_COMPARE(>=)
#undef AP_INT_COMPARE

// Floating-point operands: the ap value converts to double (as Vitis does).
#define AP_INT_FLOAT_OP(OP)                                                                      \
  template <class A, class F>                                                                    \
    requires ap_detail::ap_operand<A> && std::is_floating_point_v<F>                             \
  auto operator OP(const A& a, F f) { return ap_detail::as_ap(a).to_double() OP f; }              \
  template <class A, class F>                                                                    \
    requires ap_detail::ap_operand<A> && std::is_floating_point_v<F>                             \
  auto operator OP(F f, const A& a) { return f OP ap_detail::as_ap(a).to_double(); }
AP_INT_FLOAT_OP(+)
AP_INT_FLOAT_OP(-)
AP_INT_FLOAT_OP(*)
AP_INT_FLOAT_OP(/)
AP_INT_FLOAT_OP(==)
AP_INT_FLOAT_OP(!=)
AP_INT_FLOAT_OP(<)
AP_INT_FLOAT_OP(<=)
AP_INT_FLOAT_OP(>)
AP_INT_FLOAT_OP(>=)
#undef AP_INT_FLOAT_OP

// Concatenation (a, b): a in the high bits, as an unsigned value.
template <class A, class B>
  requires ap_detail::ap_operand<A> && ap_detail::ap_operand<B>
constexpr auto operator,(const A& a, const B& b) {
  using TA = ap_detail::ap_of<A>;
  using TB = ap_detail::ap_of<B>;
  using R = ap_int_base<TA::width + TB::width, false>;
  return R(ap_int_base<TA::width, false>(ap_detail::as_ap(a))).shifted_left(TB::width) |
         R(ap_int_base<TB::width, false>(ap_detail::as_ap(b)));
}

template <int W, bool S> double ap_int_base<W, S>::to_double() const {
  if constexpr (NW == 1) {
    return S ? static_cast<double>(static_cast<long long>(w[0])) : static_cast<double>(w[0]);
  } else {
    ap_int_base m = *this;
    if (negative()) ap_detail::negate<NW>(m.w, w);
    double r = 0;
    for (int i = NW - 1; i >= 0; --i) r = r * 18446744073709551616.0 + static_cast<double>(m.w[i]);
    return negative() ? -r : r;
  }
}

// Truncates toward zero and wraps modulo 2^W, like a native float-to-integer conversion.
template <int W, bool S> void ap_int_base<W, S>::from_double(double d) {
  for (int i = 0; i < NW; ++i) w[i] = 0;
  const double t = std::trunc(std::fabs(d));
  if (!std::isfinite(t) || t == 0) return;
  int e = 0;
  const u64 mant = static_cast<u64>(std::ldexp(std::frexp(t, &e), 64));  // t = mant * 2^(e-64)
  const ap_int_base<W, false> mag = e <= 64 ? ap_int_base<W, false>(mant >> (64 - e))
                                            : ap_int_base<W, false>(mant).shifted_left(e - 64);
  for (int i = 0; i < NW; ++i) w[i] = mag.w[i];
  if (d < 0) ap_detail::negate<NW>(w, w);
  normalize();
}

// Accepts an optional sign and a 0b/0o/0x prefix (which overrides `radix`); stops at the first
// character that is not a digit of the radix. Wraps modulo 2^W.
template <int W, bool S> void ap_int_base<W, S>::from_string(const char* s, int radix) {
  for (int i = 0; i < NW; ++i) w[i] = 0;
  if (!s) return;
  while (*s == ' ') ++s;
  const bool neg = *s == '-';
  if (*s == '-' || *s == '+') ++s;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) radix = 16, s += 2;
  else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B') && radix != 16) radix = 2, s += 2;
  else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) radix = 8, s += 2;
  if (radix < 2 || radix > 36) radix = 10;
  for (; *s; ++s) {
    const char c = *s;
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
    if (digit >= radix) break;
    ap_detail::mul_add_small<NW>(w, static_cast<u64>(radix), static_cast<u64>(digit));
  }
  if (neg) ap_detail::negate<NW>(w, w);
  normalize();
}

// Sign and magnitude in the given radix; radix 2/8/16 get a 0b/0o/0x prefix (Vitis style).
template <int W, bool S> std::string ap_int_base<W, S>::to_string(int radix, bool sign) const {
  if (radix != 2 && radix != 8 && radix != 16) radix = 10;
  const bool neg = sign && (*this)[W - 1];
  ap_int_base<W + 1, false> m(ap_int_base<W, false>(*this));
  if (neg) m = ap_int_base<W + 1, false>(-ap_int_base<W, true>(*this));
  std::string digits;
  do {
    const u64 d = ap_detail::divmod_small<ap_int_base<W + 1, false>::NW>(m.w, static_cast<u64>(radix));
    digits.insert(digits.begin(), "0123456789abcdef"[d]);
  } while (!m.is_zero());
  const char* prefix = radix == 2 ? "0b" : radix == 8 ? "0o" : radix == 16 ? "0x" : "";
  return (neg ? "-" : "") + std::string(prefix) + digits;
}

template <int W, bool S> std::ostream& operator<<(std::ostream& os, const ap_int_base<W, S>& x) {
  const auto base = os.flags() & std::ios_base::basefield;
  if (base == std::ios_base::hex || base == std::ios_base::oct) return os << x.to_string(base == std::ios_base::hex ? 16 : 8, false).substr(2);
  return os << x.to_string(10);
}
template <int W, bool S> std::ostream& operator<<(std::ostream& os, const ap_range_ref<W, S>& r) { return os << r.get(); }

// Vitis' ap_int.h also makes ap_fixed available; designs often rely on that.
#include "ap_fixed.h"
