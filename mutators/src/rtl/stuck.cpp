// bugforge mutators — STUCK: a signal tied to a constant or to another signal.
//
// Algorithm: a read of a variable (a varref that is not an assignment target, verified at a use
// site, not the declaration) inside an assignment or an `if` condition is replaced by an all-zero
// literal of its width, by an all-ones literal (1'b1 for one-bit signals), or by the next or the
// previous variable of the same module with the same width (declaration order, wrapping; only
// variables the source declares, not Verilator's temporaries nor genvars), the copy-paste slip of
// wiring the wrong signal. Clocks and resets named by the protocol are left
// alone.
#include "rtl_context.h"

#include <fmt/format.h>

namespace bf::mutators {

namespace {

bool in_assignment(const Ancestors& anc) {
  return std::any_of(anc.begin(), anc.end(), [](const VlNode* a) {
    return a->type == "assign" || a->type == "assigndly" || a->type == "contassign" || a->type == "assignw";
  });
}

// Whether variable `var` is a genvar (Verilator's AST calls it an integer): its declaration
// statement starts with `genvar`. A genvar means nothing outside its generate loop.
bool is_genvar(const RtlContext& cx, const VlNode& var) {
  const Span s = cx.span(var);
  if (!s) return false;
  const std::string& t = s.file->text;
  const std::size_t semi = t.rfind(';', s.begin);
  const std::size_t from = semi == std::string::npos ? 0 : semi + 1;
  const std::string_view decl = std::string_view(t).substr(from, s.begin - from);
  const std::size_t kw = decl.find("genvar");
  return kw != std::string_view::npos &&
         (kw + 6 == decl.size() || !std::isalnum(static_cast<unsigned char>(decl[kw + 6])));
}

// The variables next to `name` (after it, then before it) in the module with the same width,
// wrapping; each only when it is another variable.
std::vector<std::string> siblings(const RtlContext& cx, const VlNode& module, const std::string& name,
                                  int width) {
  std::vector<std::string> same;
  for (const auto& c : module.children)
    if (c.type == "var" && cx.width_of(c) == width && c.attr("param").empty() &&
        c.attr("localparam").empty() &&
        cx.token(c, c.attr("name")) &&  // declared in the source: not a temporary Verilator made
        !is_genvar(cx, c))
      same.push_back(c.attr("name"));
  const auto it = std::find(same.begin(), same.end(), name);
  if (it == same.end() || same.size() < 2) return {};
  const std::size_t i = static_cast<std::size_t>(it - same.begin()), n = same.size();
  std::vector<std::string> out = {same[(i + 1) % n]};
  if (n > 2) out.push_back(same[(i + n - 1) % n]);
  return out;
}

std::string all_ones(int width) {
  return width == 1 ? "1'b1"
                    : fmt::format("{}'h{:x}", width,
                                  width >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << width) - 1);
}

// True when `n` lies in the condition (first child) of an `if` among its ancestors.
bool in_if_condition(const VlNode& n, const Ancestors& anc) {
  for (std::size_t i = 0; i < anc.size(); ++i) {
    if (anc[i]->type != "if" || anc[i]->children.empty()) continue;
    const VlNode* below = i + 1 < anc.size() ? anc[i + 1] : &n;
    if (below == &anc[i]->children[0]) return true;
  }
  return false;
}

class StuckMutator final : public RtlMutator {
 public:
  const char* code() const override { return "STUCK"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    cx.walk([&](const VlNode& n, const Ancestors& anc) {
      if (n.type != "varref" || RtlContext::is_lvalue(n, anc)) return;
      if (!in_assignment(anc) && !in_if_condition(n, anc)) return;
      // The base of a select stays a name: "9'd0[W]" is not Verilog.
      const VlNode* p = anc.back();
      if ((p->type == "sel" || p->type == "arraysel") && &p->children.front() == &n) return;
      const std::string& name = n.attr("name");
      if (name == cx.design().protocol.clock || name == cx.design().protocol.reset) return;
      const VlNode* var = cx.find_var(anc, name);
      const int width = var ? cx.width_of(*var) : 0;
      const Span s = width > 0 && width <= 64 ? cx.use_site(n, anc) : Span{};
      if (!s) return;
      out.push_back(cx.edit(code(), s, fmt::format("{}'d0", width), fmt::format("'{}' tied to 0", name)));
      out.push_back(cx.edit(code(), s, all_ones(width), fmt::format("'{}' tied to all ones", name)));
      const VlNode* mod = cx.module_of(anc);
      for (const auto& other : mod ? siblings(cx, *mod, name, width) : std::vector<std::string>{})
        out.push_back(cx.edit(code(), s, other, fmt::format("'{}' wired to '{}'", name, other)));
    });
  }
};

}  // namespace

BF_RTL_CLASS(STUCK, 33, 13, "a signal tied to a constant or to another signal", StuckMutator);

}  // namespace bf::mutators
