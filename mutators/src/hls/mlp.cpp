// bugforge mutators — MLP: pipeline on a loop nested inside an already pipelined loop.
//
// Algorithm: every loop whose enclosing loop is pipelined gets `#pragma HLS pipeline` at the top
// of its body; every loop that encloses a pipelined loop gets one too.
#include "sites.h"

namespace bf::mutators::hls {

std::vector<Edit> generate_mlp(const Source& src) {
  const PragmaModel& m = src.pragmas;
  std::vector<Edit> out;
  for (std::size_t l = 0; l < m.loops.size(); ++l) {
    const Loop& loop = m.loops[l];
    if (loop.parent < 0 || loop.body < 0) continue;
    const Loop& outer = m.loops[static_cast<std::size_t>(loop.parent)];
    const bool inner_pipelined = m.pipelined(static_cast<int>(l));
    if (m.pipelined(loop.parent) && !inner_pipelined) {
      if (const auto e = insert_pragma(src.unit, loop.body, "#pragma HLS pipeline II=1")) out.push_back(*e);
    } else if (inner_pipelined && !m.pipelined(loop.parent) && outer.body >= 0) {
      if (const auto e = insert_pragma(src.unit, outer.body, "#pragma HLS pipeline II=1")) out.push_back(*e);
    }
  }
  return out;
}

BF_HLS_CLASS(MLP, 19, PragmaRule, "pipeline on a loop nested inside an already pipelined loop", generate_mlp);

}  // namespace bf::mutators::hls
