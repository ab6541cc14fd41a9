// Tests for the HLS FXP mutator.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using bf::mutators::apply_mutant;
using bf::test::find_mutant;
using bf::test::hls_mutants;

TEST_CASE("hls FXP: modes and widths of ap_fixed", "[mutators][hls]") {
  const std::string code =
      "#include \"hls_min.h\"\ntypedef ap_fixed<16, 6, AP_RND_CONV, AP_SAT> q_t;\nint f(double x) { q_t q = x; "
      "return q.to_int(); }\n";
  const auto ms = hls_mutants(code, "FXP");
  CHECK(find_mutant(ms, "AP_RND_CONV", "AP_TRN"));
  CHECK(find_mutant(ms, "AP_SAT", "AP_WRAP"));
  CHECK(find_mutant(ms, "6", "5"));
  const auto* w = find_mutant(ms, "16", "15");
  REQUIRE(w);
  CHECK_FALSE(w->schema_ok);
  CHECK(w->line == 2);
}
