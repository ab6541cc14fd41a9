// bugforge mutators — the HLS pragma rule checker.
//
// Algorithm: one function per rule family walks the pragma model. Array rules look at every
// subscript chain of the named array and, per dimension, at the loop variables its index uses;
// a loop runs in parallel when it is unrolled or nested in a pipelined loop. Interface rules
// classify the port (by-value scalar, array/pointer used as memory, stream) and how the function
// indexes it (sequential single pass vs random, strided or indirect). Findings are sorted by
// position and carry the rule's stable code and the bug class it guards.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "bugforge/core/codes.h"
#include "bugforge/mutators/hls_pragma.h"
#include "sites.h"

namespace bf::mutators::hls {

// Each rule's summary is its catalogue meaning (core/codes.h), written once.
const std::vector<PragmaRule>& pragma_rules() {
  static const std::vector<PragmaRule> rules = [] {
    const std::pair<std::string_view, std::string_view> code_class[] = {
        {"BF-HLS-101", "FND"}, {"BF-HLS-102", "DID"},  {"BF-HLS-103", "APT"},  {"BF-HLS-104", "DID"},
        {"BF-HLS-110", "MLP"}, {"BF-HLS-111", "ILNU"}, {"BF-HLS-120", "DFP"},  {"BF-HLS-130", "SMA"},
        {"BF-HLS-131", "AMS"}, {"BF-HLS-132", "IDAP"}, {"BF-HLS-133", "RAMB"}, {"BF-HLS-140", ""},
        {"BF-HLS-141", ""},
    };
    std::vector<PragmaRule> out;
    for (const auto& [code, cls] : code_class) out.push_back({code, cls, find_code(code)->meaning});
    return out;
  }();
  return rules;
}

namespace {

struct Checker {
  const Unit& u;
  const PragmaModel& m;
  std::vector<PragmaFinding> out;

  void report(const char* code, const Pragma& p, std::string message) {
    const auto& rules = pragma_rules();
    const auto r =
        std::find_if(rules.begin(), rules.end(), [&](const PragmaRule& x) { return x.code == code; });
    out.push_back({code, std::string(r->bug_class), p.line, p.begin, std::move(message)});
  }

  // Subscript chains on `decl`: per access, the index node of each dimension (dimension 0 first).
  std::vector<std::vector<int>> accesses(int decl) const {
    std::vector<std::vector<int>> all;
    for (int i = 0; i < static_cast<int>(u.nodes().size()); ++i) {
      if (u.node(i).kind != NodeKind::Subscript || subscript_base(u, i)) continue;
      std::vector<int> idx;
      int cur = i;
      while (u.node(cur).kind == NodeKind::Subscript && u.node(cur).operands.size() == 2) {
        idx.insert(idx.begin(), strip(u, u.node(cur).operands[1]));
        cur = strip(u, u.node(cur).operands[0]);
      }
      if (named_decl(u, cur) == decl) all.push_back(idx);
    }
    return all;
  }

  // Loop (model index) of a parallel loop whose variable the index uses, or -1.
  int parallel_var_loop(int index) const {
    for (std::size_t l = 0; l < m.loops.size(); ++l)
      if (m.loops[l].var >= 0 && m.parallel(static_cast<int>(l)) && refers_to(u, index, m.loops[l].var))
        return static_cast<int>(l);
    return -1;
  }

  bool strided(int index, int var) const {
    for (int s : u.subtree(index)) {
      const Node& n = u.node(s);
      if (n.kind != NodeKind::BinOp || n.op != "*" || n.operands.size() != 2) continue;
      for (int k = 0; k < 2; ++k) {
        const Node& other = u.node(strip(u, n.operands[1 - k]));
        if (named_decl(u, n.operands[k]) == var && (!other.value || *other.value != 1)) return true;
      }
    }
    return false;
  }

  void partition(const Pragma& p) {
    if (p.variable < 0) return;
    const Node& v = u.node(p.variable);
    const auto& dims = v.dims;
    const std::int64_t dim = p.number("dim").value_or(1);
    const PragmaWord* tw = p.choice("type", {"cyclic", "block", "complete"});
    const std::string type = tw ? fmt::format("{}", tw->value) : "complete";
    const auto factor = p.number("factor");
    if (dims.empty()) return;
    if (dim > static_cast<std::int64_t>(dims.size())) {
      report("BF-HLS-102", p,
             fmt::format("dim={} is out of range: '{}' has {} dimension(s); use dim=1..{} (or dim=0 for all)",
                         dim, v.name, dims.size(), dims.size()));
      return;
    }
    for (std::size_t d = 0; d < dims.size(); ++d) {
      if (dim != 0 && static_cast<std::int64_t>(d) != dim - 1) continue;
      if (factor && *factor > 0 && type != "complete" && dims[d] % *factor != 0)
        report("BF-HLS-101", p,
               fmt::format("factor={} does not divide dimension {} of '{}' (size {}); use a divisor of {}",
                           *factor, d + 1, v.name, dims[d], dims[d]));
    }
    if (dim >= 1) access_rules(p, v, static_cast<std::size_t>(dim - 1), type);
  }

