// bugforge simulate — the sanitizer pass over HLS mutants that passed every vector set.
//
// Algorithm: one HLS schema (mutators/schema.h) of the survivors is built twice, once with
// AddressSanitizer+UBSan (-fsanitize=address,undefined -fno-sanitize-recover=all -g) and once
// plain; each survivor runs `+bf_mutant=K` in the sanitizer build, and, when that is silent, under
// valgrind memcheck (uninitialised reads) in the plain build, both on the golden vector sets.
// Mutant 0 runs first in each build: a tool that already complains about the original cannot
// tell the mutants apart, so its findings are not used (the reason is recorded). Survivors the
// schema excludes get their own two builds. A crash, an error exit or a changed output is a
// finding; a timeout is not (the tools slow the run down).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "bugforge/core/design.h"
#include "bugforge/mutators/mutant.h"

namespace bf::sim {

struct SanitizeOptions {
  std::size_t vectors = 8;
  std::uint64_t seed = 1;
  double timeout = 30;    // wall seconds of a plain run; the tools get a multiple
  std::string cache_dir;  // empty = the default build cache
};

struct SanitizerResult {
  bool finding = false;
  std::string tool;    // "AddressSanitizer+UBSan" | "valgrind memcheck" (the one that found it)
  std::string detail;  // one line
  std::string log;     // the report excerpt
  std::string note;    // why a tool's verdict was not used (e.g. the original already fails)
  double seconds = 0;  // this mutant's share of builds and its runs
  bool in_schema = false;
};

// One result per survivor id.
std::map<std::uint32_t, SanitizerResult> sanitize_hls(const Design& d,
                                                      const std::vector<mutators::Mutant>& survivors,
                                                      const SanitizeOptions& opt);

}  // namespace bf::sim
