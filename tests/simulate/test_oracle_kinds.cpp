// Tests of the oracles other than golden kernels, through sim::check_design on the designs in
// tests/data/oracle/ (each kind in a passing version and a failing one with a one-line bug):
//   tb_pass / tb_fail        testbench (assertions, pass/fail patterns, output file with x)
//   trace_pass / trace_fail  trace (per-cycle CSV with a gap and don't-cares)
//   ref_pass / ref_fail      reference (Verilog model; the C++ reference is tested in memory)
// plus mutant selection by +bf_mutant under a testbench. Builds go to a cache folder in the
// working directory shared with tests/cli/test_oracle_cli.cpp, so reruns reuse them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bugforge/core/design.h"
#include "bugforge/simulate/oracle.h"
#include "bugforge/simulate/simulate.h"

namespace fs = std::filesystem;
using namespace bf;
using namespace bf::sim;

namespace {

Design data_design(const std::string& name) {
  return load_design((fs::path(BUGFORGE_SOURCE_DIR) / "tests" / "data" / "oracle" / name).string());
}

CheckOptions options() {
  CheckOptions o;
  o.vectors = 6;
  o.build.cache_dir = (fs::current_path() / "bf-test-cache-oracle").string();
  o.golden_backend = kernels::Backend::cpu;
  return o;
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int line_of(const std::string& path, const std::string& needle) {
  std::ifstream in(path);
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.find(needle) != std::string::npos) return n;
  }
  FAIL("no line with " << needle << " in " << path);
  return 0;
}

}  // namespace

TEST_CASE("testbench oracle: a passing testbench passes, a one-line bug fails at its $error", "[oracle][testbench]") {
  const auto pass = check_design(data_design("tb_pass"), options());
  INFO(pass.message << "\n" << pass.build.log << "\n" << pass.run.log);
  REQUIRE(pass.status == CheckStatus::Pass);
  CHECK(pass.message.find("tb_counter passed") != std::string::npos);

  const Design bad = data_design("tb_fail");
  const auto fail = check_design(bad, options());
  INFO(fail.message << "\n" << fail.run.log);
  REQUIRE(fail.status == CheckStatus::Mismatch);
  REQUIRE(fail.mismatch);
  const int line = line_of(bad.oracle.sources.at(0), "after %0d enabled cycles");
  CHECK(fail.mismatch->where == "tb/tb_counter.sv:" + std::to_string(line));
  CHECK(fail.mismatch->detail.find("after 1 enabled cycles q = 2, expected 1") != std::string::npos);
  CHECK(fail.message.find("tb/tb_counter.sv:" + std::to_string(line)) == 0);
}

TEST_CASE("testbench oracle: +bf_mutant reaches the design, one build serves every mutant", "[oracle][testbench]") {
  const Design d = data_design("tb_pass");
  std::string text = read(d.sources.at(0));
  const std::string from = "else if (en) q <= q + 4'd1;";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), "else if (en) q <= q + (bf_mutant == 1 ? 4'd3 : 4'd1);");
  text.replace(text.find("  assign wrap"), 0,
               "  integer bf_mutant;\n  initial if (!$value$plusargs(\"bf_mutant=%d\", bf_mutant)) bf_mutant = 0;\n");
  CheckOptions o = options();
  o.build.source_overrides = {{d.sources.at(0), text}};
  const BuildResult b = build_design(d, o.build);
  INFO(b.log);
  REQUIRE(b.ok);
  o.run.args = {"+bf_mutant=0"};
  const auto clean = judge_oracle(d, b, o);
  INFO(clean.message);
  CHECK(clean.status == CheckStatus::Pass);
  o.run.args = {"+bf_mutant=1"};
  const auto mutant = judge_oracle(d, b, o);
  INFO(mutant.message);
  REQUIRE(mutant.status == CheckStatus::Mismatch);
  CHECK(mutant.mismatch->detail.find("q = 3, expected 1") != std::string::npos);
}

