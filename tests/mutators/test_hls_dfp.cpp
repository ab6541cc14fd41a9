// Tests for the HLS DFP pragma mutator: the edit, and the checker rule that flags it.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::test::codes_after;
using bf::test::contains;
using bf::test::find_mutant;
using bf::test::hls_mutants;
using bf::test::rule_codes;

TEST_CASE("hls DFP: pipeline in a loop body becomes dataflow over plain statements", "[mutators][hls]") {
  const std::string code =
      "void f(const int* a, int* b) {\n  for (int i = 0; i < 8; i++) {\n#pragma HLS pipeline II=1\n"
      "    b[i] = a[i] + 1;\n  }\n}\n";
  CHECK(rule_codes(code).empty());
  const auto ms = hls_mutants(code, "DFP");
  const auto* m = find_mutant(ms, "pipeline II=1", "dataflow");
  REQUIRE(m);
  CHECK(contains(codes_after(code, *m), "BF-HLS-120"));
}
