// bugforge equivalence — the Yosys command batches of one check, and how their logs are read.
//
// Algorithm: prepare() reads one side, elaborates it with the design's parameters, flattens it,
// maps small memories to registers, applies the x/undriven-to-zero policy, refuses what the
// cycle-based model cannot represent (latches, negative-edge or other clocks, blackboxes,
// unknown cells) and stashes it under a module name. proof() and bmc() copy the two stashed
// sides into a fresh design and run the induction proof or the bounded search; parse_*() read
// the verdict out of Yosys' log. Names: the original is bf_gold, the mutant bf_gate.
#pragma once

#include <string>
#include <vector>

#include "bugforge/equivalence/equivalence.h"

namespace bf::equivalence::script {

inline constexpr const char* kGold = "bf_gold";
inline constexpr const char* kGate = "bf_gate";

std::string prepare(const PairSpec& spec, const RtlSource& src, const std::string& module);
// `blacklist` (a file of signal names relative to Yosys' working folder, unquoted, or "") keeps
// those signals out of the register correspondence: the second round after re-encoded state made
// the first round fail.
std::string proof(const PairSpec& spec, int induction, const std::string& blacklist = "");
std::string bmc(const PairSpec& spec, int depth, int sat_timeout);

// The first "ERROR:" of a log with the step (a `log BF_STEP name` line) it happened in, or "".
std::string first_error(const std::string& log);

enum class ProofResult { Proven, BaseFailed, Unproven };
struct ProofReport {
  ProofResult result = ProofResult::Unproven;
  std::string detail;                          // e.g. "3 of 71 $equiv cells unproven"
  std::vector<std::string> unproven_internal;  // unproven $equiv signals that are not outputs
};
ProofReport parse_proof(const std::string& log);

enum class BmcResult { Counterexample, NoneWithinDepth, InductionProven, Timeout };
struct BmcReport {
  BmcResult result = BmcResult::Timeout;
  Trace trace;
};
BmcReport parse_bmc(const std::string& log, const PairSpec& spec);

// The top's ports from a prepare() log (its `portlist`), in declaration order.
std::vector<Port> parse_ports(const std::string& log);

}  // namespace bf::equivalence::script
