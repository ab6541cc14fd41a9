// bugforge mutators — the RTL classes' mutators (entered by their files) and the driver that
// samples their candidates.
//
// Algorithm: every chosen class proposes all candidates; identical edits (same file, offset,
// original, replacement) are kept once, from the class of lowest priority (most
// specific first, so "wrong reset value" wins over the generic "constant off by one"). Sampling is
// the one seeded sampler (mutant.h: per-class cap, per-design limit); survivors are numbered
// 1..N in source order.

#include <algorithm>
#include <set>
#include <tuple>

#include "../entries.h"
#include "bugforge/mutators/bug_class.h"
#include "rtl_context.h"

namespace bf::mutators {

namespace {

KeyedEntries<RtlMaker>& rtl_entries() {  // key: the priority
  static KeyedEntries<RtlMaker> e;
  return e;
}

}  // namespace

bool enter_rtl_class(const BugClassEntry& e, int priority, RtlMaker make) {
  rtl_entries().add(priority, make);
  return enter_bug_class(e);
}

const std::vector<std::unique_ptr<RtlMutator>>& rtl_mutators() {
  static const auto table = [] {
    std::vector<std::unique_ptr<RtlMutator>> t;
    for (const RtlMaker make : rtl_entries().by_key()) t.push_back(make());
    return t;
  }();
  return table;
}

namespace {

auto edit_key(const Mutant& m) {
  return std::tie(m.file, m.offset, m.original, m.replacement);
}

}  // namespace

std::vector<Mutant> rtl_candidates(const Design& d, const VlAst& ast,
                                   const std::vector<std::string>& classes) {
  const RtlContext cx(d, ast);
  std::vector<Mutant> out;
  std::set<std::tuple<std::string, std::size_t, std::string, std::string>> seen;
  for (const auto& m : rtl_mutators()) {
    if (!classes.empty() && std::find(classes.begin(), classes.end(), m->code()) == classes.end()) continue;
    std::vector<Mutant> found;
    m->collect(cx, found);
    for (auto& f : found)
      if (f.original != f.replacement && seen.insert(edit_key(f)).second) out.push_back(std::move(f));
  }
  return out;
}

std::vector<Mutant> sample_mutants(std::vector<Mutant> all, const RtlMutateOptions& opt) {
  auto kept = sample(std::move(all), opt);
  number_in_source_order(kept);
  return kept;
}

std::vector<Mutant> mutate_rtl(const Design& d, const RtlMutateOptions& opt) {
  for (const auto& c : opt.classes) parse_class_list(c, Lang::Rtl);  // rejects unknown codes
  const VlAst ast = read_design_ast(d);
  return sample_mutants(rtl_candidates(d, ast, opt.classes), opt);
}

}  // namespace bf::mutators
