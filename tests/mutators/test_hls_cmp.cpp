// Tests for the HLS CMP mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls CMP: moves a comparison to its neighbour", "[mutators][hls]") {
  const std::string code = "int f(int a, int b) { return a < b ? a : b; }\n";
  const auto ms = hls_mutants(code, "CMP");
  const auto* m = find_mutant(ms, "<", "<=");
  REQUIRE(m);
  CHECK(apply_mutant(code, *m) == "int f(int a, int b) { return a <= b ? a : b; }\n");
}

TEST_CASE("hls CMP: loop bounds are left to OOB and INF", "[mutators][hls]") {
  const auto ms = hls_mutants("void f(int* a) { for (int i = 0; i < 4; i++) a[i] = 0; }\n", "CMP");
  CHECK(ms.empty());
}

TEST_CASE("hls CMP: an ordering is reversed", "[mutators][hls]") {
  const auto ms = bf::test::hls_mutants("int f(int a, int b) { return a < b ? a : b; }\n", "CMP");
  CHECK(bf::test::find_mutant(ms, "<", ">"));
  CHECK(bf::test::find_mutant(ms, "<", "<="));
}
