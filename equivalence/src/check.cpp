// bugforge equivalence — the three-way verdict of a mutant, and the per-design driver.
//
// Algorithm: a Checker owns one Yosys session with the original prepared and stashed. Per
// mutant: refuse clock/asynchronous-reset edits; prepare the mutant; try the induction proof
// (at most half of the budget: equivalent mutants finish here, buggy ones fail fast); then the
// bounded search for the rest of the budget; replay a counterexample in Verilator; re-check a
// proof by random differential simulation (check_survivors: all of a design's proofs through
// one schema build). A step that overruns kills Yosys; the next mutant restarts it and prepares
// the original again.
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "bugforge/core/diagnostic.h"
#include "bugforge/core/io.h"
#include "bugforge/equivalence/equivalence.h"
#include "bugforge/mutators/schema.h"
#include "bugforge/tools/process.h"
#include "formal_script.h"
#include "replay.h"
#include "yosys_session.h"

namespace bf::equivalence {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// Asynchronous reset: the reset appears in an edge list of the original.
bool async_reset(const PairSpec& spec, const RtlSource& src) {
  if (spec.reset.empty()) return false;
  const std::regex edge("(posedge|negedge)\\s+" + spec.reset + "\\b");
  for (const auto& f : src.files)
    if (std::regex_search(read_text(f), edge)) return true;
  return false;
}

// Why an edit cannot be judged by a single-clock cycle model, or "".
std::string excluded(const std::string& edit, const PairSpec& spec, bool has_async_reset) {
  if (has_word(edit, "posedge") || has_word(edit, "negedge"))
    return "edits an edge list (clock or asynchronous-reset wiring): excluded from the cycle-based formal "
           "model";
  if (has_word(edit, spec.clock))
    return fmt::format("edits the clock `{}`: excluded from the cycle-based formal model", spec.clock);
  if (has_async_reset && has_word(edit, spec.reset))
    return fmt::format("edits the asynchronous reset `{}`: excluded from the cycle-based formal model",
                       spec.reset);
  return "";
}

std::string last_line(const std::string& log) {
  const auto end = log.find_last_not_of("\n ");
  if (end == std::string::npos) return "(no output)";
  const auto begin = log.rfind('\n', end);
  return log.substr(begin == std::string::npos ? 0 : begin + 1,
                    end + 1 - (begin == std::string::npos ? 0 : begin + 1));
}

}  // namespace

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::Equivalent: return "equivalent";
    case Outcome::Buggy: return "buggy";
    case Outcome::Unknown: break;
  }
  return "unknown";
}

int default_depth(std::int64_t latency, int reset_cycles) {
  const auto body = std::clamp<std::int64_t>(2 * latency + 4, 8, 24);
  return reset_cycles + static_cast<int>(body);
}

std::string yosys_version() {
  static const std::string v = [] {
    tools::Limits l;
    l.wall_seconds = 30;
    const auto r = tools::run_process({"yosys", "-V"}, l);
    if (!r.ok()) throw Error("BF-EQV-001", fmt::format("expected `yosys -V` to run ({})", r.describe()));
    return r.out.substr(0, r.out.find('\n'));
  }();
  return v;
}

PairSpec pair_spec(const Design& d) {
  PairSpec s;
  s.top = d.top;
  s.parameters = d.parameters;
  s.clock = d.protocol.clock;
  s.reset = d.protocol.reset;
  s.reset_active_low = d.protocol.reset_active_low;
  s.reset_cycles = d.protocol.reset_cycles;
  return s;
}

RtlSource design_source(const Design& d) {
  return {d.sources, d.include_dirs};
}

struct Checker::Impl {
  PairSpec spec;
  RtlSource original;
  EquivOptions opt;
  bool async = false;
  std::optional<ScratchDir> scratch;  // declared before yosys: the session ends before its folder goes
  std::string dir;
  std::unique_ptr<YosysSession> yosys;
  bool gold_ready = false;
  int restarts = 0;
  std::vector<Port> ports;  // the original's, from its prepare log

  StepResult step(const std::string& commands, double seconds) {
    auto r = yosys->run(commands, seconds);
    // BUGFORGE_EQUIV_LOG=FILE appends every batch and its log: the way to see why a proof failed.
    if (const char* path = std::getenv("BUGFORGE_EQUIV_LOG"))
      std::ofstream(path, std::ios::app) << "=== batch\n" << commands << "\n=== log\n" << r.log << "\n";
    if (!r.completed) {
      gold_ready = false;
      ++restarts;
    }
    return r;
  }
};

