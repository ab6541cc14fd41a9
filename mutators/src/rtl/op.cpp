// bugforge mutators — OP: wrong arithmetic or logic operator.
//
// Algorithm: at each binary operator node whose source token verifies (the node's span holds the
// operator Verilator says it is; in Verilator 5 the span of an operator is its token), propose the
// swaps a person plausibly types by mistake: + and -, & and |, ^ and |, << and >>, * and +.
// Logical && and || belong to COND; comparisons to CMP.
#include "rtl_context.h"

namespace bf::mutators {

namespace {

const std::map<std::string, std::vector<std::string>>& swaps() {
  static const std::map<std::string, std::vector<std::string>> t = {
      {"add", {"-"}}, {"sub", {"+"}},  {"and", {"|"}},    {"or", {"&", "^"}}, {"xor", {"|", "~^"}},
      {"shiftl", {">>"}}, {"shiftr", {"<<"}}, {"mul", {"+"}}, {"muls", {"+"}}};
  return t;
}

class OpMutator final : public RtlMutator {
 public:
  const char* code() const override { return "OP"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    cx.walk([&](const VlNode& n, const Ancestors&) {
      const auto it = swaps().find(n.type);
      if (it == swaps().end() || n.children.size() != 2) return;
      const std::string tok(op_token(n.type));
      const Span s = cx.token(n, tok);
      if (!s) return;
      for (const auto& r : it->second) out.push_back(cx.edit(code(), s, r, "'" + tok + "' -> '" + r + "'"));
    });
  }
};

}  // namespace

std::unique_ptr<RtlMutator> make_rtl_op() { return std::make_unique<OpMutator>(); }

}  // namespace bf::mutators
