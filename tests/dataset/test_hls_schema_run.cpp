// Tests of the schema runner (dataset/schema_run.h) on an HLS design: requant_hls mutants
// simulated through one HLS schema build give the same verdicts as their own builds.
//
// Algorithm: take an even spread of 6 simulation-class mutants, run them with use_schema on
// and off in one private cache, and compare status and message per mutant.
#include <catch2/catch.hpp>

#include <filesystem>

#include "bugforge/core/design.h"
#include "bugforge/dataset/schema_run.h"
#include "bugforge/mutators/bug_class.h"
#include "bugforge/mutators/hls_mutator.h"

TEST_CASE("hls schema run: verdicts through the schema match own builds", "[schema][hls]") {
  const bf::Design d = bf::find_design("requant_hls");
  std::vector<bf::mutators::Mutant> all, ms;
  for (auto& m : bf::mutators::hls_candidates(d, {}))
    if (bf::mutators::find_bug_class(m.bug_class)->oracle != bf::mutators::Oracle::PragmaRule)
      all.push_back(m);
  REQUIRE(all.size() >= 6);
  for (std::size_t i = 0; i < 6; ++i) ms.push_back(all[i * all.size() / 6]);
  bf::dataset::SchemaRunOptions o;
  o.vectors = 4;
  o.cache_dir = (std::filesystem::temp_directory_path() / "bf-hls-schema-run").string();
  const auto schema = bf::dataset::simulate_mutants(d, ms, o);
  CHECK(schema.stats.schema_problem.empty());
  CHECK(schema.stats.in_schema > 0);
  o.use_schema = false;
  const auto own = bf::dataset::simulate_mutants(d, ms, o);
  REQUIRE(own.sims.size() == schema.sims.size());
  for (std::size_t i = 0; i < ms.size(); ++i) {
    INFO("mutant " << ms[i].id << " " << ms[i].bug_class << " " << ms[i].description);
    CHECK(schema.sims[i].main.status == own.sims[i].main.status);
  }
  std::filesystem::remove_all(o.cache_dir);
}
