// bugforge dataset — the labelling step: mutants of a design, each labelled by running tools.
//
// Algorithm: a Labeler proposes a design's mutants (cheap: AST walks, no tool runs) so the
// pipeline can pick its shard's share by id before any expensive work, then labels the original
// and the chosen mutants, reporting each verdict as soon as it is earned. The original (mutant
// id 0, no edit) is labelled first; when it does not pass, the design is broken and none of its
// mutants is labelled. make_labeler() returns the one the pipeline uses; tests may pass their own.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bugforge/core/design.h"
#include "bugforge/dataset/sample.h"
#include "bugforge/mutators/mutant.h"

namespace bf::dataset {

// Settings that decide a dataset's content; a part records them and merge compares them.
struct GenSettings {
  std::uint64_t seed = 1;
  std::size_t per_design = 200;      // mutants per design (cap)
  std::vector<std::string> classes;  // empty = every class of the design's language
  std::size_t vectors = 8;           // vector sets per simulation (seeds seed..)
  std::size_t extra_vectors = 24;    // further sets a passing mutant must also pass
  double timeout = 30;               // wall-time limit per run, seconds
  double formal_budget = 20;         // Yosys seconds per RTL mutant that passes every vector set
  double formal_design_budget = 0;   // Yosys seconds for all survivors of one design (0 = no cap)
  std::size_t own_builds = 0;        // per design: mutants that need their own build (0 = no cap)

  nlohmann::json to_json() const;
};

// What the tools said about one mutant.
struct Verdict {
  Label label = Label::Unknown;
  Detector detected_by = Detector::None;
  Evidence evidence = Evidence::None;
  nlohmann::json symptom = nlohmann::json::object();
  std::vector<std::uint64_t> golden_seeds;
  nlohmann::json tools = nlohmann::json::object();
  nlohmann::json timings = nlohmann::json::object();  // stage -> seconds
};

class Labeler {
 public:
  using Emit = std::function<void(const mutators::Mutant&, const Verdict&)>;
  virtual ~Labeler() = default;
  // Recorded in each part's meta table: parts made by different labelers do not merge.
  virtual std::string name() const = 0;
  // Mutants of `d` (ids from 1; the original is not in the list). Seconds spent go to `seconds`.
  virtual std::vector<mutators::Mutant> propose(const Design& d, const GenSettings& s, double& seconds) = 0;
  // Labels the original, then `mutants` (a subset of propose's list), calling `emit` for each.
  // Returns false when the original does not pass (nothing after it is labelled).
  virtual bool label(const Design& d, const std::vector<mutators::Mutant>& mutants, const GenSettings& s,
                     const Emit& emit) = 0;
};

// The labeler wired to the project's mutators, simulators and equivalence checker.
std::unique_ptr<Labeler> make_labeler();

}  // namespace bf::dataset
