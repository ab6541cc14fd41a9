// bugforge mutators — CONST: constant off by one.
//
// Algorithm: every integer literal of the file that belongs to code, to the initialiser of a
// file-scope constant (`const int TM = 4;`) or to an object-like #define body (literals reached through a
// macro are mapped to the #define) becomes value+1 and value-1 (a decimal 0 becomes -1, as in a loop started
// one early), keeping its base and suffix. Literals in template arguments, array sizes, const initialisers
// and preprocessor lines cannot be chosen at run time. A use, in a function body, of a named integer constant
// (`const int TM = 4;`) becomes `(TM - 1)` and
// `(TM + 1)`: the bound or offset written one off (`N` where `N - 1` was meant, or back).
#include "sites.h"

namespace bf::mutators::hls {

namespace {

// The literal sits in the initialiser of a constant declared outside any function.
bool file_constant(const Unit& u, int i) {
  const int v = u.ancestor(i, NodeKind::Var);
  if (v < 0 || u.ancestor(v, NodeKind::Function) >= 0) return false;
  const Node& d = u.node(v);
  return d.const_type && d.init_offset && *d.init_offset < u.node(i).begin;
}

void named_constants(const Unit& u, std::vector<Edit>& out) {
  for (int i : body_nodes(u, NodeKind::DeclRef)) {
    const Node& n = u.node(i);
    if (!n.located || !n.value || n.decl < 0 || u.source(n) != n.name) continue;
    const Node& d = u.node(n.decl);
    if (d.kind != NodeKind::Var || !d.const_type) continue;
    for (const char* delta : {" - 1)", " + 1)"})
      if (const auto e = replace_node(u, i, "(" + n.name + delta, schema_site(u, i))) out.push_back(*e);
  }
}

}  // namespace

std::vector<Edit> generate_const(const Source& src) {
  const Unit& u = src.unit;
  std::vector<Edit> out;
  for (int i = 0; i < static_cast<int>(u.nodes().size()); ++i) {
    const Node& n = u.node(i);
    if (n.kind != NodeKind::IntLit || !n.op_offset || !n.value) continue;
    if (!in_body(u, i) && !u.in_directive(*n.op_offset) && !file_constant(u, i)) continue;
    const std::size_t t = u.token_at(*n.op_offset);
    if (t >= u.tokens().size()) continue;
    const std::string& text = u.tokens()[t].text;
    const bool schema = schema_site(u, i);
    out.push_back(replace_token(u, *n.op_offset, text, with_value(text, *n.value + 1), schema));
    const bool hex = text.size() > 1 && (text[1] == 'x' || text[1] == 'X');
    if (*n.value > 0 || (*n.value == 0 && !hex && text[0] == '0'))
      out.push_back(replace_token(u, *n.op_offset, text, with_value(text, *n.value - 1), schema));
  }
  named_constants(u, out);
  return out;
}

BF_HLS_CLASS(CONST, 23, Simulation, "constant off by one or wrong literal width", generate_const);

}  // namespace bf::mutators::hls
