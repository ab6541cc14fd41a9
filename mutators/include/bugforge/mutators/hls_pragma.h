// bugforge mutators — the `#pragma HLS` model and the pragma rule checker.
//
// Algorithm: pragmas are found in the raw token stream of a parsed Unit (`#` `pragma` `HLS` at
// the start of a line, comments and #if'd text already gone), split into a directive and
// key=value / positional words with their byte offsets, and tied to the innermost function,
// loop body and compound statement that hold them and to the variable or port they name. Loops
// carry their induction variable and constant trip count. The checker walks the model with one
// function per rule; a finding names its stable rule code, the bug class the rule guards and a
// message that says what to change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bugforge/mutators/hls_unit.h"

namespace bf::mutators::hls {

struct PragmaWord {
  std::string key;    // lower-case; empty for a positional word
  std::string value;  // as written (positional word: the word)
  std::size_t key_offset = 0, value_offset = 0;
};

struct Pragma {
  std::string directive;  // lower-case: "pipeline", "array_partition", ...
  std::vector<PragmaWord> words;
  std::size_t begin = 0, end = 0;  // the directive line, from '#' to the end of line
  int line = 0;
  int function = -1;                                   // Function node holding it
  int loop = -1;                                       // innermost loop whose body holds it
  int scope = -1;                                      // innermost Compound holding it
  int variable = -1;                                   // Var/Param/Field named by variable= / port=
  const PragmaWord* find(std::string_view key) const;  // nullptr when absent
  std::string get(std::string_view key) const;         // lower-case value, "" when absent
  // Positional word among `choices` (e.g. the partition type), or the value of `key`.
  const PragmaWord* choice(std::string_view key, const std::vector<std::string_view>& choices) const;
  std::optional<std::int64_t> number(std::string_view key) const;
};

struct Loop {
  int node = -1;
  int parent = -1;  // index in PragmaModel::loops of the enclosing loop, -1 at function level
  int body = -1;    // Compound node of the body (-1 when the body is a single statement)
  int var = -1;     // Var node of the induction variable
  std::optional<std::int64_t> trip;  // constant trip count when known
  std::vector<int> pragmas;          // indices into PragmaModel::pragmas
};

struct PragmaModel {
  std::vector<Pragma> pragmas;
  std::vector<Loop> loops;
  int loop_of(int node) const;  // index of the loop whose node is `node`, -1 otherwise
  // The loop's own pragma with this directive (not "off"), or nullptr.
  const Pragma* loop_pragma(int loop, std::string_view directive) const;
  bool pipelined(int loop) const;
  bool fully_unrolled(int loop) const;  // unroll without factor, or factor >= trip count
  // True when `loop` runs its iterations in parallel: unrolled, or nested in a pipelined loop.
  bool parallel(int loop) const;
};

PragmaModel build_pragma_model(const Unit& u);

struct PragmaRule {
  std::string_view code;       // stable: "BF-HLS-101"
  std::string_view bug_class;  // the class whose misuse the rule catches ("FND"), "" for generic
  std::string_view summary;
};
const std::vector<PragmaRule>& pragma_rules();

struct PragmaFinding {
  std::string code;
  std::string bug_class;
  int line = 0;
  std::size_t offset = 0;
  std::string message;
};

std::vector<PragmaFinding> check_pragmas(const Unit& u, const PragmaModel& m);

}  // namespace bf::mutators::hls
