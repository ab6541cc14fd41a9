// Tests for the HLS DID pragma mutator: the edit, and the checker rule that flags it.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::test::codes_after;
using bf::test::contains;
using bf::test::find_mutant;
using bf::test::hls_mutants;
using bf::test::rule_codes;

TEST_CASE("hls DID: dim out of the array's rank", "[mutators][hls]") {
  const std::string code =
      "int f() {\n  int a[4][8];\n#pragma HLS array_partition variable=a complete dim=2\n  a[0][0] = 1;\n"
      "  return a[0][0];\n}\n";
  CHECK(rule_codes(code).empty());
  const auto ms = hls_mutants(code, "DID");
  const auto* out = find_mutant(ms, "2", "3");
  REQUIRE(out);
  CHECK(contains(codes_after(code, *out), "BF-HLS-102"));
  CHECK(find_mutant(ms, "2", "1"));  // another in-range dimension
}
