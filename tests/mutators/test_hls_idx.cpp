// Tests for the HLS IDX mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls IDX: transposes a two-level subscript", "[mutators][hls]") {
  const std::string code =
      "void f(int a[4][4], int* o) {\n  for (int i = 0; i < 4; i++)\n    for (int j = 0; j < 4; j++) o[i] += "
      "a[i][j];\n}\n";
  const auto ms = hls_mutants(code, "IDX");
  const auto* t = find_mutant(ms, "a[i][j]", "a[j][i]");
  REQUIRE(t);
  CHECK(t->schema_ok);
  CHECK(find_mutant(ms, "j", "i"));  // index taken from the other loop
}

TEST_CASE("hls IDX: an index taken one too low or one too high", "[mutators][hls]") {
  const std::string code =
      "int f(const int a[8], int t) { int s = 0; for (int i = 0; i < 4; i++) s += a[t + i]; return s; }\n";
  const auto ms = bf::test::hls_mutants(code, "IDX");
  CHECK(bf::test::find_mutant(ms, "t + i", "t + i - 1"));
  CHECK(bf::test::find_mutant(ms, "t + i", "t + i + 1"));
}
