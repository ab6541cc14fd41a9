// bugforge mutators — INIT: read of an uninitialised variable.
//
// Algorithm: a local (non-const, non-static) variable of a function body that has an `=`
// initialiser and is read later in the function loses the initialiser: the text from the end of
// the declarator to the end of the declaration goes. Loop counters declared in a `for` header
// are left alone (that is INF territory). The edit changes a declaration: never run-time chosen.
#include "sites.h"

namespace bf::mutators::hls {

namespace {

bool read_later(const Unit& u, int var, int fn) {
  for (int s : u.subtree(fn)) {
    const Node& n = u.node(s);
    if (n.kind == NodeKind::DeclRef && n.decl == var && n.begin > u.node(var).end) return true;
  }
  return false;
}

bool static_decl(const Unit& u, const Node& v) {
  for (std::size_t t = u.token_at(v.begin); t < u.tokens().size() && u.tokens()[t].offset < v.name_offset;
       ++t)
    if (u.tokens()[t].text == "static") return true;
  return false;
}

}  // namespace

std::vector<Edit> generate_init(const Source& src) {
  const Unit& u = src.unit;
  std::vector<Edit> out;
  for (int i : body_nodes(u, NodeKind::Var)) {
    const Node& v = u.node(i);
    if (!v.located || !v.init_offset || v.const_type || u.text()[*v.init_offset] != '=') continue;
    const int decl_stmt = v.parent;
    if (decl_stmt < 0 || u.node(decl_stmt).kind != NodeKind::DeclStmt) continue;
    const int owner = u.node(decl_stmt).parent;
    if (owner >= 0 && u.node(owner).kind == NodeKind::For) continue;
    if (!v.children.empty() && has_member_call(u, v.children.back())) continue;  // a stream read is STRM
    if (static_decl(u, v) || !read_later(u, i, u.ancestor(i, NodeKind::Function))) continue;
    std::size_t from = *v.init_offset;
    while (from > v.name_offset && (u.text()[from - 1] == ' ' || u.text()[from - 1] == '\t')) --from;
    Edit e{from, std::string(u.slice(from, v.end)), "", "", false};
    e.description = "drop initialiser of '" + v.name + "'";
    out.push_back(std::move(e));
  }
  return out;
}

BF_HLS_CLASS(INIT, 2, Simulation, "read of an uninitialised variable", generate_init);

}  // namespace bf::mutators::hls
