// End-to-end test of `bugforge label`: two built-in designs labelled at once (--jobs 2) give the
// same kill-rate table as one after the other, and the table covers both designs.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

std::string label(const std::string& args) {
  const char* bin = std::getenv("BUGFORGE_BIN");
  REQUIRE(bin);
  const std::string cache = (std::filesystem::current_path() / "bf-test-cache-label").string();
  const std::string cmd = "BUGFORGE_CACHE='" + cache + "' '" + bin + "' label " + args + " 2>/dev/null";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::array<char, 4096> buf{};
  for (std::size_t n; (n = fread(buf.data(), 1, buf.size(), p)) > 0;) out.append(buf.data(), n);
  REQUIRE(pclose(p) == 0);
  return out;
}

}  // namespace

TEST_CASE("label --jobs 2 prints the same table as --jobs 1", "[cli][label]") {
  const std::string args = "pe_rtl requant_hls --limit 8 --vectors 2 --extra-vectors 2 --no-formal --own-builds 1";
  const std::string one = label(args + " --jobs 1");
  INFO(one);
  CHECK(one.find("pe_rtl") != std::string::npos);
  CHECK(one.find("requant_hls") != std::string::npos);
  CHECK(one.find("labelled in 2 designs") != std::string::npos);
  CHECK(label(args + " --jobs 2") == one);
}
