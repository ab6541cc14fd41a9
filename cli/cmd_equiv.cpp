// bugforge equiv — formal equivalence of two Verilog files (original vs modified). `bench equiv`
// lives in cmd_bench_equiv.cpp.
//
// Algorithm: read both files (one may be `-`, stdin), build the pair spec from the options
// (reset auto-detected as `rst_n` active-low or `rst` active-high when not given), run one check
// (equivalence/equivalence.h: induction proof, bounded search, Verilator replay) and print the
// verdict: the counterexample as a per-cycle table, as JSON with --json, as VCD with --vcd.
// Exit 0 equivalent, 1 not equivalent, 2 unknown or error.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bugforge/core/design.h"
#include "bugforge/core/diagnostic.h"
#include "bugforge/core/io.h"
#include "bugforge/equivalence/equivalence.h"
#include "command.h"

namespace bf::cli {

namespace {

namespace fs = std::filesystem;
namespace eq = equivalence;

nlohmann::json signals_json(const std::vector<eq::TraceSignal>& sigs) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& s : sigs) j.push_back({{"name", s.name}, {"width", s.width}, {"values", s.values}});
  return j;
}

nlohmann::json verdict_json(const eq::FormalResult& v) {
  nlohmann::json j = {{"outcome", eq::outcome_name(v.outcome)},
                      {"evidence", v.evidence},
                      {"reason", v.reason},
                      {"seconds", v.seconds},
                      {"tool", v.tool}};
  if (v.trace) {
    j["trace"] = {{"cycles", v.trace->cycles},
                  {"first_diff_cycle", v.trace->first_diff_cycle},
                  {"inputs", signals_json(v.trace->inputs)},
                  {"original_outputs", signals_json(v.trace->gold_outputs)},
                  {"mutant_outputs", signals_json(v.trace->gate_outputs)}};
    j["replay"] = {{"ran", v.replay.ran},
                   {"reproduced", v.replay.reproduced},
                   {"matches_formal", v.replay.matches_formal},
                   {"detail", v.replay.detail}};
  }
  return j;
}

// bf::read_text, with equiv's own code so that a user sees which argument was wrong.
std::string read_input(const std::string& path) {
  try {
    return read_text(path);
  } catch (const Error&) {
    throw Error("BF-EQV-004", "expected a readable Verilog file", SourceLoc{path});
  }
}

class EquivCommand final : public Command {
 public:
  const char* name() const override { return "equiv"; }
  const char* summary() const override { return "Formal equivalence of two Verilog files (Yosys)"; }
  const char* help() const override {
    return "Checks whether MODIFIED behaves like ORIGINAL from reset: registers start at zero and the\n"
           "reset is held active for --reset-cycles cycles (as in simulation). First an induction proof\n"
           "(equiv_make/equiv_simple/equiv_induct, base case checked from reset), then a bounded search\n"
           "for a counterexample of --depth cycles, replayed in Verilator. A proof is re-checked by\n"
           "--recheck-cycles cycles of random differential simulation in Verilator; a difference there\n"
           "is reported as a soundness bug (unknown), never as equivalent. One file may be `-` (stdin).\n"
           "The reset defaults to `rst_n` (active low) or `rst` (active high), whichever ORIGINAL uses.\n"
           "Exit status: 0 equivalent, 1 not equivalent (counterexample table; --vcd writes it as VCD),\n"
           "2 unknown (with the reason) or error.";
  }
  void setup(CLI::App& app) override {
    app.add_option("original", original_, "Original Verilog file (or -)")->required();
    app.add_option("modified", modified_, "Modified Verilog file (or -)")->required();
    app.add_option("--top", spec_.top, "Top module")->required();
    app.add_option("--depth", opt_.depth, "Cycles searched from reset (bounded search)")
        ->check(CLI::Range(1, 1000));
    app.add_option("--induction", opt_.induction, "equiv_simple/equiv_induct -seq")->check(CLI::Range(1, 64));
    app.add_option("--clock", spec_.clock, "Clock input");
    app.add_option("--reset", reset_,
                   "Reset input (default: rst_n or rst when ORIGINAL has one; `none` for none)");
    app.add_flag("--reset-active-low", low_, "The reset is active low (default for rst_n)");
    app.add_option("--reset-cycles", spec_.reset_cycles, "Cycles the reset is held at the start")
        ->check(CLI::Range(0, 64));
    app.add_option("--formal-timeout", opt_.budget_seconds, "Formal time limit, Yosys seconds")
        ->check(CLI::PositiveNumber);
    app.add_option("--timeout", opt_.budget_seconds)->check(CLI::PositiveNumber)->group("");  // old spelling
    app.add_option("--recheck-cycles", opt_.recheck_cycles,
                   "Cycles of random simulation that re-check a proof (default 2000)")
        ->check(CLI::Range(100, 1000000));
    app.add_option("--vcd", vcd_, "Write the counterexample as VCD");
    app.add_flag("--no-replay", no_replay_, "Do not replay a counterexample in Verilator");
    app.add_flag("--json", json_, "Print JSON");
  }
  int execute() override {
    try {
      return run();
    } catch (const Error& e) {
      std::cerr << e.diagnostic().format() << "\n";
      return kBadInput;
    }
  }

