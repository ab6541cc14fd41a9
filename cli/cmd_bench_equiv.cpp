// bugforge cli — `bench equiv`: the formal stage measured. Two modes:
//   timing (default, --design D): the long-lived Yosys checker against one Yosys per mutant;
//   cross-check (--cross, or --all for every built-in Verilog design): simulation vs formal.
//
// Algorithm (cross-check): per design, sample mutants (bugforge mutate, seed 1, at most
// --per-class of each class, at most --mutants in all), simulate all of them through mutant
// schemata (dataset/schema_run.h: one Verilator build), then run formal on every one, killed or
// not, in one long-lived Yosys (survivors: --timeout and replay; killed ones: --killed-timeout).
// A design Verilator rejects (build error) is not a kill: it has no behaviour to contradict.
// A contradiction is a mutant that simulation kills and formal proves equivalent, or a
// counterexample that Verilator does not reproduce (the checker's "disagreement"), or a proof
// that its random-simulation re-check refuted (a soundness bug). Survivors
// (mutants that pass every vector set) are tallied per bug class: equivalent / buggy (formal) /
// unknown, with seconds per survivor (and the replay's share). Exit 1 on a contradiction.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bench_equiv.h"
#include "bugforge/core/design.h"
#include "bugforge/core/diagnostic.h"
#include "bugforge/core/io.h"
#include "bugforge/equivalence/equivalence.h"
#include "bugforge/mutators/rtl.h"
#include "bugforge/simulate/schema_run.h"
#include "command.h"

