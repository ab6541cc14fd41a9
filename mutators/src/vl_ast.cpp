// bugforge mutators — readers for Verilator's XML (5.006 `--xml-only`) and JSON (`--json-only`)
// AST dumps, normalised into one VlNode tree.
//
// Algorithm: XML — pugixml parses; <files> gives the id table; <netlist> is converted element by
// element (element name = node type, `loc="id,l1,c1,l2,c2"`). JSON — nlohmann (ordered, so the
// operand order survives) parses the tree file and the meta file (`files` table); every member
// holding an array of objects is a child list, flattened in order; `if` keeps XML's shape by
// wrapping its then/else lists in synthetic `begin` nodes; JSON attribute spellings
// (`dtypep`, `direction`, `varType`, `addr` of types) are mapped to the XML ones. Depth is bounded
// so hostile input cannot exhaust the stack.
#include "bugforge/mutators/vl_ast.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "bugforge/core/diagnostic.h"

namespace bf::mutators {

namespace {

constexpr int kMaxDepth = 2000;  // far beyond real designs; bounds recursion on hostile input

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && out >= 0;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

// XML: "c,1,8,1,11". A malformed loc is treated as absent: its node is simply not a site.
VlLoc parse_xml_loc(std::string_view s) {
  const auto p = split(s, ',');
  VlLoc loc;
  if (p.size() != 5 || p[0].empty()) return {};
  if (!parse_int(p[1], loc.first_line) || !parse_int(p[2], loc.first_col) ||
      !parse_int(p[3], loc.last_line) || !parse_int(p[4], loc.last_col))
    return {};
  loc.file = std::string(p[0]);
  return loc;
}

// JSON: "e,74:1,74:5".
VlLoc parse_json_loc(std::string_view s) {
  const auto p = split(s, ',');
  if (p.size() != 3 || p[0].empty()) return {};
  const auto a = split(p[1], ':'), b = split(p[2], ':');
  VlLoc loc;
  if (a.size() != 2 || b.size() != 2 || !parse_int(a[0], loc.first_line) || !parse_int(a[1], loc.first_col) ||
      !parse_int(b[0], loc.last_line) || !parse_int(b[1], loc.last_col))
    return {};
  loc.file = std::string(p[0]);
  return loc;
}

Error too_deep(const std::string& origin) {
  return Error("BF-VLAST-003", fmt::format("AST nesting deeper than {} levels", kMaxDepth),
               SourceLoc{origin});
}

VlNode from_xml(const pugi::xml_node& e, const std::string& origin, int depth) {
  if (depth > kMaxDepth) throw too_deep(origin);
  VlNode n;
  n.type = e.name();
  for (const auto& a : e.attributes()) {
    if (std::string_view(a.name()) == "loc")
      n.loc = parse_xml_loc(a.value());
    else
      n.attrs[a.name()] = a.value();
  }
  for (const auto& c : e.children())
    if (c.type() == pugi::node_element) n.children.push_back(from_xml(c, origin, depth + 1));
  return n;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return s;
}

using ojson = nlohmann::ordered_json;

bool is_child_list(const ojson& v) {
  return v.is_array() && std::all_of(v.begin(), v.end(), [](const ojson& x) { return x.is_object(); });
}

void json_attr(VlNode& n, const std::string& key, const ojson& v) {
  const std::string s = v.is_string() ? v.get<std::string>() : v.dump();
  if (key == "dtypep")
    n.attrs["dtype_id"] = s;
  else if (key == "direction")
    n.attrs["dir"] = lower(s);
  else if (key == "varType" && s == "GPARAM")
    n.attrs["param"] = "true";
  else if (key == "varType" && s == "LPARAM")
    n.attrs["localparam"] = "true";
  else
    n.attrs[key] = s;
}

VlNode from_json(const ojson& o, const std::string& origin, int depth);

VlNode json_block(const ojson& list, const std::string& origin, int depth) {
  VlNode b;
  b.type = "begin";
  for (const auto& c : list) b.children.push_back(from_json(c, origin, depth + 1));
  return b;
}

VlNode from_json(const ojson& o, const std::string& origin, int depth) {
  if (depth > kMaxDepth) throw too_deep(origin);
  const auto t = o.find("type");
  if (t == o.end() || !t->is_string())
    throw Error("BF-VLAST-004", "JSON AST node without a string \"type\"", SourceLoc{origin});
  VlNode n;
  n.type = lower(t->get<std::string>());
  const bool is_if = n.type == "if";
  for (const auto& [key, v] : o.items()) {
    if (key == "type") continue;
    if (key == "loc" && v.is_string())
      n.loc = parse_json_loc(v.get<std::string>());
    else if (key == "addr" && v.is_string())
      n.attrs["id"] = v.get<std::string>();
    else if (is_if && (key == "thensp" || (key == "elsesp" && !v.empty())) && is_child_list(v))
      n.children.push_back(json_block(v, origin, depth));
    else if (is_child_list(v))
      for (const auto& c : v) n.children.push_back(from_json(c, origin, depth + 1));
    else if (!v.is_structured())
      json_attr(n, key, v);
  }
  return n;
}

void index_into(std::map<std::string, const VlNode*>& out, const VlNode& n, int depth) {
  if (depth > kMaxDepth) return;
  if (const std::string& id = n.attr("id"); !id.empty()) out[id] = &n;
  for (const auto& c : n.children) index_into(out, c, depth + 1);
}

}  // namespace

const std::string& VlNode::attr(const std::string& key) const {
  static const std::string empty;
  const auto it = attrs.find(key);
  return it == attrs.end() ? empty : it->second;
}

void VlAst::index_dtypes() {
  dtypes.clear();
  for (const auto& c : netlist.children)
    if (c.type == "typetable") index_into(dtypes, c, 0);
}

const VlNode* VlAst::dtype(const std::string& id) const {
  const auto it = dtypes.find(id);
  return it == dtypes.end() ? nullptr : it->second;
}

VlAst parse_vl_xml(std::string_view text, const std::string& origin) {
  pugi::xml_document doc;
  const auto r = doc.load_buffer(text.data(), text.size());
  if (!r) {
    // Report the line of the failure: count newlines up to the reported byte offset.
    const auto upto =
        std::min<std::size_t>(static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset, 0)), text.size());
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + upto, '\n'));
    throw Error("BF-VLAST-001", fmt::format("malformed Verilator XML: {}", r.description()),
                SourceLoc{origin, line});
  }
  const auto root = doc.child("verilator_xml");
  const auto net = root.child("netlist");
  if (!root || !net)
    throw Error("BF-VLAST-002", "not a Verilator XML dump: expected <verilator_xml> with a <netlist>",
                SourceLoc{origin});
  VlAst ast;
  ast.format = "xml";
  for (const auto& f : root.child("files").children("file"))
    ast.files[f.attribute("id").value()] = f.attribute("filename").value();
  ast.netlist = from_xml(net, origin, 0);
  ast.index_dtypes();
  return ast;
}

VlAst parse_vl_json(std::string_view tree, std::string_view meta, const std::string& origin) {
  const ojson t = ojson::parse(tree.begin(), tree.end(), nullptr, false);
  const ojson m = ojson::parse(meta.begin(), meta.end(), nullptr, false);
  if (t.is_discarded() || m.is_discarded())
    throw Error("BF-VLAST-001",
                fmt::format("malformed Verilator JSON ({} file)", t.is_discarded() ? "tree" : "meta"),
                SourceLoc{origin});
  if (!t.is_object() || t.value("type", "") != "NETLIST" || !m.is_object())
    throw Error("BF-VLAST-002", "not a Verilator JSON dump: expected a NETLIST object and a meta object",
                SourceLoc{origin});
  VlAst ast;
  ast.format = "json";
  if (const auto f = m.find("files"); f != m.end() && f->is_object())
    for (const auto& [id, info] : f->items())
      if (info.is_object() && info.contains("filename") && info["filename"].is_string())
        ast.files[id] = info["filename"].get<std::string>();
  ast.netlist = from_json(t, origin, 0);
  ast.index_dtypes();
  return ast;
}

}  // namespace bf::mutators
