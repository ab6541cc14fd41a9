// bugforge mutators — libclang front end for HLS C++ (see hls_unit.h for the algorithm).
#include "bugforge/mutators/hls_unit.h"
#include "bugforge/core/io.h"

#include <clang-c/Index.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "bugforge/core/diagnostic.h"

namespace bf::mutators::hls {

namespace {

std::string take(CXString s) {
  const char* c = clang_getCString(s);
  std::string out = c ? c : "";
  clang_disposeString(s);
  return out;
}

NodeKind kind_of(CXCursorKind k) {
  switch (k) {
    case CXCursor_FunctionDecl:
    case CXCursor_CXXMethod:
    case CXCursor_FunctionTemplate:
    case CXCursor_Constructor: return NodeKind::Function;
    case CXCursor_ParmDecl: return NodeKind::Param;
    case CXCursor_VarDecl: return NodeKind::Var;
    case CXCursor_FieldDecl: return NodeKind::Field;
    case CXCursor_TypedefDecl:
    case CXCursor_TypeAliasDecl: return NodeKind::Typedef;
    case CXCursor_ForStmt: return NodeKind::For;
    case CXCursor_WhileStmt: return NodeKind::While;
    case CXCursor_DoStmt: return NodeKind::Do;
    case CXCursor_IfStmt: return NodeKind::If;
    case CXCursor_SwitchStmt: return NodeKind::Switch;
    case CXCursor_CaseStmt: return NodeKind::Case;
    case CXCursor_CompoundStmt: return NodeKind::Compound;
    case CXCursor_DeclStmt: return NodeKind::DeclStmt;
    case CXCursor_ReturnStmt: return NodeKind::Return;
    case CXCursor_BinaryOperator: return NodeKind::BinOp;
    case CXCursor_CompoundAssignOperator: return NodeKind::Assign;
    case CXCursor_UnaryOperator: return NodeKind::UnaryOp;
    case CXCursor_ConditionalOperator: return NodeKind::CondOp;
    case CXCursor_ArraySubscriptExpr: return NodeKind::Subscript;
    case CXCursor_CallExpr: return NodeKind::Call;
    case CXCursor_IntegerLiteral: return NodeKind::IntLit;
    case CXCursor_FloatingLiteral: return NodeKind::FloatLit;
    case CXCursor_DeclRefExpr: return NodeKind::DeclRef;
    case CXCursor_MemberRefExpr: return NodeKind::Member;
    case CXCursor_ParenExpr: return NodeKind::Paren;
    case CXCursor_CStyleCastExpr:
    case CXCursor_CXXStaticCastExpr:
    case CXCursor_CXXFunctionalCastExpr: return NodeKind::Cast;
    case CXCursor_InitListExpr: return NodeKind::InitList;
    case CXCursor_TemplateRef: return NodeKind::TemplateRef;
    case CXCursor_TypeRef: return NodeKind::TypeRef;
    default: return NodeKind::Other;
  }
}

bool is_assign_op(const std::string& op) {
  return op == "=" ||
         (op.size() >= 2 && op.back() == '=' && op != "==" && op != "!=" && op != "<=" && op != ">=");
}

struct Range {
  std::size_t b, e;
};

}  // namespace

class UnitBuilder {
 public:
  UnitBuilder(Unit& u, CXTranslationUnit tu, CXFile file) : u_(u), tu_(tu), file_(file) {}

  void run() {
    lex();
    collect_macros();
    CXCursor root = clang_getTranslationUnitCursor(tu_);
    clang_visitChildren(root, &UnitBuilder::top_visit, this);
    resolve_refs();
  }

 private:
  Unit& u_;
  CXTranslationUnit tu_;
  CXFile file_;
  std::vector<Range> macro_uses_;
  std::map<std::string, Range> object_macros_;  // object-like #define in the main file: name -> extent
  std::vector<std::size_t> token_ends_;
  std::vector<std::pair<unsigned, std::pair<CXCursor, int>>> decls_;  // hash -> (cursor, node)
  std::vector<std::pair<int, CXCursor>> refs_;                        // node -> referenced cursor

