// bugforge mutators — CONST: constant off by one.
//
// Algorithm: every integer literal of the file that belongs to code or to an object-like
// #define body (literals reached through a macro are mapped to the #define) becomes value+1 and,
// when positive, value-1, keeping its base and suffix. Literals in template arguments, array
// sizes, const initialisers and preprocessor lines cannot be chosen at run time.
#include "sites.h"

namespace bf::mutators::hls {

std::vector<Edit> generate_const(const Source& src) {
  const Unit& u = src.unit;
  std::vector<Edit> out;
  for (int i = 0; i < static_cast<int>(u.nodes().size()); ++i) {
    const Node& n = u.node(i);
    if (n.kind != NodeKind::IntLit || !n.op_offset || !n.value) continue;
    if (!in_body(u, i) && !u.in_directive(*n.op_offset)) continue;
    const std::size_t t = u.token_at(*n.op_offset);
    if (t >= u.tokens().size()) continue;
    const std::string& text = u.tokens()[t].text;
    const bool schema = schema_site(u, i);
    out.push_back(replace_token(u, *n.op_offset, text, with_value(text, *n.value + 1), schema));
    if (*n.value > 0) out.push_back(replace_token(u, *n.op_offset, text, with_value(text, *n.value - 1), schema));
  }
  return out;
}

}  // namespace bf::mutators::hls
