// bugforge mutators — SMA: scalar argument given an array/memory interface.
//
// Algorithm: the interface of a by-value scalar argument (s_axilite, ap_none, ap_vld, ...)
// becomes m_axi.
#include "sites.h"

namespace bf::mutators::hls {

std::vector<Edit> generate_sma(const Source& src) {
  std::vector<Edit> out;
  for (const Pragma& p : src.pragmas.pragmas) {
    const PragmaWord* w = interface_mode(p);
    if (w && port_kind(src.unit, p.variable) == PortKind::Scalar && w->value != "m_axi")
      out.push_back(pragma_word_edit(src.unit, w->value_offset, w->value, "m_axi"));
  }
  return out;
}

BF_HLS_CLASS(SMA, 17, PragmaRule, "scalar argument given an array/memory interface", generate_sma);

}  // namespace bf::mutators::hls