  void access_rules(const Pragma& p, const Node& v, std::size_t dim, const std::string& type) {
    std::set<std::size_t> walked;
    bool consecutive = false, stride = false;
    for (const auto& idx : accesses(p.variable)) {
      for (std::size_t d = 0; d < idx.size(); ++d) {
        const int l = parallel_var_loop(idx[d]);
        if (l < 0) continue;
        walked.insert(d);
        if (d != dim) continue;
        const int var = m.loops[static_cast<std::size_t>(l)].var;
        if (strided(idx[d], var))
          stride = true;
        else
          consecutive = true;
      }
    }
    if (!walked.empty() && !walked.count(dim) && v.dims.size() > 1)
      report("BF-HLS-104", p,
             fmt::format("dim={} partitions a dimension of '{}' that no parallel loop walks; the parallel "
                         "iterations index dimension {}: use dim={}",
                         dim + 1, v.name, *walked.begin() + 1, *walked.begin() + 1));
    if (type == "block" && consecutive && !stride)
      report(
          "BF-HLS-103", p,
          fmt::format("block partition of '{}' keeps the consecutive elements that parallel iterations read "
                      "in one bank; use type=cyclic",
                      v.name));
    if (type == "cyclic" && stride && !consecutive)
      report(
          "BF-HLS-103", p,
          fmt::format("cyclic partition of '{}' puts the strided elements that parallel iterations read in "
                      "one bank; use type=block",
                      v.name));
  }

  void loops() {
    for (std::size_t l = 0; l < m.loops.size(); ++l) {
      const int li = static_cast<int>(l);
      if (const Pragma* p = m.loop_pragma(li, "pipeline")) {
        for (int a = m.loops[l].parent; a >= 0; a = m.loops[static_cast<std::size_t>(a)].parent) {
          if (!m.pipelined(a)) continue;
          report(
              "BF-HLS-110", *p,
              fmt::format("this loop is inside the loop at line {}, which is already pipelined (its inner "
                          "loops are fully unrolled); remove this pipeline or pipeline only the inner loop",
                          u.node(m.loops[static_cast<std::size_t>(a)].node).line));
          break;
        }
      }
      if (const Pragma* p = m.loop_pragma(li, "unroll")) {
        for (std::size_t c = 0; c < m.loops.size(); ++c) {
          // An inner loop without a constant trip count cannot be unrolled: nothing to advise.
          if (m.loops[c].parent != li || !m.loops[c].trip || m.fully_unrolled(static_cast<int>(c))) continue;
          report("BF-HLS-111", *p,
                 fmt::format(
                     "unrolling this loop replicates the inner loop at line {}, which is not fully "
                     "unrolled; add '#pragma HLS unroll' to the inner loop or pipeline this loop instead",
                     u.node(m.loops[c].node).line));
          break;
        }
      }
    }
  }

  bool task_statement(int s) const {
    const Node& n = u.node(strip(u, s));
    return n.kind == NodeKind::Call || n.kind == NodeKind::DeclStmt || n.kind == NodeKind::For ||
           n.kind == NodeKind::While || n.kind == NodeKind::Do ||
           (n.kind == NodeKind::Return && n.children.empty());
  }

  void dataflow(const Pragma& p) {
    if (p.scope < 0) return;
    for (int s : u.node(p.scope).children) {
      if (task_statement(s)) continue;
      report("BF-HLS-120", p,
             fmt::format("the dataflow region{} holds '{}' (line {}), which is not a task; move it into a "
                         "function or loop that communicates through streams or arrays",
                         p.loop >= 0 ? " (a loop body)" : "", std::string(u.source(u.node(s))).substr(0, 40),
                         u.node(s).line));
      return;
    }
  }

  bool written(int sub) const {
    const int p = real_parent(u, sub);
    return p >= 0 && u.node(p).kind == NodeKind::Assign && !u.node(p).operands.empty() &&
           strip(u, u.node(p).operands[0]) == sub;
  }