  std::optional<std::size_t> expansion(CXSourceLocation loc) const {
    CXFile f = nullptr;
    unsigned off = 0;
    clang_getExpansionLocation(loc, &f, nullptr, nullptr, &off);
    if (!f || !clang_File_isEqual(f, file_)) return std::nullopt;
    return off;
  }

  void lex() {
    const auto size = static_cast<unsigned>(u_.text_.size());
    CXSourceRange all = clang_getRange(clang_getLocationForOffset(tu_, file_, 0),
                                       clang_getLocationForOffset(tu_, file_, size));
    CXToken* toks = nullptr;
    unsigned n = 0;
    clang_tokenize(tu_, all, &toks, &n);
    for (unsigned i = 0; i < n; ++i) {
      const CXTokenKind k = clang_getTokenKind(toks[i]);
      if (k == CXToken_Comment) continue;
      const auto off = expansion(clang_getTokenLocation(tu_, toks[i]));
      if (!off) continue;
      u_.tokens_.push_back(
          {*off, take(clang_getTokenSpelling(tu_, toks[i])), k == CXToken_Punctuation, k == CXToken_Literal});
    }
    clang_disposeTokens(tu_, toks, n);
    for (const Token& t : u_.tokens_) token_ends_.push_back(t.offset + t.text.size());
    std::sort(token_ends_.begin(), token_ends_.end());
  }

  static CXChildVisitResult macro_visit(CXCursor c, CXCursor, CXClientData data) {
    auto* self = static_cast<UnitBuilder*>(data);
    const CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_MacroExpansion && k != CXCursor_MacroDefinition) return CXChildVisit_Continue;
    const CXSourceRange r = clang_getCursorExtent(c);
    const auto b = self->expansion(clang_getRangeStart(r));
    const auto e = self->expansion(clang_getRangeEnd(r));
    if (!b || !e) return CXChildVisit_Continue;
    if (k == CXCursor_MacroExpansion)
      self->macro_uses_.push_back({*b, *e});
    else if (!clang_Cursor_isMacroFunctionLike(c))
      self->object_macros_[take(clang_getCursorSpelling(c))] = {*b, *e};
    return CXChildVisit_Continue;
  }

  void collect_macros() { clang_visitChildren(clang_getTranslationUnitCursor(tu_), &macro_visit, this); }

  static CXChildVisitResult top_visit(CXCursor c, CXCursor, CXClientData data) {
    auto* self = static_cast<UnitBuilder*>(data);
    const CXCursorKind k = clang_getCursorKind(c);
    if (clang_isPreprocessing(k)) return CXChildVisit_Continue;
    if (!clang_Location_isFromMainFile(clang_getCursorLocation(c))) return CXChildVisit_Continue;
    self->add(c, -1);
    return CXChildVisit_Continue;
  }

  struct Walk {
    UnitBuilder* self;
    int parent;
  };

  static CXChildVisitResult child_visit(CXCursor c, CXCursor, CXClientData data) {
    auto* w = static_cast<Walk*>(data);
    w->self->add(c, w->parent);
    return CXChildVisit_Continue;
  }

  // A span is a node's own text only if it starts at a token, ends at a token's end and neither
  // end falls inside (or the span coincides with) a macro invocation.
  bool exact_span(std::size_t b, std::size_t e) const {
    const std::size_t t = u_.token_at(b);
    if (t >= u_.tokens_.size() || u_.tokens_[t].offset != b) return false;
    if (!std::binary_search(token_ends_.begin(), token_ends_.end(), e)) return false;
    for (const Range& m : macro_uses_) {
      if ((m.b < b && b < m.e) || (m.b <= e && e < m.e) || (b == m.b && e == m.e)) return false;
    }
    return true;
  }

  // The file offset of a literal token at `loc`: its own place, or (the literal is the whole body
  // of an object-like macro of this file used there) its spelling in the #define. libclang's
  // spelling locations are file locations, so the macro body is found through the token table.
  std::optional<std::size_t> literal_offset(CXSourceLocation loc) const {
    const auto exp = expansion(loc);
    if (!exp) return std::nullopt;
    const std::size_t t = u_.token_at(*exp);
    if (t >= u_.tokens_.size() || u_.tokens_[t].offset != *exp) return std::nullopt;
    if (u_.tokens_[t].literal) return exp;
    const auto def = object_macros_.find(u_.tokens_[t].text);
    if (def == object_macros_.end()) return std::nullopt;
    const std::size_t body = u_.token_at(def->second.b) + 1;
    const bool single = body < u_.tokens_.size() && u_.tokens_[body].literal &&
                        (body + 1 >= u_.tokens_.size() || u_.tokens_[body + 1].offset >= def->second.e);
    if (!single) return std::nullopt;
    return u_.tokens_[body].offset;
  }

