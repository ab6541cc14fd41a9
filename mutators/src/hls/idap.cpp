// bugforge mutators — IDAP: interface mode that does not fit the access pattern.
//
// Algorithm: the memory-style interface of an array argument (m_axi, bram, ap_memory,
// s_axilite) becomes ap_fifo, which only supports one in-order pass.
#include "sites.h"

namespace bf::mutators::hls {

std::vector<Edit> generate_idap(const Source& src) {
  std::vector<Edit> out;
  for (const Pragma& p : src.pragmas.pragmas) {
    const PragmaWord* w = interface_mode(p);
    if (!w || port_kind(src.unit, p.variable) != PortKind::Array) continue;
    const std::string mode = w->value;
    if (mode == "m_axi" || mode == "bram" || mode == "ap_memory" || mode == "s_axilite")
      out.push_back(pragma_word_edit(src.unit, w->value_offset, mode, "ap_fifo"));
  }
  return out;
}

BF_HLS_CLASS(IDAP, 15, PragmaRule, "interface mode does not fit the access pattern", generate_idap);

}  // namespace bf::mutators::hls
