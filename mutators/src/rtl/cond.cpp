// bugforge mutators — COND: inverted or wrong condition, missing term in a condition.
//
// Algorithm: an `if` node's span is the keyword; the parenthesised condition after it is matched
// in the source. Edits: invert it ("(c)" -> "(!(c))"); when the condition node is a && / ||
// whose token verifies at the top level of the parentheses, keep only one term ("(a && b)" ->
// "(a)", "(b)") or swap the connective. Any other && / || node whose token verifies may swap too.
#include "rtl_context.h"

#include <fmt/format.h>

namespace bf::mutators {

namespace {

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  const auto e = s.find_last_not_of(" \t\r\n");
  return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

// True when the text has balanced brackets (so a split there is at the top level).
bool balanced(std::string_view s) {
  int depth = 0;
  for (const char c : s) {
    depth += (c == '(' || c == '[' || c == '{') - (c == ')' || c == ']' || c == '}');
    if (depth < 0) return false;
  }
  return depth == 0;
}

class CondMutator final : public RtlMutator {
 public:
  const char* code() const override { return "COND"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    cx.walk([&](const VlNode& n, const Ancestors&) {
      if (n.type == "if" && !n.children.empty()) on_if(cx, n, out);
      if (const Span s = logic_token(cx, n)) {
        const std::string r = s.text() == "&&" ? "||" : "&&";
        out.push_back(cx.edit(code(), s, r, fmt::format("'{}' -> '{}'", s.text(), r)));
      }
    });
  }

 private:
  void on_if(const RtlContext& cx, const VlNode& n, std::vector<Mutant>& out) const {
    const Span kw = cx.token(n, "if");
    if (!kw) return;
    const std::size_t open = RtlContext::skip_blank(*kw.file, kw.end);
    const std::size_t close = RtlContext::match_close(*kw.file, open);
    if (close == std::string::npos || kw.file->text[open] != '(') return;
    const Span group = cx.at(*kw.file, open, close);
    const std::string inner(group.text().substr(1, group.text().size() - 2));
    out.push_back(cx.edit(code(), group, "(!(" + trim(inner) + "))", "condition inverted"));
    const VlNode& c = n.children[0];
    const Span op = logic_token(cx, c);
    if (!op || op.file != kw.file || op.begin <= open || op.end >= close) return;
    const std::string_view t(kw.file->text);
    const std::string_view lhs = t.substr(open + 1, op.begin - open - 1),
                           rhs = t.substr(op.end, close - 1 - op.end);
    if (!balanced(lhs) || !balanced(rhs)) return;
    out.push_back(cx.edit(code(), group, "(" + trim(lhs) + ")", fmt::format("term '{}' dropped", trim(rhs))));
    out.push_back(cx.edit(code(), group, "(" + trim(rhs) + ")", fmt::format("term '{}' dropped", trim(lhs))));
  }
};

}  // namespace

BF_RTL_CLASS(COND, 24, 6, "inverted or wrong condition, missing term in a condition", CondMutator);

}  // namespace bf::mutators
