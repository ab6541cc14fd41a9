// bugforge mutators — SHFT: shift by an out-of-range or wrong amount.
//
// Algorithm: for every << >> <<= >>= on integers in a function body (not stream insertion), a
// literal amount c becomes c+1 and the width of the shifted type (out of range); any other amount
// s becomes (s + 1).
#include "sites.h"

namespace bf::mutators::hls {

std::vector<Edit> generate_shft(const Source& src) {
  const Unit& u = src.unit;
  std::vector<Edit> out;
  for (NodeKind k : {NodeKind::BinOp, NodeKind::Assign}) {
    for (int i : body_nodes(u, k)) {
      const Node& n = u.node(i);
      const bool shift = n.op == "<<" || n.op == ">>" || n.op == "<<=" || n.op == ">>=";
      if (!shift || n.operands.size() != 2 || is_stream_type(u.node(n.operands[0]).type)) continue;
      const int amt = strip(u, n.operands[1]);
      const Node& a = u.node(amt);
      const bool schema = schema_site(u, i);
      if (a.kind == NodeKind::IntLit && a.op_offset && a.value) {
        const std::string text = u.tokens()[u.token_at(*a.op_offset)].text;
        out.push_back(replace_token(u, *a.op_offset, text, with_value(text, *a.value + 1), schema));
        const int bits = type_bits(u.node(n.operands[0]).type);
        if (bits > 0 && bits != *a.value + 1)
          out.push_back(replace_token(u, *a.op_offset, text, std::to_string(bits), schema));
      } else if (a.located) {
        if (const auto e = replace_node(u, amt, "(" + std::string(u.source(a)) + " + 1)", schema))
          out.push_back(*e);
      }
    }
  }
  return out;
}

BF_HLS_CLASS(SHFT, 3, Simulation, "shift by an out-of-range or wrong amount", generate_shft);

}  // namespace bf::mutators::hls
