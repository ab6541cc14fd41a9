// bugforge mutators — ZERO: initialised to zero instead of the right value.
//
// Algorithm: a local variable whose `=` initialiser is not already zero (an accumulator seed, a
// running max/min taken from an element, a product's 1) gets 0 instead; so does the right-hand
// side of a plain assignment of a non-zero literal to a scalar variable.
#include "sites.h"

namespace bf::mutators::hls {

namespace {

bool zero_text(std::string_view s) {
  return s == "0" || s == "0.0" || s == "0u" || s == "{0}" || s == "{}";
}

}  // namespace

std::vector<Edit> generate_zero(const Source& src) {
  const Unit& u = src.unit;
  std::vector<Edit> out;
  for (int i : body_nodes(u, NodeKind::Var)) {
    const Node& v = u.node(i);
    if (!v.init_offset || v.const_type || v.pointer_or_ref || !v.dims.empty() ||
        u.text()[*v.init_offset] != '=')
      continue;
    if (v.children.empty()) continue;
    const int init = v.children.back();
    const Node& in = u.node(init);
    if (!in.located || in.begin <= *v.init_offset || zero_text(u.source(in)) || is_stream_type(v.type) ||
        has_member_call(u, init))
      continue;
    if (const auto e = replace_node(u, init, "0", true)) out.push_back(*e);
  }
  for (int i : body_nodes(u, NodeKind::Assign)) {
    const Node& a = u.node(i);
    if (a.op != "=" || a.operands.size() != 2 || named_decl(u, a.operands[0]) < 0) continue;
    const int rhs = strip(u, a.operands[1]);
    const Node& r = u.node(rhs);
    if ((r.kind != NodeKind::IntLit && r.kind != NodeKind::FloatLit) || zero_text(u.source(r))) continue;
    if (const auto e = replace_node(u, rhs, "0", schema_site(u, rhs))) out.push_back(*e);
  }
  return out;
}

BF_HLS_CLASS(ZERO, 7, Simulation, "initialised to zero instead of the right value", generate_zero);

}  // namespace bf::mutators::hls
