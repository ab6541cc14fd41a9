// bugforge mutators — RST: reset polarity, wrong reset value, register missing from reset.
//
// Algorithm: in a clocked always block, an `if` whose condition is a reset signal (the design's
// protocol reset, or a name containing "rst"/"reset"), possibly negated, is a reset branch.
// Edits: flip the polarity (insert or drop the '!'); in the branch, a literal assigned to a
// register gets a wrong value (0 <-> 1); an assignment inside a begin/end with other
// statements is deleted (that register is no longer reset).
#include "rtl_context.h"

#include <fmt/format.h>

namespace bf::mutators {

namespace {

bool reset_name(const std::string& name, const Design& d) {
  std::string l = name;
  std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return std::tolower(c); });
  return name == d.protocol.reset || l.find("rst") != std::string::npos ||
         l.find("reset") != std::string::npos;
}

void wrong_value(const RtlContext& cx, const VlNode& asg, const char* cls, std::vector<Mutant>& out) {
  const Span s = cx.span(asg.children[0]);
  const auto lit = (s && asg.children[0].type == "const") ? parse_literal(s.text()) : std::nullopt;
  if (!lit) return;
  const std::string r = format_literal(*lit, lit->value == 0 ? 1 : 0);
  out.push_back(cx.edit(cls, s, r, fmt::format("reset value {} -> {}", s.text(), r)));
}

void drop_from_reset(const RtlContext& cx, const VlNode& asg, const Ancestors& anc, const char* cls,
                     std::vector<Mutant>& out) {
  const VlNode& block = *anc.back();
  const Span b = cx.span(block);
  if (block.type != "begin" || !b || b.text() != "begin" || block.children.size() < 2) return;
  const VlNode& lhs = asg.children[1];
  const Span l = lhs.type == "varref" ? cx.use_site(lhs, anc) : Span{};
  const std::size_t end = l ? cx.statement_end(asg) : std::string::npos;
  if (end == std::string::npos) return;
  out.push_back(
      cx.edit(cls, cx.at(*l.file, l.begin, end), "", fmt::format("'{}' not reset", lhs.attr("name"))));
}

class RstMutator final : public RtlMutator {
 public:
  const char* code() const override { return "RST"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    cx.walk([&](const VlNode& n, const Ancestors& anc) {
      if (n.type != "if" || n.children.size() < 2 || !RtlContext::in_sequential_always(anc)) return;
      const VlNode& c = n.children[0];
      const bool negated = (c.type == "not" || c.type == "lognot") && c.children.size() == 1;
      const VlNode& sig = negated ? c.children[0] : c;
      if (sig.type != "varref" || !reset_name(sig.attr("name"), cx.design())) return;
      Ancestors inner = anc;
      inner.push_back(&n);
      const Span v = cx.use_site(sig, inner);
      if (!v) return;
      if (!negated) out.push_back(cx.edit(code(), v, "!" + std::string(v.text()), "reset polarity inverted"));
      if (const Span bang = cx.span(c); negated && bang && (bang.text() == "!" || bang.text() == "~"))
        out.push_back(cx.edit(code(), bang, "", "reset polarity inverted"));
      visit_branch(cx, n.children[1], inner, out);
    });
  }

 private:
  void visit_branch(const RtlContext& cx, const VlNode& node, Ancestors& anc,
                    std::vector<Mutant>& out) const {
    if ((node.type == "assigndly" || node.type == "assign") && node.children.size() == 2) {
      wrong_value(cx, node, code(), out);
      drop_from_reset(cx, node, anc, code(), out);
      return;
    }
    if (node.type != "begin") return;
    anc.push_back(&node);
    for (const auto& c : node.children) visit_branch(cx, c, anc, out);
    anc.pop_back();
  }
};

}  // namespace

BF_RTL_CLASS(RST, 28, 1, "register missing from reset, wrong reset value, reset polarity", RstMutator);

}  // namespace bf::mutators
