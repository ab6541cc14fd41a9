// Tests for the HLS MLU mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls MLU: mis-offset and dropped copies of a hand-unrolled body", "[mutators][hls]") {
  const std::string code =
      "void f(const int* x, int* y) {\n  for (int i = 0; i < 8; i += 2) {\n    y[i + 0] = x[i + 0];\n"
      "    y[i + 1] = x[i + 1];\n  }\n}\n";
  const auto ms = hls_mutants(code, "MLU");
  const auto* rep = find_mutant(ms, "y[i + 1] = x[i + 1]", "y[i + 0] = x[i + 0]");
  REQUIRE(rep);
  CHECK(rep->schema_ok);
  const auto* drop = find_mutant(ms, "y[i + 1] = x[i + 1];", "");
  REQUIRE(drop);
  CHECK_FALSE(drop->schema_ok);
}

TEST_CASE("hls MLU: statements that differ in more than literals are not a run", "[mutators][hls]") {
  CHECK(hls_mutants("void f(int* y, int a, int b) { y[0] = a; y[1] = b; }\n", "MLU").empty());
}
