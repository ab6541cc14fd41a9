// bugforge mutators — HSK: valid/ready handshake broken.
//
// Algorithm: an `&&`/`&` (or `||`/`|`) node whose token verifies and one of whose operands is a
// signal named like a handshake (…valid…, …ready…, …vld…, …rdy…) loses that term:
// "s_valid && s_ready" -> "s_valid" (data accepted without ready), "busy || !m_ready" keeps
// its shape. The deleted text is the operator and the operand with only blanks between them, so
// nothing else moves. The edit removes part of an expression, so it gets its own build.
#include "rtl_context.h"

#include <fmt/format.h>

namespace bf::mutators {

namespace {

bool handshake_name(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* w : {"valid", "ready", "vld", "rdy"})
    if (name.find(w) != std::string::npos) return true;
  return false;
}

const VlNode& strip_extend(const VlNode& n) {
  return (n.type == "extend" || n.type == "extends") && n.children.size() == 1 ? n.children[0] : n;
}

class HskMutator final : public RtlMutator {
 public:
  const char* code() const override { return "HSK"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    cx.walk([&](const VlNode& n, const Ancestors& anc) {
      static const std::set<std::string> ops = {"logand", "and", "logor", "or"};
      if (!ops.count(n.type) || n.children.size() != 2) return;
      const Span op = cx.token(n, op_token(n.type));
      if (!op) return;
      Ancestors inner = anc;
      inner.push_back(&n);
      for (int side = 0; side < 2; ++side) {
        const VlNode& term = strip_extend(n.children[side]);
        if (term.type != "varref" || !handshake_name(term.attr("name"))) continue;
        const Span t = cx.use_site(term, inner);
        if (!t || t.file != op.file) continue;
        const std::size_t b = side == 1 ? op.begin : t.begin;
        const std::size_t e = side == 1 ? t.end : RtlContext::skip_blank(*t.file, op.end);
        const bool adjacent = side == 1 ? RtlContext::skip_blank(*t.file, op.end) == t.begin
                                        : RtlContext::skip_blank(*t.file, t.end) == op.begin;
        if (!adjacent || b >= e) continue;
        out.push_back(cx.edit(code(), cx.at(*t.file, b, e), "",
                              fmt::format("term '{}' dropped from '{}'", term.attr("name"), op.text()), false));
      }
    });
  }
};

}  // namespace

std::unique_ptr<RtlMutator> make_rtl_hsk() { return std::make_unique<HskMutator>(); }

}  // namespace bf::mutators
