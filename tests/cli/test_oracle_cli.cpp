// End-to-end tests of `bugforge check` on designs judged by testbench, trace and reference oracles
// (tests/data/oracle/), and of `bugforge init` on a folder with a design and its testbench.
// Builds share the cache of tests/simulate/test_oracle_kinds.cpp (bf-test-cache-oracle in the
// working directory).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_run.h"

namespace fs = std::filesystem;

namespace {

using Run = bf::test::CliRun;

std::string data(const std::string& name) {
  return (fs::path(BUGFORGE_SOURCE_DIR) / "tests" / "data" / "oracle" / name).string();
}

Run bugforge(const std::string& args) {
  const std::string cache = (fs::current_path() / "bf-test-cache-oracle").string();
  return bf::test::run_shell("BUGFORGE_CACHE='" + cache + "' '" + bf::test::bugforge_bin() + "' " + args +
                             " 2>&1");
}

int line_of(const std::string& path, const std::string& needle) {
  std::ifstream in(path);
  int n = 0;
  for (std::string line; std::getline(in, line);)
    if (++n, line.find(needle) != std::string::npos) return n;
  FAIL("no line with " << needle << " in " << path);
  return 0;
}

}  // namespace

TEST_CASE("bugforge check passes one design per oracle kind", "[cli][oracle]") {
  const Run r =
      bugforge("check " + data("tb_pass") + " " + data("trace_pass") + " " + data("ref_pass") + " -n 4");
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.find("3 of 3 designs pass") != std::string::npos);
}

TEST_CASE("bugforge check reports the first mismatch of each failing oracle design", "[cli][oracle]") {
  const int tb_line = line_of(data("tb_fail") + "/tb/tb_counter.sv", "after %0d enabled cycles");
  const Run tb = bugforge("check " + data("tb_fail"));
  INFO(tb.out);
  CHECK(tb.status == 1);
  CHECK(tb.out.find("mismatch   tb/tb_counter.sv:" + std::to_string(tb_line) +
                    ": Assertion failed in TOP.tb_counter: after 1 enabled cycles q = 2, expected 1") !=
        std::string::npos);

  const int trace_line = line_of(data("trace_fail") + "/trace.csv", "15,0,1,1110,0");
  const Run trace = bugforge("check " + data("trace_fail") + " --json");
  INFO(trace.out);
  CHECK(trace.status == 1);
  CHECK(trace.out.find("trace.csv:" + std::to_string(trace_line) +
                       ", signal wrap: expected 0, got 1 at cycle 15") != std::string::npos);

  const Run ref = bugforge("check " + data("ref_fail"));
  INFO(ref.out);
  CHECK(ref.status == 1);
  CHECK(ref.out.find("output y[0] (row-major index 0): expected ") != std::string::npos);
}

TEST_CASE("bugforge init writes a manifest that passes check, and keeps it without --force",
          "[cli][oracle]") {
  const fs::path dir = fs::temp_directory_path() / "bf_init_counter";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(data("tb_pass") + "/rtl", dir / "rtl", fs::copy_options::recursive);
  fs::copy(data("tb_pass") + "/tb/tb_counter.sv", dir / "tb_counter.sv");
  const Run init = bugforge("init " + dir.string());
  INFO(init.out);
  REQUIRE(init.status == 0);
  std::ifstream in(dir / "design.toml");
  const std::string toml((std::istreambuf_iterator<char>(in)), {});
  INFO(toml);
  CHECK(toml.find("top         = \"counter\"") != std::string::npos);
  CHECK(toml.find("sources     = [\"rtl/counter.v\"]") != std::string::npos);
  CHECK(toml.find("kind    = \"testbench\"") != std::string::npos);
  CHECK(toml.find("top     = \"tb_counter\"") != std::string::npos);
  CHECK(toml.find("# Could not decide:") != std::string::npos);
  CHECK(init.out.find("could not decide: family and description") != std::string::npos);

  const Run again = bugforge("init " + dir.string());
  CHECK(again.status == 2);
  CHECK(again.out.find("--force") != std::string::npos);

  const Run check = bugforge("check " + dir.string());
  INFO(check.out);
  CHECK(check.status == 0);
  CHECK(check.out.find("testbench tb_counter passed") != std::string::npos);
  fs::remove_all(dir);
}
