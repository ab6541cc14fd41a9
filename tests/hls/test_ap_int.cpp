// bugforge tests — ap_int / ap_uint against the bit-vector reference (ref_bits.h).
//
// Algorithm: for a sweep of widths 1..1024 and all four signedness pairs, draw fixed-seed random
// operands (biased to 0, -1, MIN, MAX, sparse and dense patterns), build the library values from
// the same bit patterns (string constructor), and compare every operator's result, printed in
// binary, with the reference computed at the Vitis result width. Result widths are checked too.
#include <catch2/catch.hpp>

#include <cstring>
#include <sstream>
#include <utility>

#include "ap_int.h"
#include "ref_bits.h"

using namespace reftest;

namespace {

constexpr int kWidths[] = {1, 2, 3, 7, 8, 9, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 500, 1023, 1024};
constexpr int kNumWidths = sizeof(kWidths) / sizeof(kWidths[0]);

template <int W, bool S> ap_int_base<W, S> make(const Ref& r) { return ap_int_base<W, S>(pattern(r).c_str()); }
template <int W, bool S> std::string bin(const ap_int_base<W, S>& x) { return x.to_string(2); }
int iterations(int w) { return w <= 64 ? 60 : w <= 256 ? 12 : 4; }

// Vitis result widths, written out independently of the library.
constexpr int max2(int a, int b) { return a > b ? a : b; }
constexpr int min2(int a, int b) { return a < b ? a : b; }

template <int W1, bool S1, int W2, bool S2> void check_pair(Rng& g) {
  constexpr int LW = max2(W1 + (S2 && !S1), W2 + (S1 && !S2));
  constexpr bool LS = S1 || S2;
  for (int it = 0; it < iterations(max2(W1, W2)); ++it) {
    const Ref ra = random_ref(g, W1, S1), rb = random_ref(g, W2, S2);
    const auto a = make<W1, S1>(ra);
    const auto b = make<W2, S2>(rb);
    INFO("W1=" << W1 << " S1=" << S1 << " W2=" << W2 << " S2=" << S2 << " a=" << pattern(ra) << " b=" << pattern(rb));
    REQUIRE(bin(a) == to_bin(ra));

    const auto sum = a + b;
    STATIC_REQUIRE((decltype(sum)::width == LW + 1 && decltype(sum)::is_signed == LS));
    REQUIRE(bin(sum) == to_bin(add(ra, rb, LW + 1, LS)));
    const auto diff = a - b;
    STATIC_REQUIRE((decltype(diff)::width == LW + 1 && decltype(diff)::is_signed));
    REQUIRE(bin(diff) == to_bin(sub(ra, rb, LW + 1, true)));
    const auto prod = a * b;
    STATIC_REQUIRE((decltype(prod)::width == W1 + W2 && decltype(prod)::is_signed == LS));
    REQUIRE(bin(prod) == to_bin(mul(ra, rb, W1 + W2, LS)));
    REQUIRE(bin(a & b) == to_bin(bitwise(ra, rb, LW, LS, '&')));
    REQUIRE(bin(a | b) == to_bin(bitwise(ra, rb, LW, LS, '|')));
    REQUIRE(bin(a ^ b) == to_bin(bitwise(ra, rb, LW, LS, '^')));
    if (!is_zero(rb)) {
      const auto quo = a / b;
      const auto rem = a % b;
      STATIC_REQUIRE((decltype(quo)::width == W1 + S2 && decltype(quo)::is_signed == LS));
      STATIC_REQUIRE((decltype(rem)::width == min2(W1, W2 + (!S2 && S1)) && decltype(rem)::is_signed == S1));
      REQUIRE(bin(quo) == to_bin(divmod(ra, rb, W1 + S2, LS).first));
      REQUIRE(bin(rem) == to_bin(divmod(ra, rb, min2(W1, W2 + (!S2 && S1)), S1).second));
    }
    const int c = cmp(ra, rb);
    REQUIRE((a < b) == (c < 0));
    REQUIRE((a <= b) == (c <= 0));
    REQUIRE((a == b) == (c == 0));
    REQUIRE((a != b) == (c != 0));
    REQUIRE((a > b) == (c > 0));
    REQUIRE((a >= b) == (c >= 0));

    // assignment wraps / extends to the target type
    const ap_int_base<W2, S2> conv = a;
    REQUIRE(bin(conv) == to_bin(ext(ra, W2, S2)));

    // compound assignment keeps the left type (wrapping)
    auto acc = a;
    acc += b;
    REQUIRE(bin(acc) == to_bin(ext(add(ra, rb, LW + 1, LS), W1, S1)));
    acc = a;
    acc *= b;
    REQUIRE(bin(acc) == to_bin(ext(mul(ra, rb, W1 + W2, LS), W1, S1)));
    acc = a;
    acc ^= b;
    REQUIRE(bin(acc) == to_bin(ext(bitwise(ra, rb, LW, LS, '^'), W1, S1)));
  }
}

template <int W, bool S> void check_unary(Rng& g) {
  for (int it = 0; it < iterations(W); ++it) {
    const Ref ra = random_ref(g, W, S);
    const auto a = make<W, S>(ra);
    INFO("W=" << W << " S=" << S << " a=" << pattern(ra));
    REQUIRE(bin(~a) == to_bin(bit_not(ra)));
    REQUIRE(bin(-a) == to_bin(negate(ra, W + 1, true)));
    const int k = g.below(W + 3);
    REQUIRE(bin(a << k) == to_bin(k >= W ? from_u64(0, W, S) : shl(ra, k)));
    REQUIRE(bin(a >> k) == to_bin(shr(ra, k >= W ? W : k)));
    REQUIRE(bin(a << ap_uint<12>(k)) == bin(a << k));
    REQUIRE(bin(a >> -k) == bin(a << k));  // negative counts shift the other way

    const int lo = g.below(W), hi = lo + g.below(W - lo);
    Ref field{std::vector<int>(ra.b.begin() + lo, ra.b.begin() + hi + 1), false};
    REQUIRE(bin(a.range(hi, lo)) == to_bin(ext(field, W, false)));
    const int bit = g.below(W);
    REQUIRE(a[bit] == static_cast<bool>(ra.b[bit]));

    const Ref rv = random_ref(g, W, false);
    auto x = a;
    x(hi, lo) = make<W, false>(rv);
    Ref expect = ra;
    for (int i = lo; i <= hi; ++i) expect.b[i] = rv.b[i - lo];
    REQUIRE(bin(x) == to_bin(expect));
    x[bit] = !x[bit];
    expect.b[bit] ^= 1;
    REQUIRE(bin(x) == to_bin(expect));

    int ones = 0;
    for (int v : ra.b) ones += v;
    REQUIRE(a.and_reduce() == (ones == W));
    REQUIRE(a.or_reduce() == (ones > 0));
    REQUIRE(a.xor_reduce() == (ones % 2 == 1));
    REQUIRE(ap_int_base<W, S>(a.to_string(10).c_str()) == a);  // decimal round trip
    REQUIRE(ap_int_base<W, S>(a.to_string(16).c_str()) == a);
  }
}

template <std::size_t... I> void sweep_pairs(Rng& g, std::index_sequence<I...>) {
  constexpr int n = kNumWidths;
  (check_pair<kWidths[I], false, kWidths[(I + 1) % n], false>(g), ...);
  (check_pair<kWidths[I], true, kWidths[(I + 1) % n], true>(g), ...);
  (check_pair<kWidths[I], true, kWidths[(I + n - 1) % n], false>(g), ...);
  (check_pair<kWidths[I], false, kWidths[I], true>(g), ...);
}

template <std::size_t... I> void sweep_unary(Rng& g, std::index_sequence<I...>) {
  (check_unary<kWidths[I], false>(g), ...);
  (check_unary<kWidths[I], true>(g), ...);
}

}  // namespace

