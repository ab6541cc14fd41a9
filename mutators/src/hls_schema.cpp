// bugforge mutators — HLS C++ mutant schemata (see schema.h).
//
// Algorithm (function-level duplication, so any edit inside a function body can be selected):
//   1. Parse every file that holds a mutant with libclang (hls_unit.h) and list its function
//      definitions that are not nested in another function: definition span, the body's `{`,
//      the name's offset and the parameter names. A definition that cannot be duplicated safely
//      (function template, class member, constexpr/consteval, deduced return type, variadic,
//      default arguments, unnamed parameters, a name spelled through a macro, main) carries the
//      reason instead.
//   2. Each mutant goes to the definition whose body strictly holds its whole edit (and whose text
//      still holds the mutant's original). Anything else — file scope constants, #define bodies,
//      typedefs, function headers (pragma-class edits outside the body included), templates — is
//      excluded with the reason. Inclusion is decided here alone: Mutant::schema_ok describes
//      expression-level selection (RTL) and is ignored, since a duplicated body may change types,
//      array sizes and constant expressions freely.
//   3. A definition with mutants K1..Kn is replaced by
//        <header renamed name__bf_0>; <header renamed name__bf_K1>; ...       (declarations)
//        <original header> { switch (::bf_mutant) { case K1: return name__bf_K1(args); ...
//                                                   default: return name__bf_0(args); } }
//        <definition renamed name__bf_0> <definition with mutant Ki applied, renamed name__bf_Ki> ...
//      The dispatcher keeps the original signature, so forward declarations, function pointers
//      and every call — recursion and calls between functions included — go through it and reach
//      the selected copy; each run selects one copy per function, so static locals behave as in
//      the original. `return f(...)` is valid in a void function too. Arguments are forwarded with
//      static_cast<decltype(p)&&>(p), which leaves references as references and moves values.
//      `#line` directives give every copy its original line numbers, so compiler, sanitizer and
//      valgrind reports name the design's lines; the text after the block gets its own back.
//   `bf_mutant` is the global the C-simulation harness (simulate/runtime/bf_hls_harness.h)
//   declares before the design's sources and sets from `+bf_mutant=K`.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "bugforge/core/diagnostic.h"
#include "bugforge/core/io.h"
#include "bugforge/mutators/hls_unit.h"
#include "bugforge/mutators/schema.h"