Checker::Checker(PairSpec spec, RtlSource original, EquivOptions opt) : impl_(std::make_unique<Impl>()) {
  impl_->spec = std::move(spec);
  impl_->original = std::move(original);
  impl_->opt = std::move(opt);
  impl_->scratch.emplace("bf-equiv", impl_->opt.scratch_dir);
  impl_->dir = impl_->scratch->path();
  impl_->async = async_reset(impl_->spec, impl_->original);
  impl_->yosys = std::make_unique<YosysSession>(impl_->dir, impl_->opt.memory_bytes);
}

Checker::~Checker() = default;

int Checker::restarts() const {
  return impl_->restarts;
}

const std::vector<Port>& Checker::ports() const {
  return impl_->ports;
}

static Trace recheck_trace(const Checker& c, const PairSpec& spec, const EquivOptions& opt) {
  return random_trace(c.ports(), spec, opt.recheck_cycles, opt.recheck_seed);
}

static void apply_recheck(FormalResult& v, const Recheck& r, std::uint64_t seed) {
  v.recheck = r;
  v.seconds += r.seconds;
  if (!r.ran) {
    v.outcome = Outcome::Unknown;
    v.evidence.clear();
    v.reason = fmt::format("{}, but the proof could not be re-checked by simulation: {}", v.reason, r.detail);
  } else if (r.differs) {
    v.outcome = Outcome::Unknown;
    v.evidence.clear();
    v.soundness_bug = true;
    v.reason = fmt::format("soundness bug: {}, but {} (seed {}); please report it", v.reason, r.detail, seed);
  } else {
    v.reason += "; re-checked: " + r.detail;
  }
}

std::string Checker::prepare() {
  if (impl_->gold_ready) return "";
  const auto r =
      impl_->step(script::prepare(impl_->spec, impl_->original, script::kGold), impl_->opt.budget_seconds);
  if (const auto e = script::first_error(r.log); !e.empty()) return "original: " + e;
  if (r.timed_out) return fmt::format("timeout after {:.1f} s reading the original", r.seconds);
  if (!r.completed) return "yosys died reading the original";
  impl_->ports = script::parse_ports(r.log);
  impl_->gold_ready = true;
  return "";
}

FormalResult Checker::check(const RtlSource& mutant, std::uint32_t id, const std::string& edit_text) {
  const auto t0 = Clock::now();
  const auto left = [&] {
    return impl_->opt.budget_seconds - std::chrono::duration<double>(Clock::now() - t0).count();
  };
  FormalResult v;
  v.mutant_id = id;
  v.tool = yosys_version();
  const auto finish = [&](Outcome o, std::string evidence, std::string reason) {
    v.outcome = o;
    v.evidence = std::move(evidence);
    v.reason = std::move(reason);
    v.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return v;
  };
  const auto& spec = impl_->spec;
  if (auto why = excluded(edit_text, spec, impl_->async); !why.empty())
    return finish(Outcome::Unknown, "", why);
  if (auto why = prepare(); !why.empty()) return finish(Outcome::Unknown, "", why);

  const auto prep = impl_->step(script::prepare(spec, mutant, script::kGate), left());
  // A failed `select -assert-none` ends Yosys even in its shell: the error is the reason.
  if (const auto e = script::first_error(prep.log); !e.empty())
    return finish(Outcome::Unknown, "", "mutant: " + e);
  if (!prep.completed)  // died without an ERROR line (a crash): not a timeout
    return finish(Outcome::Unknown, "",
                  prep.timed_out
                      ? fmt::format("time budget spent reading the mutant ({:.1f} s)", prep.seconds)
                      : fmt::format("yosys died reading the mutant after {:.1f} s: {}", prep.seconds,
                                    last_line(prep.log)));

  auto proof = impl_->step(script::proof(spec, impl_->opt.induction), left() / 2);
  auto pr = script::parse_proof(proof.log);
  if (proof.completed && pr.result != script::ProofResult::Proven && !pr.unproven_internal.empty()) {
    // Relative to Yosys' working folder (impl_->dir): equiv_make does not unquote its file name.
    std::ofstream(fs::path(impl_->dir) / "blacklist.txt")
        << fmt::format("{}\n", fmt::join(pr.unproven_internal, "\n"));
    proof = impl_->step(script::proof(spec, impl_->opt.induction, "blacklist.txt"), left() / 2);
    pr = script::parse_proof(proof.log);
  }
  if (const auto e = script::first_error(proof.log); proof.completed && !e.empty()) pr.detail = e;
  if (proof.completed && pr.result == script::ProofResult::Proven)
    return rechecked(
        finish(Outcome::Equivalent, "proof",
               fmt::format(
                   "equiv_simple/equiv_induct -seq {} proved every $equiv cell; base case holds from reset",
                   impl_->opt.induction)),
        mutant);
  // An ERROR in some passes (equiv_make on differing ports) ends Yosys: not a timeout.
  const std::string stopped = "yosys stopped in the induction proof: " + script::first_error(proof.log);
  const std::string proof_note = proof.timed_out     ? "induction proof ran out of time"
                                 : !proof.completed  ? stopped
                                 : pr.detail.empty() ? "induction proof failed"
                                                     : "induction: " + pr.detail;
  if (!proof.completed) {  // Yosys was killed: bring both sides back
    if (!prepare().empty() || !impl_->step(script::prepare(spec, mutant, script::kGate), left()).completed)
      return finish(Outcome::Unknown, "", proof_note + "; time budget spent");
  }

  const int depth = impl_->opt.depth > 0 ? impl_->opt.depth : default_depth(0, spec.reset_cycles);
  const auto bmc = impl_->step(script::bmc(spec, depth, static_cast<int>(left()) - 1), left());
  if (!bmc.completed)
    return finish(Outcome::Unknown, "",
                  fmt::format("{}; bounded search to depth {} ran out of time", proof_note, depth));
  if (const auto e = script::first_error(bmc.log); !e.empty())
    return finish(Outcome::Unknown, "", proof_note + "; " + e);
  auto br = script::parse_bmc(bmc.log, spec);
  if (br.result == script::BmcResult::InductionProven)
    return rechecked(finish(Outcome::Equivalent, "proof",
                            "k-induction on the output miter (sat -tempinduct) from zero state"),
                     mutant);
  if (br.result == script::BmcResult::NoneWithinDepth)
    return finish(Outcome::Unknown, "",
                  fmt::format("no counterexample within {} cycles from reset; {}", depth, proof_note));
  if (br.result == script::BmcResult::Timeout)
    return finish(Outcome::Unknown, "", fmt::format("{}; SAT timed out at depth {}", proof_note, depth));
  v.trace = std::move(br.trace);
  if (impl_->opt.replay) {
    const auto r0 = Clock::now();
    v.replay = replay_trace(spec, impl_->original, mutant, *v.trace, impl_->opt,
                            std::max(impl_->opt.budget_seconds, 180.0));
    v.replay.seconds = std::chrono::duration<double>(Clock::now() - r0).count();
  }
  const std::string how =
      fmt::format("counterexample at cycle {} (depth {})", v.trace->first_diff_cycle, depth);
  if (v.replay.ran && !v.replay.reproduced)
    return finish(Outcome::Unknown, "", "disagreement: " + how + " does not reproduce in Verilator");
  return finish(Outcome::Buggy, "formal",
                how + (v.replay.ran        ? "; " + v.replay.detail
                       : impl_->opt.replay ? "; not replayed: " + v.replay.detail
                                           : "; not replayed (replay off)"));
}

