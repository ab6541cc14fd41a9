// bugforge mutators — the table of RTL bug classes and the driver that samples their candidates.
//
// Algorithm: every chosen class proposes all candidates; identical edits (same file, offset,
// original, replacement) are kept once, from the class listed first (the table is ordered most
// specific first, so "wrong reset value" wins over the generic "constant off by one"). Sampling is
// the one seeded sampler (mutant.h: per-class cap, per-design limit); survivors are numbered
// 1..N in source order.

#include <algorithm>
#include <set>
#include <tuple>

#include "bugforge/mutators/bug_class.h"
#include "rtl_context.h"

namespace bf::mutators {

std::unique_ptr<RtlMutator> make_rtl_rst();
std::unique_ptr<RtlMutator> make_rtl_fsm();
std::unique_ptr<RtlMutator> make_rtl_hsk();
std::unique_ptr<RtlMutator> make_rtl_case();
std::unique_ptr<RtlMutator> make_rtl_blk();
std::unique_ptr<RtlMutator> make_rtl_cond();
std::unique_ptr<RtlMutator> make_rtl_sign();
std::unique_ptr<RtlMutator> make_rtl_width();
std::unique_ptr<RtlMutator> make_rtl_idx();
std::unique_ptr<RtlMutator> make_rtl_cmp();
std::unique_ptr<RtlMutator> make_rtl_op();
std::unique_ptr<RtlMutator> make_rtl_const();
std::unique_ptr<RtlMutator> make_rtl_stuck();

const std::vector<std::unique_ptr<RtlMutator>>& rtl_mutators() {
  static const auto table = [] {
    std::vector<std::unique_ptr<RtlMutator>> t;
    t.push_back(make_rtl_rst());
    t.push_back(make_rtl_fsm());
    t.push_back(make_rtl_hsk());
    t.push_back(make_rtl_case());
    t.push_back(make_rtl_blk());
    t.push_back(make_rtl_cond());
    t.push_back(make_rtl_sign());
    t.push_back(make_rtl_width());
    t.push_back(make_rtl_idx());
    t.push_back(make_rtl_cmp());
    t.push_back(make_rtl_op());
    t.push_back(make_rtl_const());
    t.push_back(make_rtl_stuck());
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
