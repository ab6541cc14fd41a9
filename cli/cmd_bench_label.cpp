// bugforge cli — `bugforge bench label --design D --mutants N --naive K`: seconds per labelled
// mutant through mutant schemata vs the per-mutant rebuild baseline, in one run.
//
// Algorithm: each path builds into its own fresh, private cache folder (so that nothing from
// earlier runs, or from the other path's own builds of the same mutants, is reused); the original
// is built in each first (for Verilog this also builds Verilator's runtime library), and that
// warm-up counts for neither path. Verilog and HLS C++ designs alike (HLS mutants of the pragma
// classes are left out: a static checker labels them, not a simulation). Schema path: the runner
// (schema_run.h) on N mutants, excluded mutants' own builds included. Baseline: every (N/K)-th of
// those mutants, each with its own build. Both simulate the same golden vector sets. Printed:
// seconds per mutant for both paths, the in-schema share alone (schema builds and runs over the
// mutants labelled in schema), and the ratios.
#include <stdlib.h>

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "bench_label.h"
#include "bugforge/core/design.h"
#include "bugforge/core/diagnostic.h"
#include "bugforge/core/io.h"
#include "bugforge/mutators/bug_class.h"
#include "bugforge/mutators/hls_mutator.h"
#include "bugforge/mutators/rtl.h"
#include "bugforge/simulate/schema_run.h"
#include "bugforge/simulate/simulate.h"

namespace bf::cli {

namespace {

namespace fs = std::filesystem;

std::vector<mutators::Mutant> every_nth(const std::vector<mutators::Mutant>& ms, std::size_t k) {
  std::vector<mutators::Mutant> out;
  if (k == 0 || ms.empty()) return out;
  const double step = static_cast<double>(ms.size()) / static_cast<double>(std::min(k, ms.size()));
  for (double i = 0; out.size() < std::min(k, ms.size()); i += step)
    out.push_back(ms[static_cast<std::size_t>(i)]);
  return out;
}

// N mutants of the design, sampled with the seed; HLS: the classes labelled by simulation.
std::vector<mutators::Mutant> bench_mutants(const Design& d, std::size_t n, std::uint64_t seed) {
  mutators::RtlMutateOptions mo;
  mo.seed = seed;
  mo.limit = n;
  if (d.language == Language::Verilog) return mutators::mutate_rtl(d, mo);
  for (const auto& c : mutators::all_bug_classes())
    if (mutators::applies_to(c, mutators::Lang::Hls) && c.labelled_by != mutators::LabelledBy::PragmaRule)
      mo.classes.emplace_back(c.code);
  return mutators::mutate_hls(d, mo);
}

// Builds the original into `cache` (and with it Verilator's runtime library there).
sim::BuildResult warm_up(const Design& d, const std::string& cache) {
  sim::BuildOptions bo;
  bo.cache_dir = cache;
  auto b = sim::build_design(d, bo);
  if (!b.ok) throw Error("BF-CLI-021", fmt::format("bench label: {} does not build", d.name));
  return b;
}

double per(double seconds, std::size_t n) {
  return n ? seconds / static_cast<double>(n) : 0;
}

}  // namespace

void BenchLabel::setup(CLI::App* sub) {
  sub->add_option("--design", design_, "design folder or built-in design name")->capture_default_str();
  sub->add_option("--mutants", mutants_, "mutants for the schema path")->capture_default_str();
  sub->add_option("--naive", naive_, "mutants for the per-mutant rebuild baseline (a sample)")
      ->capture_default_str();
  sub->add_option("--vectors", vectors_, "golden vector sets per mutant")->capture_default_str();
  sub->add_option("--seed", seed_, "mutant sampling and vector seed")->capture_default_str();
  sub->add_flag("--keep-cache", keep_cache_, "keep the private build cache (its path is printed)");
}

int BenchLabel::run() const {
  const Design d = find_design(design_);
  const auto ms = bench_mutants(d, mutants_, seed_);
  ScratchDir cache("bugforge-bench-label"), naive_cache("bugforge-bench-label");
  if (keep_cache_) {
    cache.keep();
    naive_cache.keep();
  }
  const auto warm = warm_up(d, cache.path());
  warm_up(d, naive_cache.path());
  sim::SchemaRunOptions o;
  o.vectors = vectors_;
  o.seed = seed_;
  o.cache_dir = cache.path();
  const auto schema = sim::simulate_mutants(d, ms, o);
  o.use_schema = false;
  o.cache_dir = naive_cache.path();
  const auto naive = sim::simulate_mutants(d, every_nth(ms, naive_), o);
  const auto& s = schema.stats;
  const double s_per = per(s.seconds, s.mutants), n_per = per(naive.stats.seconds, naive.stats.mutants);
  // The in-schema share: schema builds and their runs, over the mutants labelled in schema.
  const double in_per = per(std::max(0.0, s.seconds - s.own_build_seconds), s.in_schema);
  std::cout << fmt::format("bench label {}: {} mutants, {} vector sets, cache {}\n", d.name, ms.size(),
                           vectors_, cache.path());
  std::cout << fmt::format("warm-up (original{}): {:.1f} s, not counted\n",
                           d.language == Language::Verilog ? " + Verilator runtime" : "", warm.seconds);
  std::cout << fmt::format(
      "schema path   : {:>4} mutants in {:>8.1f} s = {:>8.3f} s/mutant "
      "({} in schema, {} own builds, {} schema builds, {} failed, {} mutants blamed by "
      "error line, {} bisections; killed {}, survived {})\n",
      s.mutants, s.seconds, s_per, s.in_schema, s.own_builds, s.schema_builds, s.schema_build_failures,
      s.blamed, s.bisections, s.killed, s.survived);
  std::cout << fmt::format("  time        : builds {:.1f} s, runs {:.1f} s, other {:.1f} s\n",
                           s.build_seconds, s.run_seconds,
                           std::max(0.0, s.seconds - s.build_seconds - s.run_seconds));
  std::cout << fmt::format(
      "  in schema   : {:>4} mutants           = {:>8.3f} s/mutant (own builds' time left out)\n",
      s.in_schema, in_per);
  std::cout << fmt::format(
      "per-mutant    : {:>4} mutants in {:>8.1f} s = {:>8.3f} s/mutant (killed {}, survived {})\n",
      naive.stats.mutants, naive.stats.seconds, n_per, naive.stats.killed, naive.stats.survived);
  std::cout << fmt::format("ratio (per-mutant / schema path): {:.1f}x; in-schema mutants: {:.1f}x\n",
                           s_per > 0 ? n_per / s_per : 0.0, in_per > 0 ? n_per / in_per : 0.0);
  if (!s.schema_problem.empty()) std::cout << "schema problem: " << s.schema_problem << "\n";
  return 0;
}

}  // namespace bf::cli
