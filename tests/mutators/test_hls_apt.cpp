// Tests for the HLS APT pragma mutator: the edit, and the checker rule that flags it.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::test::codes_after;
using bf::test::contains;
using bf::test::find_mutant;
using bf::test::hls_mutants;
using bf::test::rule_codes;

TEST_CASE("hls APT: cyclic partition becomes block and the checker flags it", "[mutators][hls]") {
  const std::string code =
      "int f(const int in[16]) {\n  int a[16];\n#pragma HLS array_partition variable=a type=cyclic factor=4\n"
      "  for (int i = 0; i < 16; i++) a[i] = in[i];\n  int s = 0;\n  for (int i = 0; i < 16; i++) {\n"
      "#pragma HLS unroll factor=4\n    s += a[i];\n  }\n  return s;\n}\n";
  CHECK(rule_codes(code).empty());
  const auto ms = hls_mutants(code, "APT");
  const auto* m = find_mutant(ms, "cyclic", "block");
  REQUIRE(m);
  CHECK_FALSE(m->schema_ok);
  CHECK(contains(codes_after(code, *m), "BF-HLS-103"));
}
