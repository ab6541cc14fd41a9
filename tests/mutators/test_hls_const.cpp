// Tests for the HLS CONST mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls CONST: literal off by one, keeping base and suffix", "[mutators][hls]") {
  const std::string code = "unsigned f(unsigned a) { return a + 0x10u; }\n";
  const auto ms = hls_mutants(code, "CONST");
  const auto* m = find_mutant(ms, "0x10u", "0x11u");
  REQUIRE(m);
  CHECK(m->schema_ok);
  CHECK(find_mutant(ms, "0x10u", "0xfu"));
}

TEST_CASE("hls CONST: a macro constant is edited in its #define, never at the use", "[mutators][hls]") {
  const std::string code = "#define N 8\nint f(int i) { return i < N; }\n";
  const auto ms = hls_mutants(code, "CONST");
  const auto* m = find_mutant(ms, "8", "9");
  REQUIRE(m);
  CHECK(m->line == 1);
  CHECK_FALSE(m->schema_ok);
  CHECK(apply_mutant(code, *m).rfind("#define N 9\n", 0) == 0);
}

TEST_CASE("hls CONST: array sizes cannot be chosen at run time", "[mutators][hls]") {
  const auto ms = hls_mutants("int f() { int a[4] = {0}; return a[1]; }\n", "CONST");
  const auto* size = find_mutant(ms, "4", "5");
  REQUIRE(size);
  CHECK_FALSE(size->schema_ok);
  const auto* index = find_mutant(ms, "1", "2");
  REQUIRE(index);
  CHECK(index->schema_ok);
}

TEST_CASE("hls CONST: a named constant is used one off and a file-scope constant is edited",
          "[mutators][hls]") {
  const std::string code = "const int N = 8;\nint f(int i) { return i < N; }\n";
  const auto ms = hls_mutants(code, "CONST");
  const auto* use = find_mutant(ms, "N", "(N - 1)");
  REQUIRE(use);
  CHECK(apply_mutant(code, *use) == "const int N = 8;\nint f(int i) { return i < (N - 1); }\n");
  CHECK(find_mutant(ms, "N", "(N + 1)"));
  const auto* decl = find_mutant(ms, "8", "9");
  REQUIRE(decl);
  CHECK(decl->line == 1);
}

TEST_CASE("hls CONST: a decimal 0 also becomes -1", "[mutators][hls]") {
  const auto ms =
      hls_mutants("int f(int n) { int s = 0; for (int i = 0; i < n; i++) s += i; return s; }\n", "CONST");
  CHECK(find_mutant(ms, "0", "-1"));
  CHECK(find_mutant(ms, "0", "1"));
}
