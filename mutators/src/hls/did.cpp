// bugforge mutators — DID: array_partition dim wrong or out of the array's rank.
//
// Algorithm: for every array_partition / array_reshape on an array of known rank, dim moves one
// past the rank (out of range) and, for arrays of rank 2 or more, to another in-range dimension.
// A pragma without dim= (dim 1 by default) gets the word appended.
#include "sites.h"

namespace bf::mutators::hls {

namespace {

Edit set_dim(const Unit& u, const Pragma& p, std::int64_t dim) {
  if (const PragmaWord* w = p.find("dim"))
    return pragma_word_edit(u, w->value_offset, w->value, std::to_string(dim));
  Edit e{p.end, "", " dim=" + std::to_string(dim), "append dim=" + std::to_string(dim), false};
  return e;
}

}  // namespace

std::vector<Edit> generate_did(const Source& src) {
  std::vector<Edit> out;
  for (const Pragma& p : src.pragmas.pragmas) {
    if ((p.directive != "array_partition" && p.directive != "array_reshape") || p.variable < 0) continue;
    const auto rank = static_cast<std::int64_t>(src.unit.node(p.variable).dims.size());
    if (rank == 0) continue;
    const std::int64_t dim = p.number("dim").value_or(1);
    out.push_back(set_dim(src.unit, p, rank + 1));
    if (rank >= 2 && dim >= 1) out.push_back(set_dim(src.unit, p, dim % rank + 1));
  }
  return out;
}

BF_HLS_CLASS(DID, 13, PragmaRule, "array_partition dim wrong or out of the array's rank", generate_did);

}  // namespace bf::mutators::hls
