// Tests for the HLS RAMB pragma mutator: the edit, and the checker rule that flags it.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::test::codes_after;
using bf::test::contains;
using bf::test::find_mutant;
using bf::test::hls_mutants;
using bf::test::rule_codes;

TEST_CASE("hls RAMB: m_axi on a column-strided argument defeats bursts", "[mutators][hls]") {
  const std::string code =
      "int f(const int a[64]) {\n#pragma HLS interface mode=bram port=a\n  int s = 0;\n"
      "  for (int c = 0; c < 8; c++)\n    for (int r = 0; r < 8; r++) s += a[r * 8 + c];\n  return s;\n}\n";
  CHECK(rule_codes(code).empty());
  const auto ms = hls_mutants(code, "RAMB");
  const auto* m = find_mutant(ms, "bram", "m_axi");
  REQUIRE(m);
  CHECK(contains(codes_after(code, *m), "BF-HLS-133"));
}
