// Tests for the HLS FND pragma mutator: the edit, and the checker rule that flags it.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::test::codes_after;
using bf::test::contains;
using bf::test::find_mutant;
using bf::test::hls_mutants;
using bf::test::rule_codes;

TEST_CASE("hls FND: factor moves to a non-divisor of the dimension", "[mutators][hls]") {
  const std::string code =
      "int f() {\n  int a[16];\n#pragma HLS array_partition variable=a cyclic factor=4\n  a[0] = 1;\n  return a[0];\n}\n";
  CHECK(rule_codes(code).empty());
  const auto ms = hls_mutants(code, "FND");
  const auto* m = find_mutant(ms, "4", "5");
  REQUIRE(m);
  CHECK(contains(codes_after(code, *m), "BF-HLS-101"));
}
