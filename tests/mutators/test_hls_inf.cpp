// Tests for the HLS INF mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls INF: reverses the increment of a counting loop", "[mutators][hls]") {
  const std::string code = "int f() { int s = 0; for (int i = 0; i < 4; i++) s += i; return s; }\n";
  const auto ms = hls_mutants(code, "INF");
  const auto* m = find_mutant(ms, "++", "--");
  REQUIRE(m);
  CHECK(apply_mutant(code, *m).find("i--)") != std::string::npos);
}

TEST_CASE("hls INF: while loop whose last statement steps the tested variable", "[mutators][hls]") {
  const auto ms = hls_mutants("int f() { int w = 0, s = 0; while (w < 9) { s += w; w += 3; } return s; }\n", "INF");
  CHECK(find_mutant(ms, "+=", "-="));
}
