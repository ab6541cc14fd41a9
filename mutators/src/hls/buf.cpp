// bugforge mutators — BUF: wrong half of a split buffer.
//
// Algorithm: a subscript chain on an array whose dimension has size 2 (ping-pong buffers) with a
// literal 0/1 in that dimension flips it, and with a variable selector s uses !s; an index
// `e + H` / `e - H` whose offset H is not a small literal (a half or a bank offset) loses the
// offset, reading or writing the other part of the buffer.
#include "sites.h"

namespace bf::mutators::hls {

namespace {

// Subscript nodes of a chain, outermost first, and the array declaration at its base.
std::vector<int> chain(const Unit& u, int outer, int& decl) {
  std::vector<int> subs;
  int i = outer;
  while (u.node(i).kind == NodeKind::Subscript && u.node(i).operands.size() == 2) {
    subs.push_back(i);
    i = strip(u, u.node(i).operands[0]);
  }
  decl = named_decl(u, i);
  return subs;
}

void halves(const Unit& u, int outer, std::vector<Edit>& out) {
  int decl = -1;
  const std::vector<int> subs = chain(u, outer, decl);
  if (decl < 0) return;
  const auto& dims = u.node(decl).dims;
  for (std::size_t k = 0; k < subs.size(); ++k) {
    const std::size_t dim = subs.size() - 1 - k;  // the subscript next to the base is dimension 0
    if (dim >= dims.size() || dims[dim] != 2) continue;
    const int idx = strip(u, u.node(subs[k]).operands[1]);
    const Node& n = u.node(idx);
    const bool schema = schema_site(u, outer);
    if (n.kind == NodeKind::IntLit && n.op_offset && n.value && (*n.value == 0 || *n.value == 1))
      out.push_back(replace_token(u, *n.op_offset, std::string(u.slice(*n.op_offset, *n.op_offset + 1)),
                                  *n.value ? "0" : "1", schema));
    else if (n.kind == NodeKind::DeclRef)
      if (const auto e = replace_node(u, idx, "!" + n.name, schema)) out.push_back(*e);
  }
}

void offsets(const Unit& u, int sub, std::vector<Edit>& out) {
  const int idx = strip(u, u.node(sub).operands[1]);
  const Node& n = u.node(idx);
  if (n.kind != NodeKind::BinOp || (n.op != "+" && n.op != "-") || n.operands.size() != 2) return;
  const Node& off = u.node(strip(u, n.operands[1]));
  if (off.value && *off.value >= -3 && *off.value <= 3) return;
  if (off.kind != NodeKind::DeclRef && off.kind != NodeKind::IntLit && off.kind != NodeKind::BinOp) return;
  if (!u.node(n.operands[0]).located) return;
  if (const auto e = replace_node(u, idx, std::string(u.source(u.node(n.operands[0]))), schema_site(u, sub)))
    out.push_back(*e);
}

}  // namespace

std::vector<Edit> generate_buf(const Source& src) {
  const Unit& u = src.unit;
  std::vector<Edit> out;
  for (int i : body_nodes(u, NodeKind::Subscript)) {
    if (u.node(i).operands.size() != 2) continue;
    offsets(u, i, out);
    if (!subscript_base(u, i)) halves(u, i, out);
  }
  return out;
}

BF_HLS_CLASS(BUF, 8, Simulation, "wrong half of a split buffer", generate_buf);

}  // namespace bf::mutators::hls
