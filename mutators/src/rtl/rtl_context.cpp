// bugforge mutators — RtlContext: AST nodes to verified source bytes, plus small source scanners.
//
// Algorithm: see rtl_context.h. Scanners are deliberately small: they only ever start from a
// position the AST vouched for, and give up (npos) rather than guess.
#include "rtl_context.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace bf::mutators {

namespace fs = std::filesystem;

namespace {

bool ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}
bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

// Skips a comment or string starting at pos; returns pos unchanged when there is none.
std::size_t skip_comment_or_string(const std::string& t, std::size_t pos) {
  if (t.compare(pos, 2, "//") == 0) {
    const auto nl = t.find('\n', pos);
    return nl == std::string::npos ? t.size() : nl + 1;
  }
  if (t.compare(pos, 2, "/*") == 0) {
    const auto e = t.find("*/", pos + 2);
    return e == std::string::npos ? t.size() : e + 2;
  }
  if (t[pos] == '"') {
    std::size_t i = pos + 1;
    while (i < t.size() && t[i] != '"' && t[i] != '\n') i += (t[i] == '\\') ? 2 : 1;
    return std::min(i + 1, t.size());
  }
  return pos;
}

bool is_assignment(const std::string& type) {
  return type == "assign" || type == "assigndly" || type == "contassign" || type == "assignw";
}

std::optional<SrcFile> load_source(const std::string& path, const fs::path& design_dir) {
  std::error_code ec;
  const fs::path abs = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec || !fs::is_regular_file(abs, ec)) return std::nullopt;
  const fs::path rel = abs.lexically_relative(design_dir);
  if (rel.empty() || *rel.begin() == "..") return std::nullopt;
  std::ifstream in(abs, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  SrcFile f{rel.generic_string(), ss.str(), {0}};
  for (std::size_t i = 0; i < f.text.size(); ++i)
    if (f.text[i] == '\n') f.line_starts.push_back(i + 1);
  return f;
}

}  // namespace

RtlContext::RtlContext(const Design& d, const VlAst& ast) : design_(d), ast_(ast) {
  std::error_code ec;
  const fs::path dir = fs::weakly_canonical(fs::absolute(d.dir), ec);
  for (const auto& [id, path] : ast.files)
    if (auto f = load_source(path, dir)) files_.emplace(id, std::move(*f));
}

void RtlContext::walk(const std::function<void(const VlNode&, const Ancestors&)>& fn) const {
  Ancestors anc;
  const std::function<void(const VlNode&)> rec = [&](const VlNode& n) {
    fn(n, anc);
    anc.push_back(&n);
    for (const auto& c : n.children) rec(c);
    anc.pop_back();
  };
  for (const auto& m : ast_.netlist.children)
    if (m.type == "module") rec(m);
}

Span RtlContext::span(const VlNode& n) const {
  const VlLoc& l = n.loc;
  const auto it = files_.find(l.file);
  if (!l.valid() || it == files_.end()) return {};
  const SrcFile& f = it->second;
  const auto nlines = f.line_starts.size();
  if (static_cast<std::size_t>(l.first_line) > nlines || static_cast<std::size_t>(l.last_line) > nlines ||
      l.last_col < 1)
    return {};
  const std::size_t b = f.line_starts[l.first_line - 1] + l.first_col - 1;
  const std::size_t e = f.line_starts[l.last_line - 1] + l.last_col - 1;
  if (b >= e || e > f.text.size()) return {};
  return Span{&f, b, e};
}

Span RtlContext::token(const VlNode& n, std::string_view tok) const {
  const Span s = span(n);
  return s && s.text() == tok ? s : Span{};
}

Span RtlContext::use_site(const VlNode& varref, const Ancestors& anc) const {
  const Span s = token(varref, varref.attr("name"));
  const VlNode* decl = s ? find_var(anc, varref.attr("name")) : nullptr;
  if (!s || !decl) return {};
  const Span d = span(*decl);
  return d && d.file == s.file && d.begin == s.begin ? Span{} : s;
}

std::size_t RtlContext::skip_blank(const SrcFile& f, std::size_t pos) {
  const std::string& t = f.text;
  while (pos < t.size()) {
    if (std::isspace(static_cast<unsigned char>(t[pos]))) {
      ++pos;
      continue;
    }
    if (t[pos] == '"') break;  // a string is a token, not a blank
    const std::size_t next = skip_comment_or_string(t, pos);
    if (next == pos) break;
    pos = next;
  }
  return pos;
}

std::size_t RtlContext::skip_blank_back(const SrcFile& f, std::size_t pos) {
  while (pos > 0 && std::isspace(static_cast<unsigned char>(f.text[pos - 1]))) --pos;
  return pos;
}

