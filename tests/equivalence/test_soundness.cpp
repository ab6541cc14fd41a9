// bugforge tests — soundness of the formal stage: a proof must be real.
//
// Two parts. Hand-written pairs (tests/data/equiv/sound/): non-equivalent ones must be buggy with a
// counterexample that Verilator reproduces (or unknown with a reason where the single-clock model
// does not represent the edit), equivalent ones must still be proven. And the soundness suite:
// per built-in RTL design, mutants are simulated through a schema and every one that simulation
// kills goes to formal; none may be proven equivalent and no proof may fail its re-check.
#include <catch2/catch.hpp>

#include <iostream>
#include <string>

#include <fmt/format.h>

#include "bugforge/core/design.h"
#include "bugforge/equivalence/equivalence.h"
#include "bugforge/mutators/rtl.h"
#include "bugforge/simulate/schema_run.h"

namespace eq = bf::equivalence;

namespace {

std::string sound(const std::string& name) {
  return std::string(BUGFORGE_SOURCE_DIR) + "/tests/data/equiv/sound/" + name;
}

eq::FormalResult check_pair(const std::string& top, const std::string& orig, const std::string& mod,
                            const std::string& reset = "rst") {
  eq::PairSpec s;
  s.top = top;
  s.reset = reset;
  eq::EquivOptions o;
  o.depth = 12;
  o.budget_seconds = 60;
  return eq::check_once(s, {{sound(orig)}, {}}, {{sound(mod)}, {}}, o);
}

void require_buggy(const eq::FormalResult& v) {
  INFO(v.reason);
  REQUIRE(v.outcome == eq::Outcome::Buggy);
  CHECK(v.evidence == "formal");
  REQUIRE(v.trace);
  CHECK(v.replay.ran);
  CHECK(v.replay.reproduced);
  CHECK(v.replay.matches_formal);
}

void require_proven(const eq::FormalResult& v) {
  INFO(v.reason);
  CHECK(v.outcome == eq::Outcome::Equivalent);
  CHECK(v.evidence == "proof");
  CHECK_FALSE(v.soundness_bug);
  CHECK(v.reason.find("re-checked") != std::string::npos);
}

void require_refused(const eq::FormalResult& v, const std::string& why) {
  INFO(v.reason);
  CHECK(v.outcome == eq::Outcome::Unknown);
  CHECK(v.reason.find(why) != std::string::npos);
}

}  // namespace

TEST_CASE("sound: combinational a & b vs a | b is buggy", "[equivalence][soundness]") {
  require_buggy(check_pair("m", "and.v", "or.v", ""));
  require_proven(check_pair("m", "and.v", "nand_demorgan.v", ""));
}

TEST_CASE("sound: one decoder output constant changed is buggy, and a rewrite is proven",
          "[equivalence][soundness]") {
  require_buggy(check_pair("dec3to8", "decoder.v", "decoder_bug.v", ""));
  require_proven(check_pair("dec3to8", "decoder.v", "decoder_shift.v", ""));
}

TEST_CASE("sound: a constant inside a concatenation changed is buggy", "[equivalence][soundness]") {
  require_buggy(check_pair("cat", "concat.v", "concat_bug.v", ""));
  require_proven(check_pair("cat", "concat.v", "concat_shift.v", ""));
}

TEST_CASE("sound: clock edge, gated clock, second clock and async reset are never proven",
          "[equivalence][soundness]") {
  require_refused(check_pair("regbank", "regbank.v", "regbank_negedge.v"), "negative-edge");
  require_refused(check_pair("regbank", "regbank.v", "regbank_gated.v"), "clocked by another signal");
  require_refused(check_pair("regbank", "regbank.v", "twoclk.v"), "clocked by another signal");
  const auto async = check_pair("regbank", "regbank.v", "regbank_async.v");
  CHECK(async.outcome != eq::Outcome::Equivalent);
}

TEST_CASE("sound: register bank write-enable and reset-value edits are buggy", "[equivalence][soundness]") {
  require_buggy(check_pair("regbank", "regbank.v", "regbank_enable_bug.v"));
  require_buggy(check_pair("regbank", "regbank.v", "regbank_reset_bug.v"));
}

TEST_CASE("sound: one-cycle delay and a valid that differs only where the original's is 0 are buggy",
          "[equivalence][soundness]") {
  require_buggy(check_pair("stage", "delay.v", "delay2.v"));
  require_buggy(check_pair("stage", "delay.v", "valid_or.v"));
}

TEST_CASE("sound: wide multiplier edits are buggy, commuted operands proven", "[equivalence][soundness]") {
  require_buggy(check_pair("mul", "mul.v", "mul_bug.v"));
  require_buggy(check_pair("mul", "mul.v", "mul_unsigned.v"));
  require_proven(check_pair("mul", "mul.v", "mul_commute.v"));
}