FormalResult Checker::rechecked(FormalResult v, const RtlSource& mutant) {
  const auto& opt = impl_->opt;
  if (opt.recheck_cycles <= 0) return v;
  const auto t = recheck_trace(*this, impl_->spec, opt);
  const auto r = recheck_builds(impl_->spec, impl_->original, {{mutant, {""}}}, t, opt,
                                std::max(opt.budget_seconds, 180.0));
  apply_recheck(v, r.at(0).at(0), opt.recheck_seed);
  return v;
}

Recheck recheck_pair(const PairSpec& spec, const RtlSource& original, const RtlSource& mutant,
                     const EquivOptions& opt) {
  Checker c(spec, original, opt);
  Recheck r;
  if (const auto why = c.prepare(); !why.empty()) {
    r.detail = why;
    return r;
  }
  return recheck_builds(spec, original, {{mutant, {""}}}, recheck_trace(c, spec, opt), opt,
                        std::max(opt.budget_seconds, 180.0))
      .at(0)
      .at(0);
}

RtlSource mutant_source(const Design& d, const mutators::Mutant& m, const std::string& scratch_dir) {
  const std::string file = (fs::path(d.dir) / m.file).lexically_normal().string();
  const auto text = mutators::apply_mutant(read_text(file), m);
  const auto path = fs::path(scratch_dir) / fmt::format("m{}", m.id) / fs::path(file).filename();
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
  RtlSource src = design_source(d);
  for (auto& f : src.files)
    if (fs::path(f).lexically_normal().string() == file) f = path.string();
  src.include_dirs.push_back(fs::path(file).parent_path().string());
  return src;
}

