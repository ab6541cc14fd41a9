// bugforge mutators — a mutant is one source edit applied to a design.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bugforge/core/diagnostic.h"

namespace bf::mutators {

struct Mutant {
  std::uint32_t id = 0;     // 0 is the original (no edit); ids are dense per design
  std::string bug_class;    // registry code, e.g. "OP"
  std::string file;         // path relative to the design folder
  std::size_t offset = 0;   // byte offset of the edited span in the original file
  std::string original;     // exact original text of the span
  std::string replacement;  // new text
  int line = 0;             // 1-based line of the span start (for people)
  std::string description;  // short, neutral: "'+' -> '-'" (never shown to a model)
  bool schema_ok = true;    // can be selected at run time in a mutant schema
};

// Applies the edit to the file's text; throws bf::Error BF-MUT-002 when the span no longer
// holds `original` (stale mutant).
std::string apply_mutant(const std::string& text, const Mutant& m);

// The one seeded sampler (propose, gen, label, bench): ranks mutants by a hash of (seed, file,
// offset, replacement), stable across platforms unlike std::shuffle, and keeps in rank order at
// most `cap_per_class` of each class and `limit` in all (0 = no cap).
struct SampleOptions {
  std::uint64_t seed = 1;
  std::size_t cap_per_class = 0;
  std::size_t limit = 0;
};

// The kept mutants, in their input order and with their ids.
std::vector<Mutant> sample(std::vector<Mutant> all, const SampleOptions& opt);

// Renumbers 1..N in source order (file, offset, class, replacement).
void number_in_source_order(std::vector<Mutant>& ms);

// Unified diff of one edited file, with `context` lines, paths a/<file> b/<file>.
std::string mutant_diff(const std::string& original_text, const Mutant& m, int context = 3);

}  // namespace bf::mutators
