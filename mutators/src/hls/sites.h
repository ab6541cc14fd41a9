// bugforge mutators — internal: shared helpers of the HLS generators and the generator list.
//
// Generators see a Unit as plain data; these helpers answer the questions every class asks:
// which nodes sit in function bodies, what a wrapper expression stands for, what the parts of a
// `for` header are, and how to turn a node or token into a checked Edit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bugforge/mutators/hls_mutator.h"

namespace bf::mutators::hls {

// Nodes of kind k inside function bodies (statements and expressions of code that runs).
std::vector<int> body_nodes(const Unit& u, NodeKind k);
bool in_body(const Unit& u, int i);
// Skips implicit wrappers (unexposed expressions, parentheses, casts without tokens of their own).
int strip(const Unit& u, int i);
// True when the subtree of i calls a member function (stream reads/writes, methods).
bool has_member_call(const Unit& u, int i);
// Nearest ancestor of i that is not an implicit wrapper, or -1.
int real_parent(const Unit& u, int i);
// True when i is the base of an enclosing subscript (a[x] inside a[x][y]).
bool subscript_base(const Unit& u, int i);
// True when the subtree of i references declaration `decl`.
bool refers_to(const Unit& u, int i, int decl);
// The declaration a (stripped) expression names, or -1.
int named_decl(const Unit& u, int i);

struct ForParts {
  int init = -1, cond = -1, inc = -1, body = -1;
  int var = -1;  // Var node declared (or assigned) in init
};
ForParts for_parts(const Unit& u, int for_node);
// Innermost loops (For nodes) enclosing i, innermost first.
std::vector<int> enclosing_fors(const Unit& u, int i);

// Whether an edit at node i can be selected at run time.
bool schema_site(const Unit& u, int i);
// Replace a located node's text; nullopt when the node has no exact span.
std::optional<Edit> replace_node(const Unit& u, int i, std::string replacement, bool schema_ok);
// Replace the token at `offset` (its text must be `old`).
Edit replace_token(const Unit& u, std::size_t offset, const std::string& old, std::string replacement,
                   bool schema_ok);
// Integer literal text with value changed, keeping base and suffix ("0x10u" -> "0x11u").
std::string with_value(const std::string& literal, std::int64_t v);
// Bit width of an integer type spelling: int -> 32, ap_int<12> -> 12; 0 when unknown.
int type_bits(const std::string& type);
bool is_stream_type(const std::string& type);

// What an argument is, for interface rules: a by-value scalar, an array (or a pointer indexed as
// one), a stream, or a pointer/reference to one scalar.
enum class PortKind { None, Scalar, Array, Stream, Pointer };
PortKind port_kind(const Unit& u, int decl);
// The interface mode word of an interface pragma (mode=X or the positional X), or nullptr.
const PragmaWord* interface_mode(const Pragma& p);

// Pragma edits: replace one word of a pragma, or insert a pragma line at the start of a body.
Edit pragma_word_edit(const Unit& u, std::size_t offset, const std::string& old, std::string replacement);
std::optional<Edit> insert_pragma(const Unit& u, int compound, const std::string& pragma_text);

}  // namespace bf::mutators::hls