namespace {

// A schema of `mutants` as one replay-able side: the overridden files written under `dir`.
RtlSource schema_source(const Design& d, const mutators::Schema& schema, const std::string& dir) {
  RtlSource src = design_source(d);
  for (const auto& [path, text] : schema.overrides) {
    const auto out = fs::path(dir) / "schema" / fs::path(path).filename();
    fs::create_directories(out.parent_path());
    std::ofstream(out, std::ios::binary) << text;
    for (auto& f : src.files)
      if (fs::path(f).lexically_normal() == fs::path(path).lexically_normal()) f = out.string();
    src.include_dirs.push_back(fs::path(path).parent_path().string());
  }
  return src;
}

// Re-checks every proof among `verdicts` (parallel to `mutants`) on one random trace: one schema
// build holds all schema-selectable proven mutants (its mutant 0 must match the original, or
// every mutant gets its own build); a difference seen through the schema is confirmed on the
// mutant's own build before it is called a soundness bug.
void recheck_proofs(const Design& d, const Checker& checker, const std::vector<mutators::Mutant>& mutants,
                    std::vector<FormalResult>& verdicts, const EquivOptions& opt,
                    const std::string& scratch) {
  std::vector<std::size_t> proven;
  for (std::size_t i = 0; i < verdicts.size(); ++i)
    if (verdicts[i].outcome == Outcome::Equivalent) proven.push_back(i);
  if (proven.empty() || opt.recheck_cycles <= 0) return;
  const auto spec = pair_spec(d);
  const auto trace = recheck_trace(checker, spec, opt);
  const double seconds = std::max(opt.budget_seconds, 180.0) + 10.0 * static_cast<double>(proven.size());
  const auto own = [&](std::size_t i) {
    return recheck_builds(spec, design_source(d), {{mutant_source(d, mutants[i], scratch), {""}}}, trace, opt,
                          seconds)
        .at(0)
        .at(0);
  };
  std::map<std::uint32_t, Recheck> by_id;
  try {
    std::vector<mutators::Mutant> ms;
    for (const auto i : proven) ms.push_back(mutants[i]);
    const auto schema = mutators::make_rtl_schema(d, ms);
    RecheckBuild b{schema_source(d, schema, scratch), {mutators::schema_plusarg(0)}};
    for (const auto id : schema.included) b.selections.push_back(mutators::schema_plusarg(id));
    const auto r = recheck_builds(spec, design_source(d), {b}, trace, opt, seconds).at(0);
    if (r.at(0).ran && !r.at(0).differs)  // the schema's original is the original
      for (std::size_t k = 0; k < schema.included.size(); ++k) by_id[schema.included[k]] = r[k + 1];
  } catch (const Error&) {  // no schema for this design: every proof gets its own build
  }
  for (const auto i : proven) {
    const auto it = by_id.find(mutants[i].id);
    const bool confirmed = it != by_id.end() && it->second.ran && !it->second.differs;
    apply_recheck(verdicts[i], confirmed ? it->second : own(i), opt.recheck_seed);
  }
}

}  // namespace

std::vector<FormalResult> check_survivors(const Design& d, const std::vector<mutators::Mutant>& mutants,
                                          const EquivOptions& opt_in) {
  EquivOptions opt = opt_in;
  if (opt.depth <= 0) opt.depth = default_depth(d.latency, d.protocol.reset_cycles);
  EquivOptions each = opt;
  each.recheck_cycles = 0;  // the proofs are re-checked together at the end
  Checker checker(pair_spec(d), design_source(d), each);
  if (const auto why = checker.prepare(); !why.empty())
    throw Error("BF-EQV-003", fmt::format("expected the original of {} to be checkable: {}", d.name, why),
                SourceLoc{d.manifest_path});
  const ScratchDir scratch_dir("bf-equiv");
  const std::string& scratch = scratch_dir.path();
  std::vector<FormalResult> out;
  const auto t0 = std::chrono::steady_clock::now();
  for (const auto& m : mutants) {
    const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (opt.total_budget_seconds > 0 && spent >= opt.total_budget_seconds) {
      FormalResult v;
      v.mutant_id = m.id;
      v.reason = fmt::format("not checked: the design's formal budget ({} s) went to earlier survivors",
                             opt.total_budget_seconds);
      out.push_back(std::move(v));
      continue;
    }
    try {
      out.push_back(checker.check(mutant_source(d, m, scratch), m.id, m.original + "\n" + m.replacement));
    } catch (const Error& e) {
      FormalResult v;
      v.mutant_id = m.id;
      v.reason = e.diagnostic().format();
      out.push_back(std::move(v));
    }
  }
  recheck_proofs(d, checker, mutants, out, opt, scratch);
  return out;
}

FormalResult check_once(const PairSpec& spec, const RtlSource& original, const RtlSource& mutant,
                        const EquivOptions& opt) {
  Checker checker(spec, original, opt);
  return checker.check(mutant);
}

bool has_word(const std::string& text, const std::string& word) {
  return !word.empty() && std::regex_search(text, std::regex("\\b" + word + "\\b"));
}

}  // namespace bf::equivalence
