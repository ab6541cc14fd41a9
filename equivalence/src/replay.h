// bugforge equivalence — replaying a counterexample in Verilator.
//
// Algorithm: build one small Verilator executable per side (cached by the content hash of the
// sources, top, parameters, port list and tool version; the original's is built once per
// design), with the same zero-initialisation flags as the simulation back-end. The harness reads
// one line of binary input values per cycle, evaluates with the clock low, prints the outputs,
// then pulses the clock. Both sides run on the trace's inputs; the outputs are compared with each
// other (does the difference reproduce?) and with the solver's values (do the models agree?).
//
// The re-check of a proof uses the same harness on a random trace (random_trace): per build,
// each selection (extra arguments such as a schema's `+bf_mutant=K`) is run and compared with
// the original, cycle by cycle after the reset.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bugforge/equivalence/equivalence.h"

namespace bf::equivalence {

Replay replay_trace(const PairSpec& spec, const RtlSource& original, const RtlSource& mutant, const Trace& t,
                    const EquivOptions& opt, double seconds);

// `cycles` cycles of inputs for `ports` (outputs named, without values): the reset active for
// the first reset_cycles and for one cycle in 256 after; 1-bit inputs with a bias redrawn every
// 64 cycles (handshakes stall and stream); wider ones uniform, zero, all ones or small.
Trace random_trace(const std::vector<Port>& ports, const PairSpec& spec, int cycles, std::uint64_t seed);

// One build to compare with the original, and its run-time selections ("" = run as it is).
struct RecheckBuild {
  RtlSource source;
  std::vector<std::string> selections;
};

// Results per build and selection, in order.
std::vector<std::vector<Recheck>> recheck_builds(const PairSpec& spec, const RtlSource& original,
                                                 const std::vector<RecheckBuild>& builds, const Trace& t,
                                                 const EquivOptions& opt, double seconds);

}  // namespace bf::equivalence
