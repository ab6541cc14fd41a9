// bugforge mutators — WIDTH: a dropped MSB in a declaration or a part select.
//
// Algorithm: a declaration's packed range is found from its data type's location (Verilator
// points it at the '['); a part select from the `sel` node's '['. The bracket group is matched in
// the source and split at its top-level ':'; the MSB text becomes one less ("7" -> "6",
// "W-1" -> "W-2", "N" -> "N-1"). Indexed part selects (+:, -:) are left to IDX. Widths are
// elaboration-time constants, so these mutants need their own build.
#include "rtl_context.h"

#include <fmt/format.h>

namespace bf::mutators {

namespace {

// [begin, end) of the MSB text inside a "[msb:lsb]" group starting at `open`; nullopt otherwise.
std::optional<std::pair<std::size_t, std::size_t>> msb_of(const SrcFile& f, std::size_t open) {
  if (open >= f.text.size() || f.text[open] != '[') return std::nullopt;
  const std::size_t close = RtlContext::match_close(f, open);
  if (close == std::string::npos) return std::nullopt;
  const std::string_view inner = std::string_view(f.text).substr(open + 1, close - open - 2);
  if (inner.find_first_of("[({?") != std::string_view::npos || inner.find("+:") != std::string_view::npos ||
      inner.find("-:") != std::string_view::npos)
    return std::nullopt;
  const auto colon = inner.find(':');
  if (colon == std::string_view::npos || inner.find(':', colon + 1) != std::string_view::npos)
    return std::nullopt;
  const std::size_t b = RtlContext::skip_blank(f, open + 1);
  const std::size_t e = RtlContext::skip_blank_back(f, open + 1 + colon);
  if (b >= e) return std::nullopt;
  return std::make_pair(b, e);
}

std::optional<std::string> one_less(std::string_view msb) {
  if (const auto lit = parse_literal(msb); lit && lit->base == 0)
    return lit->value == 0 ? std::nullopt : std::optional<std::string>(std::to_string(lit->value - 1));
  if (msb.size() > 2 && msb.substr(msb.size() - 2) == "-1")
    return std::string(msb.substr(0, msb.size() - 2)) + "-2";
  if (msb.find_first_of("+-*/") != std::string_view::npos) return "(" + std::string(msb) + ")-1";
  return std::string(msb) + "-1";
}

class WidthMutator final : public RtlMutator {
 public:
  const char* code() const override { return "WIDTH"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    cx.walk([&](const VlNode& n, const Ancestors&) {
      const VlNode* bracket = nullptr;
      if (n.type == "var" && n.attr("param").empty() && n.attr("localparam").empty())
        bracket = cx.ast().dtype(n.attr("dtype_id"));
      else if (n.type == "sel")
        bracket = &n;
      if (!bracket) return;
      const Span s = cx.span(*bracket);
      if (!s || s.text() != "[") return;
      const auto msb = msb_of(*s.file, s.begin);
      if (!msb) return;
      const Span m = cx.at(*s.file, msb->first, msb->second);
      if (const auto r = one_less(m.text()))
        out.push_back(cx.edit(code(), m, *r, fmt::format("msb {} -> {}", m.text(), *r), false));
    });
  }
};

}  // namespace

BF_RTL_CLASS(WIDTH, 26, 8, "truncation or wrong width in a declaration or part select", WidthMutator);

}  // namespace bf::mutators
