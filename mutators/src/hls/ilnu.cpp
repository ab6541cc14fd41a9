// bugforge mutators — ILNU: unroll of an outer loop whose inner loop is not fully unrolled.
//
// Algorithm: a loop that holds another loop and is pipelined has its pipeline turned into
// unroll (pipelining unrolled the inner loop, unroll does not); one that is neither pipelined
// nor unrolled gets `#pragma HLS unroll` inserted; a full unroll of an inner loop under an
// unrolled outer loop gets a partial factor.
#include <algorithm>

#include "sites.h"

namespace bf::mutators::hls {

std::vector<Edit> generate_ilnu(const Source& src) {
  const Unit& u = src.unit;
  const PragmaModel& m = src.pragmas;
  std::vector<Edit> out;
  for (std::size_t l = 0; l < m.loops.size(); ++l) {
    const int li = static_cast<int>(l);
    const bool has_inner =
        std::any_of(m.loops.begin(), m.loops.end(), [&](const Loop& c) { return c.parent == li; });
    if (has_inner && m.pipelined(li)) {
      const Pragma* p = m.loop_pragma(li, "pipeline");
      const std::size_t t = u.token_at(p->begin) + 3;
      out.push_back(pragma_word_edit(u, u.tokens()[t].offset,
                                     std::string(u.slice(u.tokens()[t].offset, p->end)), "unroll"));
    } else if (has_inner && !m.loop_pragma(li, "unroll") && m.loops[l].body >= 0) {
      if (const auto e = insert_pragma(u, m.loops[l].body, "#pragma HLS unroll")) out.push_back(*e);
    }
    const int parent = m.loops[l].parent;
    const Pragma* inner = m.loop_pragma(li, "unroll");
    if (parent >= 0 && m.loop_pragma(parent, "unroll") && inner && !inner->find("factor")) {
      const std::size_t t = u.token_at(inner->begin) + 3;
      Edit e{u.tokens()[t].offset + u.tokens()[t].text.size(), "", " factor=2", "append factor=2", false};
      out.push_back(std::move(e));
    }
  }
  return out;
}

BF_HLS_CLASS(ILNU, 20, PragmaRule, "unroll of an outer loop whose inner loop is not fully unrolled",
             generate_ilnu);

}  // namespace bf::mutators::hls
