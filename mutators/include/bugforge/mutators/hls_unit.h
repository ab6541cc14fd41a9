// bugforge mutators — one HLS C++ source parsed with libclang, kept as plain data.
//
// Algorithm: parse the file (its text may be given in memory) with clang_parseTranslationUnit
// (-x c++ -std=c++20: the runtime types use concepts, the runtime HLS include dir, the design's include dirs
// and -D parameters), then walk only the declarations of the main file and copy every cursor into a flat Node
// table with parent/child links. Byte spans come from clang_getExpansionLocation; a span that starts or ends
// strictly inside a macro invocation, or coincides with one, is not `located` (a whole-node edit there would
// be ambiguous). Single tokens (operators, literals) carry their own offset: a token spelled in a `#define`
// body of the main file is mapped to its spelling, one spelled in a macro argument or a header is dropped.
// Mutators read this table and never touch libclang.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bugforge/core/design.h"

struct CXTranslationUnitImpl;  // libclang's translation unit, kept out of this header

namespace bf::mutators::hls {

enum class NodeKind {
  Other,
  Function,
  Param,
  Var,
  Field,
  Typedef,
  For,
  While,
  Do,
  If,
  Switch,
  Case,
  Compound,
  DeclStmt,
  Return,
  ExprStmt,
  BinOp,    // built-in or overloaded binary operator (op holds "+", "<", "&&", ...)
  Assign,   // "=" and compound assignments ("+=", ...)
  UnaryOp,  // prefix or postfix
  CondOp,
  Subscript,
  Call,
  IntLit,
  FloatLit,
  DeclRef,
  Member,
  Paren,
  Cast,
  InitList,
  TemplateRef,
  TypeRef,
};

struct Token {
  std::size_t offset = 0;
  std::string text;
  bool punct = false;  // punctuation (operators, brackets)
  bool literal = false;
};

struct Node {
  NodeKind kind = NodeKind::Other;
  int parent = -1;
  std::vector<int> children;  // in source order
  bool located = false;       // [begin, end) is this node's exact text in the file
  std::size_t begin = 0, end = 0;
  int line = 0;
  std::string name;                   // declared / referenced / called name ("operator+" -> op)
  std::string type;                   // type spelling (declarations: declared type)
  bool const_type = false;            // const-qualified (or constexpr) declaration
  std::optional<std::int64_t> value;  // integer constant value when clang can evaluate it
  // Operator or literal token: its own offset (mapped to a #define body when spelled there).
  std::string op;
  std::optional<std::size_t> op_offset;
  bool prefix = false;  // UnaryOp
  // Declarations: offset of the name, of the initialiser ('=' / '{' / '('), array dimensions.
  std::size_t name_offset = 0;
  std::optional<std::size_t> init_offset;
  std::vector<std::int64_t> dims;  // constant array dimensions (parameters: as written)
  bool pointer_or_ref = false;
  bool templated = false;     // Function: a function template (or a template's member)
  bool member = false;        // Function: a method or constructor of a class
  int decl = -1;              // DeclRef/Member: referenced declaration node in this unit
  std::vector<int> operands;  // BinOp/Assign/UnaryOp/Subscript: operand nodes (callee refs removed)
};

struct ParseOptions {
  std::vector<std::string> include_dirs;
  std::vector<std::pair<std::string, std::int64_t>> defines;
  std::vector<std::string> extra_args;
};

// The runtime HLS type headers dir (ap_int.h, ap_fixed.h, hls_stream.h).
std::string runtime_hls_dir();

// Parse options for one design: runtime dir, design include dirs and folder, -D parameters.
ParseOptions design_parse_options(const Design& d);

class Unit {
 public:
  friend class Reparser;
  // Parses `path`, reading `text` instead of the file when given. Throws bf::Error BF-HLS-001
  // when libclang cannot produce a translation unit at all.
  static Unit parse(const std::string& path, const ParseOptions& opt,
                    const std::optional<std::string>& text = std::nullopt);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  const std::vector<Node>& nodes() const { return nodes_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<std::string>& errors() const { return errors_; }  // clang errors, formatted

  const Node& node(int i) const { return nodes_.at(static_cast<std::size_t>(i)); }
  std::string_view slice(std::size_t b, std::size_t e) const;
  std::string_view source(const Node& n) const { return slice(n.begin, n.end); }
  int line_of(std::size_t offset) const;
  bool in_directive(std::size_t offset) const;  // on a preprocessor line (#define, #pragma)
  // First token at or after `offset`; tokens().size() when none.
  std::size_t token_at(std::size_t offset) const;
  // Nearest ancestor of `i` (excluding i) of kind k, or -1.
  int ancestor(int i, NodeKind k) const;
  bool inside(int i, int anc) const;  // anc is i or an ancestor of i
  // True when an expression must stay a constant expression: template arguments, array sizes,
  // case labels, enumerators, initialisers of const/constexpr declarations, default arguments.
  bool constant_context(int i) const;
  // Every node index in the subtree of `root` (pre-order, root first).
  std::vector<int> subtree(int root) const;

 private:
  std::string path_, text_;
  std::vector<Node> nodes_;
  std::vector<Token> tokens_;
  std::vector<std::size_t> line_starts_;
  std::vector<std::string> errors_;
  friend class UnitBuilder;
  // The Unit of `tu`, parsed from `text` at `path`.
  static Unit from_tu(const std::string& path, std::string text, CXTranslationUnitImpl* tu);
};

// Parses one file again and again with different texts (the pragma mutants of one source):
// libclang keeps a precompiled preamble of the headers between parses, so every parse after the
// first reads only the main file. Each result equals Unit::parse of the same text.
class Reparser {
 public:
  Reparser(std::string path, ParseOptions opt);
  ~Reparser();
  Reparser(const Reparser&) = delete;
  Reparser& operator=(const Reparser&) = delete;
  Unit parse(const std::string& text);  // throws like Unit::parse

 private:
  std::string path_;
  std::vector<std::string> args_;
  void* index_ = nullptr;
  CXTranslationUnitImpl* tu_ = nullptr;
};

}  // namespace bf::mutators::hls
