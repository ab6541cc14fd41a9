// bugforge mutators — FSM: wrong next state on a transition.
//
// Algorithm: per module, the state names are the identifiers used as labels of a `case` on a
// variable (Verilator folds them to constants but keeps the label's location, whose text is the
// name), plus names assigned to such a variable. Every assignment whose right-hand side is a
// constant spelled as one of those names is a transition; propose each other state name with a
// different value.
#include "rtl_context.h"

#include <fmt/format.h>

namespace bf::mutators {

namespace {

bool is_name(std::string_view s) {
  return !s.empty() && (std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_') &&
         std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

using States = std::map<std::string, std::uint64_t>;  // name -> value

States state_names(const RtlContext& cx, const VlNode& module) {
  States states;
  std::set<std::string> selectors;
  const std::function<void(const VlNode&)> rec = [&](const VlNode& n) {
    if (n.type == "case" && !n.children.empty() && n.children[0].type == "varref")
      selectors.insert(n.children[0].attr("name"));
    if (n.type == "case" && !n.children.empty() && n.children[0].type == "varref")
      for (const auto& item : n.children)
        for (const auto& label : item.children)
          if (label.type == "const" && item.type == "caseitem")
            if (const Span s = cx.span(label); s && is_name(s.text()))
              if (const auto v = const_value(label)) states.emplace(std::string(s.text()), *v);
    for (const auto& c : n.children) rec(c);
  };
  rec(module);
  // Names only ever assigned (a state reached through `default`) count too.
  const std::function<void(const VlNode&)> assigned = [&](const VlNode& n) {
    if ((n.type == "assign" || n.type == "assigndly") && n.children.size() == 2 &&
        n.children[0].type == "const" && n.children[1].type == "varref" &&
        selectors.count(n.children[1].attr("name")))
      if (const Span s = cx.span(n.children[0]); s && is_name(s.text()))
        if (const auto v = const_value(n.children[0])) states.emplace(std::string(s.text()), *v);
    for (const auto& c : n.children) assigned(c);
  };
  assigned(module);
  return states;
}

class FsmMutator final : public RtlMutator {
 public:
  const char* code() const override { return "FSM"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    std::map<const VlNode*, States> by_module;
    cx.walk([&](const VlNode& n, const Ancestors& anc) {
      if ((n.type != "assign" && n.type != "assigndly" && n.type != "contassign") || n.children.size() != 2)
        return;
      const VlNode* mod = cx.module_of(anc);
      if (!mod || n.children[0].type != "const") return;
      if (!by_module.count(mod)) by_module[mod] = state_names(cx, *mod);
      const States& states = by_module[mod];
      const Span s = cx.span(n.children[0]);
      const auto v = const_value(n.children[0]);
      if (!s || !v || !states.count(std::string(s.text()))) return;
      for (const auto& [name, value] : states)
        if (value != *v)
          out.push_back(cx.edit(code(), s, name, fmt::format("next state {} -> {}", s.text(), name)));
    });
  }
};

}  // namespace

BF_RTL_CLASS(FSM, 31, 2, "wrong next state on a transition", FsmMutator);

}  // namespace bf::mutators
