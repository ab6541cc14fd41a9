// bugforge mutators — USE: unintended sign extension.
//
// Algorithm: in the type of every local variable, typedef and cast of the file, a signed
// integer type token flips signedness (ap_int <-> ap_uint, int8_t <-> uint8_t, int -> unsigned),
// so narrow values are extended the wrong way when they are widened. Types are compile-time
// text: these mutants need their own build.
#include <map>

#include "sites.h"

namespace bf::mutators::hls {

namespace {

const std::map<std::string, std::string>& flips() {
  static const std::map<std::string, std::string> m = {
      {"ap_int", "ap_uint"},   {"ap_uint", "ap_int"},       {"int8_t", "uint8_t"},
      {"uint8_t", "int8_t"},   {"int16_t", "uint16_t"},     {"uint16_t", "int16_t"},
      {"int32_t", "uint32_t"}, {"short", "unsigned short"}, {"char", "unsigned char"},
      {"int", "unsigned"},
  };
  return m;
}

// Type tokens of a declaration (before its name) or a cast (its whole text up to the operand).
void flip_types(const Unit& u, std::size_t from, std::size_t to, std::vector<Edit>& out) {
  for (std::size_t t = u.token_at(from); t < u.tokens().size() && u.tokens()[t].offset < to; ++t) {
    const Token& tok = u.tokens()[t];
    const auto f = flips().find(tok.text);
    if (f == flips().end()) continue;
    const bool qualified =
        t > 0 && (u.tokens()[t - 1].text == "unsigned" || u.tokens()[t - 1].text == "signed");
    if (!qualified) out.push_back(replace_token(u, tok.offset, tok.text, f->second, false));
  }
}

}  // namespace

std::vector<Edit> generate_use(const Source& src) {
  const Unit& u = src.unit;
  std::vector<Edit> out;
  for (int i = 0; i < static_cast<int>(u.nodes().size()); ++i) {
    const Node& n = u.node(i);
    if (!n.located) continue;
    const bool local = n.kind == NodeKind::Var && in_body(u, i) &&
                       u.node(n.parent).kind == NodeKind::DeclStmt &&
                       u.node(u.node(n.parent).parent).kind != NodeKind::For;
    if (local || n.kind == NodeKind::Typedef) flip_types(u, n.begin, n.name_offset, out);
    if (n.kind == NodeKind::Cast && in_body(u, i) && !n.children.empty())
      flip_types(u, n.begin, u.node(n.children.back()).begin, out);
  }
  return out;
}

BF_HLS_CLASS(USE, 5, Simulation, "unintended sign extension", generate_use);

}  // namespace bf::mutators::hls
