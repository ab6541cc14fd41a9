// bugforge mutators — BLK: blocking assignment in sequential logic, non-blocking in combinational.
//
// Algorithm: inside an always block, an `assigndly` whose token is "<=" becomes "=" when the block
// is clocked (an edge in its sensitivity); an `assign` whose token is "=" becomes "<=" when the
// block is combinational. Continuous assigns and function bodies are not touched.
#include "rtl_context.h"

namespace bf::mutators {

namespace {

bool in_always(const Ancestors& anc) {
  for (auto it = anc.rbegin(); it != anc.rend(); ++it) {
    if ((*it)->type == "always") return true;
    if ((*it)->type == "func" || (*it)->type == "task" || (*it)->type == "module") return false;
  }
  return false;
}

class BlkMutator final : public RtlMutator {
 public:
  const char* code() const override { return "BLK"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    cx.walk([&](const VlNode& n, const Ancestors& anc) {
      if (!in_always(anc)) return;
      const bool seq = RtlContext::in_sequential_always(anc);
      if (n.type == "assigndly" && seq)
        if (const Span s = cx.token(n, "<="))
          out.push_back(cx.edit(code(), s, "=", "'<=' -> '=' in clocked block"));
      if (n.type == "assign" && !seq)
        if (const Span s = cx.token(n, "="))
          out.push_back(cx.edit(code(), s, "<=", "'=' -> '<=' in combinational block"));
    });
  }
};

}  // namespace

BF_RTL_CLASS(BLK, 29, 5, "blocking/non-blocking assignment swapped", BlkMutator);

}  // namespace bf::mutators
