// Tests for the HLS IDX mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls IDX: transposes a two-level subscript", "[mutators][hls]") {
  const std::string code =
      "void f(int a[4][4], int* o) {\n  for (int i = 0; i < 4; i++)\n    for (int j = 0; j < 4; j++) o[i] += a[i][j];\n}\n";
  const auto ms = hls_mutants(code, "IDX");
  const auto* t = find_mutant(ms, "a[i][j]", "a[j][i]");
  REQUIRE(t);
  CHECK(t->schema_ok);
  CHECK(find_mutant(ms, "j", "i"));  // index taken from the other loop
}
