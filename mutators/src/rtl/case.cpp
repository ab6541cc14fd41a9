// bugforge mutators — CASE: missing case arm, wrong arm, missing default.
//
// Algorithm: a `caseitem` is its labels (constants whose span text is the label as written) and
// one statement. Missing default: delete from the `default` keyword (the item's own span) to the
// end of its statement. Missing arm: delete a labelled item from its first label to the end of
// its statement, when the case keeps at least two items. Wrong arm: one label is respelled as
// another item's label of a different value, so its statement moves under the other value
// (the first match wins). Statement ends come from RtlContext::statement_end (an assignment's
// ';' or a begin's matching `end`); items with other statements are skipped.
#include "rtl_context.h"

#include <fmt/format.h>

namespace bf::mutators {

namespace {

struct Item {
  const VlNode* node;
  std::vector<Span> labels;  // verified label spans, first label first
  std::vector<std::uint64_t> values;
  const VlNode* stmt = nullptr;
};

std::vector<Item> items_of(const RtlContext& cx, const VlNode& c) {
  std::vector<Item> items;
  for (const auto& it : c.children) {
    if (it.type != "caseitem") continue;
    Item item{&it, {}, {}, nullptr};
    for (const auto& k : it.children) {
      if (k.type == "const" && !item.stmt) {
        const Span s = cx.span(k);
        const auto v = const_value(k);
        if (!s || !v) return {};  // a label we cannot see or value: leave this case alone
        item.labels.push_back(s);
        item.values.push_back(*v);
      } else if (!item.stmt) {
        item.stmt = &k;
      } else {
        item.stmt = nullptr;  // several statements: not a shape we edit
        break;
      }
    }
    items.push_back(item);
  }
  return items;
}

class CaseMutator final : public RtlMutator {
 public:
  const char* code() const override { return "CASE"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    cx.walk([&](const VlNode& n, const Ancestors&) {
      if (n.type != "case") return;
      const auto items = items_of(cx, n);
      for (const auto& it : items) {
        delete_item(cx, it, items.size(), out);
        if (it.labels.size() == 1)
          for (const auto& other : items)
            if (other.labels.size() >= 1 && other.values[0] != it.values[0] &&
                other.labels[0].text() != it.labels[0].text())
              out.push_back(cx.edit(
                  code(), it.labels[0], std::string(other.labels[0].text()),
                  fmt::format("arm {} labelled {}", it.labels[0].text(), other.labels[0].text()), false));
      }
    });
  }

 private:
  void delete_item(const RtlContext& cx, const Item& it, std::size_t n_items,
                   std::vector<Mutant>& out) const {
    if (!it.stmt) return;
    const Span head = it.labels.empty() ? cx.token(*it.node, "default") : it.labels[0];
    const std::size_t end = head ? cx.statement_end(*it.stmt) : std::string::npos;
    if (end == std::string::npos || end <= head.begin) return;
    if (it.labels.empty())
      out.push_back(cx.edit(code(), cx.at(*head.file, head.begin, end), "", "default arm removed", false));
    else if (n_items >= 3)
      out.push_back(cx.edit(code(), cx.at(*head.file, head.begin, end), "",
                            fmt::format("arm {} removed", head.text()), false));
  }
};

}  // namespace

BF_RTL_CLASS(CASE, 30, 4, "missing case arm, wrong arm, missing default", CaseMutator);

}  // namespace bf::mutators
