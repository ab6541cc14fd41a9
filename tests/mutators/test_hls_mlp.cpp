// Tests for the HLS MLP pragma mutator: the edit, and the checker rule that flags it.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::test::codes_after;
using bf::test::contains;
using bf::test::find_mutant;
using bf::test::hls_mutants;
using bf::test::rule_codes;

TEST_CASE("hls MLP: pipeline inserted in a loop nested in a pipelined loop", "[mutators][hls]") {
  const std::string code =
      "void f(int c[4][4]) {\n  for (int i = 0; i < 4; i++) {\n#pragma HLS pipeline II=1\n"
      "    for (int j = 0; j < 4; j++) {\n      c[i][j] = i + j;\n    }\n  }\n}\n";
  CHECK(rule_codes(code).empty());
  const auto ms = hls_mutants(code, "MLP");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].original.empty());
  CHECK(ms[0].replacement == "\n      #pragma HLS pipeline II=1");
  CHECK(contains(codes_after(code, ms[0]), "BF-HLS-110"));
}