 private:
  int run() {
    if (original_ == "-" && modified_ == "-")
      throw Error("BF-EQV-005", "expected at most one file to be `-` (stdin)");
    const ScratchDir scratch("bf-equiv-cli");
    const std::string& dir = scratch.path();
    const auto orig = stage(original_, dir, "original");
    const auto mod = stage(modified_, dir, "modified");
    resolve_reset(read_input(orig));
    opt_.replay = !no_replay_;
    if (opt_.depth <= 0) opt_.depth = eq::default_depth(8, spec_.reset_cycles);
    const auto v = eq::check_once(spec_, {{orig}, {}}, {{mod}, {}}, opt_);
    report(v);
    if (v.outcome == eq::Outcome::Equivalent) return kOk;
    return v.outcome == eq::Outcome::Buggy ? kFail : kBadInput;
  }

  // Files are copied so that stdin and the two sides never share a path.
  static std::string stage(const std::string& path, const std::string& dir, const std::string& side) {
    const auto text = read_input(path);
    const auto name = path == "-" ? std::string("stdin.v") : fs::path(path).filename().string();
    const auto out = fs::path(dir) / side / name;
    fs::create_directories(out.parent_path());
    std::ofstream(out, std::ios::binary) << text;
    return out.string();
  }

  void resolve_reset(const std::string& text) {
    if (reset_ == "none") return;
    if (!reset_.empty()) {
      spec_.reset = reset_;
      spec_.reset_active_low = low_;
      return;
    }
    if (eq::has_word(text, "rst_n"))
      spec_.reset = "rst_n", spec_.reset_active_low = true;
    else if (eq::has_word(text, "rst"))
      spec_.reset = "rst", spec_.reset_active_low = low_;
  }

  void report(const eq::FormalResult& v) const {
    if (v.trace && !vcd_.empty()) std::ofstream(vcd_) << eq::trace_vcd(*v.trace, spec_.clock);
    if (json_) {
      std::cout << verdict_json(v).dump(2) << "\n";
      return;
    }
    const char* head = v.outcome == eq::Outcome::Equivalent ? "equivalent"
                       : v.outcome == eq::Outcome::Buggy    ? "not equivalent"
                                                            : "unknown";
    std::cout << fmt::format("{}{}: {} [{:.2f} s, {}]\n", head,
                             v.evidence.empty() ? "" : " (" + v.evidence + ")", v.reason, v.seconds, v.tool);
    if (v.trace) std::cout << eq::format_trace(*v.trace);
  }

  std::string original_, modified_, reset_, vcd_;
  bool low_ = false, json_ = false, no_replay_ = false;
  eq::PairSpec spec_;
  eq::EquivOptions opt_;
};

}  // namespace

std::unique_ptr<Command> make_equiv_command() {
  return std::make_unique<EquivCommand>();
}

}  // namespace bf::cli
