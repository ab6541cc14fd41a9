// bugforge mutators — mutant schemata: many mutants of one design in one build, picked at run time.
//
// A schema is a set of source overrides in which every included mutant's edit sits behind a
// selector read from the plusarg `+bf_mutant=K` (0, or no plusarg, selects the original). Mutants
// that cannot be selected at run time (schema_ok=false, edits outside any selectable site,
// overlapping sites) are listed as excluded, each with the reason, and need their own build.
// The struct is language-neutral so that an HLS schema maker can fill it too.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "bugforge/core/design.h"
#include "bugforge/mutators/mutant.h"

namespace bf::mutators {

// Where one included mutant's guarded text (selector test and mutated arm) sits in an override,
// so that a tool message naming file:line:col can be traced back to the mutant that caused it.
// Lines and columns are 1-based; columns count bytes, as Verilator's do.
struct SchemaArm {
  std::uint32_t mutant = 0;
  std::size_t override_index = 0;                                          // into Schema::overrides
  std::size_t first_line = 0, first_col = 0, last_line = 0, last_col = 0;  // inclusive
};

struct Schema {
  std::vector<std::pair<std::string, std::string>> overrides;  // absolute source path -> schema text
  std::vector<std::uint32_t> included;                         // mutant ids selectable at run time
  std::vector<std::uint32_t> excluded;                         // need their own build
  std::vector<std::string> excluded_why;                       // parallel to `excluded`
  std::size_t sites = 0;                                       // selector-guarded sites written
  std::vector<SchemaArm> arms;                                 // one per included mutant
};

// The mutants whose arm holds position line:col of the override whose path ends `path` (a tool
// may name a staged copy); col 0 means anywhere on the line. Only the innermost arms count: an
// arm nested in another arm's text blames the inner mutant. Empty when no arm holds it.
std::vector<std::uint32_t> mutants_at(const Schema& s, const std::string& path, std::size_t line,
                                      std::size_t col);

// The plusarg that selects a mutant in a schema build: "+bf_mutant=K".
std::string schema_plusarg(std::uint32_t id);

// RTL schema (Verilog): each schema_ok mutant's smallest enclosing procedural statement becomes
// `if (bf_mut_sel == 32'dK) begin <mutated> end else begin <original> end`, an `if` condition
// becomes `((bf_mut_sel == 32'dK) ? |(mutated) : |(original))` and a continuous assignment's
// right-hand side `((bf_mut_sel == 32'dK) ? (mutated) : (original))`. Each module with a site
// declares the selector right after its header. Throws bf::Error (BF-VLAST-*) when Verilator
// cannot read the design.
Schema make_rtl_schema(const Design& d, const std::vector<Mutant>& mutants);

// HLS C++ schema: every function definition that holds a mutant's whole edit in its body is
// duplicated once per mutant (renamed `<name>__bf_K`, the mutant applied) and once unmodified
// (`<name>__bf_0`); a dispatcher with the original signature switches on the harness's global
// `bf_mutant`. Inclusion is decided here alone (schema_ok is ignored): edits outside a function
// body, and bodies of templates, members, constexpr, variadic or defaulted-argument functions
// are excluded with the reason. Throws bf::Error when a source cannot be read or parsed.
Schema make_hls_schema(const Design& d, const std::vector<Mutant>& mutants);

}  // namespace bf::mutators
