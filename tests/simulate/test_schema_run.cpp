// Tests of RTL mutant schemata (mutators/schema.h) and the schema runner (simulate/schema_run.h)
// on the built-in pe_rtl design: the schema text, mutant 0 against the original, a killing
// mutant seen through the schema and through its own build, and the fallback of a mutant that
// cannot live in a schema. Three Verilator builds in all (original, schema, one own build).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "bugforge/core/design.h"
#include "bugforge/mutators/rtl.h"
#include "bugforge/mutators/schema.h"
#include "bugforge/simulate/oracle.h"
#include "bugforge/simulate/schema_run.h"
#include "bugforge/simulate/simulate.h"

namespace {

using bf::mutators::Mutant;

const bf::Design& pe_design() {
  static const bf::Design d = bf::find_design("pe_rtl");
  return d;
}

const std::vector<Mutant>& pe_mutants() {
  static const std::vector<Mutant> ms = bf::mutators::mutate_rtl(pe_design(), {});
  return ms;
}

// The multiplier turned into an adder: the product is wrong on every random vector.
const Mutant& product_mutant() {
  const auto& ms = pe_mutants();
  const auto it = std::find_if(ms.begin(), ms.end(), [](const Mutant& m) {
    return m.bug_class == "OP" && m.original == "*" && m.replacement == "+";
  });
  REQUIRE(it != ms.end());
  return *it;
}

const Mutant& non_schema_mutant() {
  const auto& ms = pe_mutants();
  const auto it = std::find_if(ms.begin(), ms.end(), [](const Mutant& m) { return !m.schema_ok; });
  REQUIRE(it != ms.end());
  return *it;
}

bool contains(const std::vector<std::uint32_t>& v, std::uint32_t id) {
  return std::find(v.begin(), v.end(), id) != v.end();
}

}  // namespace

TEST_CASE("rtl schema: selector declared once per module, included mutants guarded, others excluded",
          "[schema]") {
  const auto s = bf::mutators::make_rtl_schema(pe_design(), pe_mutants());
  REQUIRE(s.overrides.size() == 1);
  const std::string& text = s.overrides[0].second;
  CHECK(text.find("integer bf_mut_sel;") != std::string::npos);
  CHECK(text.find("$value$plusargs(\"bf_mutant=%d\", bf_mut_sel)") != std::string::npos);
  CHECK(text.find("integer bf_mut_sel;") == text.rfind("integer bf_mut_sel;"));  // one module
  const auto& p = product_mutant();
  REQUIRE(contains(s.included, p.id));
  CHECK(text.find(fmt::format("(bf_mut_sel == 32'd{}) ? (", p.id)) != std::string::npos);
  const auto& n = non_schema_mutant();
  REQUIRE(contains(s.excluded, n.id));
  CHECK_FALSE(contains(s.included, n.id));
  CHECK(s.included.size() + s.excluded.size() == pe_mutants().size());
  CHECK(s.excluded.size() == s.excluded_why.size());
}

TEST_CASE("schema runner: mutant 0 is the original, kills match own builds, non-schema mutants fall back",
          "[schema]") {
  const auto& d = pe_design();
  const auto& p = product_mutant();
  const auto& n = non_schema_mutant();
  const std::vector<Mutant> ms = {p, n};
  const auto schema = bf::mutators::make_rtl_schema(d, ms);
  REQUIRE(schema.included == std::vector<std::uint32_t>{p.id});

  SECTION("mutant 0 of the schema build gives the original's outputs and cycles") {
    bf::sim::BuildOptions bo;
    const auto orig = bf::sim::build_design(d, bo);
    bo.source_overrides = schema.overrides;
    const auto sch = bf::sim::build_design(d, bo);
    REQUIRE(orig.ok);
    REQUIRE(sch.ok);
    const auto& k = bf::kernels::require_kernel(d.golden.kernel, d.golden.params);
    const std::vector<bf::kernels::VectorSet> sets = {bf::kernels::generate_inputs(k, d.golden.params, 3)};
    bf::sim::RunOptions ro;
    const auto a = bf::sim::run_design(d, orig, sets, ro);
    ro.args = {bf::mutators::schema_plusarg(0)};
    const auto b = bf::sim::run_design(d, sch, sets, ro);
    REQUIRE(a.status == bf::sim::RunStatus::Ok);
    REQUIRE(b.status == bf::sim::RunStatus::Ok);
    CHECK_FALSE(bf::sim::compare(a.outputs, b, {3}).has_value());
    CHECK(a.cycles == b.cycles);
  }

  SECTION("the runner labels the schema mutant in schema and the other by its own build") {
    bf::sim::SchemaRunOptions o;
    o.vectors = 2;
    const auto run = bf::sim::simulate_mutants(d, ms, o);
    REQUIRE(run.sims.size() == 2);
    CHECK(run.stats.schema_problem.empty());
    CHECK(run.stats.schema_builds == 1);
    CHECK(run.stats.in_schema == 1);
    CHECK(run.stats.own_builds == 1);
    const auto& ps = run.sims[0];
    CHECK(ps.in_schema);
    REQUIRE(ps.main.status == bf::sim::CheckStatus::Mismatch);
    const auto& ns = run.sims[1];
    CHECK_FALSE(ns.in_schema);
    CHECK_FALSE(ns.own_build_why.empty());
    CHECK(ns.main.status != bf::sim::CheckStatus::Error);

    // The same mutant built on its own fails at the same first element with the same values.
    bf::sim::CheckOptions co;
    co.vectors = 2;
    co.seed = o.seed;
    co.golden_backend = bf::kernels::Backend::cpu;
    const auto path = (std::filesystem::path(d.dir) / p.file).string();
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    co.build.source_overrides = {{path, bf::mutators::apply_mutant(text, p)}};
    const auto own = bf::sim::check_design(d, co);
    REQUIRE(own.status == bf::sim::CheckStatus::Mismatch);
    REQUIRE(own.mismatch.has_value());
    REQUIRE(ps.main.mismatch.has_value());
    CHECK(own.mismatch->format() == ps.main.mismatch->format());
  }
}

