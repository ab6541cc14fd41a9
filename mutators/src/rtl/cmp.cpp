// bugforge mutators — CMP: wrong comparison.
//
// Algorithm: at each comparison node whose operator token verifies, propose the off-by-one and
// inversion mistakes: < and <=, > and >=, == and !=, and an ordering test written as != (or a
// non-strict one as ==), the loop-bound habit that breaks once a counter can skip the bound.
// Signed and unsigned variants (lts, gts...) share their token; signedness mistakes belong to
// SIGN.
#include "rtl_context.h"

namespace bf::mutators {

namespace {

std::vector<std::string> alternatives(std::string_view tok) {
  if (tok == "<") return {"<=", ">", "!="};
  if (tok == "<=") return {"<", ">=", "=="};
  if (tok == ">") return {">=", "<", "!="};
  if (tok == ">=") return {">", "<=", "=="};
  if (tok == "==") return {"!="};
  if (tok == "!=") return {"=="};
  return {};
}

class CmpMutator final : public RtlMutator {
 public:
  const char* code() const override { return "CMP"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    static const std::set<std::string> types = {"eq",   "neq", "lt",  "lts", "lte",
                                                "ltes", "gt",  "gts", "gte", "gtes"};
    cx.walk([&](const VlNode& n, const Ancestors&) {
      if (!types.count(n.type) || n.children.size() != 2) return;
      const std::string_view tok = op_token(n.type);
      const Span s = cx.token(n, tok);
      if (!s) return;
      for (const auto& r : alternatives(tok))
        out.push_back(cx.edit(code(), s, r, "'" + std::string(tok) + "' -> '" + r + "'"));
    });
  }
};

}  // namespace

BF_RTL_CLASS(CMP, 22, 10, "wrong comparison", CmpMutator);

}  // namespace bf::mutators
