// Tests for the HLS SHFT mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls SHFT: literal amount off by one and out of range", "[mutators][hls]") {
  const std::string code = "int f(int v) { return v >> 2; }\n";
  const auto ms = hls_mutants(code, "SHFT");
  CHECK(find_mutant(ms, "2", "3"));
  const auto* wide = find_mutant(ms, "2", "32");
  REQUIRE(wide);
  CHECK(apply_mutant(code, *wide) == "int f(int v) { return v >> 32; }\n");
}

TEST_CASE("hls SHFT: variable amount plus one", "[mutators][hls]") {
  CHECK(find_mutant(hls_mutants("int f(int v, int s) { return v << s; }\n", "SHFT"), "s", "(s + 1)"));
}
