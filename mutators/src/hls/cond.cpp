// bugforge mutators — COND: inverted or wrong condition, missing term.
//
// Algorithm: the condition of every if, while, do and ?: in a function body is negated as a
// whole; every && / || among conditions swaps with the other, and each term of an && / || is
// dropped once (the operator node becomes the remaining operand's text).
#include "sites.h"

namespace bf::mutators::hls {

namespace {

int condition_of(const Unit& u, int i) {
  const Node& n = u.node(i);
  if (n.children.empty()) return -1;
  if (n.kind == NodeKind::Do) return n.children.back();
  return n.children.front();
}

}  // namespace

std::vector<Edit> generate_cond(const Source& src) {
  const Unit& u = src.unit;
  std::vector<Edit> out;
  for (NodeKind k : {NodeKind::If, NodeKind::While, NodeKind::Do, NodeKind::CondOp}) {
    for (int i : body_nodes(u, k)) {
      const int c = condition_of(u, i);
      if (c < 0 || u.node(c).kind == NodeKind::DeclStmt || u.node(c).kind == NodeKind::Var) continue;
      if (const auto e = replace_node(u, c, "!(" + std::string(u.source(u.node(c))) + ")", schema_site(u, c)))
        out.push_back(*e);
    }
  }
  for (int i : body_nodes(u, NodeKind::BinOp)) {
    const Node& n = u.node(i);
    if ((n.op != "&&" && n.op != "||") || !n.op_offset || n.operands.size() != 2) continue;
    const bool schema = schema_site(u, i);
    out.push_back(replace_token(u, *n.op_offset, n.op, n.op == "&&" ? "||" : "&&", schema));
    for (int keep : n.operands)
      if (u.node(keep).located)
        if (const auto e = replace_node(u, i, std::string(u.source(u.node(keep))), schema)) out.push_back(*e);
  }
  return out;
}

BF_HLS_CLASS(COND, 24, Simulation, "inverted or wrong condition, missing term in a condition", generate_cond);

}  // namespace bf::mutators::hls
