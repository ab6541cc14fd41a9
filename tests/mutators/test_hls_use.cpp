// Tests for the HLS USE mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls USE: flips the signedness of local and cast types", "[mutators][hls]") {
  const std::string code =
      "#include \"hls_min.h\"\nint f(int x) {\n  ap_int<8> n = x;\n  int8_t s = x;\n  return (int)(int8_t)s + n.v;\n}\n";
  const auto ms = hls_mutants(code, "USE");
  const auto* ap = find_mutant(ms, "ap_int", "ap_uint");
  REQUIRE(ap);
  CHECK_FALSE(ap->schema_ok);
  CHECK(ap->line == 3);
  CHECK(find_mutant(ms, "int8_t", "uint8_t"));
  CHECK(find_mutant(ms, "int", "unsigned"));
}

TEST_CASE("hls USE: argument types are left alone (the harness binds them)", "[mutators][hls]") {
  CHECK(hls_mutants("int f(int x, short y) { return x + y; }\n", "USE").empty());
}
