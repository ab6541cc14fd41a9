// bugforge mutators — RAMB: random access that defeats bursting on an m_axi port.
//
// Algorithm: the on-chip or streaming interface of an array argument (bram, ap_memory, ap_fifo,
// axis) becomes m_axi; the checker decides whether the function's indexing then defeats bursts.
#include "sites.h"

namespace bf::mutators::hls {

std::vector<Edit> generate_ramb(const Source& src) {
  std::vector<Edit> out;
  for (const Pragma& p : src.pragmas.pragmas) {
    const PragmaWord* w = interface_mode(p);
    if (!w || port_kind(src.unit, p.variable) != PortKind::Array) continue;
    const std::string mode = w->value;
    if (mode == "bram" || mode == "ap_memory" || mode == "ap_fifo" || mode == "axis")
      out.push_back(pragma_word_edit(src.unit, w->value_offset, mode, "m_axi"));
  }
  return out;
}

BF_HLS_CLASS(RAMB, 16, PragmaRule, "random access that defeats bursting on an m_axi port", generate_ramb);

}  // namespace bf::mutators::hls
