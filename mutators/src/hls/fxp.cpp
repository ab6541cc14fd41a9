// bugforge mutators — FXP: fixed-point quantisation or overflow mode, width truncation.
//
// Algorithm: every `ap_fixed<...>` / `ap_ufixed<...>` written in the file (code, typedefs,
// #define bodies) is read from the token stream: literal W and I lose one bit each (a dropped
// fraction bit, an integer bit one short), a rounding mode becomes AP_TRN (AP_TRN becomes
// AP_RND) and a saturating overflow mode becomes AP_WRAP (AP_WRAP becomes AP_SAT). Template
// arguments are compile-time: these mutants need their own build.
#include "sites.h"

namespace bf::mutators::hls {

namespace {

// Token indices of the top-level arguments of the template argument list opening at `lt`.
std::vector<std::vector<std::size_t>> template_args(const Unit& u, std::size_t lt) {
  std::vector<std::vector<std::size_t>> args(1);
  int depth = 0;
  for (std::size_t t = lt + 1; t < u.tokens().size(); ++t) {
    const std::string& s = u.tokens()[t].text;
    if (s == "<" || s == "(") ++depth;
    if ((s == ">" || s == ")") && depth-- == 0) return args;
    if (s == ">>" && depth == 0) return args;
    if (s == "," && depth == 0) {
      args.emplace_back();
      continue;
    }
    args.back().push_back(t);
  }
  return {};
}

std::string mode_partner(const std::string& m) {
  if (m.rfind("AP_RND", 0) == 0) return "AP_TRN";
  if (m == "AP_TRN" || m == "AP_TRN_ZERO") return "AP_RND";
  if (m.rfind("AP_SAT", 0) == 0) return "AP_WRAP";
  if (m == "AP_WRAP" || m == "AP_WRAP_SM") return "AP_SAT";
  return "";
}

}  // namespace

std::vector<Edit> generate_fxp(const Source& src) {
  const Unit& u = src.unit;
  std::vector<Edit> out;
  const auto& toks = u.tokens();
  for (std::size_t t = 0; t + 1 < toks.size(); ++t) {
    if ((toks[t].text != "ap_fixed" && toks[t].text != "ap_ufixed") || toks[t + 1].text != "<") continue;
    const auto args = template_args(u, t + 1);
    for (std::size_t a = 0; a < args.size() && a < 4; ++a) {
      if (args[a].size() != 1) continue;
      const Token& tok = toks[args[a][0]];
      if (a < 2 && tok.literal) {
        const std::int64_t v = std::stoll(tok.text);
        if (v > 1) out.push_back(replace_token(u, tok.offset, tok.text, std::to_string(v - 1), false));
      }
      const std::string partner = a >= 2 ? mode_partner(tok.text) : "";
      if (!partner.empty()) out.push_back(replace_token(u, tok.offset, tok.text, partner, false));
    }
  }
  return out;
}

BF_HLS_CLASS(FXP, 9, Simulation, "fixed-point quantisation or overflow mode", generate_fxp);

}  // namespace bf::mutators::hls
