// Tests for the HLS ZERO mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls ZERO: a non-zero seed becomes 0", "[mutators][hls]") {
  const std::string code = "int f(const int* a) {\n  int best = a[0];\n  int p = 1;\n  return best * p;\n}\n";
  const auto ms = hls_mutants(code, "ZERO");
  const auto* m = find_mutant(ms, "a[0]", "0");
  REQUIRE(m);
  CHECK(m->schema_ok);
  CHECK(find_mutant(ms, "1", "0"));
}

TEST_CASE("hls ZERO: zero initialisers and stream reads are not sites", "[mutators][hls]") {
  CHECK(hls_mutants("#include \"hls_min.h\"\nint f(hls::stream<int>& s) { int a = 0; int b = s.read(); return a + b; }\n",
                    "ZERO")
            .empty());
}