std::size_t RtlContext::match_close(const SrcFile& f, std::size_t open) {
  const std::string& t = f.text;
  if (open >= t.size() || std::string_view("([{").find(t[open]) == std::string_view::npos)
    return std::string::npos;
  std::string stack;
  for (std::size_t i = open; i < t.size();) {
    const std::size_t next = skip_comment_or_string(t, i);
    if (next != i) {
      i = next;
      continue;
    }
    const char c = t[i];
    if (c == '(')
      stack.push_back(')');
    else if (c == '[')
      stack.push_back(']');
    else if (c == '{')
      stack.push_back('}');
    else if (c == ')' || c == ']' || c == '}') {
      if (stack.empty() || stack.back() != c) return std::string::npos;
      stack.pop_back();
      if (stack.empty()) return i + 1;
    } else if (c == ';')
      return std::string::npos;  // a statement ended inside the group: not ours
    ++i;
  }
  return std::string::npos;
}

std::size_t RtlContext::stmt_end(const SrcFile& f, std::size_t from) {
  const std::string& t = f.text;
  for (std::size_t i = from; i < t.size();) {
    const std::size_t next = skip_comment_or_string(t, i);
    if (next != i) {
      i = next;
      continue;
    }
    if (t[i] == ';') return i + 1;
    if (t[i] == '(' || t[i] == '[' || t[i] == '{') {
      i = match_close(f, i);
      if (i == std::string::npos) return i;
      continue;
    }
    if (ident_start(t[i])) {  // a keyword before ';' means the statement was not a simple one
      std::size_t e = i;
      while (e < t.size() && ident_char(t[e])) ++e;
      const std::string_view w(t.data() + i, e - i);
      if (w == "begin" || w == "end" || w == "endcase" || w == "else") return std::string::npos;
      i = e;
      continue;
    }
    ++i;
  }
  return std::string::npos;
}

std::size_t RtlContext::block_end(const SrcFile& f, std::size_t begin_kw) {
  const std::string& t = f.text;
  if (t.compare(begin_kw, 5, "begin") != 0) return std::string::npos;
  int depth = 0;
  for (std::size_t i = begin_kw; i < t.size();) {
    const std::size_t next = skip_comment_or_string(t, i);
    if (next != i) {
      i = next;
      continue;
    }
    if (!ident_start(t[i])) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < t.size() && ident_char(t[e])) ++e;
    const std::string_view w(t.data() + i, e - i);
    if (w == "begin") ++depth;
    if (w == "end" && --depth == 0) {
      // `end : label` belongs to the block too.
      std::size_t j = skip_blank(f, e);
      if (j < t.size() && t[j] == ':') {
        j = skip_blank(f, j + 1);
        while (j < t.size() && ident_char(t[j])) ++j;
        return j;
      }
      return e;
    }
    i = e;
  }
  return std::string::npos;
}

std::size_t RtlContext::statement_end(const VlNode& stmt) const {
  const Span s = span(stmt);
  if (!s) return std::string::npos;
  if (stmt.type == "assign" || stmt.type == "assigndly") return stmt_end(*s.file, s.end);
  if (stmt.type == "begin" && s.text() == "begin") return block_end(*s.file, s.begin);
  return std::string::npos;
}

const VlNode* RtlContext::module_of(const Ancestors& anc) const {
  for (auto it = anc.rbegin(); it != anc.rend(); ++it)
    if ((*it)->type == "module") return *it;
  return nullptr;
}

const VlNode* RtlContext::find_var(const Ancestors& anc, const std::string& name) const {
  for (auto it = anc.rbegin(); it != anc.rend(); ++it)
    for (const auto& c : (*it)->children)
      if (c.type == "var" && c.attr("name") == name) return &c;
  return nullptr;
}

int RtlContext::width_of(const VlNode& n) const {
  const VlNode* t = ast_.dtype(n.attr("dtype_id"));
  if (!t || t->type != "basicdtype") return 0;
  const std::string& l = t->attr("left");
  const std::string& r = t->attr("right");
  if (l.empty() && r.empty()) return t->attr("name") == "integer" || t->attr("name") == "int" ? 32 : 1;
  try {
    return std::abs(std::stoi(l) - std::stoi(r)) + 1;
  } catch (const std::exception&) {
    return 0;
  }
}

bool RtlContext::is_lvalue(const VlNode& n, const Ancestors& anc) {
  const VlNode* child = &n;
  for (auto it = anc.rbegin(); it != anc.rend(); ++it) {
    const VlNode* p = *it;
    if (is_assignment(p->type)) return p->children.size() >= 2 && &p->children[1] == child;
    const bool through =
        ((p->type == "sel" || p->type == "arraysel") && &p->children.front() == child) || p->type == "concat";
    if (!through) return false;
    child = p;
  }
  return false;
}