namespace bf::mutators {

namespace {

namespace fs = std::filesystem;
using hls::Node;
using hls::NodeKind;
using hls::Unit;

// One function definition that mutants may be placed in.
struct FnSite {
  std::size_t begin = 0, body = 0, end = 0, name_at = 0;  // definition, body '{', end, name
  std::string name;
  std::vector<std::string> params;
  std::string why_not;                 // non-empty: cannot be duplicated, and why
  std::vector<const Mutant*> mutants;  // in id order
};

int body_of(const Unit& u, const Node& f) {
  for (const int c : f.children)
    if (u.node(c).kind == NodeKind::Compound) return c;
  return -1;
}

bool has_word(std::string_view text, std::string_view word) {
  for (auto p = text.find(word); p != std::string_view::npos; p = text.find(word, p + 1)) {
    const bool left =
        p == 0 || !(std::isalnum(static_cast<unsigned char>(text[p - 1])) || text[p - 1] == '_');
    const auto e = p + word.size();
    const bool right =
        e >= text.size() || !(std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_');
    if (left && right) return true;
  }
  return false;
}

// Why the definition cannot be duplicated; empty when it can.
std::string why_not(const Unit& u, const Node& f, const FnSite& s) {
  const std::string_view header = u.slice(s.begin, s.body);
  if (f.templated) return "inside a function template";
  if (f.member) return "inside a member function";
  if (f.name == "main") return "inside main";
  if (u.slice(s.name_at, s.name_at + f.name.size()) != f.name)
    return "function name spelled through a macro or operator";
  if (has_word(header, "constexpr") || has_word(header, "consteval")) return "inside a constexpr function";
  if (has_word(u.slice(s.begin, s.name_at), "auto")) return "function with a deduced return type";
  if (header.find("...") != std::string_view::npos) return "inside a variadic function";
  if (header.find('=') != std::string_view::npos) return "function with default arguments";
  for (const auto& p : s.params)
    if (p.empty()) return "function with an unnamed parameter";
  return "";
}

// Definitions of functions not nested in another function.
std::vector<FnSite> function_sites(const Unit& u) {
  std::vector<FnSite> out;
  for (int i = 0; i < static_cast<int>(u.nodes().size()); ++i) {
    const Node& f = u.node(i);
    if (f.kind != NodeKind::Function || !f.located || u.ancestor(i, NodeKind::Function) >= 0) continue;
    const int body = body_of(u, f);
    if (body < 0 || !u.node(body).located) continue;
    FnSite s{f.begin, u.node(body).begin, f.end, f.name_offset, f.name, {}, "", {}};
    for (const int c : f.children)
      if (u.node(c).kind == NodeKind::Param) s.params.push_back(u.node(c).name);
    s.why_not = why_not(u, f, s);
    out.push_back(std::move(s));
  }
  return out;
}

// The definition whose body strictly holds [b, e), or nullptr.
FnSite* site_of(std::vector<FnSite>& sites, std::size_t b, std::size_t e) {
  for (auto& s : sites)
    if (s.body < b && e < s.end) return &s;
  return nullptr;
}

std::string copy_name(const FnSite& s, std::uint32_t id) {
  return fmt::format("{}__bf_{}", s.name, id);
}

// The definition's text, with `m` applied (when given) and the name renamed to copy `id`.
std::string render_copy(const std::string& text, const FnSite& s, const Mutant* m, std::uint32_t id) {
  std::string t = text.substr(s.begin, s.end - s.begin);
  if (m) t.replace(m->offset - s.begin, m->original.size(), m->replacement);
  return t.replace(s.name_at - s.begin, s.name.size(), copy_name(s, id));
}

std::string renamed_header(const std::string& text, const FnSite& s, std::uint32_t id) {
  std::string h = text.substr(s.begin, s.body - s.begin);
  h.replace(s.name_at - s.begin, s.name.size(), copy_name(s, id));
  return h.substr(0, h.find_last_not_of(" \t\r\n") + 1);
}

std::string call(const FnSite& s, std::uint32_t id) {
  std::string args;
  for (const auto& p : s.params)
    args += fmt::format("{}static_cast<decltype({})&&>({})", args.empty() ? "" : ", ", p, p);
  return fmt::format("return {}({});", copy_name(s, id), args);
}

std::string line_at(const std::string& text, std::size_t offset) {
  const auto n = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  return fmt::format("\n#line {}\n", n + 1);
}

// Declarations of the copies, the dispatcher under the original header, the copies.
std::string render_site(const std::string& text, const FnSite& s) {
  const std::string at_begin = line_at(text, s.begin);
  std::string out = at_begin;
  out += renamed_header(text, s, 0) + ";\n";
  for (const auto* m : s.mutants) out += renamed_header(text, s, m->id) + ";\n";
  out += text.substr(s.begin, s.body - s.begin) + "{\n  switch (::bf_mutant) {\n";
  for (const auto* m : s.mutants) out += fmt::format("    case {}: {}\n", m->id, call(s, m->id));
  out += fmt::format("    default: {}\n  }}\n}}\n", call(s, 0));
  out += at_begin + render_copy(text, s, nullptr, 0);
  for (const auto* m : s.mutants) out += at_begin + render_copy(text, s, m, m->id);
  return out + line_at(text, s.end);
}

// The file's schema text: every site with mutants replaced by its block, back to front.
std::string render_file(std::string text, std::vector<FnSite>& sites) {
  std::sort(sites.begin(), sites.end(), [](const FnSite& a, const FnSite& b) { return a.begin > b.begin; });
  const std::string original = text;
  for (const auto& s : sites)
    if (!s.mutants.empty()) text.replace(s.begin, s.end - s.begin, render_site(original, s));
  return text;
}

void exclude(Schema& out, const Mutant& m, std::string why) {
  out.excluded.push_back(m.id);
  out.excluded_why.push_back(std::move(why));
}

// Places one mutant in its definition, or excludes it with the reason.
void place(Schema& out, std::vector<FnSite>& sites, const std::string& text, const Mutant& m) {
  const std::size_t e = m.offset + m.original.size();
  if (e > text.size() || text.compare(m.offset, m.original.size(), m.original) != 0)
    return exclude(out, m, "stale mutant: the file no longer holds its original text");
  FnSite* s = site_of(sites, m.offset, e);
  if (!s)
    return exclude(out, m,
                   "edit outside any function body (file scope, #define, typedef or function header)");
  if (!s->why_not.empty()) return exclude(out, m, s->why_not);
  s->mutants.push_back(&m);
  out.included.push_back(m.id);
}

void schema_of_file(const Design& d, const std::string& file, const std::vector<const Mutant*>& ms,
                    Schema& out) {
  const std::string path = (fs::path(d.dir) / file).lexically_normal().string();
  const std::string text = read_text(path);
  const Unit u = Unit::parse(path, hls::design_parse_options(d), text);
  auto sites = function_sites(u);
  for (const auto* m : ms) place(out, sites, text, *m);
  const auto used =
      std::count_if(sites.begin(), sites.end(), [](const FnSite& s) { return !s.mutants.empty(); });
  if (used == 0) return;
  out.sites += static_cast<std::size_t>(used);
  out.overrides.emplace_back(path, render_file(text, sites));
}

}  // namespace

Schema make_hls_schema(const Design& d, const std::vector<Mutant>& mutants) {
  std::vector<const Mutant*> sorted;
  for (const auto& m : mutants) sorted.push_back(&m);
  std::sort(sorted.begin(), sorted.end(), [](const Mutant* a, const Mutant* b) { return a->id < b->id; });
  std::map<std::string, std::vector<const Mutant*>> by_file;
  Schema out;
  for (const auto* m : sorted) {
    if (m->id == 0)
      exclude(out, *m, "mutant 0 is the original");
    else
      by_file[m->file].push_back(m);
  }
  for (const auto& [file, ms] : by_file) schema_of_file(d, file, ms, out);
  std::sort(out.included.begin(), out.included.end());
  return out;
}

}  // namespace bf::mutators
