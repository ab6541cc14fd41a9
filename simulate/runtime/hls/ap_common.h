// bugforge HLS runtime — shared pieces of ap_int.h / ap_fixed.h: mode enums, forward declarations
// and multi-word arithmetic on little-endian arrays of 64-bit words.
//
// Algorithm: a W-bit value lives in ceil(W/64) words, two's complement. The bits above W in the top
// word always hold the extension of the value (sign copies for signed, zeros for unsigned), so the
// word array *is* the value in ceil(W/64)*64 bits and every primitive below can work on whole words
// and only re-extend the top word at the end. Multiplication is schoolbook with 128-bit partial
// products; division is restoring shift-subtract (one- and two-word cases use native division).
// Requires C++20.
#pragma once

#include <cstdint>

enum ap_q_mode { AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV, AP_TRN, AP_TRN_ZERO };
enum ap_o_mode { AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP, AP_WRAP_SM };

template <int W, bool S> struct ap_int_base;
template <int W, bool S> struct ap_range_ref;
template <int W, bool S> struct ap_bit_ref;
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N> struct ap_fixed_base;

namespace ap_detail {

using u64 = std::uint64_t;
using i64 = std::int64_t;
__extension__ typedef unsigned __int128 u128;
__extension__ typedef __int128 i128;

constexpr int nwords(int bits) { return (bits + 63) / 64; }
constexpr int imax(int a, int b) { return a > b ? a : b; }
constexpr int imin(int a, int b) { return a < b ? a : b; }

template <int N> constexpr bool top_negative(const u64* a) { return static_cast<i64>(a[N - 1]) < 0; }

template <int N> constexpr bool is_zero(const u64* a) {
  for (int i = 0; i < N; ++i)
    if (a[i]) return false;
  return true;
}

template <int N> constexpr void add(u64* r, const u64* a, const u64* b) {
  u64 carry = 0;
  for (int i = 0; i < N; ++i) {
    const u64 s = a[i] + carry;
    const u64 c1 = s < carry;
    r[i] = s + b[i];
    carry = c1 | (r[i] < s);
  }
}

template <int N> constexpr void sub(u64* r, const u64* a, const u64* b) {
  u64 borrow = 0;
  for (int i = 0; i < N; ++i) {
    const u64 d = a[i] - b[i];
    const u64 b1 = a[i] < b[i];
    r[i] = d - borrow;
    borrow = b1 | (d < borrow);
  }
}

template <int N> constexpr void negate(u64* r, const u64* a) {
  u64 carry = 1;
  for (int i = 0; i < N; ++i) {
    r[i] = ~a[i] + carry;
    carry = carry && r[i] == 0;
  }
}

// Low N words of a*b; r must not alias a or b.
template <int N> constexpr void mul(u64* r, const u64* a, const u64* b) {
  if constexpr (N == 1) {
    r[0] = a[0] * b[0];
  } else {
    for (int i = 0; i < N; ++i) r[i] = 0;
    for (int i = 0; i < N; ++i) {
      u64 carry = 0;
      for (int j = 0; i + j < N; ++j) {
        const u128 t = static_cast<u128>(a[i]) * b[j] + r[i + j] + carry;
        r[i + j] = static_cast<u64>(t);
        carry = static_cast<u64>(t >> 64);
      }
    }
  }
}

// r = a << sh (sh >= 0), in N words; r may alias a.
template <int N> constexpr void shl(u64* r, const u64* a, int sh) {
  const int ws = sh / 64, bs = sh % 64;
  for (int i = N - 1; i >= 0; --i) {
    const int src = i - ws;
    u64 v = src >= 0 ? a[src] << bs : 0;
    if (bs && src - 1 >= 0) v |= a[src - 1] >> (64 - bs);
    r[i] = v;
  }
}

// r = a >> sh (sh >= 0), arithmetic when `arith`; r may alias a.
template <int N> constexpr void shr(u64* r, const u64* a, int sh, bool arith) {
  const u64 fill = arith && top_negative<N>(a) ? ~u64(0) : 0;
  const int ws = sh / 64, bs = sh % 64;
  for (int i = 0; i < N; ++i) {
    const int src = i + ws;
    const u64 lo = src < N ? a[src] : fill;
    const u64 hi = src + 1 < N ? a[src + 1] : fill;
    r[i] = bs ? (lo >> bs) | (hi << (64 - bs)) : lo;
  }
}

template <int N> constexpr int cmp_unsigned(const u64* a, const u64* b) {
  for (int i = N - 1; i >= 0; --i)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

template <int N> constexpr int cmp_signed(const u64* a, const u64* b) {
  const bool na = top_negative<N>(a), nb = top_negative<N>(b);
  if (na != nb) return na ? -1 : 1;
  return cmp_unsigned<N>(a, b);
}

template <int N> constexpr bool get_bit(const u64* a, int i) { return (a[i / 64] >> (i % 64)) & 1; }
template <int N> constexpr void set_bit(u64* a, int i, bool v) {
  const u64 m = u64(1) << (i % 64);
  a[i / 64] = v ? a[i / 64] | m : a[i / 64] & ~m;
}

// Unsigned q = a / b, r = a % b (b != 0); outputs must not alias inputs.
template <int N> constexpr void udivmod(u64* q, u64* r, const u64* a, const u64* b) {
  if constexpr (N == 1) {
    q[0] = a[0] / b[0];
    r[0] = a[0] % b[0];
  } else if constexpr (N == 2) {
    const u128 x = (static_cast<u128>(a[1]) << 64) | a[0], y = (static_cast<u128>(b[1]) << 64) | b[0];
    const u128 qq = x / y, rr = x % y;
    q[0] = static_cast<u64>(qq), q[1] = static_cast<u64>(qq >> 64);
    r[0] = static_cast<u64>(rr), r[1] = static_cast<u64>(rr >> 64);
  } else {
    for (int i = 0; i < N; ++i) q[i] = r[i] = 0;
    int top = N * 64 - 1;
    while (top >= 0 && !get_bit<N>(a, top)) --top;
    for (int i = top; i >= 0; --i) {
      shl<N>(r, r, 1);
      r[0] |= get_bit<N>(a, i);
      if (cmp_unsigned<N>(r, b) >= 0) {
        sub<N>(r, r, b);
        set_bit<N>(q, i, true);
      }
    }
  }
}

// a = a / d, returns a % d (unsigned, d != 0): used for radix conversion.
template <int N> constexpr u64 divmod_small(u64* a, u64 d) {
  u128 rem = 0;
  for (int i = N - 1; i >= 0; --i) {
    const u128 cur = (rem << 64) | a[i];
    a[i] = static_cast<u64>(cur / d);
    rem = cur % d;
  }
  return static_cast<u64>(rem);
}

// a = a * m + add (wrapping): used for parsing.
template <int N> constexpr void mul_add_small(u64* a, u64 m, u64 add) {
  u64 carry = add;
  for (int i = 0; i < N; ++i) {
    const u128 t = static_cast<u128>(a[i]) * m + carry;
    a[i] = static_cast<u64>(t);
    carry = static_cast<u64>(t >> 64);
  }
}

}  // namespace ap_detail
