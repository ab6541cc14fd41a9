// bugforge mutators — AMS: array argument given a scalar interface.
//
// Algorithm: the interface of an array argument becomes ap_none (a single wire, no address).
#include "sites.h"

namespace bf::mutators::hls {

std::vector<Edit> generate_ams(const Source& src) {
  std::vector<Edit> out;
  for (const Pragma& p : src.pragmas.pragmas) {
    const PragmaWord* w = interface_mode(p);
    if (w && port_kind(src.unit, p.variable) == PortKind::Array && w->value != "ap_none")
      out.push_back(pragma_word_edit(src.unit, w->value_offset, w->value, "ap_none"));
  }
  return out;
}

BF_HLS_CLASS(AMS, 18, PragmaRule, "array argument given a scalar interface", generate_ams);

}  // namespace bf::mutators::hls
