// bugforge mutators — OP: wrong arithmetic or logic operator.
//
// Algorithm: at each binary operator node whose source token verifies (the node's span holds the
// operator Verilator says it is; in Verilator 5 the span of an operator is its token), propose the
// swaps a person plausibly types by mistake: + and - (and + as ^, an adder without carries),
// & | ^ among each other, ^ and ~^, << and >>, >>> and >>, * and +. Unary operators too, when
// the swap changes the value: ~ and ! on a multi-bit operand, and the reductions &, | and ^
// (as |, & and ~^). Logical && and || belong to COND; comparisons to CMP.
#include "rtl_context.h"

namespace bf::mutators {

namespace {

const std::map<std::string, std::vector<std::string>>& swaps() {
  static const std::map<std::string, std::vector<std::string>> t = {
      {"add", {"-", "^"}}, {"sub", {"+"}},     {"and", {"|", "^"}}, {"or", {"&", "^"}}, {"xor", {"|", "~^"}},
      {"shiftl", {">>"}},  {"shiftr", {"<<"}}, {"shiftrs", {">>"}}, {"mul", {"+"}},     {"muls", {"+"}}};
  return t;
}

// Unary operator node -> (token, replacement); ~/! only count on operands wider than one bit.
const std::map<std::string, std::pair<std::string, std::string>>& unary_swaps() {
  static const std::map<std::string, std::pair<std::string, std::string>> t = {{"not", {"~", "!"}},
                                                                               {"lognot", {"!", "~"}},
                                                                               {"redand", {"&", "|"}},
                                                                               {"redor", {"|", "&"}},
                                                                               {"redxor", {"^", "~^"}}};
  return t;
}

class OpMutator final : public RtlMutator {
 public:
  const char* code() const override { return "OP"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    cx.walk([&](const VlNode& n, const Ancestors&) {
      binary(cx, n, out);
      unary(cx, n, out);
    });
  }

 private:
  void binary(const RtlContext& cx, const VlNode& n, std::vector<Mutant>& out) const {
    const auto it = swaps().find(n.type);
    if (it == swaps().end() || n.children.size() != 2) return;
    const std::string tok(op_token(n.type));
    const Span s = cx.token(n, tok);
    if (!s) return;
    for (const auto& r : it->second) out.push_back(cx.edit(code(), s, r, "'" + tok + "' -> '" + r + "'"));
  }

  void unary(const RtlContext& cx, const VlNode& n, std::vector<Mutant>& out) const {
    const auto it = unary_swaps().find(n.type);
    if (it == unary_swaps().end() || n.children.size() != 1) return;
    const auto& [tok, r] = it->second;
    const bool logical = n.type == "not" || n.type == "lognot";
    if (logical && cx.width_of(n.children[0]) < 2) return;  // on one bit, ~ and ! agree
    const Span s = cx.token(n, tok);
    // "~&", "~|" and "~^" are other operators: the token must not touch a neighbouring '~' or &|^.
    const std::string& t = s ? s.file->text : tok;
    if (!s || (s.end < t.size() && std::string_view("&|^").find(t[s.end]) != std::string_view::npos) ||
        (s.begin > 0 && t[s.begin - 1] == '~'))
      return;
    out.push_back(cx.edit(code(), s, r, "unary '" + tok + "' -> '" + r + "'"));
  }
};

}  // namespace

BF_RTL_CLASS(OP, 21, 11, "wrong arithmetic or logic operator", OpMutator);

}  // namespace bf::mutators