bool RtlContext::in_sequential_always(const Ancestors& anc) {
  for (auto it = anc.rbegin(); it != anc.rend(); ++it) {
    if ((*it)->type != "always") continue;
    for (const auto& c : (*it)->children)
      if (c.type == "sentree")
        for (const auto& item : c.children)
          if (item.attr("edgeType") == "POS" || item.attr("edgeType") == "NEG") return true;
    return false;
  }
  return false;
}

Mutant RtlContext::edit(const char* cls, Span s, std::string replacement, std::string description,
                        bool schema_ok) const {
  Mutant m;
  m.bug_class = cls;
  m.file = s.file->rel;
  m.offset = s.begin;
  m.original = std::string(s.text());
  m.replacement = std::move(replacement);
  const auto& ls = s.file->line_starts;
  m.line = static_cast<int>(std::upper_bound(ls.begin(), ls.end(), s.begin) - ls.begin());
  m.description = std::move(description);
  m.schema_ok = schema_ok;
  return m;
}

Span logic_token(const RtlContext& cx, const VlNode& n) {
  if (n.type == "logand" || n.type == "logor") return cx.token(n, op_token(n.type));
  if (n.type == "and") return cx.token(n, "&&");
  if (n.type == "or") return cx.token(n, "||");
  return {};
}

std::string_view op_token(const std::string& type) {
  static const std::map<std::string, std::string_view, std::less<>> table = {
      {"add", "+"},    {"sub", "-"},      {"mul", "*"},      {"muls", "*"},      {"div", "/"},
      {"divs", "/"},   {"moddiv", "%"},   {"moddivs", "%"},  {"and", "&"},       {"or", "|"},
      {"xor", "^"},    {"shiftl", "<<"},  {"shiftr", ">>"},  {"shiftrs", ">>>"}, {"logand", "&&"},
      {"logor", "||"}, {"eq", "=="},      {"neq", "!="},     {"lt", "<"},        {"lts", "<"},
      {"lte", "<="},   {"ltes", "<="},    {"gt", ">"},       {"gts", ">"},       {"gte", ">="},
      {"gtes", ">="},  {"eqcase", "==="}, {"neqcase", "!=="}};
  const auto it = table.find(type);
  return it == table.end() ? std::string_view{} : it->second;
}

std::optional<Literal> parse_literal(std::string_view text) {
  Literal lit;
  std::size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  std::string_view digits = text;
  if (i < text.size()) {
    if (text[i] != '\'' || i + 2 > text.size()) return std::nullopt;
    lit.size = std::string(text.substr(0, i));
    ++i;
    if (i < text.size() && (text[i] == 's' || text[i] == 'S')) {
      lit.is_signed = true;
      ++i;
    }
    if (i >= text.size()) return std::nullopt;
    lit.base = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    if (std::string_view("dhbo").find(lit.base) == std::string_view::npos) return std::nullopt;
    digits = text.substr(i + 1);
  }
  const int radix = lit.base == 'h' ? 16 : lit.base == 'b' ? 2 : lit.base == 'o' ? 8 : 10;
  if (digits.empty() || digits.front() == '_') return std::nullopt;
  for (const char c : digits) {
    if (c == '_') continue;
    const int v = std::isdigit(static_cast<unsigned char>(c))    ? c - '0'
                  : std::isxdigit(static_cast<unsigned char>(c)) ? std::tolower(c) - 'a' + 10
                                                                 : 99;
    if (v >= radix || lit.value > (~std::uint64_t{0} - v) / radix) return std::nullopt;  // x/z/? or too wide
    lit.value = lit.value * radix + v;
  }
  return lit;
}

std::string format_literal(const Literal& lit, std::uint64_t value) {
  if (lit.base == 0) return std::to_string(value);
  std::string digits;
  switch (lit.base) {
    case 'h': digits = fmt::format("{:x}", value); break;
    case 'b': digits = fmt::format("{:b}", value); break;
    case 'o': digits = fmt::format("{:o}", value); break;
    default: digits = std::to_string(value);
  }
  return fmt::format("{}'{}{}{}", lit.size, lit.is_signed ? "s" : "", lit.base, digits);
}

std::optional<std::uint64_t> const_value(const VlNode& c) {
  const auto lit = parse_literal(c.attr("name"));
  return lit ? std::optional<std::uint64_t>(lit->value) : std::nullopt;
}

}  // namespace bf::mutators
