// End-to-end test of `bugforge label`: two built-in designs labelled at once (--jobs 2) give the
// same kill-rate table as one after the other, and the table covers both designs.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "cli_run.h"

namespace {

std::string label(const std::string& args) {
  const std::string cache = (std::filesystem::current_path() / "bf-test-cache-label").string();
  const auto r = bf::test::run_shell("BUGFORGE_CACHE='" + cache + "' '" + bf::test::bugforge_bin() +
                                     "' label " + args + " 2>/dev/null");
  REQUIRE(r.status == 0);
  return r.out;
}

}  // namespace

TEST_CASE("label --jobs 2 prints the same table as --jobs 1", "[cli][label]") {
  const std::string args =
      "pe_rtl requant_hls --per-design 8 --vectors 2 --extra-vectors 2 --no-formal --own-builds 1";
  const std::string one = label(args + " --jobs 1");
  INFO(one);
  CHECK(one.find("pe_rtl") != std::string::npos);
  CHECK(one.find("requant_hls") != std::string::npos);
  CHECK(one.find("labelled in 2 designs") != std::string::npos);
  CHECK(label(args + " --jobs 2") == one);
}
