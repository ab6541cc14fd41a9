// Tests of the schema runner (simulate/schema_run.h) on an HLS design: requant_hls mutants
// simulated through one HLS schema build give the same verdicts as their own builds.
//
// Algorithm: take an even spread of 6 simulation-class mutants, run them with use_schema on
// and off in one private cache, and compare status and message per mutant.
#include <catch2/catch.hpp>

#include <filesystem>

#include "bugforge/core/design.h"
#include "bugforge/mutators/bug_class.h"
#include "bugforge/mutators/hls_mutator.h"
#include "bugforge/simulate/schema_run.h"

TEST_CASE("hls schema run: verdicts through the schema match own builds", "[schema][hls]") {
  const bf::Design d = bf::find_design("requant_hls");
  std::vector<bf::mutators::Mutant> all, ms;
  for (auto& m : bf::mutators::hls_candidates(d, {}))
    if (bf::mutators::find_bug_class(m.bug_class)->labelled_by != bf::mutators::LabelledBy::PragmaRule)
      all.push_back(m);
  REQUIRE(all.size() >= 6);
  for (std::size_t i = 0; i < 6; ++i) ms.push_back(all[i * all.size() / 6]);
  bf::sim::SchemaRunOptions o;
  o.vectors = 4;
  o.cache_dir = (std::filesystem::temp_directory_path() / "bf-hls-schema-run").string();
  const auto schema = bf::sim::simulate_mutants(d, ms, o);
  CHECK(schema.stats.schema_problem.empty());
  CHECK(schema.stats.in_schema > 0);
  o.use_schema = false;
  const auto own = bf::sim::simulate_mutants(d, ms, o);
  REQUIRE(own.sims.size() == schema.sims.size());
  for (std::size_t i = 0; i < ms.size(); ++i) {
    INFO("mutant " << ms[i].id << " " << ms[i].bug_class << " " << ms[i].description);
    CHECK(schema.sims[i].main.status == own.sims[i].main.status);
  }
  std::filesystem::remove_all(o.cache_dir);
}

TEST_CASE("hls schema run: a mutant whose function copy does not compile is blamed not bisected",
          "[schema][hls]") {
  const bf::Design d = bf::find_design("requant_hls");
  std::vector<bf::mutators::Mutant> ms;
  for (auto& m : bf::mutators::hls_candidates(d, {}))
    if (bf::mutators::find_bug_class(m.bug_class)->labelled_by != bf::mutators::LabelledBy::PragmaRule &&
        ms.size() < 6)
      ms.push_back(m);
  REQUIRE(ms.size() == 6);
  auto broken = ms.back();  // the same site, but its copy names an undeclared variable
  broken.id = ms.back().id + 1000;
  broken.replacement = "(bf_undeclared_name) " + broken.replacement;
  ms.push_back(broken);
  bf::sim::SchemaRunOptions o;
  o.vectors = 1;
  o.extra_vectors = 0;
  o.cache_dir = (std::filesystem::temp_directory_path() / "bf-hls-schema-blame").string();
  const auto run = bf::sim::simulate_mutants(d, ms, o);
  CHECK(run.stats.blamed == 1);
  CHECK(run.stats.bisections == 0);
  CHECK(run.stats.schema_builds == 2);
  REQUIRE(run.sims.size() == ms.size());
  const auto& b = run.sims.back();
  CHECK_FALSE(b.in_schema);
  CHECK(b.own_build_why.find("bf_undeclared_name") != std::string::npos);
  CHECK(b.main.status == bf::sim::CheckStatus::BuildError);
  std::filesystem::remove_all(o.cache_dir);
}
