// bugforge mutators — OOB: out-of-bounds array access.
//
// Algorithm: a `for` whose condition is `v < E` (or `E > v`) and whose body indexes an array
// with v gets `<=` (one iteration past the edge); an index that is exactly such a loop
// variable becomes `v + 1`.
#include "sites.h"

namespace bf::mutators::hls {

namespace {

// The loop variable of `f` when its body subscripts an array with it, else -1.
int indexing_var(const Unit& u, int f) {
  const ForParts p = for_parts(u, f);
  if (p.var < 0 || p.body < 0) return -1;
  for (int s : u.subtree(p.body)) {
    const Node& n = u.node(s);
    if (n.kind == NodeKind::Subscript && n.operands.size() == 2 && refers_to(u, n.operands[1], p.var))
      return p.var;
  }
  return -1;
}

}  // namespace

std::vector<Edit> generate_oob(const Source& src) {
  const Unit& u = src.unit;
  std::vector<Edit> out;
  for (int f : body_nodes(u, NodeKind::For)) {
    const int var = indexing_var(u, f);
    const int cond = strip(u, for_parts(u, f).cond);
    if (var < 0 || cond < 0) continue;
    const Node& c = u.node(cond);
    if (!c.op_offset || c.operands.size() != 2) continue;
    const bool lt = c.op == "<" && named_decl(u, c.operands[0]) == var;
    const bool gt = c.op == ">" && named_decl(u, c.operands[1]) == var;
    if (lt || gt) out.push_back(replace_token(u, *c.op_offset, c.op, c.op + "=", schema_site(u, cond)));
  }
  for (int i : body_nodes(u, NodeKind::Subscript)) {
    const Node& n = u.node(i);
    if (n.operands.size() != 2 || n.type.find("ap_") != std::string::npos) continue;
    const int idx = strip(u, n.operands[1]);
    const int var = named_decl(u, idx);
    bool loop_var = false;
    for (int f : enclosing_fors(u, i)) loop_var = loop_var || (var >= 0 && for_parts(u, f).var == var);
    if (!loop_var) continue;
    if (const auto e = replace_node(u, idx, u.node(var).name + " + 1", schema_site(u, i))) out.push_back(*e);
  }
  return out;
}

BF_HLS_CLASS(OOB, 1, Simulation, "out-of-bounds array access", generate_oob);

}  // namespace bf::mutators::hls
