// bugforge simulate — simulate many mutants of one design through mutant schemata.
//
// Algorithm: build the schema (all selectable mutants in one model) once; check its mutant 0
// (`+bf_mutant=0`) against the golden outputs and against the original build's outputs, value
// and cycle; then run each included mutant in a sandboxed child with `+bf_mutant=K` on the golden
// vector sets and, when it passes, on the extra sets. A schema that does not build loses the
// mutants whose arms hold its located errors (they get their own build) and is rebuilt; when no
// error maps to an arm it is bisected (halves rebuilt as schemata of their own) down to single
// mutants, which get their own build; a
// schema whose mutant 0 differs from the original is wrong, so all of its mutants get their own
// build and the reason is recorded. Excluded mutants (schema.h) get their own build too. The
// runner is language-neutral: it takes the schema maker as a function.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bugforge/core/design.h"
#include "bugforge/mutators/mutant.h"
#include "bugforge/mutators/schema.h"
#include "bugforge/simulate/simulate.h"

namespace bf::sim {

struct MutantSim;

struct SchemaRunOptions {
  std::size_t vectors = 8;  // golden vector sets: seeds seed..seed+vectors-1
  std::uint64_t seed = 1;
  std::size_t extra_vectors = 0;  // further sets a passing mutant must also pass
  double timeout = 30;            // wall seconds per run (cycles: the design's max_cycles)
  std::string cache_dir;          // build cache; empty = the default
  bool use_schema = true;         // false: every mutant gets its own build (the baseline)
  std::function<void(std::size_t done, std::size_t total)> progress;  // after each mutant
  // Called with each mutant's result as soon as it is final (in completion order, not id
  // order), so that callers can store verdicts while the rest of the design still runs.
  std::function<void(const MutantSim&)> on_mutant;
};

// The simulation verdict of one mutant, in the shape check_design gives.
struct MutantSim : Judgement {  // main: the golden sets; extra: run only when main passed
  std::uint32_t id = 0;
  bool in_schema = false;     // labelled through a schema build
  std::string own_build_why;  // why it needed its own build (empty when in_schema)
};

struct SchemaRunStats {
  std::size_t mutants = 0, in_schema = 0, own_builds = 0;
  std::size_t schema_builds = 0, schema_build_failures = 0, killed = 0, survived = 0;
  std::size_t blamed = 0;      // mutants excluded because a build error lay in their arm
  std::size_t bisections = 0;  // failed schemata split in halves (no error mapped to an arm)
  double build_seconds = 0, run_seconds = 0, seconds = 0;
  double own_build_seconds = 0;  // wall time of the own builds and their runs (part of `seconds`)
  std::string schema_problem;    // set when a schema's mutant 0 differed from the original
};

struct SchemaRun {
  std::vector<MutantSim> sims;  // in the order of the mutants given
  SchemaRunStats stats;
  std::string dump() const;  // one line per mutant: id, path, status, message
};

using SchemaMaker = std::function<mutators::Schema(const std::vector<mutators::Mutant>&)>;

// Simulates `mutants` of `d` through schemata from `make_schema`. Throws bf::Error BF-SCH-001
// when the original design does not build (nothing can be compared against it).
SchemaRun run_schema(const Design& d, const std::vector<mutators::Mutant>& mutants,
                     const SchemaMaker& make_schema, const SchemaRunOptions& opt);

// run_schema with the design's language's schema maker (Verilog: make_rtl_schema, HLS C++:
// make_hls_schema); languages without one simulate every mutant with its own build.
SchemaRun simulate_mutants(const Design& d, const std::vector<mutators::Mutant>& mutants,
                           const SchemaRunOptions& opt);

}  // namespace bf::sim
