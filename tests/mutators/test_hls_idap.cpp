// Tests for the HLS IDAP pragma mutator: the edit, and the checker rule that flags it.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::test::codes_after;
using bf::test::contains;
using bf::test::find_mutant;
using bf::test::hls_mutants;
using bf::test::rule_codes;

TEST_CASE("hls IDAP: a FIFO interface on an argument read out of order", "[mutators][hls]") {
  const std::string code =
      "int f(const int a[16]) {\n#pragma HLS interface mode=m_axi port=a\n  int s = 0;\n"
      "  for (int i = 0; i < 8; i++) s += a[15 - i] * a[i];\n  return s;\n}\n";
  CHECK(rule_codes(code).empty());
  const auto ms = hls_mutants(code, "IDAP");
  const auto* m = find_mutant(ms, "m_axi", "ap_fifo");
  REQUIRE(m);
  CHECK(contains(codes_after(code, *m), "BF-HLS-132"));
}