  int add(CXCursor c, int parent) {
    const int id = static_cast<int>(u_.nodes_.size());
    u_.nodes_.emplace_back();
    Node n;
    n.kind = kind_of(clang_getCursorKind(c));
    n.parent = parent;
    n.name = take(clang_getCursorSpelling(c));
    n.type = take(clang_getTypeSpelling(clang_getCursorType(c)));
    const CXSourceRange r = clang_getCursorExtent(c);
    const auto b = expansion(clang_getRangeStart(r));
    const auto e = expansion(clang_getRangeEnd(r));
    if (b && e && *b < *e && *e <= u_.text_.size()) {
      n.begin = *b;
      n.end = *e;
      n.located = exact_span(*b, *e);
    }
    if (b) n.line = u_.line_of(*b);
    describe(c, n);
    if (parent >= 0) u_.nodes_[static_cast<std::size_t>(parent)].children.push_back(id);
    u_.nodes_[static_cast<std::size_t>(id)] = std::move(n);
    Walk w{this, id};
    clang_visitChildren(c, &child_visit, &w);
    finish(id);
    return id;
  }

  void describe(CXCursor c, Node& n) {
    switch (n.kind) {
      case NodeKind::Function:
      case NodeKind::Param:
      case NodeKind::Var:
      case NodeKind::Field:
      case NodeKind::Typedef: describe_decl(c, n); break;
      case NodeKind::IntLit:
      case NodeKind::FloatLit: n.op_offset = literal_offset(clang_getCursorLocation(c)); break;
      case NodeKind::DeclRef:
      case NodeKind::Member:
      case NodeKind::TypeRef:
      case NodeKind::TemplateRef:
        refs_.push_back({static_cast<int>(u_.nodes_.size()) - 1, clang_getCursorReferenced(c)});
        break;
      default: break;
    }
    if (n.kind == NodeKind::IntLit || n.kind == NodeKind::DeclRef || n.kind == NodeKind::BinOp ||
        n.kind == NodeKind::Paren || n.kind == NodeKind::UnaryOp)
      evaluate(c, n);
  }

  void evaluate(CXCursor c, Node& n) {
    if (n.type.find("type-parameter") != std::string::npos) return;
    CXEvalResult ev = clang_Cursor_Evaluate(c);
    if (!ev) return;
    if (clang_EvalResult_getKind(ev) == CXEval_Int) n.value = clang_EvalResult_getAsLongLong(ev);
    clang_EvalResult_dispose(ev);
  }

  void describe_decl(CXCursor c, Node& n) {
    const int self = static_cast<int>(u_.nodes_.size()) - 1;
    decls_.push_back({clang_hashCursor(c), {c, self}});
    if (const auto off = expansion(clang_getCursorLocation(c))) n.name_offset = *off;
    const CXCursorKind ck = clang_getCursorKind(c);
    n.templated = ck == CXCursor_FunctionTemplate;
    n.member = ck == CXCursor_CXXMethod || ck == CXCursor_Constructor;
    CXType t = clang_getCursorType(c);
    n.const_type = clang_isConstQualifiedType(t) != 0;
    const CXTypeKind tk = t.kind;
    n.pointer_or_ref = tk == CXType_Pointer || tk == CXType_LValueReference || tk == CXType_RValueReference ||
                       tk == CXType_IncompleteArray || tk == CXType_ConstantArray;
    for (CXType a = t; a.kind == CXType_ConstantArray; a = clang_getArrayElementType(a))
      n.dims.push_back(clang_getArraySize(a));
    scan_declarator(n);
  }

