// bugforge mutators — HSK: valid/ready handshake broken.
//
// Algorithm: an `&&`/`&` (or `||`/`|`) node whose token verifies and one of whose operands is a
// signal named like a handshake or flow-control flag (…valid…, …ready…, …vld…, …rdy…, …full…,
// …empty…, …stall…, …fire…), possibly negated, loses that term: "s_valid && s_ready" ->
// "s_valid" (data accepted without ready), "s_valid && !full" -> "s_valid" (a write into a full
// FIFO), "!ov || m_ready" -> "!ov" (back-pressure ignored). The deleted text is the operator and
// the operand with only blanks between them, so nothing else moves. The edit removes part of an
// expression, so it gets its own build.
#include "rtl_context.h"

#include <fmt/format.h>

namespace bf::mutators {

namespace {

bool handshake_name(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* w : {"valid", "ready", "vld", "rdy", "full", "empty", "stall", "fire"})
    if (name.find(w) != std::string::npos) return true;
  return false;
}

bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

const VlNode& strip_extend(const VlNode& n) {
  return (n.type == "extend" || n.type == "extends") && n.children.size() == 1 ? n.children[0] : n;
}

// The signal an operand reads, through an extension and one negation; "" when it is no signal.
std::string operand_name(const VlNode& c) {
  const VlNode* t = &strip_extend(c);
  if ((t->type == "not" || t->type == "lognot") && t->children.size() == 1) t = &strip_extend(t->children[0]);
  return t->type == "varref" ? t->attr("name") : "";
}

bool negation(char c) {
  return c == '!' || c == '~';
}

class HskMutator final : public RtlMutator {
 public:
  const char* code() const override { return "HSK"; }
  void collect(const RtlContext& cx, std::vector<Mutant>& out) const override {
    cx.walk([&](const VlNode& n, const Ancestors&) {
      static const std::set<std::string> ops = {"logand", "and", "logor", "or"};
      if (!ops.count(n.type) || n.children.size() != 2) return;
      Span op = logic_token(cx, n);
      if (!op) op = cx.token(n, op_token(n.type));
      if (!op) return;
      // Verilator may point operand varrefs at their declarations and reorder operands, so the
      // term is the identifier right next to the verified operator, checked against the operands.
      std::set<std::string> names;
      for (const auto& c : n.children)
        if (const std::string name = operand_name(c); !name.empty()) names.insert(name);
      const SrcFile& f = *op.file;
      const std::size_t neg_r = RtlContext::skip_blank(f, op.end);
      const std::size_t rb = neg_r < f.text.size() && negation(f.text[neg_r]) ? neg_r + 1 : neg_r;
      std::size_t re = rb;
      while (re < f.text.size() && ident_char(f.text[re])) ++re;
      const std::size_t le = RtlContext::skip_blank_back(f, op.begin);
      std::size_t lb = le;
      while (lb > 0 && ident_char(f.text[lb - 1])) --lb;
      const std::string rhs = f.text.substr(rb, re - rb), lhs = f.text.substr(lb, le - lb);
      if (lb > 0 && negation(f.text[lb - 1])) --lb;
      const std::size_t after = RtlContext::skip_blank(f, re), before = RtlContext::skip_blank_back(f, lb);
      const bool rhs_whole =
          after >= f.text.size() || std::string_view(";)|&},").find(f.text[after]) != std::string_view::npos;
      const bool lhs_whole =
          before == 0 || std::string_view("(=|&,{").find(f.text[before - 1]) != std::string_view::npos;
      if (names.count(rhs) && handshake_name(rhs) && rhs_whole)
        out.push_back(cx.edit(code(), cx.at(f, op.begin, re), "",
                              fmt::format("term '{}' dropped from '{}'", rhs, op.text()), false));
      if (names.count(lhs) && handshake_name(lhs) && lhs_whole && lb > 0)
        out.push_back(cx.edit(code(), cx.at(f, lb, neg_r), "",
                              fmt::format("term '{}' dropped from '{}'", lhs, op.text()), false));
    });
  }
};

}  // namespace

BF_RTL_CLASS(HSK, 32, 3, "valid/ready handshake broken", HskMutator);

}  // namespace bf::mutators
