// Tests for the HLS OP mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls OP: swaps an arithmetic operator in place", "[mutators][hls]") {
  const std::string code = "int f(int a, int b) { return a + b; }\n";
  const auto ms = hls_mutants(code, "OP");
  const auto* m = find_mutant(ms, "+", "-");
  REQUIRE(m);
  CHECK(m->schema_ok);
  CHECK(m->bug_class == "OP");
  CHECK(apply_mutant(code, *m) == "int f(int a, int b) { return a - b; }\n");
}

TEST_CASE("hls OP: overloaded ap_int operators and compound assignments", "[mutators][hls]") {
  const std::string code =
      "#include \"hls_min.h\"\nvoid f(ap_int<8> a, ap_int<8> b, int& s) {\n  ap_int<8> c = a + b;\n  s += "
      "c.v;\n}\n";
  const auto ms = hls_mutants(code, "OP");
  CHECK(find_mutant(ms, "+", "-"));
  CHECK(find_mutant(ms, "+=", "-="));
}

TEST_CASE("hls OP: an operator inside a function-like macro body is skipped", "[mutators][hls]") {
  const auto ms =
      hls_mutants("#define ADD(x, y) ((x) + (y))\nint f(int a, int b) { return ADD(a, b); }\n", "OP");
  CHECK(ms.empty());
}

TEST_CASE("hls OP: a compound assignment loses its operator and + becomes |", "[mutators][hls]") {
  const std::string code = "int f(int a, int b) { int s = 1; s += a + b; return s; }\n";
  const auto ms = hls_mutants(code, "OP");
  const auto* m = find_mutant(ms, "+=", "=");
  REQUIRE(m);
  CHECK(apply_mutant(code, *m) == "int f(int a, int b) { int s = 1; s = a + b; return s; }\n");
  CHECK(find_mutant(ms, "+", "|"));
}
