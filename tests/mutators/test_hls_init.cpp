// Tests for the HLS INIT mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls INIT: drops the initialiser of a variable read later", "[mutators][hls]") {
  const std::string code = "int f(const int* a) {\n  int acc = 0;\n  for (int i = 0; i < 4; i++) acc += a[i];\n  return acc;\n}\n";
  const auto ms = hls_mutants(code, "INIT");
  REQUIRE(ms.size() == 1);
  CHECK_FALSE(ms[0].schema_ok);
  CHECK(apply_mutant(code, ms[0]).find("  int acc;\n") != std::string::npos);
}

TEST_CASE("hls INIT: const variables and loop counters keep their initialisers", "[mutators][hls]") {
  CHECK(hls_mutants("int f() { const int k = 3; int s = 1; for (int i = 0; i < k; i++) {} return k; }\n", "INIT")
            .empty());
}
