// bugforge equivalence — Yosys command batches and log parsing (see the header).
#include "formal_script.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>

namespace bf::equivalence::script {

namespace {

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

// -set-at for the reset held active in steps 1..reset_cycles (Yosys steps are 1-based).
std::string reset_sets(const PairSpec& spec, const std::string& prefix) {
  if (spec.reset.empty()) return "";
  std::string s;
  for (int k = 1; k <= spec.reset_cycles; ++k)
    s += fmt::format(" -set-at {} {}{} {}", k, prefix, spec.reset, spec.reset_active_low ? 0 : 1);
  return s;
}

std::string chparams(const PairSpec& spec) {
  std::string s;
  for (const auto& [k, v] : spec.parameters) s += fmt::format(" -chparam {} {}", k, v);
  return s;
}

// Structural refusals, each its own step so the reason names it.
std::string refusals(const PairSpec& spec) {
  const std::string& t = spec.top;
  return fmt::format(
      "log BF_STEP blackbox or unknown cell\n"
      "select -assert-none {0}/t:* {0}/t:$* %d\n"
      // The attribute value is a 1-bit constant: `=0` would never match and let negedge through.
      "log BF_STEP negative-edge register\n"
      "select -assert-none {0}/r:CLK_POLARITY=1'0\n"
      "log BF_STEP register clocked by another signal than {1}\n"
      "select -assert-none {0}/t:*dff* %x:+[CLK] {0}/t:*dff* %d {0}/w:{1} %d\n",
      t, spec.clock);
}

}  // namespace

std::string prepare(const PairSpec& spec, const RtlSource& src, const std::string& module) {
  std::string read = "read_verilog -sv";
  for (const auto& d : src.include_dirs) read += " -I" + quoted(d);
  for (const auto& f : src.files) read += " " + quoted(f);
  return fmt::format(
      "design -reset\n"
      "log BF_STEP read\n{0}\n"
      "log BF_STEP elaborate\n"
      "hierarchy -check -top {1}{2}\n"
      "proc\nflatten\n"
      // before async2sync, which would turn a latch into a register
      "log BF_STEP latch\n"
      "select -assert-none {1}/t:$dlatch {1}/t:$adlatch {1}/t:$dlatchsr {1}/t:$sr\n"
      "async2sync\nmemory\nopt_clean\n"
      "setundef -undriven -zero\nsetundef -zero\n"
      "{3}"
      // the port list the re-check's random stimulus is made from
      "log BF_STEP ports\n"
      "portlist {1}\n"
      "log BF_STEP stash\n"
      "rename {1} {4}\n"
      "design -stash {4}_d\n",
      read, spec.top, chparams(spec), refusals(spec), module);
}

static std::string load_pair() {
  return fmt::format(
      "design -reset\ndesign -copy-from {0}_d -as {0} {0}\ndesign -copy-from {1}_d -as {1} {1}\n", kGold,
      kGate);
}

std::string proof(const PairSpec& spec, int induction, const std::string& blacklist) {
  // Base case of the induction: every $equiv cell holds in the first `induction` cycles from
  // reset (equiv_induct alone proves only that equal cells stay equal).
  const int base = induction + spec.reset_cycles;
  return load_pair() + fmt::format(
                           "log BF_STEP outputs\n"
                           "select -list {0}/o:*\n"
                           "log BF_STEP equiv_make\n"
                           "equiv_make{5} {0} {1} bf_equiv\nhierarchy -top bf_equiv\n"
                           // Exact sharing of the cells both sides compute alike: their $equiv
                           // cells then compare one signal with itself, proven without SAT.
                           // gemv_tree_rtl self-check: 19 s -> 3 s of CPU.
                           "opt_merge\ndesign -save bf_pair\n"
                           "log BF_STEP base\n"
                           // No -undef anywhere: x is already zero (setundef), and sat without
                           // -enable_undef reads an undef-aware miter's "gold is x" as "gold is 0",
                           // which hides every difference where the original's value is zero.
                           "equiv_miter -trigger bf_base bf_equiv\nhierarchy -top bf_base\n"
                           // The miter holds both sides' copies of every cone: merging the identical cells
                           // (exact, no x folding) leaves the SAT problem the edit's cone. gemv_tree_rtl's
                           // base case (16 8x8 multipliers, 6 steps) went from over 180 s to 3 s of CPU.
                           "opt_merge\nopt_clean\n"
                           "sat -seq {2} -set-init-zero{3} -prove trigger 0 bf_base\n"
                           "log BF_STEP induct\n"
                           "design -load bf_pair\n"
                           "equiv_simple -seq {4}\nequiv_induct -seq {4}\nequiv_status\n",
                           kGold, kGate, base, reset_sets(spec, ""), induction,
                           blacklist.empty() ? "" : " -blacklist " + blacklist);
}

std::string bmc(const PairSpec& spec, int depth, int sat_timeout) {
  return load_pair() +
         fmt::format(
             "log BF_STEP miter\n"
             "miter -equiv -flatten -make_outputs {0} {1} bf_miter\nhierarchy -top "
             "bf_miter\nopt -fast\n"
             "log BF_STEP bmc\n"
             "sat -seq {2} -set-init-zero{3} -prove-skip {4} -prove trigger 0 -show-inputs -show-outputs "
             "-timeout {5} bf_miter\n"
             // k-induction on the outputs alone: proves re-encoded state that equiv_make cannot match.
             // No -set-at here, so that no reset constraint can leak into the induction step.
             "log BF_STEP tempinduct\n"
             "sat -tempinduct -set-init-zero -prove trigger 0 -maxsteps {6} -timeout {5} bf_miter\n",
             kGold, kGate, depth, reset_sets(spec, "in_"), spec.reset.empty() ? 0 : spec.reset_cycles,
             std::max(1, sat_timeout), std::max(2, depth / 2));
}

std::string first_error(const std::string& log) {
  std::istringstream in(log);
  std::string line, step;
  while (std::getline(in, line)) {
    if (line.rfind("BF_STEP ", 0) == 0) step = line.substr(8);
    if (line.rfind("ERROR:", 0) == 0) return step.empty() ? line : step + ": " + line;
  }
  return "";
}

// The text after the `log BF_STEP name` line, up to the next step marker.
static std::string section(const std::string& log, const std::string& name) {
  const auto at = log.find("\nBF_STEP " + name + "\n");
  if (at == std::string::npos) return "";
  const auto end = log.find("\nBF_STEP ", at + 1);
  return log.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

ProofReport parse_proof(const std::string& log) {
  ProofReport r;
  const auto base = section(log, "base");
  const auto induct = section(log, "induct");
  const bool base_ok = base.find("no model found: SUCCESS!") != std::string::npos;
  const bool proven = induct.find("Equivalence successfully proven!") != std::string::npos;
  std::smatch m;
  static const std::regex counts(R"(Of those cells (\d+) are proven and (\d+) are unproven)");
  if (std::regex_search(induct, m, counts))
    r.detail = fmt::format("{} of {} $equiv cells unproven", m[2].str(), std::stoi(m[1]) + std::stoi(m[2]));
  std::set<std::string> outputs;
  std::istringstream out_lines(section(log, "outputs"));
  for (std::string line; std::getline(out_lines, line);)
    if (line.rfind(std::string(kGold) + "/", 0) == 0)
      outputs.insert(line.substr(std::string(kGold).size() + 1));
  static const std::regex unproven(R"(Unproven \$equiv \S+: \\(\S+)_gold)");
  std::set<std::string> internal;
  for (auto it = std::sregex_iterator(induct.begin(), induct.end(), unproven); it != std::sregex_iterator();
       ++it)
    if (!outputs.count((*it)[1])) internal.insert((*it)[1]);
  r.unproven_internal.assign(internal.begin(), internal.end());
  if (proven && base_ok)
    r.result = ProofResult::Proven;
  else if (proven) {
    r.result = ProofResult::BaseFailed;
    r.detail = "induction holds but an internal signal differs in the first cycles from reset";
  }
  return r;
}

namespace {

void add_value(std::vector<TraceSignal>& sigs, std::map<std::string, std::size_t>& index,
               const std::string& name, int step, const std::string& bits) {
  auto it = index.find(name);
  if (it == index.end()) {
    it = index.emplace(name, sigs.size()).first;
    sigs.push_back({name, static_cast<int>(bits.size()), {}});
  }
  auto& v = sigs[it->second].values;
  if (static_cast<int>(v.size()) < step) v.resize(step);
  v[step - 1] = bits;
}

}  // namespace

std::vector<Port> parse_ports(const std::string& log) {
  static const std::regex row(R"(^(input|output|inout) \[(\d+):(\d+)\] (\S+)$)");
  std::vector<Port> out;
  std::istringstream in(section(log, "ports"));
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    const int hi = std::stoi(m[2]), lo = std::stoi(m[3]);
    out.push_back({m[4].str(), std::abs(hi - lo) + 1, m[1].str() == "input" ? PortDir::Input
                                                      : m[1].str() == "output" ? PortDir::Output
                                                                               : PortDir::Inout});
  }
  return out;
}

BmcReport parse_bmc(const std::string& log, const PairSpec& spec) {
  BmcReport r;
  const auto s = section(log, "bmc");
  if (s.find("no model found: SUCCESS!") != std::string::npos) {
    const auto k = section(log, "tempinduct");
    r.result = k.find("Induction step proven: SUCCESS!") != std::string::npos ? BmcResult::InductionProven
                                                                              : BmcResult::NoneWithinDepth;
    return r;
  }
  if (s.find("model found: FAIL!") == std::string::npos) return r;  // timed out
  r.result = BmcResult::Counterexample;
  static const std::regex row(R"(^\s*(\d+)\s+\\(\S+)\s.*\s([01xz]+)\s*$)");
  std::map<std::string, std::size_t> in_ix, gold_ix, gate_ix;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    const int step = std::stoi(m[1]);
    const std::string name = m[2], bits = m[3];
    r.trace.cycles = std::max(r.trace.cycles, step);
    if (name == "in_" + spec.clock)
      r.trace.clock = spec.clock;
    else if (name.rfind("in_", 0) == 0)
      add_value(r.trace.inputs, in_ix, name.substr(3), step, bits);
    else if (name.rfind("gold_", 0) == 0)
      add_value(r.trace.gold_outputs, gold_ix, name.substr(5), step, bits);
    else if (name.rfind("gate_", 0) == 0)
      add_value(r.trace.gate_outputs, gate_ix, name.substr(5), step, bits);
  }
  const auto by_name = [](const TraceSignal& a, const TraceSignal& b) { return a.name < b.name; };
  std::sort(r.trace.gold_outputs.begin(), r.trace.gold_outputs.end(), by_name);
  std::sort(r.trace.gate_outputs.begin(), r.trace.gate_outputs.end(), by_name);
  r.trace.skip = spec.reset.empty() ? 0 : spec.reset_cycles;
  for (int c = r.trace.skip; c < r.trace.cycles && r.trace.first_diff_cycle < 0; ++c)
    for (std::size_t i = 0; i < r.trace.gold_outputs.size() && i < r.trace.gate_outputs.size(); ++i)
      if (r.trace.gold_outputs[i].values.at(c) != r.trace.gate_outputs[i].values.at(c)) {
        r.trace.first_diff_cycle = c;
        break;
      }
  return r;
}

}  // namespace bf::equivalence::script