  // After the name: array brackets, then the initialiser's first token; before it: constexpr.
  void scan_declarator(Node& n) {
    if (!n.located) return;
    const std::size_t first = u_.token_at(n.begin);
    for (std::size_t i = first; i < u_.tokens_.size() && u_.tokens_[i].offset < n.name_offset; ++i)
      if (u_.tokens_[i].text == "constexpr") n.const_type = true;
    int depth = 0;
    for (std::size_t i = u_.token_at(n.name_offset) + 1; i < u_.tokens_.size(); ++i) {
      const Token& t = u_.tokens_[i];
      if (t.offset >= n.end) break;
      if (t.text == "[") ++depth;
      if (t.text == "]") --depth;
      if (depth == 0 && (t.text == "=" || t.text == "{" || t.text == "(")) {
        n.init_offset = t.offset;
        break;
      }
    }
  }

  // Operands and operator token once the children are known.
  void finish(int id) {
    Node& n = u_.nodes_[static_cast<std::size_t>(id)];
    if (n.kind == NodeKind::Call && n.name.rfind("operator", 0) == 0 && n.name.size() > 8) {
      const std::string op = n.name.substr(8);
      if (op == "[]") {
        n.kind = NodeKind::Subscript;
      } else if (op != "()" && op.find_first_of("abcdefghijklmnopqrstuvwxyz ") == std::string::npos) {
        n.op = op;
        n.kind = NodeKind::BinOp;  // refined below by operand count
      }
    }
    if (n.kind != NodeKind::BinOp && n.kind != NodeKind::Assign && n.kind != NodeKind::UnaryOp &&
        n.kind != NodeKind::Subscript)
      return;
    for (int ch : n.children) {
      const Node& c = u_.nodes_[static_cast<std::size_t>(ch)];
      if (c.name.rfind("operator", 0) == 0 && c.kind != NodeKind::Call) continue;
      n.operands.push_back(ch);
    }
    if (n.kind == NodeKind::Subscript) return;
    if (n.operands.size() == 1) n.kind = NodeKind::UnaryOp;
    if (n.kind == NodeKind::UnaryOp) return find_unary_op(n);
    if (n.operands.size() != 2) return;
    find_binary_op(n);
    if (is_assign_op(n.op)) n.kind = NodeKind::Assign;
  }

  void find_binary_op(Node& n) {
    const Node& l = u_.nodes_[static_cast<std::size_t>(n.operands[0])];
    const Node& r = u_.nodes_[static_cast<std::size_t>(n.operands[1])];
    // Operands reached through a whole macro use still bound the operator; ones inside a macro
    // have empty or overlapping spans and are refused here.
    if (l.end <= l.begin || r.end <= r.begin || l.end > r.begin) return;
    std::vector<const Token*> between;
    for (std::size_t i = u_.token_at(l.end); i < u_.tokens_.size() && u_.tokens_[i].offset < r.begin; ++i)
      between.push_back(&u_.tokens_[i]);
    if (between.size() != 1 || !between[0]->punct) return;
    if (!n.op.empty() && n.op != between[0]->text) return;
    n.op = between[0]->text;
    n.op_offset = between[0]->offset;
  }

  void find_unary_op(Node& n) {
    const Node& o = u_.nodes_[static_cast<std::size_t>(n.operands[0])];
    if (!n.located || !o.located) return;
    const bool prefix = n.begin < o.begin;
    const std::size_t from = prefix ? n.begin : o.end;
    const std::size_t to = prefix ? o.begin : n.end;
    std::vector<const Token*> between;
    for (std::size_t i = u_.token_at(from); i < u_.tokens_.size() && u_.tokens_[i].offset < to; ++i)
      between.push_back(&u_.tokens_[i]);
    if (between.size() != 1 || !between[0]->punct) return;
    n.prefix = prefix;
    n.op = between[0]->text;
    n.op_offset = between[0]->offset;
  }

  void resolve_refs() {
    for (const auto& [node, target] : refs_) {
      const unsigned h = clang_hashCursor(target);
      for (const auto& [dh, cd] : decls_) {
        if (dh == h && clang_equalCursors(cd.first, target)) {
          u_.nodes_[static_cast<std::size_t>(node)].decl = cd.second;
          break;
        }
      }
    }
  }
};

