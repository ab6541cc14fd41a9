// bugforge mutators — OP: wrong arithmetic or logic operator.
//
// Algorithm: every binary or compound-assignment operator in a function body whose operator
// token is in the file is swapped for its usual confusion partner (+/-, */+, &/|, ^/|, ...).
// An addition also becomes `|` (aligned-offset addressing written as an OR, exact only while the
// bits do not overlap). A compound assignment also becomes a plain `=` (the update forgets the old value, as
// in an accumulator that is overwritten). Shifts, comparisons and && / || belong to SHFT, CMP and COND;
// stream << >> are skipped.
#include <map>

#include "sites.h"

namespace bf::mutators::hls {

namespace {

const std::map<std::string, std::string>& partners() {
  static const std::map<std::string, std::string> m = {
      {"+", "-"}, {"-", "+"},   {"*", "+"},   {"/", "*"},   {"%", "/"},   {"&", "|"},   {"|", "&"},
      {"^", "|"}, {"+=", "-="}, {"-=", "+="}, {"*=", "+="}, {"&=", "|="}, {"|=", "&="}, {"^=", "|="},
  };
  return m;
}

}  // namespace

std::vector<Edit> generate_op(const Source& src) {
  const Unit& u = src.unit;
  std::vector<Edit> out;
  for (NodeKind k : {NodeKind::BinOp, NodeKind::Assign}) {
    for (int i : body_nodes(u, k)) {
      const Node& n = u.node(i);
      const auto p = partners().find(n.op);
      if (!n.op_offset || p == partners().end()) continue;
      if (!n.operands.empty() && is_stream_type(u.node(n.operands[0]).type)) continue;
      out.push_back(replace_token(u, *n.op_offset, n.op, p->second, schema_site(u, i)));
      if (n.op == "+") out.push_back(replace_token(u, *n.op_offset, "+", "|", schema_site(u, i)));
      if (k == NodeKind::Assign) out.push_back(replace_token(u, *n.op_offset, n.op, "=", schema_site(u, i)));
    }
  }
  return out;
}

BF_HLS_CLASS(OP, 21, Simulation, "wrong arithmetic or logic operator", generate_op);

}  // namespace bf::mutators::hls
