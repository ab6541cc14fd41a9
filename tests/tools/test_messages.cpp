// Tests of the tool-message parser (tools/messages.h) on the real output of Verilator and g++ run
// here on broken sources, and on the forms that name no place.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "bugforge/core/io.h"
#include "bugforge/tools/messages.h"
#include "bugforge/tools/process.h"

namespace fs = std::filesystem;
using bf::tools::MessageKind;

namespace {

std::string run_log(const std::vector<std::string>& argv, const std::string& cwd) {
  bf::tools::Limits l;
  l.wall_seconds = 60;
  const auto r = bf::tools::run_process(argv, l, cwd);
  REQUIRE_FALSE(r.ok());  // the sources are broken on purpose
  return r.out + r.err;
}

}  // namespace

TEST_CASE("Verilator's error: code, place, and the places of its continuation lines", "[messages]") {
  const bf::ScratchDir dir("bf-test-msg");
  bf::write_text(fs::path(dir.path()) / "b.v",
                 "module t(input clk, output reg q);\n  always @(posedge clk) begin\n    q = 1;\n"
                 "    q <= 0;\n  end\nendmodule\n");
  const auto log = run_log({"verilator", "--lint-only", "b.v"}, dir.path());
  const auto msgs = bf::tools::parse_messages(log);
  REQUIRE(msgs.size() >= 2);
  CHECK(msgs[0].kind == MessageKind::Error);
  CHECK(msgs[0].tool_code == "BLKANDNBLK");
  CHECK(msgs[0].loc.file == "b.v");
  CHECK(msgs[0].loc.line == 1);
  CHECK(msgs[0].loc.column > 0);
  REQUIRE(msgs[0].others.size() == 2);
  CHECK(msgs[0].others[0].line == 3);
  CHECK(msgs[0].others[1].line == 4);
  CHECK(msgs[1].loc.file.empty());  // "%Error: Exiting due to 1 error(s)"
  const auto first = bf::tools::first_error(log);
  REQUIRE(first);
  CHECK(first->text.find("Blocked and non-blocking") != std::string::npos);
}

TEST_CASE("g++'s error: place and text, the 'In function' line is not a message", "[messages]") {
  const bf::ScratchDir dir("bf-test-msg");
  bf::write_text(fs::path(dir.path()) / "e.cpp", "int f() { return x; }\n");
  const auto log = run_log({"g++", "-c", "e.cpp", "-o", "e.o"}, dir.path());
  const auto first = bf::tools::first_error(log);
  REQUIRE(first);
  CHECK(first->loc.file == "e.cpp");
  CHECK(first->loc.line == 1);
  CHECK(first->loc.column == 18);
  CHECK(first->tool_code.empty());
  CHECK(first->text.find("not declared") != std::string::npos);
}

TEST_CASE("first_error prefers an error with a place, and keeps one without", "[messages]") {
  const auto placed = bf::tools::first_error(
      "%Warning-WIDTH: a.v:2:3: width\n%Error: Internal Error: a.v:5:6: ../V3Width.cpp:10: oops\n"
      "%Error: a.v:7:1: syntax error\n");
  REQUIRE(placed);
  CHECK(placed->loc.line == 7);
  const auto internal =
      bf::tools::parse_messages("%Error: Internal Error: a.v:5:6: ../V3Width.cpp:10: oops\n");
  REQUIRE(internal.size() == 1);
  CHECK(internal[0].loc.file.empty());
  REQUIRE(internal[0].others.size() == 1);
  CHECK(internal[0].others[0].line == 5);
  const auto bare = bf::tools::first_error("note: x\n%Error: Cannot find file containing module: 'top'\n");
  REQUIRE(bare);
  CHECK(bare->loc.file.empty());
  CHECK(bare->text == "Cannot find file containing module: 'top'");
  CHECK_FALSE(bf::tools::first_error("all fine\n"));
}
