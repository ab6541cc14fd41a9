// Tests for the HLS ILNU pragma mutator: the edit, and the checker rule that flags it.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::test::codes_after;
using bf::test::contains;
using bf::test::find_mutant;
using bf::test::hls_mutants;
using bf::test::rule_codes;

TEST_CASE("hls ILNU: an outer loop unrolled over a rolled inner loop", "[mutators][hls]") {
  const std::string code =
      "void f(int c[4][4]) {\n  for (int i = 0; i < 4; i++) {\n#pragma HLS pipeline II=1\n"
      "    for (int j = 0; j < 4; j++) {\n      c[i][j] = i + j;\n    }\n  }\n}\n";
  CHECK(rule_codes(code).empty());
  const auto ms = hls_mutants(code, "ILNU");
  const auto* m = find_mutant(ms, "pipeline II=1", "unroll");
  REQUIRE(m);
  CHECK(contains(codes_after(code, *m), "BF-HLS-111"));
}
