// Tests for the HLS SMA pragma mutator: the edit, and the checker rule that flags it.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::test::codes_after;
using bf::test::contains;
using bf::test::find_mutant;
using bf::test::hls_mutants;
using bf::test::rule_codes;

TEST_CASE("hls SMA: a by-value scalar gets a memory interface", "[mutators][hls]") {
  const std::string code = "int f(int n) {\n#pragma HLS interface mode=s_axilite port=n\n  return n + 1;\n}\n";
  CHECK(rule_codes(code).empty());
  const auto ms = hls_mutants(code, "SMA");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].replacement == "m_axi");
  CHECK(contains(codes_after(code, ms[0]), "BF-HLS-130"));
}
