// bugforge tests — an obviously-correct reference for the HLS type tests: two's-complement numbers
// as little-endian vectors of single bits, with schoolbook (bit-serial) arithmetic.
//
// Algorithm: every operation first extends its operands to an explicit width (sign or zero
// extension by the operand's own signedness), then works one bit at a time; results are taken
// modulo 2^width. Division is restoring long division on magnitudes. Slow, but short enough to
// check by reading. Values cross over to the library only as binary strings.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace reftest {

struct Rng {  // splitmix64: small, deterministic, good enough for test data
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

struct Ref {
  std::vector<int> b;  // b[0] is the least significant bit
  bool s = false;
  int width() const { return static_cast<int>(b.size()); }
  bool neg() const { return s && b.back(); }
};

inline Ref ext(const Ref& a, int w, bool s) {
  Ref r{std::vector<int>(w), s};
  for (int i = 0; i < w; ++i) r.b[i] = i < a.width() ? a.b[i] : (a.neg() ? 1 : 0);
  return r;
}

inline Ref from_u64(std::uint64_t v, int w, bool s) {
  Ref r{std::vector<int>(w), s};
  for (int i = 0; i < w && i < 64; ++i) r.b[i] = (v >> i) & 1;
  return r;
}

inline Ref from_i64(std::int64_t v, int w, bool s) {
  return ext(from_u64(static_cast<std::uint64_t>(v), 64, true), w, s);
}

// Random pattern biased toward the edges: 0, -1/all ones, MSB only, MSB-1 ones, sparse, dense.
inline Ref random_ref(Rng& g, int w, bool s) {
  Ref r{std::vector<int>(w), s};
  const int kind = g.below(8);
  for (int i = 0; i < w; ++i) {
    const int coin = static_cast<int>(g.next() & 7);
    r.b[i] = kind == 0 ? 0 : kind == 1 ? 1 : kind == 2 ? (i == w - 1) : kind == 3 ? (i != w - 1)
           : kind == 4 ? (coin == 0) : kind == 5 ? (coin != 0) : (coin & 1);
  }
  if (kind == 7 && w > 1) r.b[g.below(w)] ^= 1;
  return r;
}

inline Ref add(const Ref& a, const Ref& b, int w, bool s) {
  const Ref x = ext(a, w, s), y = ext(b, w, s);
  Ref r{std::vector<int>(w), s};
  int carry = 0;
  for (int i = 0; i < w; ++i) {
    const int t = x.b[i] + y.b[i] + carry;
    r.b[i] = t & 1;
    carry = t >> 1;
  }
  return r;
}

inline Ref bit_not(const Ref& a) {
  Ref r = a;
  for (auto& v : r.b) v ^= 1;
  return r;
}

inline Ref negate(const Ref& a, int w, bool s) { return add(bit_not(ext(a, w, s)), from_u64(1, w, false), w, s); }
inline Ref sub(const Ref& a, const Ref& b, int w, bool s) { return add(a, negate(b, w, s), w, s); }

inline Ref shl(const Ref& a, int k) {
  Ref r{std::vector<int>(a.width()), a.s};
  for (int i = k; i < a.width(); ++i) r.b[i] = a.b[i - k];
  return r;
}

inline Ref shr(const Ref& a, int k) {  // arithmetic for signed values
  Ref r{std::vector<int>(a.width()), a.s};
  for (int i = 0; i < a.width(); ++i) r.b[i] = i + k < a.width() ? a.b[i + k] : (a.neg() ? 1 : 0);
  return r;
}

inline Ref mul(const Ref& a, const Ref& b, int w, bool s) {
  const Ref x = ext(a, w, s), y = ext(b, w, s);
  Ref r = from_u64(0, w, s);
  for (int i = 0; i < w; ++i)
    if (y.b[i]) r = add(r, shl(x, i), w, s);
  return r;
}

inline Ref bitwise(const Ref& a, const Ref& b, int w, bool s, char op) {
  const Ref x = ext(a, w, s), y = ext(b, w, s);
  Ref r{std::vector<int>(w), s};
  for (int i = 0; i < w; ++i)
    r.b[i] = op == '&' ? (x.b[i] & y.b[i]) : op == '|' ? (x.b[i] | y.b[i]) : (x.b[i] ^ y.b[i]);
  return r;
}

inline bool is_zero(const Ref& a) {
  for (int v : a.b)
    if (v) return false;
  return true;
}

// -1, 0, 1 by the sign of a - b computed two bits wider than both.
inline int cmp(const Ref& a, const Ref& b) {
  const int w = (a.width() > b.width() ? a.width() : b.width()) + 2;
  const Ref d = sub(a, b, w, true);
  return is_zero(d) ? 0 : d.neg() ? -1 : 1;
}

inline Ref abs_of(const Ref& a, int w) { return a.neg() ? negate(a, w, false) : ext(a, w, false); }

// Truncating quotient and remainder (C semantics), returned in width w, signedness s.
inline std::pair<Ref, Ref> divmod(const Ref& a, const Ref& b, int w, bool s) {
  const int cw = (a.width() > b.width() ? a.width() : b.width()) + 2;
  const Ref ma = abs_of(a, cw), mb = abs_of(b, cw);
  Ref q = from_u64(0, cw, false), r = from_u64(0, cw, false);
  for (int i = cw - 1; i >= 0; --i) {
    r = shl(r, 1);
    r.b[0] = ma.b[i];
    if (cmp(r, mb) >= 0) {
      r = sub(r, mb, cw, false);
      q.b[i] = 1;
    }
  }
  if (a.neg() != b.neg()) q = negate(q, cw, true);
  if (a.neg()) r = negate(r, cw, true);
  q.s = r.s = true;
  return {ext(q, w, s), ext(r, w, s)};
}

// "0b..." of the magnitude with a leading '-' for negative signed values: ap to_string(2) format.
inline std::string to_bin(const Ref& a) {
  const Ref m = abs_of(a, a.width() + 1);
  std::string out;
  for (int i = m.width() - 1; i >= 0; --i)
    if (!out.empty() || m.b[i]) out += m.b[i] ? '1' : '0';
  return (a.neg() ? "-0b" : "0b") + (out.empty() ? std::string("0") : out);
}

// The raw bit pattern as "0b<msb..lsb>", accepted by the ap_int string constructor.
inline std::string pattern(const Ref& a) {
  std::string out = "0b";
  for (int i = a.width() - 1; i >= 0; --i) out += a.b[i] ? '1' : '0';
  return out;
}

}  // namespace reftest
