// Tests for the HLS OOB mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls OOB: loop bound past the array edge and index + 1", "[mutators][hls]") {
  const std::string code = "#define N 8\nvoid f(int a[N]) {\n  for (int i = 0; i < N; i++) a[i] = i;\n}\n";
  const auto ms = hls_mutants(code, "OOB");
  const auto* le = find_mutant(ms, "<", "<=");
  REQUIRE(le);
  CHECK(le->line == 3);
  CHECK(apply_mutant(code, *le).find("i <= N") != std::string::npos);
  CHECK(find_mutant(ms, "i", "i + 1"));
}

TEST_CASE("hls OOB: loops that index nothing are not touched", "[mutators][hls]") {
  CHECK(hls_mutants("int f() { int s = 0; for (int i = 0; i < 4; i++) s += i; return s; }\n", "OOB").empty());
}
