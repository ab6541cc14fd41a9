// End-to-end tests of diagnostics as data: `bugforge explain CODE` prints the catalogue entry, and a
// broken design given to `bugforge check` is reported at the user's file and line with a catalogue
// code, never at a bugforge source location.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "bugforge/core/codes.h"
#include "bugforge/core/io.h"
#include "cli_run.h"

namespace fs = std::filesystem;

namespace {

bf::test::CliRun bugforge(const std::string& args) {
  return bf::test::run_shell("'" + bf::test::bugforge_bin() + "' " + args + " 2>&1");
}

}  // namespace

TEST_CASE("explain: a known code prints its meaning and what to do", "[cli][codes]") {
  const auto r = bugforge("explain BF-EQV-003");
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.find("BF-EQV-003: " + std::string(bf::find_code("BF-EQV-003")->meaning)) != std::string::npos);
  CHECK(r.out.find("what to do: ") != std::string::npos);
  const auto lower = bugforge("explain bf-eqv-003");
  CHECK(lower.out == r.out);
}

TEST_CASE("explain: an unknown code exits 2 and --list prints the catalogue", "[cli][codes]") {
  const auto r = bugforge("explain BF-NOPE-999");
  CHECK(r.status == 2);
  CHECK(r.out.find("no code 'BF-NOPE-999'") != std::string::npos);
  const auto all = bugforge("explain --list");
  CHECK(all.status == 0);
  for (const auto& c : bf::code_catalogue())
    CHECK(all.out.find(std::string(c.code) + ": ") != std::string::npos);
}

TEST_CASE("check: a broken design is reported at its file and line with a code, no bugforge location",
          "[cli][codes]") {
  const bf::ScratchDir dir("bf-test-broken");
  const fs::path design = fs::path(dir.path()) / "fifo_broken";
  fs::copy(fs::path(BUGFORGE_SOURCE_DIR) / "designs" / "fifo_rtl", design, fs::copy_options::recursive);
  const fs::path v = design / "rtl" / "sync_fifo.v";
  std::string text = bf::read_text(v);
  const auto endmodule = text.rfind("endmodule");
  REQUIRE(endmodule != std::string::npos);
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + endmodule, '\n'));
  text.insert(endmodule, "  assign = this is not verilog;\n");
  bf::write_text(v, text);
  const auto r = bf::test::run_shell("BUGFORGE_CACHE='" + dir.path() + "/cache' '" +
                                     bf::test::bugforge_bin() + "' check '" + design.string() + "' 2>&1");
  INFO(r.out);
  CHECK(r.status != 0);
  CHECK(r.out.find("sync_fifo.v:" + std::to_string(line)) != std::string::npos);
  CHECK(std::regex_search(r.out, std::regex(R"(BF-[A-Z]+-[0-9]{3})")));
  CHECK(r.out.find(".cpp:") == std::string::npos);
}
