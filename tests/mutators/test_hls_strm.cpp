// Tests for the HLS STRM mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls STRM: one read or write too many, and a read of the wrong stream", "[mutators][hls]") {
  const std::string code =
      "#include \"hls_min.h\"\nvoid f(hls::stream<int>& in, hls::stream<int>& out) {\n  int v = in.read();\n"
      "  out.write(v + 1);\n}\n";
  const auto ms = hls_mutants(code, "STRM");
  const auto* twice = find_mutant(ms, "in.read()", "(in.read(), in.read())");
  REQUIRE(twice);
  CHECK(twice->schema_ok);
  CHECK(find_mutant(ms, "out.write(v + 1)", "(out.write(v + 1), out.write(v + 1))"));
  CHECK(find_mutant(ms, "in", "out"));
}
