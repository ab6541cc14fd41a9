// Tests for the HLS COND mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls COND: negates a condition and swaps && / ||", "[mutators][hls]") {
  const std::string code = "int f(int a, int b) {\n  if (a > 0 && b > 0) return 1;\n  return 0;\n}\n";
  const auto ms = hls_mutants(code, "COND");
  CHECK(find_mutant(ms, "a > 0 && b > 0", "!(a > 0 && b > 0)"));
  CHECK(find_mutant(ms, "&&", "||"));
  const auto* drop = find_mutant(ms, "a > 0 && b > 0", "a > 0");
  REQUIRE(drop);
  CHECK(apply_mutant(code, *drop).find("if (a > 0) return 1;") != std::string::npos);
}
