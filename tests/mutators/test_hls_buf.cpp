// Tests for the HLS BUF mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls BUF: ping-pong halves and split offsets", "[mutators][hls]") {
  const std::string code =
      "#define HALF 16\nvoid f(int buf[2][4], int s[32], int sel, int i, int* o) {\n  *o = buf[0][i] + buf[sel][i] "
      "+ s[i + HALF];\n}\n";
  const auto ms = hls_mutants(code, "BUF");
  const auto* flip = find_mutant(ms, "0", "1");
  REQUIRE(flip);
  CHECK(apply_mutant(code, *flip).find("buf[1][i] + buf[sel]") != std::string::npos);
  CHECK(find_mutant(ms, "sel", "!sel"));
  CHECK(find_mutant(ms, "i + HALF", "i"));
}

TEST_CASE("hls BUF: small offsets are OOB territory, not BUF", "[mutators][hls]") {
  CHECK(hls_mutants("int f(int s[8], int i) { return s[i + 1]; }\n", "BUF").empty());
}