TEST_CASE("sound: a proof is re-checked by random simulation, and a difference is a soundness bug",
          "[equivalence][soundness]") {
  // recheck_pair runs only the independent re-check: on a non-equivalent pair it must find the
  // difference that a false proof would have hidden.
  eq::PairSpec s;
  s.top = "stage";
  s.reset = "rst";
  eq::EquivOptions o;
  const auto r = eq::recheck_pair(s, {{sound("delay.v")}, {}}, {{sound("valid_or.v")}, {}}, o);
  INFO(r.detail);
  CHECK(r.ran);
  CHECK(r.differs);
  CHECK(r.cycles >= 1000);
  const auto same = eq::recheck_pair(s, {{sound("delay.v")}, {}}, {{sound("delay.v")}, {}}, o);
  INFO(same.detail);
  CHECK(same.ran);
  CHECK_FALSE(same.differs);
}

namespace {

// Simulation's word on a mutant: killed (a mismatch, timeout or crash on the golden or extra
// vector sets) or not; a build error is no behaviour and is not a kill.
bool killed_by_simulation(const bf::sim::MutantSim& s) {
  const auto& r = s.extra && s.main.status == bf::sim::CheckStatus::Pass ? *s.extra : s.main;
  return r.status == bf::sim::CheckStatus::Mismatch || r.status == bf::sim::CheckStatus::Timeout ||
         r.status == bf::sim::CheckStatus::Crash;
}

// Formal on every killed mutant of a seeded sample of `design` (limit 0: every mutant).
void soundness_of(const std::string& design, std::size_t per_class, std::size_t limit) {
  const auto d = bf::find_design(design);
  bf::mutators::RtlMutateOptions mo;
  mo.cap_per_class = per_class;
  mo.limit = limit;
  const auto mutants = bf::mutators::mutate_rtl(d, mo);
  bf::sim::SchemaRunOptions so;
  so.vectors = 2;
  const auto run = bf::sim::simulate_mutants(d, mutants, so);
  std::vector<bf::mutators::Mutant> killed;
  for (std::size_t i = 0; i < mutants.size(); ++i)
    if (killed_by_simulation(run.sims[i])) killed.push_back(mutants[i]);
  REQUIRE(!killed.empty());
  eq::EquivOptions o;
  o.budget_seconds = 8;
  o.replay = false;
  o.depth = eq::default_depth(d.latency, d.protocol.reset_cycles);
  const auto verdicts = eq::check_survivors(d, killed, o);
  std::size_t buggy = 0, unknown = 0, proven = 0;
  std::string first_unknown;
  for (std::size_t i = 0; i < killed.size(); ++i) {
    const auto& v = verdicts[i];
    INFO(design << " #" << killed[i].id << " " << killed[i].bug_class << " " << killed[i].description << ": "
                << v.reason);
    CHECK(v.outcome != eq::Outcome::Equivalent);
    CHECK_FALSE(v.soundness_bug);
    ++(v.outcome == eq::Outcome::Buggy ? buggy : v.outcome == eq::Outcome::Unknown ? unknown : proven);
    if (v.outcome == eq::Outcome::Unknown && first_unknown.empty()) first_unknown = v.reason;
  }
  std::cout << fmt::format(
      "soundness {}: {} mutants sampled, {} killed by simulation checked by formal: "
      "{} buggy, {} unknown, {} proven equivalent{}\n",
      design, mutants.size(), killed.size(), buggy, unknown, proven,
      first_unknown.empty() ? "" : " (first unknown: " + first_unknown + ")");
}

}  // namespace

// Small designs: every mutant. Big ones: a seeded sample (mutate's seed 1).
TEST_CASE("soundness suite: skid_buffer_rtl", "[equivalence][soundness]") {
  soundness_of("skid_buffer_rtl", 0, 0);
}
TEST_CASE("soundness suite: fifo_rtl", "[equivalence][soundness]") {
  soundness_of("fifo_rtl", 0, 0);
}
TEST_CASE("soundness suite: pe_rtl", "[equivalence][soundness]") {
  soundness_of("pe_rtl", 0, 0);
}
TEST_CASE("soundness suite: requant_rtl", "[equivalence][soundness]") {
  soundness_of("requant_rtl", 0, 0);
}
TEST_CASE("soundness suite: fir_rtl", "[equivalence][soundness]") {
  soundness_of("fir_rtl", 3, 24);
}
TEST_CASE("soundness suite: conv2d_rtl", "[equivalence][soundness]") {
  soundness_of("conv2d_rtl", 2, 16);
}
TEST_CASE("soundness suite: gemm_os_rtl", "[equivalence][soundness]") {
  soundness_of("gemm_os_rtl", 2, 16);
}
TEST_CASE("soundness suite: gemm_ws_rtl", "[equivalence][soundness]") {
  soundness_of("gemm_ws_rtl", 2, 16);
}
TEST_CASE("soundness suite: gemv_tree_rtl", "[equivalence][soundness]") {
  soundness_of("gemv_tree_rtl", 2, 16);
}
TEST_CASE("soundness suite: lut_gemm_rtl", "[equivalence][soundness]") {
  soundness_of("lut_gemm_rtl", 2, 16);
}
TEST_CASE("soundness suite: ternary_gemm_rtl", "[equivalence][soundness]") {
  soundness_of("ternary_gemm_rtl", 2, 16);
}
