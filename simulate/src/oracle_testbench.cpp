// bugforge simulate — the testbench oracle: the design's sources plus its testbench, Verilator
// --timing, run until $finish.
//
// Algorithm (verdict, first rule that applies wins):
//   1. killed at the time limit                       -> timeout
//   2. a "%Error: FILE:LINE: MESSAGE" line ($error, $fatal, a failed assertion, $stop)
//                                                     -> mismatch at FILE:LINE with MESSAGE
//   3. killed by a signal                             -> crash
//   4. ended without $finish (nothing scheduled)      -> timeout (a wait that never ends)
//   5. any other non-zero exit status                 -> mismatch
//   6. a line matching `fail`; no line matching `pass` -> mismatch naming the line / the pattern
//   7. `output` differs from `expected` (x = any character when match = "x")
//                                                     -> mismatch at the first differing line
//   otherwise pass. The executable is `sim [+plusargs]`, run in a scratch folder (its cwd), so
// `+bf_mutant=N` reaches $value$plusargs in the design and in the testbench.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "bugforge/core/diagnostic.h"
#include "bugforge/core/io.h"
#include "oracle_internal.h"

namespace bf::sim {
namespace oracle {

namespace {

namespace fs = std::filesystem;

constexpr int kNoFinishExitCode = 3;  // bfrt::kNoFinishExitCode (runtime/bf_tb_main.h)

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

CheckResult failed(CheckStatus status, Mismatch m) {
  CheckResult r;
  r.status = status;
  r.message = m.format();
  r.mismatch = std::move(m);
  return r;
}

CheckResult plain(CheckStatus status, std::string message) {
  CheckResult r;
  r.status = status;
  r.message = std::move(message);
  return r;
}

Mismatch at(std::string where, std::string detail) {
  Mismatch m;
  m.where = std::move(where);
  m.detail = std::move(detail);
  return m;
}

// Verilator names the file of an assertion by its base name only: find it among the sources.
std::string source_path(const Design& d, const std::string& reported) {
  if (fs::path(reported).has_parent_path()) return reported;
  for (const auto* files : {&d.oracle.sources, &d.sources})
    for (const auto& f : *files)
      if (fs::path(f).filename() == reported) return f;
  return reported;
}

// Rule 2: the first Verilator error report; a "Verilog $stop" that follows an earlier report is
// only its consequence.
std::optional<Mismatch> error_report(const Design& d, const std::string& log) {
  static const std::regex report(R"(^(?:\[(\d+)\] )?%Error: ([^:\s]+):(\d+): (.*)$)");
  for (const auto& line : lines_of(log)) {
    std::smatch m;
    if (!std::regex_search(line, m, report)) continue;
    const std::string when = m[1].matched ? fmt::format(" (at time {})", m[1].str()) : "";
    return at(fmt::format("{}:{}", design_relative(d, source_path(d, m[2].str())), m[3].str()),
              m[4].str() + when);
  }
  return std::nullopt;
}

std::optional<Mismatch> pattern_failure(const Oracle& o, const std::string& log) {
  const auto lines = lines_of(log);
  if (!o.fail_pattern.empty()) {
    const std::regex fail(o.fail_pattern);
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (std::regex_search(lines[i], fail))
        return at("testbench output",
                  fmt::format("line matches fail pattern /{}/: {}", o.fail_pattern, lines[i]));
  }
  if (!o.pass_pattern.empty()) {
    const std::regex pass(o.pass_pattern);
    for (const auto& line : lines)
      if (std::regex_search(line, pass)) return std::nullopt;
    return at("testbench output", fmt::format("no line matches pass pattern /{}/", o.pass_pattern));
  }
  return std::nullopt;
}

bool line_matches(const std::string& want, const std::string& got, bool x_dont_care) {
  if (!x_dont_care) return want == got;
  if (want.size() != got.size()) return false;
  for (std::size_t i = 0; i < want.size(); ++i)
    if (want[i] != got[i] && want[i] != 'x' && want[i] != 'X') return false;
  return true;
}

// A file the testbench did not write reads as empty: the comparison then reports it.
std::string read_file(const std::string& path) {
  return fs::exists(path) ? read_text(path) : std::string();
}

// Rule 7: the file the testbench wrote against the expected text, line by line.
std::optional<Mismatch> output_failure(const Design& d, const std::string& run_dir) {
  const Oracle& o = d.oracle;
  const fs::path written = fs::path(run_dir) / o.output;
  if (!fs::exists(written)) return at(o.output, "the testbench did not write this file");
  const auto want = lines_of(read_file(o.expected)), got = lines_of(read_file(written.string()));
  for (std::size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
    const std::string where =
        fmt::format("{}:{} (expected {}:{})", o.output, i + 1, design_relative(d, o.expected), i + 1);
    if (i >= got.size()) return at(where, fmt::format("expected '{}', got end of file", want[i]));
    if (i >= want.size()) return at(where, fmt::format("expected end of file, got '{}'", got[i]));
    if (!line_matches(want[i], got[i], o.x_dont_care))
      return at(where, fmt::format("expected '{}', got '{}'", want[i], got[i]));
  }
  return std::nullopt;
}

}  // namespace

ModelRecipe testbench_recipe(const Design& d) {
  ModelRecipe r;
  r.tag = "testbench";
  r.top = d.oracle.top;
  r.sources = d.sources;
  r.sources.insert(r.sources.end(), d.oracle.sources.begin(), d.oracle.sources.end());
  r.timing = true;
  r.runtime_headers = {"bf_tb_main.h"};
  r.main_source = [](const rtl::PortTable&) {
    return rtl::DriverSource{
        "// Generated by bugforge (simulate/src/oracle_testbench.cpp): do not edit.\n"
        "#include \"Vtop.h\"\n#include \"bf_tb_main.h\"\n\n"
        "int main(int argc, char** argv) { return bfrt::testbench_main<Vtop>(argc, argv); }\n",
        {}};
  };
  return r;
}

}  // namespace oracle

CheckResult judge_testbench_run(const Design& d, const tools::ProcessResult& p, const std::string& run_dir) {
  using namespace oracle;
  const std::string log = p.out + "\n" + p.err;
  if (p.timed_out) return plain(CheckStatus::Timeout, "testbench " + p.describe());
  if (auto m = error_report(d, log)) return failed(CheckStatus::Mismatch, *m);
  if (p.signal != 0)
    return plain(CheckStatus::Crash, fmt::format("testbench {}: {}", p.describe(), tail_lines(p.err, 1)));
  if (p.exit_code == kNoFinishExitCode)
    return plain(CheckStatus::Timeout,
                 tail_lines(p.err, 1) + " (a wait that never ends: the hardware would hang)");
  if (p.exit_code != 0)
    return failed(CheckStatus::Mismatch,
                  at("testbench", fmt::format("{}: {}", p.describe(), tail_lines(log, 1))));
  if (auto m = pattern_failure(d.oracle, log)) return failed(CheckStatus::Mismatch, *m);
  if (!d.oracle.output.empty())
    if (auto m = output_failure(d, run_dir)) return failed(CheckStatus::Mismatch, *m);
  std::string how = tail_lines(p.err, 1);
  if (how.rfind("bf_tb: ", 0) == 0) how.erase(0, 7);
  return plain(CheckStatus::Pass, fmt::format("testbench {} passed ({})", d.oracle.top, how));
}

namespace oracle {

CheckResult judge_testbench(const Design& d, const BuildResult& b, const CheckOptions& opt) {
  const RunDir dir("bugforge-oracle", opt.run.scratch_dir);
  std::vector<std::string> argv{b.executable};
  argv.insert(argv.end(), opt.run.args.begin(), opt.run.args.end());
  const tools::ProcessResult p = tools::run_process(argv, opt.run.limits, dir.path());
  CheckResult r = judge_testbench_run(d, p, dir.path());
  r.build = b;
  r.run.seconds = p.seconds;
  r.run.log = tail_lines(p.out + "\n" + p.err, 40);
  r.run.status = p.timed_out                    ? RunStatus::Timeout
                 : p.signal != 0 && !r.mismatch ? RunStatus::Crash
                                                : RunStatus::Ok;
  return r;
}

}  // namespace oracle
}  // namespace bf::sim