namespace {

// 1-based line and column of byte `off` of `text`.
std::pair<std::size_t, std::size_t> line_col(const std::string& text, std::size_t off) {
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(
                                   text.begin(), text.begin() + static_cast<std::ptrdiff_t>(off), '\n'));
  const std::size_t nl = text.rfind('\n', off == 0 ? 0 : off - 1);
  return {line, nl == std::string::npos || off == 0 ? off + 1 : off - nl};
}

// `m` with its edit made unbuildable: an undeclared net joins the expression.
Mutant unbuildable(const Mutant& m, std::uint32_t id) {
  Mutant b = m;
  b.id = id;
  b.replacement = m.original + " bf_no_such_net_" + std::to_string(id) + " " + m.original;
  return b;
}

}  // namespace

TEST_CASE("rtl schema: arms map line and column back to their mutant", "[schema]") {
  const auto& p = product_mutant();
  const auto s = bf::mutators::make_rtl_schema(pe_design(), pe_mutants());
  REQUIRE(s.arms.size() == s.included.size());
  const std::string& path = s.overrides[0].first;
  const std::string& text = s.overrides[0].second;
  const auto at = text.find(fmt::format("(bf_mut_sel == 32'd{}) ? (", p.id));
  REQUIRE(at != std::string::npos);
  const auto [line, col] = line_col(text, at + 4);
  CHECK(bf::mutators::mutants_at(s, "/stage" + path, line, col) == std::vector<std::uint32_t>{p.id});
  CHECK(bf::mutators::mutants_at(s, "/elsewhere/x.v", line, col).empty());
  const auto [l1, c1] = line_col(text, text.find("module mac_pe"));
  CHECK(bf::mutators::mutants_at(s, path, l1, c1).empty());
}

TEST_CASE("schema runner: mutants that break the schema build are blamed by error line not bisected",
          "[schema]") {
  const auto& d = pe_design();
  const auto all = bf::mutators::make_rtl_schema(d, pe_mutants());
  std::vector<Mutant> ms, ops;
  for (const auto& m : pe_mutants()) {
    if (!contains(all.included, m.id)) continue;
    if (ms.size() < 10 && m.bug_class != "BLK") ms.push_back(m);  // BLK is never in a schema
    if (m.bug_class == "OP") ops.push_back(m);
  }
  REQUIRE(ms.size() == 10);
  REQUIRE(ops.size() >= 2);
  const std::uint32_t next = pe_mutants().back().id + 1;
  ms.push_back(unbuildable(ops.front(), next));
  ms.push_back(unbuildable(ops.back(), next + 1));

  bf::sim::SchemaRunOptions o;
  o.vectors = 1;
  std::vector<std::uint32_t> streamed;
  o.on_mutant = [&](const bf::sim::MutantSim& r) { streamed.push_back(r.id); };
  const auto run = bf::sim::simulate_mutants(d, ms, o);
  // Bisection of 12 mutants with one bad in each half needs at least 7 schema builds.
  CHECK(run.stats.schema_builds == 2);
  CHECK(run.stats.blamed == 2);
  CHECK(run.stats.bisections == 0);
  CHECK(run.stats.in_schema == 10);
  CHECK(run.stats.own_builds == 2);
  CHECK(streamed.size() == ms.size());
  for (const auto& s : run.sims) {
    const bool broken = s.id >= next;
    CHECK(s.in_schema == !broken);
    if (broken) {
      CHECK(s.main.status == bf::sim::CheckStatus::BuildError);
      CHECK(s.own_build_why.find("breaks the schema build") != std::string::npos);
    }
  }
}

TEST_CASE(
    "schema runner: blocking assignments that clash with non-blocking ones are blamed by the error's "
    "locations",
    "[schema]") {
  // Verilator refuses a variable with both kinds of assignment and names the declaration first,
  // the blocking assignment (inside the mutant's arm) only on a continuation line.
  std::vector<Mutant> ms;
  for (const auto& m : pe_mutants())
    if (m.bug_class == "BLK" && m.schema_ok && ms.size() < 3) ms.push_back(m);
  REQUIRE(ms.size() == 3);
  CHECK(bf::mutators::make_rtl_schema(pe_design(), ms).included.empty());  // excluded up front
  for (auto& m : ms) m.bug_class = "OP";  // disguised, so that the schema maker keeps them
  bf::sim::SchemaRunOptions o;
  o.vectors = 1;
  const auto run = bf::sim::simulate_mutants(pe_design(), ms, o);
  CHECK(run.stats.bisections == 0);
  CHECK(run.stats.blamed >= 1);
  for (const auto& s : run.sims) CHECK(s.main.status != bf::sim::CheckStatus::Error);
}