namespace bf::cli {

namespace {

namespace fs = std::filesystem;
namespace eq = equivalence;
using Clock = std::chrono::steady_clock;

double since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// `bench equiv` state: one subcommand, parsed once per process.
struct BenchEquiv {
  std::string design;
  bool all = false, cross = false, replay_killed = false;
  std::size_t mutants = 8, per_class = 2, vectors = 4;
  double timeout = 60, killed_timeout = 15;
  std::string out;  // JSON lines, one per mutant (cross-check)
};
BenchEquiv& bench() {
  static BenchEquiv b;
  return b;
}

eq::EquivOptions equiv_options(const Design& d, bool replay, double budget) {
  eq::EquivOptions opt;
  opt.budget_seconds = budget;
  opt.replay = replay;
  opt.depth = eq::default_depth(d.latency, d.protocol.reset_cycles);
  return opt;
}

int run_timing(const Design& d) {
  mutators::RtlMutateOptions mo;
  mo.limit = bench().mutants;
  const auto mutants = mutators::mutate_rtl(d, mo);
  const auto opt = equiv_options(d, false, bench().timeout);  // both modes time the solver work only
  auto t = Clock::now();
  const auto lived = eq::check_survivors(d, mutants, opt);
  const double lived_s = since(t);
  const ScratchDir scratch("bf-bench-equiv");
  const std::string& dir = scratch.path();
  std::size_t agree = 0;
  t = Clock::now();
  for (std::size_t i = 0; i < mutants.size(); ++i) {
    const auto v =
        eq::check_once(eq::pair_spec(d), eq::design_source(d), eq::mutant_source(d, mutants[i], dir), opt);
    agree += v.outcome == lived[i].outcome;
  }
  const double once_s = since(t);
  const double n = static_cast<double>(std::max<std::size_t>(mutants.size(), 1));
  std::cout << fmt::format("design {}: {} mutants, depth {}, budget {:.0f} s, {}\n", d.name, mutants.size(),
                           opt.depth, opt.budget_seconds, eq::yosys_version());
  std::cout << fmt::format("{:<34} {:>10} {:>14}\n", "mode", "total s", "s per mutant");
  std::cout << fmt::format("{:<34} {:>10.2f} {:>14.3f}\n", "long-lived yosys (original once)", lived_s,
                           lived_s / n);
  std::cout << fmt::format("{:<34} {:>10.2f} {:>14.3f}\n", "one yosys process per mutant", once_s,
                           once_s / n);
  std::cout << fmt::format("speed-up (per-mutant / long-lived): {:.2f}x; verdicts agree on {}/{}\n",
                           lived_s > 0 ? once_s / lived_s : 0.0, agree, mutants.size());
  return kOk;
}

// Survivor verdicts of one bug class (or of all).
struct ClassTally {
  std::size_t sampled = 0, killed = 0, rejected = 0, survivors = 0, equivalent = 0, buggy = 0, unknown = 0;
  double survivor_seconds = 0, replay_seconds = 0;
};

// What simulation said: a behavioural kill, a design Verilator rejects (no behaviour to compare
// with formal: a blocking assignment Verilator refuses may well be equivalent), or a pass.
enum class SimSays { Killed, Rejected, Passed };

struct CrossState {
  std::map<std::string, ClassTally> by_class;
  std::map<std::string, std::size_t> matrix;  // "sim/formal" -> mutants
  std::vector<std::string> contradictions;
  std::ofstream out;
};

SimSays sim_says(const sim::MutantSim& s) {
  const auto& r = s.extra && s.main.status == sim::CheckStatus::Pass ? *s.extra : s.main;
  switch (r.status) {
    case sim::CheckStatus::Pass: return SimSays::Passed;
    case sim::CheckStatus::BuildError:
    case sim::CheckStatus::Error: return SimSays::Rejected;
    default: return SimSays::Killed;
  }
}

// Formal verdicts in the order of `mutants`. Survivors get the full budget and replay; mutants
// simulation already settled get --killed-timeout and replay only with --replay-killed.
std::vector<eq::FormalResult> formal_all(const Design& d, const std::vector<mutators::Mutant>& mutants,
                                         const std::vector<SimSays>& says) {
  std::vector<mutators::Mutant> k, s;
  for (std::size_t i = 0; i < mutants.size(); ++i) (says[i] == SimSays::Passed ? s : k).push_back(mutants[i]);
  const auto vk = eq::check_survivors(d, k, equiv_options(d, bench().replay_killed, bench().killed_timeout));
  const auto vs = eq::check_survivors(d, s, equiv_options(d, true, bench().timeout));
  std::vector<eq::FormalResult> out;
  std::size_t ik = 0, is = 0;
  for (std::size_t i = 0; i < mutants.size(); ++i)
    out.push_back(says[i] == SimSays::Passed ? vs[is++] : vk[ik++]);
  return out;
}

// Why this (simulation, formal) pair contradicts itself, or "".
std::string contradiction(SimSays says, const eq::FormalResult& v) {
  if (says == SimSays::Killed && v.outcome == eq::Outcome::Equivalent)
    return "killed by simulation, proven equivalent";
  if (v.soundness_bug) return v.reason;
  if (v.reason.rfind("disagreement", 0) == 0) return v.reason;
  if (v.outcome == eq::Outcome::Buggy && v.replay.ran && !v.replay.matches_formal)
    return "replay reproduces a difference but not the solver's values: " + v.replay.detail;
  return "";
}

void tally(ClassTally& t, SimSays says, const eq::FormalResult& v) {
  ++t.sampled;
  if (says != SimSays::Passed) {
    ++(says == SimSays::Killed ? t.killed : t.rejected);
    return;
  }
  ++t.survivors;
  t.survivor_seconds += v.seconds;
  t.replay_seconds += v.replay.seconds;
  ++(v.outcome == eq::Outcome::Equivalent ? t.equivalent
     : v.outcome == eq::Outcome::Buggy    ? t.buggy
                                          : t.unknown);
}

void record(CrossState& st, const Design& d, const mutators::Mutant& m, const sim::MutantSim& s, SimSays says,
            const eq::FormalResult& v) {
  const auto& r = s.extra && s.main.status == sim::CheckStatus::Pass ? *s.extra : s.main;
  const std::string sim = sim::check_status_name(r.status);
  const char* kind = says == SimSays::Killed     ? "killed"
                     : says == SimSays::Rejected ? "build-error"
                                                 : "survived";
  ++st.matrix[fmt::format("{}/{}", kind, eq::outcome_name(v.outcome))];
  tally(st.by_class[m.bug_class], says, v);
  tally(st.by_class["all"], says, v);
  if (const auto why = contradiction(says, v); !why.empty())
    st.contradictions.push_back(
        fmt::format("{} #{} {} ({}): {}", d.name, m.id, m.bug_class, m.description, why));
  std::cerr << fmt::format("{:<16} #{:<4} {:<5} sim={:<11} formal={:<10} {:6.1f} s  {}\n", d.name, m.id,
                           m.bug_class, sim, eq::outcome_name(v.outcome), v.seconds, v.reason);
  if (!st.out) return;
  st.out << nlohmann::json{{"design", d.name},
                           {"mutant", m.id},
                           {"class", m.bug_class},
                           {"description", m.description},
                           {"sim", sim},
                           {"formal", eq::outcome_name(v.outcome)},
                           {"evidence", v.evidence},
                           {"reason", v.reason},
                           {"seconds", v.seconds},
                           {"replay_seconds", v.replay.seconds},
                           {"replayed", v.replay.ran},
                           {"reproduced", v.replay.reproduced}}
                .dump()
         << std::endl;  // flushed: a long run can be read while it goes
}

void cross_design(CrossState& st, const Design& d) {
  mutators::RtlMutateOptions mo;
  mo.cap_per_class = bench().per_class;
  mo.limit = bench().mutants;
  const auto mutants = mutators::mutate_rtl(d, mo);
  sim::SchemaRunOptions so;
  so.vectors = bench().vectors;
  const auto t = Clock::now();
  const auto run = sim::simulate_mutants(d, mutants, so);
  std::vector<SimSays> says;
  for (const auto& s : run.sims) says.push_back(sim_says(s));
  std::cerr << fmt::format("{}: {} mutants simulated in {:.1f} s ({} survive)\n", d.name, mutants.size(),
                           since(t), std::count(says.begin(), says.end(), SimSays::Passed));
  const auto verdicts = formal_all(d, mutants, says);
  for (std::size_t i = 0; i < mutants.size(); ++i)
    record(st, d, mutants[i], run.sims[i], says[i], verdicts[i]);
}

std::string pct(std::size_t n, std::size_t of) {
  return of ? fmt::format("{:.0f}%", 100.0 * static_cast<double>(n) / static_cast<double>(of)) : "-";
}

void print_cross(const CrossState& st) {
  std::cout << fmt::format("{:<6} {:>7} {:>6} {:>6} {:>9} {:>6} {:>6} {:>7} {:>10} {:>12} {:>12}\n", "class",
                           "sampled", "killed", "build", "survivors", "equiv", "buggy", "unknown",
                           "equiv/surv", "s/survivor", "(of: replay)");
  for (const auto& [cls, t] : st.by_class) {
    const double n = static_cast<double>(std::max<std::size_t>(t.survivors, 1));
    std::cout << fmt::format("{:<6} {:>7} {:>6} {:>6} {:>9} {:>6} {:>6} {:>7} {:>10} {:>12.2f} {:>12.2f}\n",
                             cls, t.sampled, t.killed, t.rejected, t.survivors, t.equivalent, t.buggy,
                             t.unknown, pct(t.equivalent, t.survivors), t.survivor_seconds / n,
                             t.replay_seconds / n);
  }
  std::cout << "simulation/formal agreement matrix:\n";
  for (const auto& [k, n] : st.matrix) std::cout << fmt::format("  {:<24} {}\n", k, n);
  std::cout << fmt::format("contradictions: {}\n", st.contradictions.size());
  for (const auto& c : st.contradictions) std::cout << "  " << c << "\n";
}

int run_cross(const std::vector<Design>& designs) {
  CrossState st;
  if (!bench().out.empty()) st.out.open(bench().out);
  std::cout << fmt::format(
      "cross-check: {} designs, at most {} per class and {} per design, {} vector sets, "
      "budget {:.0f} s per survivor ({:.0f} s per killed mutant), {}\n",
      designs.size(), bench().per_class, bench().mutants, bench().vectors, bench().timeout,
      bench().killed_timeout, eq::yosys_version());
  for (const auto& d : designs) {
    try {
      cross_design(st, d);
    } catch (const Error& e) {  // one design that cannot be checked never stops the run
      std::cerr << d.name << ": " << e.diagnostic().format() << "\n";
    }
  }
  print_cross(st);
  return st.contradictions.empty() ? kOk : kFail;
}

std::vector<Design> verilog_designs() {
  std::vector<Design> out;
  for (auto& d : scan_designs(builtin_designs_dir()).designs)
    if (d.language == Language::Verilog) out.push_back(std::move(d));
  return out;
}

}  // namespace

CLI::App* setup_bench_equiv(CLI::App& parent) {
  auto* sub = parent.add_subcommand("equiv",
                                    "Formal checks: long-lived Yosys vs one process per mutant; "
                                    "--cross/--all: simulation vs formal cross-check");
  auto& b = bench();
  sub->add_option("--design", b.design, "Design name or folder (Verilog)");
  sub->add_flag("--all", b.all, "Cross-check every built-in Verilog design (implies --cross)");
  sub->add_flag("--cross", b.cross, "Simulation vs formal cross-check and per-class table instead of timing");
  sub->add_option("--mutants", b.mutants, "Mutants per design (bugforge mutate, seed 1)")
      ->check(CLI::Range(1, 10000));
  sub->add_option("--per-class", b.per_class, "Cross-check: at most N mutants per class and design")
      ->check(CLI::Range(1, 1000));
  sub->add_option("--vectors", b.vectors, "Cross-check: vector sets per simulation")
      ->check(CLI::Range(1, 64));
  sub->add_option("--formal-timeout", b.timeout, "Formal time limit per mutant, Yosys seconds")
      ->check(CLI::PositiveNumber);
  sub->add_option("--killed-formal-timeout", b.killed_timeout,
                  "Cross-check: formal time limit for mutants simulation killed")
      ->check(CLI::PositiveNumber);
  // Old spellings, unlisted: --timeout is the per-run wall limit in every other command.
  sub->add_option("--timeout", b.timeout)->check(CLI::PositiveNumber)->group("");
  sub->add_option("--killed-timeout", b.killed_timeout)->check(CLI::PositiveNumber)->group("");
  sub->add_flag("--replay-killed", b.replay_killed,
                "Cross-check: replay counterexamples of killed mutants too");
  sub->add_option("--out", b.out, "Cross-check: one JSON line per mutant to this file");
  return sub;
}

int run_bench_equiv() {
  try {
    auto& b = bench();
    if (b.all) return run_cross(verilog_designs());
    if (b.design.empty()) throw Error("BF-EQV-006", "expected --design D or --all");
    const auto d = find_design(b.design);
    return b.cross ? run_cross({d}) : run_timing(d);
  } catch (const Error& e) {
    std::cerr << e.diagnostic().format() << "\n";
    return kBadInput;
  }
}

}  // namespace bf::cli
