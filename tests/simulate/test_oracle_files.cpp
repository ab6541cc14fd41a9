// Tests of the oracle inputs that need no simulator: trace CSV parsing and its errors (file and
// line), the testbench verdict rules on recorded runs, and [oracle] in design.toml.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "bugforge/core/design.h"
#include "bugforge/core/diagnostic.h"
#include "bugforge/simulate/oracle.h"

namespace fs = std::filesystem;
using namespace bf;
using namespace bf::sim;

namespace {

struct TempFile {
  fs::path path;
  TempFile(const std::string& name, const std::string& text) : path(fs::temp_directory_path() / name) {
    std::ofstream(path) << text;
  }
  ~TempFile() { fs::remove(path); }
};

Diagnostic trace_error(const std::string& text) {
  const TempFile f("bf_oracle_test_trace.csv", text);
  try {
    read_trace(f.path.string());
  } catch (const Error& e) {
    return e.diagnostic();
  }
  FAIL("expected a bf::Error");
  return {};
}

Design tb_design(const std::string& dir) {
  Design d;
  d.dir = dir;
  d.oracle.kind = "testbench";
  d.oracle.top = "tb";
  return d;
}

tools::ProcessResult finished(const std::string& out, int exit_code = 0) {
  tools::ProcessResult p;
  p.exit_code = exit_code;
  p.out = out;
  p.err = "bf_tb: $finish at time 230\n";
  return p;
}

}  // namespace

TEST_CASE("a trace reads rows, skips comments, keeps x and drops digit separators", "[oracle][trace]") {
  const TempFile f("bf_oracle_test_good.csv", "# comment\ntime, a ,y\n0,1_0,x\n\n3,01,1X\n");
  const Trace t = read_trace(f.path.string());
  REQUIRE(t.signals == std::vector<std::string>{"a", "y"});
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].line == 3);
  CHECK(t.rows[0].values == std::vector<std::string>{"10", "x"});
  CHECK(t.rows[1].time == 3);
  CHECK(t.rows[1].line == 5);
  CHECK(t.rows[1].values == std::vector<std::string>{"01", "1x"});
}

TEST_CASE("bad trace files are errors naming file, line and what was expected", "[oracle][trace]") {
  SECTION("wrong column count") {
    const auto d = trace_error("time,a,y\n0,1,0\n1,1\n");
    CHECK(d.code == "BF-TRACE-003");
    CHECK(d.loc.line == 3);
    CHECK(d.message.find("2 columns, expected 3 (time, a, y)") != std::string::npos);
  }
  SECTION("non-binary value") {
    const auto d = trace_error("time,a,y\n0,1,0\n1,12,0\n");
    CHECK(d.code == "BF-TRACE-004");
    CHECK(d.loc.line == 3);
    CHECK(d.message.find("signal 'a': value '12' is not binary") != std::string::npos);
  }
  SECTION("header without time") {
    const auto d = trace_error("cycle,a\n0,1\n");
    CHECK(d.code == "BF-TRACE-002");
    CHECK(d.loc.line == 1);
  }
  SECTION("times that do not increase") {
    const auto d = trace_error("time,a\n0,1\n2,1\n2,0\n");
    CHECK(d.code == "BF-TRACE-005");
    CHECK(d.loc.line == 4);
  }
  SECTION("no rows") {
    CHECK(trace_error("time,a\n").code == "BF-TRACE-001");
  }
}

TEST_CASE("testbench verdicts: errors with file and line, patterns, exit status, output files",
          "[oracle][testbench]") {
  const fs::path dir = fs::temp_directory_path() / "bf_oracle_tb_verdict";
  fs::create_directories(dir / "tb");
  Design d = tb_design(dir.string());

  SECTION("the first %Error names the testbench file and line") {
    d.oracle.sources = {(dir / "tb" / "t.sv").string()};  // Verilator names assertions by base name
    tools::ProcessResult p = finished(
        "[40] %Error: t.sv:17: Assertion failed in TOP.tb: y = 3\n"
        "%Error: " +
            (dir / "tb" / "t.sv").string() + ":17: Verilog $stop\n",
        0);
    p.signal = 6;
    const auto r = judge_testbench_run(d, p, dir.string());
    REQUIRE(r.status == CheckStatus::Mismatch);
    CHECK(r.message == "tb/t.sv:17: Assertion failed in TOP.tb: y = 3 (at time 40)");
  }
  SECTION("a fail pattern names the line; a missing pass pattern is a failure") {
    d.oracle.fail_pattern = "FAIL";
    d.oracle.pass_pattern = "ALL OK";
    auto r = judge_testbench_run(d, finished("checking\nFAIL: y=3\n"), dir.string());
    REQUIRE(r.status == CheckStatus::Mismatch);
    CHECK(r.message == "testbench output: line matches fail pattern /FAIL/: FAIL: y=3");
    r = judge_testbench_run(d, finished("checking\n"), dir.string());
    CHECK(r.message == "testbench output: no line matches pass pattern /ALL OK/");
    CHECK(judge_testbench_run(d, finished("ALL OK\n"), dir.string()).status == CheckStatus::Pass);
  }
  SECTION("exit status, hangs and crashes") {
    CHECK(judge_testbench_run(d, finished("", 1), dir.string()).status == CheckStatus::Mismatch);
    tools::ProcessResult hang = finished("", 3);
    hang.err = "bf_tb: no $finish: nothing left to simulate at time 50\n";
    CHECK(judge_testbench_run(d, hang, dir.string()).status == CheckStatus::Timeout);
    tools::ProcessResult crash = finished("");
    crash.signal = 11;
    CHECK(judge_testbench_run(d, crash, dir.string()).status == CheckStatus::Crash);
  }
  SECTION("the written file against the expected one, exactly or with x as don't care") {
    std::ofstream(dir / "tb" / "expected.txt") << "1 a\n2 x\n3 c\n";
    std::ofstream(dir / "out.txt") << "1 a\n2 b\n3 d\n";
    d.oracle.output = "out.txt";
    d.oracle.expected = (dir / "tb" / "expected.txt").string();
    auto r = judge_testbench_run(d, finished(""), dir.string());
    CHECK(r.message == "out.txt:2 (expected tb/expected.txt:2): expected '2 x', got '2 b'");
    d.oracle.x_dont_care = true;
    r = judge_testbench_run(d, finished(""), dir.string());
    CHECK(r.message == "out.txt:3 (expected tb/expected.txt:3): expected '3 c', got '3 d'");
    std::ofstream(dir / "out.txt") << "1 a\n2 q\n3 c\n";
    CHECK(judge_testbench_run(d, finished(""), dir.string()).status == CheckStatus::Pass);
    fs::remove(dir / "out.txt");
    CHECK(judge_testbench_run(d, finished(""), dir.string()).message ==
          "out.txt: the testbench did not write this file");
  }
  fs::remove_all(dir);
}
