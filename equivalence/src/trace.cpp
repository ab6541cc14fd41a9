// bugforge equivalence — counterexample traces as a per-cycle table and as a VCD.
//
// Algorithm: the table shows every input per cycle in hex and, per output that differs anywhere
// in the trace, the original's and the mutant's value (a '*' marks cycles where they differ),
// up to one cycle after the first difference (the solver's later cycles say nothing more).
// The VCD has one timestep per half clock period: the clock rises at 10*c+5 for cycle c.
#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "bugforge/equivalence/equivalence.h"

namespace bf::equivalence {

namespace {

std::string bin_to_hex(const std::string& bits) {
  if (bits.empty()) return "-";
  std::string hex;
  const std::size_t lead = bits.size() % 4;
  for (std::size_t i = 0; i < bits.size();) {
    const std::size_t n = (i == 0 && lead) ? lead : 4;
    int v = 0;
    bool unknown = false;
    for (std::size_t k = 0; k < n; ++k) {
      const char c = bits[i + k];
      unknown |= (c != '0' && c != '1');
      v = v * 2 + (c == '1');
    }
    hex += unknown ? 'x' : "0123456789abcdef"[v];
    i += n;
  }
  return hex;
}

bool differs(const TraceSignal& a, const TraceSignal& b) { return a.values != b.values; }

std::string vcd_id(std::size_t i) {
  std::string id;
  do {
    id += static_cast<char>('!' + i % 90);
    i /= 90;
  } while (i);
  return id;
}

}  // namespace

std::string format_trace(const Trace& t) {
  std::vector<std::string> head = {"cycle"};
  for (const auto& s : t.inputs) head.push_back(s.name);
  std::vector<std::size_t> diff;
  for (std::size_t i = 0; i < t.gold_outputs.size() && i < t.gate_outputs.size(); ++i)
    if (differs(t.gold_outputs[i], t.gate_outputs[i])) {
      diff.push_back(i);
      head.push_back(t.gold_outputs[i].name + " (orig/mut)");
    }
  std::vector<std::vector<std::string>> rows;
  const int shown = t.first_diff_cycle >= 0 ? std::min(t.cycles, t.first_diff_cycle + 2) : t.cycles;
  for (int c = 0; c < shown; ++c) {
    std::vector<std::string> row = {fmt::format("{}{}", c, c == t.first_diff_cycle ? "*" : "")};
    for (const auto& s : t.inputs) row.push_back(bin_to_hex(c < static_cast<int>(s.values.size()) ? s.values[c] : ""));
    for (const auto i : diff) {
      const auto& g = t.gold_outputs[i].values;
      const auto& m = t.gate_outputs[i].values;
      const std::string gv = c < static_cast<int>(g.size()) ? g[c] : "", mv = c < static_cast<int>(m.size()) ? m[c] : "";
      row.push_back(bin_to_hex(gv) + "/" + bin_to_hex(mv) + (gv != mv ? " *" : ""));
    }
    rows.push_back(std::move(row));
  }
  std::vector<std::size_t> w(head.size());
  for (std::size_t k = 0; k < head.size(); ++k) {
    w[k] = head[k].size();
    for (const auto& r : rows) w[k] = std::max(w[k], r[k].size());
  }
  std::ostringstream out;
  const auto print = [&](const std::vector<std::string>& r) {
    for (std::size_t k = 0; k < r.size(); ++k) out << fmt::format("{:>{}}", r[k], w[k]) << (k + 1 < r.size() ? "  " : "\n");
  };
  print(head);
  for (const auto& r : rows) print(r);
  if (shown < t.cycles) out << fmt::format("({} later cycles of the counterexample not shown)\n", t.cycles - shown);
  return out.str();
}

std::string trace_vcd(const Trace& t, const std::string& clock) {
  struct Var {
    std::string scope, name, id;
    const TraceSignal* sig;
  };
  std::vector<Var> vars;
  for (const auto& s : t.inputs) vars.push_back({"in", s.name, vcd_id(vars.size() + 1), &s});
  for (const auto& s : t.gold_outputs) vars.push_back({"orig", s.name, vcd_id(vars.size() + 1), &s});
  for (const auto& s : t.gate_outputs) vars.push_back({"mut", s.name, vcd_id(vars.size() + 1), &s});
  std::ostringstream out;
  out << "$timescale 1ns $end\n$scope module bugforge $end\n";
  out << fmt::format("$var wire 1 ! {} $end\n", clock.empty() ? "clk" : clock);
  std::string scope;
  for (const auto& v : vars) {
    if (v.scope != scope) {
      if (!scope.empty()) out << "$upscope $end\n";
      out << "$scope module " << v.scope << " $end\n";
      scope = v.scope;
    }
    out << fmt::format("$var wire {} {} {} $end\n", std::max(1, v.sig->width), v.id, v.name);
  }
  if (!scope.empty()) out << "$upscope $end\n";
  out << "$upscope $end\n$enddefinitions $end\n";
  for (int c = 0; c < t.cycles; ++c) {
    out << "#" << 10 * c << "\n0!\n";
    for (const auto& v : vars)
      if (c < static_cast<int>(v.sig->values.size()) && !v.sig->values[c].empty())
        out << (v.sig->width == 1 ? v.sig->values[c] + v.id : "b" + v.sig->values[c] + " " + v.id) << "\n";
    out << "#" << 10 * c + 5 << "\n1!\n";
  }
  out << "#" << 10 * t.cycles << "\n";
  return out.str();
}

}  // namespace bf::equivalence