  // Sequential: every index is a loop variable, used in one loop, only read or only written.
  bool sequential(int param) const {
    std::set<int> loops_used;
    bool reads = false, writes = false;
    for (int i = 0; i < static_cast<int>(u.nodes().size()); ++i) {
      const Node& n = u.node(i);
      if (n.kind != NodeKind::Subscript || n.operands.size() != 2 || named_decl(u, n.operands[0]) != param)
        continue;
      const int var = named_decl(u, n.operands[1]);
      const auto fors = enclosing_fors(u, i);
      if (var < 0 || fors.empty() || for_parts(u, fors.front()).var != var) return false;
      loops_used.insert(fors.front());
      (written(i) ? writes : reads) = true;
    }
    return loops_used.size() <= 1 && !(reads && writes);
  }

  bool bursts_defeated(int param) const {
    for (int i = 0; i < static_cast<int>(u.nodes().size()); ++i) {
      const Node& n = u.node(i);
      if (n.kind != NodeKind::Subscript || n.operands.size() != 2 || named_decl(u, n.operands[0]) != param)
        continue;
      for (int s : u.subtree(n.operands[1]))
        if (u.node(s).kind == NodeKind::Subscript || u.node(s).kind == NodeKind::Call) return true;
      const auto fors = enclosing_fors(u, i);
      if (!fors.empty() && strided(n.operands[1], for_parts(u, fors.front()).var)) return true;
    }
    return false;
  }

  void interface(const Pragma& p) {
    const PragmaWord* mw = interface_mode(p);
    if (!mw || p.variable < 0 || u.node(p.variable).kind != NodeKind::Param) return;
    std::string mode = mw->value;
    std::transform(mode.begin(), mode.end(), mode.begin(), [](unsigned char c) { return std::tolower(c); });
    const Node& v = u.node(p.variable);
    const PortKind kind = port_kind(u, p.variable);
    const bool array = kind == PortKind::Array, scalar = kind == PortKind::Scalar;
    const bool memory_mode =
        mode == "m_axi" || mode == "bram" || mode == "ap_memory" || mode == "ap_fifo" || mode == "axis";
    if (scalar && memory_mode)
      report(
          "BF-HLS-130", p,
          fmt::format("'{}' is a by-value scalar but gets mode={}; use s_axilite or ap_none", v.name, mode));
    if (array &&
        (mode == "ap_none" || mode == "ap_vld" || mode == "ap_ack" || mode == "ap_ovld" || mode == "ap_hs"))
      report("BF-HLS-131", p,
             fmt::format("'{}' is an array but gets the scalar mode={}; use m_axi, bram/ap_memory or ap_fifo",
                         v.name, mode));
    if (array && (mode == "ap_fifo" || mode == "axis") && !sequential(p.variable))
      report("BF-HLS-132", p,
             fmt::format("'{}' is accessed out of order (or more than once, or both read and written) but "
                         "mode={} only streams one sequential pass; use m_axi or bram",
                         v.name, mode));
    if (array && mode == "m_axi" && bursts_defeated(p.variable))
      report("BF-HLS-133", p,
             fmt::format("'{}' is read with a strided or data-dependent index, so its m_axi accesses cannot "
                         "burst; copy it to a local buffer in order first",
                         v.name));
  }

  void generic(const Pragma& p) {
    const PragmaWord* named = p.find("variable") ? p.find("variable") : p.find("port");
    if (named && p.variable < 0 && named->value != "return")
      report("BF-HLS-140", p,
             fmt::format("no argument or variable '{}' is visible here; check the name", named->value));
    if ((p.directive == "unroll" || p.directive == "loop_tripcount") && p.loop < 0)
      report("BF-HLS-141", p,
             fmt::format("'{}' is not inside a loop body; move it to the first line of the loop "
                         "it should apply to",
                         p.directive));
  }

  void run() {
    loops();
    for (const Pragma& p : m.pragmas) {
      generic(p);
      if (p.directive == "array_partition" || p.directive == "array_reshape") partition(p);
      if (p.directive == "dataflow") dataflow(p);
      if (p.directive == "interface") interface(p);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const PragmaFinding& a, const PragmaFinding& b) { return a.offset < b.offset; });
  }
};

}  // namespace

std::vector<PragmaFinding> check_pragmas(const Unit& u, const PragmaModel& m) {
  Checker c{u, m, {}};
  c.run();
  return std::move(c.out);
}

}  // namespace bf::mutators::hls
