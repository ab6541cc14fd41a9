// bugforge equivalence — formal equivalence of an RTL mutant against its original, with Yosys.
//
// Algorithm (per pair, see equivalence/README.md for the measurements behind the choices):
//   0. Policy: registers start at zero and reset is held active for the first reset_cycles cycles,
//      exactly as the Verilator driver does; x constants and undriven wires become zero
//      (Verilator's --x-assign 0). Edits of clock or asynchronous-reset wiring, latches, other
//      clocks, blackboxes and unknown cells are refused: the verdict is unknown with the reason.
//   1. Proof: equiv_make (register correspondence by name), equiv_simple, equiv_induct; the
//      induction's base case is checked from reset by a bounded run of equiv_miter's trigger.
//      All $equiv cells proven and the base case holds => equivalent (evidence proof).
//   2. Otherwise a bounded counterexample search on an output miter from reset (sat -seq D).
//      A model => buggy/formal with a per-cycle trace, replayed in Verilator on both designs.
//   3. Otherwise unknown with the reason. Every step runs under the per-mutant time budget.
//   4. Every proof is re-checked by an independent method before it is given out: random
//      differential simulation of the two sides in Verilator (recheck_cycles cycles). A
//      difference turns the proof into a reported soundness bug (unknown, soundness_bug set);
//      a re-check that cannot run leaves the verdict unknown. check_survivors re-checks all of
//      a design's proofs through one mutant-schema build.
// The original is read and prepared once per design in a long-lived Yosys process.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bugforge/core/design.h"
#include "bugforge/mutators/mutant.h"

namespace bf::equivalence {

// Version of the formal stage's semantics, stored with every dataset part: labels made by an
// older version are not mixed with newer ones (merge refuses them). 2: the soundness fix (no
// undef-aware miters, negedge refusal that matches, proofs re-checked by simulation).
inline constexpr int kFormalVersion = 2;

// One side of a pair: the files Yosys and Verilator read, the top and parameter overrides.
struct RtlSource {
  std::vector<std::string> files;         // absolute paths
  std::vector<std::string> include_dirs;  // absolute paths
};

// What both sides share: the top, parameters and the reset protocol (design.toml's).
struct PairSpec {
  std::string top;
  Params parameters;
  std::string clock = "clk";
  std::string reset;  // empty = no reset port
  bool reset_active_low = false;
  int reset_cycles = 2;
};

struct EquivOptions {
  int depth = 0;               // cycles searched from reset; 0 = default_depth(latency)
  int induction = 4;           // equiv_simple/equiv_induct -seq
  double budget_seconds = 60;  // per mutant, over all steps
  double total_budget_seconds =
      0;  // check_survivors: over all its mutants (0 = no cap); the rest stay unknown
  std::uint64_t memory_bytes = 4ull << 30;
  bool replay = true;              // replay counterexamples in Verilator
  int recheck_cycles = 2000;       // random differential simulation of every proof; 0 = off (tests only)
  std::uint64_t recheck_seed = 1;  // of the random stimulus
  std::string cache_dir;           // replay builds; empty = simulate's default cache dir
  std::string scratch_dir;         // mutant texts; empty = a temp dir
};

// Cycles searched from reset when no depth is given: the reset, then twice the latency plus
// slack for handshakes, capped so that a bounded search stays within a per-mutant budget.
int default_depth(std::int64_t latency, int reset_cycles);

// One signal's value per cycle, as a binary string (MSB first).
struct TraceSignal {
  std::string name;
  int width = 0;
  std::vector<std::string> values;  // [cycle]
};

enum class PortDir { Input, Output, Inout };
struct Port {
  std::string name;
  int width = 1;
  PortDir dir = PortDir::Input;
};

// A counterexample: inputs per cycle and, per output, the original's and the mutant's values.
struct Trace {
  int cycles = 0;
  std::string clock;  // the clock input, pulsed after each cycle's values ("" when there is none)
  int skip = 0;       // leading reset cycles whose outputs are not compared
  std::vector<TraceSignal> inputs;
  std::vector<TraceSignal> gold_outputs, gate_outputs;  // same order and names
  int first_diff_cycle = -1;                            // first cycle (0-based) where an output differs
};

// Per-cycle table: cycle, inputs (hex), then each differing output as original/mutant.
std::string format_trace(const Trace& t);
// The trace as a VCD (inputs, outputs of the original as orig.X, of the mutant as mut.X).
std::string trace_vcd(const Trace& t, const std::string& clock);

enum class Outcome { Equivalent, Buggy, Unknown };
const char* outcome_name(Outcome o);  // "equivalent" | "buggy" | "unknown"

struct Replay {
  bool ran = false;
  bool reproduced = false;      // Verilator shows the mutant's outputs differ from the original's
  bool matches_formal = false;  // and every output matches the solver's values cycle by cycle
  std::string detail;
  double seconds = 0;  // Verilator builds and runs (included in FormalResult::seconds)
};

// The independent re-check of a proof: both sides simulated on the same random inputs.
struct Recheck {
  bool ran = false;
  bool differs = false;  // an output differs after the reset cycles: the proof was wrong
  int cycles = 0;
  int first_diff_cycle = -1;
  std::string detail;
  double seconds = 0;
};

// The formal stage's word on one mutant; a sample's label is dataset::Verdict (labeler.h).
struct FormalResult {
  std::uint32_t mutant_id = 0;
  Outcome outcome = Outcome::Unknown;
  std::string evidence;  // "proof" (equivalent) | "formal" (buggy) | "" (unknown)
  std::string reason;    // unknown: why; equivalent/buggy: one line of how
  std::optional<Trace> trace;
  Replay replay;
  Recheck recheck;             // proofs only
  bool soundness_bug = false;  // a proof that its re-check refuted (outcome unknown): report it
  double seconds = 0;
  std::string tool;  // "Yosys 0.23 (...)"
};

// A long-lived Yosys process holding one prepared original; check() runs one mutant against it.
class Checker {
 public:
  Checker(PairSpec spec, RtlSource original, EquivOptions opt);
  ~Checker();
  Checker(const Checker&) = delete;
  Checker& operator=(const Checker&) = delete;
  // Reads and prepares the original (once; again after a restart). "" or why it cannot be checked.
  std::string prepare();
  // `edit_text` (the mutant's original and replacement text) lets clock/reset edits be refused.
  FormalResult check(const RtlSource& mutant, std::uint32_t id = 0, const std::string& edit_text = "");
  int restarts() const;                    // times the Yosys process was restarted (timeouts, crashes)
  const std::vector<Port>& ports() const;  // the original's top ports (after prepare())

