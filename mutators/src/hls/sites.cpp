// bugforge mutators — shared helpers of the HLS generators (see sites.h).
#include "sites.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <regex>

namespace bf::mutators::hls {

bool in_body(const Unit& u, int i) {
  const int f = u.ancestor(i, NodeKind::Function);
  return f >= 0 && u.ancestor(i, NodeKind::Compound) >= 0 && u.inside(u.ancestor(i, NodeKind::Compound), f);
}

std::vector<int> body_nodes(const Unit& u, NodeKind k) {
  std::vector<int> out;
  for (int i = 0; i < static_cast<int>(u.nodes().size()); ++i)
    if (u.node(i).kind == k && in_body(u, i)) out.push_back(i);
  return out;
}

int strip(const Unit& u, int i) {
  while (i >= 0) {
    const Node& n = u.node(i);
    const bool wrapper = (n.kind == NodeKind::Other || n.kind == NodeKind::Paren) && n.children.size() == 1;
    if (!wrapper) break;
    i = n.children.front();
  }
  return i;
}

bool has_member_call(const Unit& u, int i) {
  for (int s : u.subtree(i))
    if (u.node(s).kind == NodeKind::Member && u.node(u.node(s).parent).kind == NodeKind::Call) return true;
  return false;
}

int real_parent(const Unit& u, int i) {
  int p = u.node(i).parent;
  while (p >= 0 && (u.node(p).kind == NodeKind::Other || u.node(p).kind == NodeKind::Paren) &&
         u.node(p).children.size() == 1)
    p = u.node(p).parent;
  return p;
}

bool subscript_base(const Unit& u, int i) {
  const int p = real_parent(u, i);
  return p >= 0 && u.node(p).kind == NodeKind::Subscript && !u.node(p).operands.empty() &&
         strip(u, u.node(p).operands[0]) == i;
}

bool refers_to(const Unit& u, int i, int decl) {
  for (int s : u.subtree(i))
    if (u.node(s).decl == decl) return true;
  return false;
}

int named_decl(const Unit& u, int i) {
  const int s = strip(u, i);
  if (s < 0) return -1;
  const Node& n = u.node(s);
  return n.kind == NodeKind::DeclRef ? n.decl : -1;
}

ForParts for_parts(const Unit& u, int f) {
  ForParts p;
  const Node& n = u.node(f);
  if (!n.located) return p;
  std::size_t semis[2] = {0, 0}, close = 0;
  int depth = 0, seen = 0;
  for (std::size_t t = u.token_at(n.begin) + 1; t < u.tokens().size(); ++t) {
    const std::string& s = u.tokens()[t].text;
    if (s == "(" || s == "[" || s == "{") ++depth;
    if (s == ")" || s == "]" || s == "}") --depth;
    if (depth == 1 && s == ";" && seen < 2) semis[seen++] = u.tokens()[t].offset;
    if (depth == 0 && s == ")") {
      close = u.tokens()[t].offset;
      break;
    }
  }
  if (seen != 2 || close == 0) return p;
  for (int c : n.children) {
    const std::size_t at = u.node(c).begin;
    if (at < semis[0])
      p.init = c;
    else if (at < semis[1])
      p.cond = c;
    else if (at < close)
      p.inc = c;
    else
      p.body = c;
  }
  if (p.init >= 0 && u.node(p.init).kind == NodeKind::DeclStmt && !u.node(p.init).children.empty())
    p.var = u.node(p.init).children.front();
  else if (p.init >= 0 && u.node(strip(u, p.init)).kind == NodeKind::Assign)
    p.var =
        named_decl(u, u.node(strip(u, p.init)).operands.empty() ? -1 : u.node(strip(u, p.init)).operands[0]);
  return p;
}

std::vector<int> enclosing_fors(const Unit& u, int i) {
  std::vector<int> out;
  for (int p = u.node(i).parent; p >= 0; p = u.node(p).parent)
    if (u.node(p).kind == NodeKind::For) out.push_back(p);
  return out;
}

bool schema_site(const Unit& u, int i) {
  const Node& n = u.node(i);
  const std::size_t at = n.op_offset ? *n.op_offset : n.begin;
  return !u.in_directive(at) && !u.constant_context(i);
}

std::optional<Edit> replace_node(const Unit& u, int i, std::string replacement, bool schema_ok) {
  const Node& n = u.node(i);
  if (!n.located) return std::nullopt;
  const std::string original(u.source(n));
  Edit e{n.begin, original, std::move(replacement), "", schema_ok};
  e.description = fmt::format("'{}' -> '{}'", e.original, e.replacement);
  return e;
}

Edit replace_token(const Unit& u, std::size_t offset, const std::string& old, std::string replacement,
                   bool schema_ok) {
  Edit e{offset, old, std::move(replacement), "", schema_ok && !u.in_directive(offset)};
  e.description = fmt::format("'{}' -> '{}'", e.original, e.replacement);
  return e;
}

std::string with_value(const std::string& literal, std::int64_t v) {
  std::size_t digits_end = literal.size();
  while (digits_end > 0 && std::isalpha(static_cast<unsigned char>(literal[digits_end - 1])) &&
         !(literal.rfind("0x", 0) == 0 && std::isxdigit(static_cast<unsigned char>(literal[digits_end - 1]))))
    --digits_end;
  const std::string suffix = literal.substr(digits_end);
  const bool hex = literal.rfind("0x", 0) == 0 || literal.rfind("0X", 0) == 0;
  return (hex ? fmt::format("0x{:x}", v) : fmt::format("{}", v)) + suffix;
}

int type_bits(const std::string& type) {
  static const std::regex ap(R"(ap_u?(int|fixed)<\s*(\d+))");
  std::smatch m;
  if (std::regex_search(type, m, ap)) return std::stoi(m[2]);
  if (type.find("int8") != std::string::npos || type.find("char") != std::string::npos) return 8;
  if (type.find("int16") != std::string::npos || type.find("short") != std::string::npos) return 16;
  if (type.find("int64") != std::string::npos || type.find("long long") != std::string::npos) return 64;
  if (type.find("int") != std::string::npos || type.find("unsigned") != std::string::npos) return 32;
  return 0;
}

bool is_stream_type(const std::string& type) {
  return type.find("stream") != std::string::npos;
}

PortKind port_kind(const Unit& u, int decl) {
  if (decl < 0 || u.node(decl).kind != NodeKind::Param) return PortKind::None;
  const Node& v = u.node(decl);
  if (is_stream_type(v.type)) return PortKind::Stream;
  if (!v.dims.empty() || v.type.find('[') != std::string::npos) return PortKind::Array;
  if (!v.pointer_or_ref) return PortKind::Scalar;
  const bool indexed = std::any_of(u.nodes().begin(), u.nodes().end(), [&](const Node& n) {
    return n.kind == NodeKind::Subscript && n.operands.size() == 2 && named_decl(u, n.operands[0]) == decl;
  });
  return indexed ? PortKind::Array : PortKind::Pointer;
}

const PragmaWord* interface_mode(const Pragma& p) {
  static const std::vector<std::string_view> modes = {
      "m_axi",  "s_axilite", "axis",  "ap_fifo",    "bram",         "ap_memory",     "ap_none",  "ap_vld",
      "ap_ack", "ap_ovld",   "ap_hs", "ap_ctrl_hs", "ap_ctrl_none", "ap_ctrl_chain", "ap_stable"};
  return p.directive == "interface" ? p.choice("mode", modes) : nullptr;
}

Edit pragma_word_edit(const Unit& u, std::size_t offset, const std::string& old, std::string replacement) {
  return replace_token(u, offset, old, std::move(replacement), false);
}

std::optional<Edit> insert_pragma(const Unit& u, int compound, const std::string& pragma_text) {
  const Node& c = u.node(compound);
  if (!c.located || u.text()[c.begin] != '{') return std::nullopt;
  const std::size_t nl = u.text().find('\n', c.begin);
  std::string indent = "  ";
  if (nl != std::string::npos) {
    const std::size_t first = u.text().find_first_not_of(" \t", nl + 1);
    if (first != std::string::npos) indent = u.text().substr(nl + 1, first - nl - 1);
  }
  Edit e{c.begin + 1, "", "\n" + indent + pragma_text, "", false};
  e.description = fmt::format("insert '{}'", pragma_text);
  return e;
}

}  // namespace bf::mutators::hls
