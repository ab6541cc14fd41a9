// Tests for the HLS AMS pragma mutator: the edit, and the checker rule that flags it.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::test::codes_after;
using bf::test::contains;
using bf::test::find_mutant;
using bf::test::hls_mutants;
using bf::test::rule_codes;

TEST_CASE("hls AMS: an array argument gets a scalar interface", "[mutators][hls]") {
  const std::string code =
      "int f(const int a[8]) {\n#pragma HLS interface mode=bram port=a\n  return a[0] + a[7];\n}\n";
  CHECK(rule_codes(code).empty());
  const auto ms = hls_mutants(code, "AMS");
  const auto* m = find_mutant(ms, "bram", "ap_none");
  REQUIRE(m);
  CHECK(contains(codes_after(code, *m), "BF-HLS-131"));
}

TEST_CASE("hls AMS: scalar arguments are not sites", "[mutators][hls]") {
  CHECK(hls_mutants("int f(int n) {\n#pragma HLS interface mode=s_axilite port=n\n  return n;\n}\n", "AMS").empty());
}
