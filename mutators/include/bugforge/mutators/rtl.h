// bugforge mutators — RTL bug injection driven by Verilator's AST.
//
// Algorithm: read the design's AST (vl_ast.h), load every source file Verilator opened that lies
// in the design folder, and let each registered bug class propose candidate edits at AST nodes
// whose source text verifies (the token at the node's span is what the node says it is; sites
// that do not verify, such as macro expansions, are skipped). Candidates are de-duplicated by
// edit (generate loops and parameterised clones repeat locations), shuffled with the seed, capped
// per class and per design, and numbered 1..N in a stable order (0 is the original).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bugforge/core/design.h"
#include "bugforge/mutators/bug_class.h"
#include "bugforge/mutators/mutant.h"
#include "bugforge/mutators/vl_ast.h"

namespace bf::mutators {

struct RtlMutateOptions : SampleOptions {  // seed, cap per class, limit per design
  std::vector<std::string> classes;        // empty = every RTL class
};

class RtlContext;  // source files + AST, with span verification helpers (rtl/rtl_context.h)

// One bug class: proposes every candidate it sees; the driver samples.
class RtlMutator {
 public:
  virtual ~RtlMutator() = default;
  virtual const char* code() const = 0;  // registry code from bug_class.h
  virtual void collect(const RtlContext& cx, std::vector<Mutant>& out) const = 0;
};

// The RTL classes' mutators, by priority: most specific first (it wins when two propose one edit).
const std::vector<std::unique_ptr<RtlMutator>>& rtl_mutators();

using RtlMaker = std::unique_ptr<RtlMutator> (*)();

// Enters the class (bug_class.h) and its mutator; for BF_RTL_CLASS.
bool enter_rtl_class(const BugClassEntry& e, int priority, RtlMaker make);

// In an RTL class file (namespace bf::mutators): registers class CODE, its table position, its
// priority among RTL mutators (lower = more specific: wins a shared edit), meaning and mutator.
#define BF_RTL_CLASS(CODE, ORDER, PRIORITY, MEANING, TYPE)                                                  \
  [[maybe_unused]] static const bool bf_rtl_class_##CODE = ::bf::mutators::enter_rtl_class(                 \
      {#CODE, ::bf::mutators::Lang::Rtl, ::bf::mutators::LabelledBy::Simulation, MEANING, ORDER}, PRIORITY, \
      []() -> std::unique_ptr<::bf::mutators::RtlMutator> { return std::make_unique<TYPE>(); })

// Every candidate of the chosen classes, before sampling (for tests and statistics).
std::vector<Mutant> rtl_candidates(const Design& d, const VlAst& ast,
                                   const std::vector<std::string>& classes);

// Candidates sampled per the options; ids 1..N.
std::vector<Mutant> mutate_rtl(const Design& d, const RtlMutateOptions& opt);
// The one sampler (mutant.h), then ids 1..N in source order.
std::vector<Mutant> sample_mutants(std::vector<Mutant> all, const RtlMutateOptions& opt);

}  // namespace bf::mutators
