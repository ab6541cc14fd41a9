// bugforge mutators — SIGN: `signed` missing or added, $signed/$unsigned dropped, >>> vs >>.
//
// Algorithm: three AST-anchored edits. (1) An arithmetic shift node (shiftrs) whose token is
// ">>>" becomes ">>". (2) A node whose span is "$signed"/"$unsigned" (Verilator keeps the call's
// location on the extend it becomes) loses the call: "$signed(a)" -> "a", with the argument
// group matched in the source. (3) A declaration's packed range (its type's '[') preceded by the
// keyword `signed` loses it; a range preceded by a net/port keyword gains it. Declaration edits
// need their own build.
#include "rtl_context.h"

#include <fmt/format.h>

namespace bf::mutators {

namespace {

void drop_cast(const RtlContext& cx, const Span& s, const char* cls, std::vector<Mutant>& out) {
  const std::size_t open = RtlContext::skip_blank(*s.file, s.end);
  const std::size_t close = RtlContext::match_close(*s.file, open);
  if (close == std::string::npos || s.file->text[open] != '(') return;
  const Span call = cx.at(*s.file, s.begin, close);
  const std::string inner(std::string_view(s.file->text).substr(open, close - open));
  out.push_back(cx.edit(cls, call, inner, fmt::format("{}(...) dropped", s.text())));
}

// The word ending right before `pos` (whitespace skipped): [begin, end).
std::pair<std::size_t, std::size_t> word_before(const SrcFile& f, std::size_t pos) {
  const std::size_t e = RtlContext::skip_blank_back(f, pos);
  std::size_t b = e;
  while (b > 0 && (std::isalnum(static_cast<unsigned char>(f.text[b - 1])) || f.text[b - 1] == '_')) --b;
  return {b, e};
}

void decl_sign(const RtlContext& cx, const VlNode& var, const char* cls, std::vector<Mutant>& out) {
  const VlNode* t = cx.ast().dtype(var.attr("dtype_id"));
  const Span s = t ? cx.token(*t, "[") : Span{};
  if (!s) return;
  const auto [b, e] = word_before(*s.file, s.begin);
  const std::string_view w = std::string_view(s.file->text).substr(b, e - b);
  if (w == "signed")
    out.push_back(cx.edit(cls, cx.at(*s.file, b, s.begin), "", "'signed' dropped", false));
  else if (w == "wire" || w == "reg" || w == "logic" || w == "input" || w == "output")
    out.push_back(cx.edit(cls, s, "signed [", "'signed' added", false));
}

class SignMutator final : public RtlMutator {
 public:
  const char* code() const override { return "SIGN"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    cx.walk([&](const VlNode& n, const Ancestors&) {
      if (n.type == "shiftrs")
        if (const Span s = cx.token(n, ">>>")) out.push_back(cx.edit(code(), s, ">>", "'>>>' -> '>>'"));
      if (n.type == "var" && n.attr("param").empty() && n.attr("localparam").empty())
        decl_sign(cx, n, code(), out);
      if (const Span s = cx.span(n); s && (s.text() == "$signed" || s.text() == "$unsigned"))
        drop_cast(cx, s, code(), out);
    });
  }
};

}  // namespace

BF_RTL_CLASS(SIGN, 27, 7, "signed missing or added, $signed/$unsigned dropped", SignMutator);

}  // namespace bf::mutators