TEST_CASE("ap_int operators match the bit-vector reference across widths 1..1024", "[hls][ap_int]") {
  Rng g{12345};
  sweep_pairs(g, std::make_index_sequence<kNumWidths>{});
}

TEST_CASE("ap_int unary ops, shifts, range and bit select match the reference", "[hls][ap_int]") {
  Rng g{777};
  sweep_unary(g, std::make_index_sequence<kNumWidths>{});
}

TEST_CASE("ap_int mixes with native integers like Vitis", "[hls][ap_int]") {
  const ap_uint<8> u = 200;
  const ap_int<8> s = -3;
  const auto sum = u + 1;  // int is ap_int<32>: width max(8+1, 32)+1, signed
  STATIC_REQUIRE((decltype(sum)::width == 33 && decltype(sum)::is_signed));
  REQUIRE(sum == 201);
  REQUIRE(u * 2U == 400U);
  REQUIRE(s * u == -600);
  REQUIRE(1 - u == -199);
  REQUIRE(u > s);          // compared by value, not by bit pattern
  REQUIRE(s < 0);
  REQUIRE((u == 200 && 200 == u));
  const ap_uint<4> idx = 3;
  int table[16] = {0};
  table[idx] = 7;  // implicit conversion for indexing
  REQUIRE(table[3] == 7);
  const int as_int = s;
  REQUIRE(as_int == -3);
  REQUIRE(s.to_int() == -3);
  REQUIRE(u.to_uint() == 200u);
  REQUIRE(ap_int<70>(-1).to_uint64() == ~0ULL);
  REQUIRE(ap_int<8>(300) == 44);           // wraps on construction
  REQUIRE(ap_uint<8>(-1) == 255);
  REQUIRE(ap_int<8>("0x7f", 16) == 127);
  REQUIRE(ap_int<8>("-5") == -5);
  REQUIRE(ap_uint<12>("fff", 16) == 4095);
  REQUIRE(ap_int<16>(-2.9) == -2);          // double truncates toward zero
  REQUIRE(ap_int<100>(1e20).to_string() == "100000000000000000000");
  REQUIRE(u.to_double() * 0.5 == 100.0);
}

TEST_CASE("ap_int increments, reductions, concat and printing", "[hls][ap_int]") {
  ap_uint<3> c = 7;
  ++c;
  REQUIRE(c == 0);
  c--;
  REQUIRE(c == 7);
  ap_int<200> big = 1;
  big <<= 199;
  REQUIRE(big < 0);  // the sign bit of a signed 200-bit value
  REQUIRE(ap_uint<128>(1).range().length() == 128);
  const ap_uint<4> hi = 0xA;
  const ap_uint<4> lo = 0x5;
  const auto cat = (hi, lo);
  STATIC_REQUIRE(decltype(cat)::width == 8);
  REQUIRE(cat == 0xA5);
  ap_uint<8> r = 0b10110000;
  REQUIRE(r.range(4, 7) == 0b1101);  // hi < lo reads reversed
  REQUIRE(r.countLeadingZeros() == 0);
  std::ostringstream os;
  os << ap_int<128>(-12345) << ' ' << std::hex << ap_uint<16>(0xbeef);
  REQUIRE(os.str() == "-12345 beef");
  REQUIRE(ap_uint<128>("340282366920938463463374607431768211455").to_string(16) == "0x" + std::string(32, 'f'));
  REQUIRE(ap_uint<9>(300).to_string(2) == "0b100101100");
}
