// bugforge mutators — IDX: wrong bit select, part select or array index.
//
// Algorithm: a `sel`/`arraysel` node's span is its '['; the bracket group is matched in the
// source. A single index ("[i]", "[3]", "[k*W]") becomes one more or one less ("i+1", "2",
// "(k*W)+1"); the base of an indexed part select ("[b +: 8]") likewise ("[b+1 +: 8]"); a literal
// part select ("[7:0]") slides by one ("[8:1]", "[6:-1]" is never made: only windows that stay at
// or above bit 0). A run-time index or base can be selected in a schema; part-select bounds cannot.
#include "rtl_context.h"

#include <fmt/format.h>

namespace bf::mutators {

namespace {

bool is_ident(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

std::vector<std::string> shifted_index(std::string_view idx) {
  if (const auto lit = parse_literal(idx)) {
    std::vector<std::string> r = {format_literal(*lit, lit->value + 1)};
    if (lit->value > 0) r.push_back(format_literal(*lit, lit->value - 1));
    return r;
  }
  if (is_ident(idx)) return {std::string(idx) + "+1", std::string(idx) + "-1"};
  if (idx.find_first_of("?:") != std::string_view::npos) return {};
  return {"(" + std::string(idx) + ")+1", "(" + std::string(idx) + ")-1"};
}

// Edits of the base of "base +: width" / "base -: width" whose text starts at `in.begin`.
void shift_base(const RtlContext& cx, const Span& in, std::size_t op, const char* code,
                std::vector<Mutant>& out) {
  const std::size_t e = RtlContext::skip_blank_back(*in.file, in.begin + op);
  if (e <= in.begin) return;
  const Span base = cx.at(*in.file, in.begin, e);
  for (const auto& r : shifted_index(base.text()))
    out.push_back(cx.edit(code, base, r, fmt::format("part-select base {} -> {}", base.text(), r)));
}

class IdxMutator final : public RtlMutator {
 public:
  const char* code() const override { return "IDX"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    cx.walk([&](const VlNode& n, const Ancestors&) {
      if (n.type != "sel" && n.type != "arraysel") return;
      const Span s = cx.token(n, "[");
      if (!s) return;
      const std::size_t close = RtlContext::match_close(*s.file, s.begin);
      if (close == std::string::npos) return;
      const std::size_t b = RtlContext::skip_blank(*s.file, s.begin + 1);
      const std::size_t e = RtlContext::skip_blank_back(*s.file, close - 1);
      if (b >= e) return;
      const Span in = cx.at(*s.file, b, e);
      const std::string_view inner = in.text();
      const auto colon = inner.find(':');
      if (colon != std::string_view::npos && colon > 0 &&
          (inner[colon - 1] == '+' || inner[colon - 1] == '-')) {
        shift_base(cx, in, colon - 1, code(), out);
        return;
      }
      if (colon == std::string_view::npos) {
        for (const auto& r : shifted_index(inner))
          out.push_back(cx.edit(code(), in, r, fmt::format("[{}] -> [{}]", inner, r)));
        return;
      }
      const auto msb = parse_literal(inner.substr(0, colon)), lsb = parse_literal(inner.substr(colon + 1));
      if (!msb || !lsb || inner.find("+:") != std::string_view::npos ||
          inner.find("-:") != std::string_view::npos)
        return;
      const std::string up =
          fmt::format("{}:{}", format_literal(*msb, msb->value + 1), format_literal(*lsb, lsb->value + 1));
      out.push_back(cx.edit(code(), in, up, fmt::format("[{}] -> [{}]", inner, up), false));
      if (lsb->value > 0 && msb->value > 0) {
        const std::string down =
            fmt::format("{}:{}", format_literal(*msb, msb->value - 1), format_literal(*lsb, lsb->value - 1));
        out.push_back(cx.edit(code(), in, down, fmt::format("[{}] -> [{}]", inner, down), false));
      }
    });
  }
};

}  // namespace

BF_RTL_CLASS(IDX, 25, 9, "wrong bit select, part select or array index", IdxMutator);

}  // namespace bf::mutators
