// bugforge mutators — DFP: dataflow placed where it is not a region of communicating tasks.
//
// Algorithm: a pipeline pragma in a loop body becomes dataflow (a loop body of plain statements
// is not a task region), and a dataflow pragma is moved into the body of the first loop of its
// region (dataflow inside a task's loop) by inserting it there.
#include "sites.h"

namespace bf::mutators::hls {

std::vector<Edit> generate_dfp(const Source& src) {
  const Unit& u = src.unit;
  std::vector<Edit> out;
  for (const Pragma& p : src.pragmas.pragmas) {
    if (p.directive == "pipeline" && p.loop >= 0) {
      const std::size_t t = u.token_at(p.begin) + 3;
      if (t < u.tokens().size()) {
        Edit e{u.tokens()[t].offset, std::string(u.slice(u.tokens()[t].offset, p.end)), "dataflow", "",
               false};
        e.description = "'" + e.original + "' -> 'dataflow'";
        out.push_back(std::move(e));
      }
    }
    if (p.directive == "dataflow" && p.scope >= 0) {
      for (int s : u.node(p.scope).children) {
        const int l = src.pragmas.loop_of(s);
        if (l < 0 || src.pragmas.loops[static_cast<std::size_t>(l)].body < 0) continue;
        if (const auto e =
                insert_pragma(u, src.pragmas.loops[static_cast<std::size_t>(l)].body, "#pragma HLS dataflow"))
          out.push_back(*e);
        break;
      }
    }
  }
  return out;
}

BF_HLS_CLASS(DFP, 14, PragmaRule, "dataflow placed where it is not a region of communicating tasks",
             generate_dfp);

}  // namespace bf::mutators::hls