std::string runtime_hls_dir() {
  const char* home = std::getenv("BUGFORGE_HOME");
  const std::string root = home && *home ? home : BUGFORGE_SOURCE_DIR;
  return root + "/simulate/runtime/hls";
}

ParseOptions design_parse_options(const Design& d) {
  ParseOptions o;
  o.include_dirs.push_back(d.dir);
  for (const auto& inc : d.include_dirs) o.include_dirs.push_back(inc);
  for (const auto& [k, v] : d.parameters) o.defines.emplace_back(k, v);
  return o;
}

namespace {

std::vector<std::string> clang_args(const ParseOptions& opt) {
  std::vector<std::string> a = {
      "-x", "c++", "-std=c++20", "-I" + runtime_hls_dir(), "-Wno-unknown-pragmas", "-D__BUGFORGE_HLS__=1"};
  for (const auto& inc : opt.include_dirs) a.push_back("-I" + inc);
  for (const auto& [k, v] : opt.defines) a.push_back(fmt::format("-D{}={}", k, v));
  a.insert(a.end(), opt.extra_args.begin(), opt.extra_args.end());
  return a;
}

struct IndexDeleter {
  void operator()(void* i) const { clang_disposeIndex(i); }
};
struct TuDeleter {
  void operator()(CXTranslationUnitImpl* t) const { clang_disposeTranslationUnit(t); }
};

}  // namespace

Unit Unit::parse(const std::string& path, const ParseOptions& opt, const std::optional<std::string>& text) {
  const std::vector<std::string> args = clang_args(opt);
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::string body = text ? *text : read_text(path);
  CXUnsavedFile unsaved{path.c_str(), body.data(), static_cast<unsigned long>(body.size())};
  std::unique_ptr<void, IndexDeleter> index(clang_createIndex(0, 0));
  CXTranslationUnit raw = nullptr;
  const CXErrorCode rc = clang_parseTranslationUnit2(
      index.get(), path.c_str(), argv.data(), static_cast<int>(argv.size()), &unsaved, 1,
      CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_KeepGoing, &raw);
  if (rc != CXError_Success || !raw)
    throw Error("BF-HLS-001",
                fmt::format("libclang could not parse '{}' (error {})", path, static_cast<int>(rc)), {path});
  const std::unique_ptr<CXTranslationUnitImpl, TuDeleter> tu(raw);
  return from_tu(path, std::move(body), raw);
}

Unit Unit::from_tu(const std::string& path, std::string text, CXTranslationUnitImpl* raw) {
  Unit u;
  u.path_ = path;
  u.text_ = std::move(text);
  u.line_starts_.push_back(0);
  for (std::size_t i = 0; i < u.text_.size(); ++i)
    if (u.text_[i] == '\n') u.line_starts_.push_back(i + 1);
  for (unsigned i = 0, n = clang_getNumDiagnostics(raw); i < n; ++i) {
    CXDiagnostic d = clang_getDiagnostic(raw, i);
    if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error)
      u.errors_.push_back(take(clang_formatDiagnostic(d, clang_defaultDiagnosticDisplayOptions())));
    clang_disposeDiagnostic(d);
  }
  CXFile file = clang_getFile(raw, path.c_str());
  if (!file) throw Error("BF-HLS-001", fmt::format("libclang lost the main file '{}'", path), {path});
  UnitBuilder(u, raw, file).run();
  return u;
}

Reparser::Reparser(std::string path, ParseOptions opt)
    : path_(std::move(path)), args_(clang_args(opt)), index_(clang_createIndex(0, 0)) {}

Reparser::~Reparser() {
  if (tu_) clang_disposeTranslationUnit(tu_);
  clang_disposeIndex(index_);
}

Unit Reparser::parse(const std::string& text) {
  CXUnsavedFile unsaved{path_.c_str(), text.data(), static_cast<unsigned long>(text.size())};
  int rc = 0;
  if (tu_) {
    rc = clang_reparseTranslationUnit(tu_, 1, &unsaved, clang_defaultReparseOptions(tu_));
  } else {
    std::vector<const char*> argv;
    for (const auto& a : args_) argv.push_back(a.c_str());
    rc = clang_parseTranslationUnit2(
        index_, path_.c_str(), argv.data(), static_cast<int>(argv.size()), &unsaved, 1,
        CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_KeepGoing |
            CXTranslationUnit_PrecompiledPreamble | CXTranslationUnit_CreatePreambleOnFirstParse,
        &tu_);
  }
  if (rc != 0 || !tu_) {
    if (tu_) clang_disposeTranslationUnit(tu_);  // a failed reparse leaves it unusable
    tu_ = nullptr;
    throw Error("BF-HLS-001", fmt::format("libclang could not parse '{}' (error {})", path_, rc), {path_});
  }
  return Unit::from_tu(path_, text, tu_);
}

