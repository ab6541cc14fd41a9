// bugforge mutators — STUCK: a signal tied to a constant or to another signal.
//
// Algorithm: a read of a variable (a varref that is not an assignment target, verified at a use
// site, not the declaration) inside an assignment is replaced by an all-zero literal of its
// width, by 1'b1 for one-bit signals, or by the next variable of the same module with the same
// width (declaration order, wrapping), the copy-paste slip of wiring the wrong signal. Clocks and
// resets named by the protocol are left alone.
#include "rtl_context.h"

#include <fmt/format.h>

namespace bf::mutators {

namespace {

bool in_assignment(const Ancestors& anc) {
  return std::any_of(anc.begin(), anc.end(), [](const VlNode* a) {
    return a->type == "assign" || a->type == "assigndly" || a->type == "contassign" || a->type == "assignw";
  });
}

// The next variable after `name` in the module with the same width (wrapping); "" when none.
std::string sibling(const RtlContext& cx, const VlNode& module, const std::string& name, int width) {
  std::vector<std::string> same;
  for (const auto& c : module.children)
    if (c.type == "var" && cx.width_of(c) == width && c.attr("param").empty() && c.attr("localparam").empty())
      same.push_back(c.attr("name"));
  const auto it = std::find(same.begin(), same.end(), name);
  if (it == same.end() || same.size() < 2) return "";
  return std::next(it) == same.end() ? same.front() : *std::next(it);
}

class StuckMutator final : public RtlMutator {
 public:
  const char* code() const override { return "STUCK"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    cx.walk([&](const VlNode& n, const Ancestors& anc) {
      if (n.type != "varref" || !in_assignment(anc) || RtlContext::is_lvalue(n, anc)) return;
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
      if (width == 1) out.push_back(cx.edit(code(), s, "1'b1", fmt::format("'{}' tied to 1", name)));
      const VlNode* mod = cx.module_of(anc);
      if (const std::string other = mod ? sibling(cx, *mod, name, width) : ""; !other.empty())
        out.push_back(cx.edit(code(), s, other, fmt::format("'{}' wired to '{}'", name, other)));
    });
  }
};

}  // namespace

std::unique_ptr<RtlMutator> make_rtl_stuck() { return std::make_unique<StuckMutator>(); }

}  // namespace bf::mutators
