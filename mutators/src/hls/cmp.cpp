// bugforge mutators — CMP: wrong comparison.
//
// Algorithm: every comparison in a function body outside a `for` header (loop bounds belong to
// OOB and INF) has its operator token moved to the neighbouring comparison: < <=, > >=, == !=,
// and an ordering is also reversed (< >, <= >=): a min/max or threshold test the wrong way round.
#include <map>

#include "sites.h"

namespace bf::mutators::hls {

std::vector<Edit> generate_cmp(const Source& src) {
  static const std::map<std::string, std::string> swap = {{"<", "<="}, {"<=", "<"},  {">", ">="},
                                                          {">=", ">"}, {"==", "!="}, {"!=", "=="}};
  static const std::map<std::string, std::string> reversed = {
      {"<", ">"}, {"<=", ">="}, {">", "<"}, {">=", "<="}};
  const Unit& u = src.unit;
  std::vector<Edit> out;
  for (int i : body_nodes(u, NodeKind::BinOp)) {
    const Node& n = u.node(i);
    const auto s = swap.find(n.op);
    if (!n.op_offset || s == swap.end()) continue;
    const int f = u.ancestor(i, NodeKind::For);
    if (f >= 0 && u.inside(i, for_parts(u, f).cond)) continue;
    out.push_back(replace_token(u, *n.op_offset, n.op, s->second, schema_site(u, i)));
    if (const auto r = reversed.find(n.op); r != reversed.end())
      out.push_back(replace_token(u, *n.op_offset, n.op, r->second, schema_site(u, i)));
  }
  return out;
}

BF_HLS_CLASS(CMP, 22, Simulation, "wrong comparison", generate_cmp);

}  // namespace bf::mutators::hls
