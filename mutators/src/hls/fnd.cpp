// bugforge mutators — FND: array_partition factor that does not divide the dimension.
//
// Algorithm: the factor of every cyclic/block partition moves to the nearest larger value that
// does not divide the partitioned dimension (factor+1 when the dimension is unknown).
#include "sites.h"

namespace bf::mutators::hls {

std::vector<Edit> generate_fnd(const Source& src) {
  std::vector<Edit> out;
  for (const Pragma& p : src.pragmas.pragmas) {
    if (p.directive != "array_partition" && p.directive != "array_reshape") continue;
    const PragmaWord* fw = p.find("factor");
    const auto factor = p.number("factor");
    if (!fw || !factor) continue;
    std::int64_t size = 0;
    const std::int64_t dim = p.number("dim").value_or(1);
    if (p.variable >= 0) {
      const auto& dims = src.unit.node(p.variable).dims;
      if (dim >= 1 && dim <= static_cast<std::int64_t>(dims.size()))
        size = dims[static_cast<std::size_t>(dim - 1)];
    }
    std::int64_t f = *factor + 1;
    while (size > 0 && size % f == 0) ++f;
    out.push_back(pragma_word_edit(src.unit, fw->value_offset, fw->value, std::to_string(f)));
  }
  return out;
}

BF_HLS_CLASS(FND, 12, PragmaRule, "array_partition factor does not divide the dimension", generate_fnd);

}  // namespace bf::mutators::hls
