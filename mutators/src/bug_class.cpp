// bugforge mutators — the one table of bug classes (keep in step with shared TAXONOMY.md).
#include "bugforge/mutators/bug_class.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "bugforge/core/diagnostic.h"

namespace bf::mutators {

namespace {
constexpr Lang H = Lang::Hls, R = Lang::Rtl, B = Lang::Both;
constexpr LabelledBy S = LabelledBy::Simulation, P = LabelledBy::PragmaRule;
}  // namespace

const std::vector<BugClass>& all_bug_classes() {
  static const std::vector<BugClass> table = {
      // HLS functional
      {"OOB", H, S, "out-of-bounds array access"},
      {"INIT", H, S, "read of an uninitialised variable"},
      {"SHFT", H, S, "shift by an out-of-range or wrong amount"},
      {"INF", H, S, "loop that never ends"},
      {"USE", H, S, "unintended sign extension"},
      {"MLU", H, S, "manual loop-unroll error"},
      {"ZERO", H, S, "initialised to zero instead of the right value"},
      {"BUF", H, S, "wrong half of a split buffer"},
      {"FXP", H, S, "fixed-point quantisation or overflow mode"},
      {"STRM", H, S, "stream misuse"},
      // HLS pragma misuse
      {"APT", H, P, "wrong array_partition type for the access pattern"},
      {"FND", H, P, "array_partition factor does not divide the dimension"},
      {"DID", H, P, "array_partition dim wrong or out of the array's rank"},
      {"DFP", H, P, "dataflow placed where it is not a region of communicating tasks"},
      {"IDAP", H, P, "interface mode does not fit the access pattern"},
      {"RAMB", H, P, "random access that defeats bursting on an m_axi port"},
      {"SMA", H, P, "scalar argument given an array/memory interface"},
      {"AMS", H, P, "array argument given a scalar interface"},
      {"MLP", H, P, "pipeline on a loop nested inside an already pipelined loop"},
      {"ILNU", H, P, "unroll of an outer loop whose inner loop is not fully unrolled"},
      // shared
      {"OP", B, S, "wrong arithmetic or logic operator"},
      {"CMP", B, S, "wrong comparison"},
      {"CONST", B, S, "constant off by one or wrong literal width"},
      {"COND", B, S, "inverted or wrong condition, missing term in a condition"},
      {"IDX", B, S, "wrong bit select, part select or array index"},
      // RTL only
      {"WIDTH", R, S, "truncation or wrong width in a declaration or part select"},
      {"SIGN", R, S, "signed missing or added, $signed/$unsigned dropped"},
      {"RST", R, S, "register missing from reset, wrong reset value, reset polarity"},
      {"BLK", R, S, "blocking/non-blocking assignment swapped"},
      {"CASE", R, S, "missing case arm, wrong arm, missing default"},
      {"FSM", R, S, "wrong next state on a transition"},
      {"HSK", R, S, "valid/ready handshake broken"},
      {"STUCK", R, S, "a signal tied to a constant or to another signal"},
  };
  return table;
}

const BugClass* find_bug_class(std::string_view code) {
  const auto& t = all_bug_classes();
  const auto it = std::find_if(t.begin(), t.end(), [&](const BugClass& c) { return c.code == code; });
  return it == t.end() ? nullptr : &*it;
}

bool applies_to(const BugClass& c, Lang lang) {
  return (static_cast<unsigned>(c.lang) & static_cast<unsigned>(lang)) != 0;
}

std::vector<std::string> parse_class_list(const std::string& csv, Lang lang) {
  std::vector<std::string> out;
  std::stringstream ss(csv);
  std::string item;
  while (std::getline(ss, item, ',')) {
    std::transform(item.begin(), item.end(), item.begin(), [](unsigned char ch) { return std::toupper(ch); });
    item.erase(std::remove_if(item.begin(), item.end(), [](unsigned char ch) { return std::isspace(ch); }),
               item.end());
    if (item.empty()) continue;
    const BugClass* c = find_bug_class(item);
    if (!c || !applies_to(*c, lang))
      throw Error("BF-MUT-001", fmt::format("unknown bug class '{}' for this language", item));
    out.push_back(item);
  }
  return out;
}

}  // namespace bf::mutators
