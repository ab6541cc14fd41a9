// bugforge mutators — IDX: wrong array index or bit select.
//
// Algorithm: a two-level subscript a[x][y] with different index texts becomes a[y][x]; an index
// that is exactly a loop variable becomes the variable of another enclosing loop, and a bit
// select of an ap_int (operator[]) moves to the neighbouring bit. An array index that is a
// variable or an arithmetic expression of them is taken one too low and one too high
// (`a[i]` -> `a[i - 1]`, `a[tm + i]` -> `a[tm + i + 1]`); a loop variable one too high is OOB's.
#include "sites.h"

namespace bf::mutators::hls {

namespace {

std::string text(const Unit& u, int i) {
  return std::string(u.source(u.node(i)));
}

void transpose(const Unit& u, int i, std::vector<Edit>& out) {
  const Node& n = u.node(i);
  if (n.operands.size() != 2) return;
  const int inner = strip(u, n.operands[0]);
  const Node& in = u.node(inner);
  if (in.kind != NodeKind::Subscript || in.operands.size() != 2) return;
  const int x = in.operands[1], y = n.operands[1];
  if (!u.node(x).located || !u.node(y).located || !u.node(in.operands[0]).located) return;
  if (text(u, x) == text(u, y)) return;
  const std::string repl = text(u, in.operands[0]) + "[" + text(u, y) + "][" + text(u, x) + "]";
  if (const auto e = replace_node(u, i, repl, schema_site(u, i))) out.push_back(*e);
}

void other_loop_var(const Unit& u, int i, std::vector<Edit>& out) {
  const Node& n = u.node(i);
  if (n.operands.size() != 2) return;
  const int idx = n.operands[1];
  const int var = named_decl(u, idx);
  if (var < 0) return;
  const auto fors = enclosing_fors(u, i);
  bool is_loop_var = false;
  for (int f : fors) is_loop_var = is_loop_var || for_parts(u, f).var == var;
  if (!is_loop_var) return;
  for (int f : fors) {
    const int other = for_parts(u, f).var;
    if (other < 0 || other == var) continue;
    if (const auto e = replace_node(u, strip(u, idx), u.node(other).name, schema_site(u, i)))
      out.push_back(*e);
    return;
  }
}

void bit_select(const Unit& u, int i, std::vector<Edit>& out) {
  const Node& n = u.node(i);
  if (n.operands.size() != 2 || u.node(n.operands[0]).type.find("ap_") == std::string::npos) return;
  const int idx = strip(u, n.operands[1]);
  if (!u.node(idx).located) return;
  if (const auto e = replace_node(u, idx, "(" + text(u, idx) + " + 1)", schema_site(u, i))) out.push_back(*e);
}

void off_by_one(const Unit& u, int i, std::vector<Edit>& out) {
  const Node& n = u.node(i);
  if (n.operands.size() != 2) return;
  const std::string& t = u.node(n.operands[0]).type;  // an ap_int bit select is bit_select's
  if (t.find("ap_") != std::string::npos && t.find_first_of("[*") == std::string::npos) return;
  const int idx = strip(u, n.operands[1]);
  const Node& x = u.node(idx);
  const bool arith = x.kind == NodeKind::BinOp && (x.op == "+" || x.op == "-" || x.op == "*");
  if (!x.located || x.value || (x.kind != NodeKind::DeclRef && !arith)) return;
  for (const char* d : {" - 1", " + 1"})
    if (const auto e = replace_node(u, idx, text(u, idx) + d, schema_site(u, i))) out.push_back(*e);
}

}  // namespace

std::vector<Edit> generate_idx(const Source& src) {
  const Unit& u = src.unit;
  std::vector<Edit> out;
  for (int i : body_nodes(u, NodeKind::Subscript)) {
    off_by_one(u, i, out);
    if (subscript_base(u, i)) continue;  // the outer subscript of a chain handles the rest
    transpose(u, i, out);
    other_loop_var(u, i, out);
    bit_select(u, i, out);
  }
  return out;
}

BF_HLS_CLASS(IDX, 25, Simulation, "wrong bit select, part select or array index", generate_idx);

}  // namespace bf::mutators::hls
