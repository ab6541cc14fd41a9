// bugforge mutators — HLS C++ mutators: one registry of generators, one per bug class.
//
// Algorithm: parse each design source once (hls_unit.h), build its pragma model, ask every
// selected generator for edits, keep only edits whose original text is exactly what the file
// holds at that offset, drop duplicates (same span and replacement: a #define body reached from
// several uses) and number the survivors densely from 1 (0 is the original design). An edit
// that cannot be chosen at run time (types, template arguments, array sizes, constant
// expressions, preprocessor lines, pragmas) has schema_ok = false.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bugforge/core/design.h"
#include "bugforge/mutators/bug_class.h"
#include "bugforge/mutators/hls_pragma.h"
#include "bugforge/mutators/hls_unit.h"
#include "bugforge/mutators/mutant.h"
#include "bugforge/mutators/rtl.h"

namespace bf::mutators {

namespace hls {

// One proposed edit of a unit's text.
struct Edit {
  std::size_t offset = 0;
  std::string original, replacement;
  std::string description;  // neutral: "'<' -> '<='"
  bool schema_ok = true;
};

struct Source {
  const Unit& unit;
  const PragmaModel& pragmas;
};

using Generator = std::vector<Edit> (*)(const Source&);

struct HlsMutator {
  std::string_view code;  // bug class code (bug_class.h registry)
  Generator generate;
};

// The HLS classes' generators, in the class table's order.
const std::vector<HlsMutator>& hls_mutators();

// Enters the class (bug_class.h) and its generator; for BF_HLS_CLASS.
bool enter_hls_class(const BugClassEntry& e, Generator g);

// In an HLS class file (namespace bf::mutators::hls): registers class CODE, its table position,
// what labels it (Simulation or PragmaRule), its meaning and its generator.
#define BF_HLS_CLASS(CODE, ORDER, BY, MEANING, GENERATOR)                                        \
  [[maybe_unused]] static const bool bf_hls_class_##CODE = ::bf::mutators::hls::enter_hls_class( \
      {#CODE, ::bf::mutators::Lang::Hls, ::bf::mutators::LabelledBy::BY, MEANING, ORDER}, GENERATOR)

// Mutants of one parsed source; `file` is recorded in Mutant::file. Ids start at `first_id`.
std::vector<Mutant> mutate_source(const Source& src, const std::string& file,
                                  const std::vector<std::string>& classes, std::uint32_t first_id = 1);

}  // namespace hls

// Every candidate of the chosen classes (empty = all HLS classes) over the design's sources,
// files relative to the design folder, ids 1..N in source order.
std::vector<Mutant> hls_candidates(const Design& d, const std::vector<std::string>& classes);

// HLS sampling shares the RTL options (rtl.h): classes, seed, cap per class, limit.
using HlsMutateOptions = RtlMutateOptions;

// Candidates sampled like RTL ones; ids 1..N.
std::vector<Mutant> mutate_hls(const Design& d, const HlsMutateOptions& opt = {});

}  // namespace bf::mutators