 private:
  FormalResult rechecked(FormalResult v, const RtlSource& mutant);  // a proof, re-checked (EquivOptions)
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The pair spec of a design (top, parameters, clock, reset) from design.toml.
PairSpec pair_spec(const Design& d);
RtlSource design_source(const Design& d);

// The mutant's side of a pair: the edited file written under `scratch_dir`, the other sources as
// they are (the edited file's folder stays on the include path). Throws BF-MUT-002 when stale.
RtlSource mutant_source(const Design& d, const mutators::Mutant& m, const std::string& scratch_dir);

// Verdicts for the given mutants of `d` (the original prepared once), in order; once
// `total_budget_seconds` are spent the remaining mutants are unknown without a check. Throws
// bf::Error only for a design that cannot be prepared at all (BF-EQV-xxx); per-mutant problems
// are unknown verdicts.
std::vector<FormalResult> check_survivors(const Design& d, const std::vector<mutators::Mutant>& mutants,
                                          const EquivOptions& opt);

// One pair in one fresh Yosys process (the per-mutant baseline of `bench equiv`, and `bugforge equiv`).
FormalResult check_once(const PairSpec& spec, const RtlSource& original, const RtlSource& mutant,
                        const EquivOptions& opt);

// The re-check alone: `recheck_cycles` cycles of random inputs (reset held for the first
// reset_cycles, then pulsed now and then) on both sides in Verilator, outputs compared.
Recheck recheck_pair(const PairSpec& spec, const RtlSource& original, const RtlSource& mutant,
                     const EquivOptions& opt);

// The Yosys version line ("Yosys 0.23 (git sha1 ...)"); throws BF-EQV-001 when yosys is missing.
std::string yosys_version();

// Whether `word` occurs in `text` as a whole word (edit and reset checks, equiv's reset guess).
bool has_word(const std::string& text, const std::string& word);

}  // namespace bf::equivalence
