// bugforge mutators — CONST: constant off by one, or one bit of it flipped.
//
// Algorithm: a `const` node is a site only when the source text at its span is a number literal
// whose value equals the node's value (constants Verilator folded from parameter names, genvars or
// widths do not verify and are skipped). Propose value+1 and value-1 in the literal's own base and
// size, wrapped to the size, and for sized literals of 3 or more bits the top bit flipped (a
// mistyped hex digit or a sign bit forgotten: 8'h7f -> 8'hff, 8'h80 -> 8'h00). Inside a
// concatenation, where a literal's width places every field after it, a sized literal whose value
// fits one bit less also gets the wrong width (2'b01 -> 1'b1: the fields shift). Parameter values
// and replication counts must stay constant, so those edits cannot live in a run-time schema;
// part-select bounds and case labels belong to WIDTH/IDX and CASE.
#include "rtl_context.h"

#include <fmt/format.h>

namespace bf::mutators {

namespace {

bool in_param_value(const Ancestors& anc) {
  return std::any_of(anc.begin(), anc.end(), [](const VlNode* a) { return a->type == "var"; });
}

std::vector<std::uint64_t> neighbours(const Literal& lit) {
  int bits = 64;
  if (!lit.size.empty() && lit.size.size() <= 2) bits = std::max(1, std::stoi(lit.size));
  bits = std::min(bits, 64);
  const std::uint64_t mask = bits >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1;
  std::vector<std::uint64_t> out;
  for (const std::uint64_t v : {(lit.value + 1) & mask, (lit.value - 1) & mask})
    if (v != lit.value && (lit.value != 0 || v != mask || bits == 1)) out.push_back(v);  // 0-1 wraps: skip
  const std::uint64_t flipped = lit.value ^ (std::uint64_t{1} << (bits - 1));
  if (!lit.size.empty() && bits >= 3 && bits < 64 && std::find(out.begin(), out.end(), flipped) == out.end())
    out.push_back(flipped);
  return out;
}

// The literal one bit narrower, when its value still fits.
std::optional<std::string> narrower(const Literal& lit) {
  if (lit.size.empty() || lit.size.size() > 2) return std::nullopt;
  const int bits = std::stoi(lit.size);
  if (bits < 2 || bits > 64 || (lit.value >> (bits - 1)) != 0) return std::nullopt;
  Literal n = lit;
  n.size = std::to_string(bits - 1);
  return format_literal(n, lit.value);
}

class ConstMutator final : public RtlMutator {
 public:
  const char* code() const override { return "CONST"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    // Parameter values also appear, by location, where Verilator substituted them: remember them.
    std::set<std::pair<const SrcFile*, std::size_t>> param_sites;
    cx.walk([&](const VlNode& n, const Ancestors& anc) {
      if (n.type == "const" && in_param_value(anc))
        if (const Span s = cx.span(n)) param_sites.insert({s.file, s.begin});
    });
    cx.walk([&](const VlNode& n, const Ancestors& anc) {
      if (n.type != "const" || anc.empty()) return;
      const std::string& parent = anc.back()->type;
      if (parent == "sel" || parent == "caseitem" || parent == "range") return;
      const Span s = cx.span(n);
      const auto lit = s ? parse_literal(s.text()) : std::nullopt;
      const auto val = const_value(n);
      if (!lit || !val || lit->value != *val) return;
      const bool schema_ok = !param_sites.count({s.file, s.begin}) && parent != "replicate";
      for (const auto v : neighbours(*lit)) {
        const std::string r = format_literal(*lit, v);
        out.push_back(cx.edit(code(), s, r, fmt::format("{} -> {}", s.text(), r), schema_ok));
      }
      if (parent == "concat")
        if (const auto r = narrower(*lit))
          out.push_back(cx.edit(code(), s, *r, fmt::format("width of {} -> {}", s.text(), *r), schema_ok));
    });
  }
};

}  // namespace

BF_RTL_CLASS(CONST, 23, 12, "constant off by one or wrong literal width", ConstMutator);

}  // namespace bf::mutators
