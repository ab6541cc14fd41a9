// bugforge mutators — APT: wrong array_partition type for the access pattern.
//
// Algorithm: the type word of every array_partition / array_reshape pragma (type=X or the
// positional cyclic/block) is swapped: cyclic <-> block; a complete partition becomes a block
// partition by 2 (the pragma keeps its other words).
#include "sites.h"

namespace bf::mutators::hls {

std::vector<Edit> generate_apt(const Source& src) {
  std::vector<Edit> out;
  for (const Pragma& p : src.pragmas.pragmas) {
    if (p.directive != "array_partition" && p.directive != "array_reshape") continue;
    const PragmaWord* w = p.choice("type", {"cyclic", "block", "complete"});
    if (!w) continue;
    std::string t = w->value;
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string repl = t == "cyclic"      ? "block"
                             : t == "block"     ? "cyclic"
                             : p.find("factor") ? "block"
                                                : "block factor=2";
    out.push_back(pragma_word_edit(src.unit, w->value_offset, w->value, repl));
  }
  return out;
}

BF_HLS_CLASS(APT, 11, PragmaRule, "wrong array_partition type for the access pattern", generate_apt);

}  // namespace bf::mutators::hls