TEST_CASE("trace oracle: a matching trace passes, a one-line bug gives signal, cycle and line", "[oracle][trace]") {
  const auto pass = check_design(data_design("trace_pass"), options());
  INFO(pass.message << "\n" << pass.build.log);
  REQUIRE(pass.status == CheckStatus::Pass);
  CHECK(pass.message == "21 trace rows match trace.csv");

  const Design bad = data_design("trace_fail");
  const auto fail = check_design(bad, options());
  INFO(fail.message);
  REQUIRE(fail.status == CheckStatus::Mismatch);
  REQUIRE(fail.mismatch);
  const int line = line_of(bad.oracle.trace, "15,0,1,1110,0");
  CHECK(fail.mismatch->output == "wrap");
  CHECK(fail.mismatch->cycle == 15);
  CHECK(fail.mismatch->expected == 0);
  CHECK(fail.mismatch->got == 1);
  CHECK(fail.message == "trace.csv:" + std::to_string(line) + ", signal wrap: expected 0, got 1 at cycle 15");
}

TEST_CASE("trace oracle: a signal the design lacks is named with the trace's header line", "[oracle][trace]") {
  Design d = data_design("trace_pass");
  const fs::path bad = fs::temp_directory_path() / "bf_oracle_unknown_signal.csv";
  std::ofstream(bad) << "time,rst,enable,q\n0,1,0,0000\n";
  d.oracle.trace = bad.string();
  const auto r = check_design(d, options());
  fs::remove(bad);
  INFO(r.message);
  REQUIRE(r.status == CheckStatus::Error);
  CHECK(r.message.find("BF-TRACE-006") != std::string::npos);
  CHECK(r.message.find(bad.string() + ":1") != std::string::npos);
  CHECK(r.message.find("'enable'") != std::string::npos);
  CHECK(r.message.find("ports: clk, en, q, rst, wrap") != std::string::npos);
}

TEST_CASE("reference oracle: a Verilog reference's outputs are the golden outputs", "[oracle][reference]") {
  const auto pass = check_design(data_design("ref_pass"), options());
  INFO(pass.message << "\n" << pass.build.log);
  REQUIRE(pass.status == CheckStatus::Pass);
  CHECK(pass.message.find("6 vector sets match") == 0);

  const Design bad = data_design("ref_fail");
  const auto fail = check_design(bad, options());
  INFO(fail.message);
  REQUIRE(fail.status == CheckStatus::Mismatch);
  REQUIRE(fail.mismatch);
  CHECK(fail.mismatch->output == "y");
  const Design& d = bad;
  const auto& k = kernels::require_kernel(d.golden.kernel, d.golden.params);
  const auto in = kernels::generate_inputs(k, d.golden.params, fail.mismatch->seed);
  CHECK(fail.mismatch->expected == k.cpu(d.golden.params, {in})[0][0].data[0]);
  CHECK(fail.mismatch->got != fail.mismatch->expected);
  CHECK(fail.mismatch->cycle > 0);
}

TEST_CASE("reference oracle: a C++ reference runs through the HLS harness", "[oracle][reference]") {
  Design d = data_design("ref_pass");
  d.oracle.language = Language::HlsCpp;
  d.oracle.sources = {(fs::path(d.dir) / "ref" / "dot4_ref.cpp").string()};
  d.oracle.top = "dot4_ref";
  d.oracle.args = {"A", "x", "y"};
  const auto golden = golden_outputs(d, {5}, {kernels::generate_inputs(
                                                 kernels::require_kernel(d.golden.kernel, d.golden.params),
                                                 d.golden.params, 5)}, options());
  REQUIRE(golden.size() == 1);
  const auto& k = kernels::require_kernel(d.golden.kernel, d.golden.params);
  CHECK(golden[0][0].data == k.cpu(d.golden.params, {kernels::generate_inputs(k, d.golden.params, 5)})[0][0].data);
  const auto r = check_design(d, options());
  INFO(r.message);
  CHECK(r.status == CheckStatus::Pass);
}
