// bugforge mutators — what every RTL bug class sees: the AST, the source files it came from and
// helpers that tie a node to verified source bytes.
//
// Algorithm: a node's loc (line, 1-based byte column, exclusive end) is turned into a byte span
// with a per-file line table; a span is only handed out when it lies inside the file and the file
// is one of the design's own (not a Verilator built-in or a file outside the design folder).
// Token helpers scan source text while skipping whitespace, comments and strings, so that a
// class can find a closing bracket or a statement's `;` starting from a verified AST position.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "bugforge/mutators/rtl.h"

namespace bf::mutators {

struct SrcFile {
  std::string rel;   // relative to the design folder (Mutant::file)
  std::string text;
  std::vector<std::size_t> line_starts;
};

struct Span {
  const SrcFile* file = nullptr;
  std::size_t begin = 0, end = 0;
  explicit operator bool() const { return file != nullptr; }
  std::string_view text() const { return std::string_view(file->text).substr(begin, end - begin); }
};

using Ancestors = std::vector<const VlNode*>;  // outermost first, parent last

// A Verilog number literal: [size]'[s]base digits, or plain decimal.
struct Literal {
  std::string size;   // "" when unsized
  bool is_signed = false;
  char base = 0;      // 'd','h','b','o'; 0 = plain decimal
  std::uint64_t value = 0;
};
std::optional<Literal> parse_literal(std::string_view text);  // nullopt: not a literal, or has x/z/?
std::string format_literal(const Literal& lit, std::uint64_t value);
std::optional<std::uint64_t> const_value(const VlNode& c);    // Verilator's "32'sh8" name

class RtlContext {
 public:
  RtlContext(const Design& d, const VlAst& ast);

  const VlAst& ast() const { return ast_; }
  const Design& design() const { return design_; }
  void walk(const std::function<void(const VlNode&, const Ancestors&)>& fn) const;

  Span span(const VlNode& n) const;                       // empty when unusable
  Span token(const VlNode& n, std::string_view tok) const;  // span(n) when its text is tok
  // A varref's span when it holds the name and is a use, not the declaration Verilator
  // substituted it from.
  Span use_site(const VlNode& varref, const Ancestors& anc) const;
  Span at(const SrcFile& f, std::size_t b, std::size_t e) const { return Span{&f, b, e}; }

  // Scanning (positions are byte offsets; npos when not found).
  static std::size_t skip_blank(const SrcFile& f, std::size_t pos);           // whitespace, comments
  static std::size_t skip_blank_back(const SrcFile& f, std::size_t pos);      // end of previous token
  static std::size_t match_close(const SrcFile& f, std::size_t open);         // ( [ { -> after closer
  static std::size_t stmt_end(const SrcFile& f, std::size_t from);            // after the next ';' at depth 0
  static std::size_t block_end(const SrcFile& f, std::size_t begin_kw);       // after matching `end`
  std::size_t statement_end(const VlNode& stmt) const;                        // assign/begin; npos otherwise

  const VlNode* module_of(const Ancestors& anc) const;
  const VlNode* find_var(const Ancestors& anc, const std::string& name) const;
  int width_of(const VlNode& n) const;  // bits of n's dtype; 0 unknown
  static bool is_lvalue(const VlNode& n, const Ancestors& anc);
  static bool in_sequential_always(const Ancestors& anc);

  Mutant edit(const char* cls, Span s, std::string replacement, std::string description,
              bool schema_ok = true) const;

 private:
  const Design& design_;
  const VlAst& ast_;
  std::map<std::string, SrcFile> files_;  // by Verilator file id
};

// The verified token of a 1-bit && / || node: Verilator folds them into and/or, so both
// spellings are accepted for those types. Empty span otherwise.
Span logic_token(const RtlContext& cx, const VlNode& n);

// Binary operator node types and their source tokens.
std::string_view op_token(const std::string& type);  // "" when not a binary operator we know

}  // namespace bf::mutators
