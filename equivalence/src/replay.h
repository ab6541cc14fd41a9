// bugforge equivalence — replaying a counterexample in Verilator.
//
// Algorithm: build one small Verilator executable per side (cached by the content hash of the
// sources, top, parameters, port list and tool version; the original's is built once per
// design), with the same zero-initialisation flags as the simulation back-end. The harness reads
// one line of binary input values per cycle, evaluates with the clock low, prints the outputs,
// then pulses the clock. Both sides run on the trace's inputs; the outputs are compared with each
// other (does the difference reproduce?) and with the solver's values (do the models agree?).
#pragma once

#include <string>

#include "bugforge/equivalence/equivalence.h"

namespace bf::equivalence {

Replay replay_trace(const PairSpec& spec, const RtlSource& original, const RtlSource& mutant, const Trace& t,
                    const EquivOptions& opt, double seconds);

}  // namespace bf::equivalence
