// bugforge mutators — INF: loop that never ends.
//
// Algorithm: the increment of a counting `for` (v++, ++v, v += c, v = v + c) is turned round,
// so the exit condition of `v < E` can no longer become false in the intended way; for `while`
// loops whose body ends with an increment of the tested variable, the increment is reversed.
#include "sites.h"

namespace bf::mutators::hls {

namespace {

void reverse_step(const Unit& u, int step, std::vector<Edit>& out) {
  const int s = strip(u, step);
  if (s < 0) return;
  const Node& n = u.node(s);
  if (!n.op_offset) return;
  if (n.kind == NodeKind::UnaryOp && (n.op == "++" || n.op == "--"))
    out.push_back(replace_token(u, *n.op_offset, n.op, n.op == "++" ? "--" : "++", schema_site(u, s)));
  if (n.kind == NodeKind::Assign && (n.op == "+=" || n.op == "-="))
    out.push_back(replace_token(u, *n.op_offset, n.op, n.op == "+=" ? "-=" : "+=", schema_site(u, s)));
}

}  // namespace

std::vector<Edit> generate_inf(const Source& src) {
  const Unit& u = src.unit;
  std::vector<Edit> out;
  for (int f : body_nodes(u, NodeKind::For)) {
    const ForParts p = for_parts(u, f);
    if (p.inc >= 0 && p.cond >= 0) reverse_step(u, p.inc, out);
  }
  for (int w : body_nodes(u, NodeKind::While)) {
    const Node& n = u.node(w);
    if (n.children.size() < 2) continue;
    const Node& body = u.node(n.children.back());
    if (body.kind != NodeKind::Compound || body.children.empty()) continue;
    const int last = body.children.back();
    const int var =
        named_decl(u, u.node(strip(u, last)).operands.empty() ? -1 : u.node(strip(u, last)).operands[0]);
    if (var >= 0 && refers_to(u, n.children.front(), var)) reverse_step(u, last, out);
  }
  return out;
}

BF_HLS_CLASS(INF, 4, Simulation, "loop that never ends", generate_inf);

}  // namespace bf::mutators::hls