std::string_view Unit::slice(std::size_t b, std::size_t e) const {
  if (b > text_.size() || e < b) return {};
  return std::string_view(text_).substr(b, std::min(e, text_.size()) - b);
}

int Unit::line_of(std::size_t offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<int>(it - line_starts_.begin());
}

bool Unit::in_directive(std::size_t offset) const {
  const std::size_t start = line_starts_.at(static_cast<std::size_t>(line_of(offset)) - 1);
  const std::size_t first = text_.find_first_not_of(" \t", start);
  return first != std::string::npos && first <= offset && text_[first] == '#';
}

std::size_t Unit::token_at(std::size_t offset) const {
  const auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                                   [](const Token& t, std::size_t o) { return t.offset < o; });
  return static_cast<std::size_t>(it - tokens_.begin());
}

int Unit::ancestor(int i, NodeKind k) const {
  for (int p = node(i).parent; p >= 0; p = node(p).parent)
    if (node(p).kind == k) return p;
  return -1;
}

bool Unit::inside(int i, int anc) const {
  for (int p = i; p >= 0; p = node(p).parent)
    if (p == anc) return true;
  return false;
}

std::vector<int> Unit::subtree(int root) const {
  std::vector<int> out, stack{root};
  while (!stack.empty()) {
    const int i = stack.back();
    stack.pop_back();
    out.push_back(i);
    const auto& ch = node(i).children;
    for (auto it = ch.rbegin(); it != ch.rend(); ++it) stack.push_back(*it);
  }
  return out;
}

namespace {

bool is_statement(NodeKind k) {
  return k == NodeKind::Compound || k == NodeKind::For || k == NodeKind::While || k == NodeKind::Do ||
         k == NodeKind::If || k == NodeKind::Switch || k == NodeKind::Return || k == NodeKind::DeclStmt;
}

bool is_decl(NodeKind k) {
  return k == NodeKind::Var || k == NodeKind::Param || k == NodeKind::Field || k == NodeKind::Typedef ||
         k == NodeKind::Function;
}

}  // namespace

bool Unit::constant_context(int i) const {
  const Node& self = node(i);
  // A template argument list opened before this node on the same expression.
  int depth = 0;
  for (std::size_t t = token_at(self.begin); t-- > 0;) {
    const std::string& s = tokens_[t].text;
    if (s == ")" || s == "]") ++depth;
    if (s == "(" || s == "[") {
      if (depth == 0) break;
      --depth;
    }
    // An initialiser, a statement or a closed template argument list lies between us and any '<'.
    if (s == ";" || s == "{" || s == "}" || s == "=" || (depth == 0 && s == ">")) break;
    if (depth == 0 && s == "<" && t > 0) {
      const std::size_t prev = tokens_[t - 1].offset;
      const bool templ = std::any_of(nodes_.begin(), nodes_.end(), [&](const Node& n) {
        return n.kind == NodeKind::TemplateRef && n.begin == prev;
      });
      if (templ) return true;
    }
  }
  for (int c = i, p = self.parent; p >= 0; c = p, p = node(p).parent) {
    const Node& pn = node(p);
    if (pn.kind == NodeKind::Case) return pn.children.empty() || pn.children.front() == c;
    if (is_decl(pn.kind)) {
      const std::size_t at = self.located ? self.begin : node(c).begin;
      if (pn.kind == NodeKind::Typedef || at < pn.name_offset) return true;
      if (!pn.init_offset || at < *pn.init_offset) return pn.kind != NodeKind::Function;
      return pn.const_type || pn.kind == NodeKind::Param;
    }
    if (is_statement(pn.kind)) return false;
  }
  return false;
}

}  // namespace bf::mutators::hls
