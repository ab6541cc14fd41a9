// bugforge tests — sample ids, normalised hashes, the SQLite store and shard selection.
#include <catch2/catch.hpp>

#include <map>

#include "bugforge/core/diagnostic.h"
#include "bugforge/dataset/gen.h"
#include "bugforge/dataset/store.h"
#include "dataset_test_util.h"

using namespace bf::dataset;

namespace {

Sample sample(const std::string& design, std::size_t offset, const std::string& repl) {
  Sample s;
  s.design = design;
  s.family = "fam";
  s.language = "verilog";
  s.file = "rtl/x.v";
  s.offset = offset;
  s.original = "+";
  s.replacement = repl;
  s.source = "assign y = a " + repl + " b;\n";
  s.fixed_source = "assign y = a + b;\n";
  s.id = sample_id(design, s.file, "h", offset, s.original, s.replacement);
  s.label = Label::Buggy;
  s.detected_by = bf::dataset::Detector::Sim;
  s.symptom = {{"kind", "mismatch"}, {"got", 3}};
  s.golden_seeds = {1, 2, 3};
  s.tools = {{"verilator", "Verilator 5.006"}};
  s.timings = {{"build", 1.5}};
  s.content_hash = normalised_hash(s.source);
  return s;
}

}  // namespace

TEST_CASE("sample ids depend on every part of the edit", "[dataset]") {
  const auto base = sample_id("d", "f.v", "h", 10, "+", "-");
  CHECK(base.size() == 16);
  CHECK(base == sample_id("d", "f.v", "h", 10, "+", "-"));
  CHECK(base != sample_id("e", "f.v", "h", 10, "+", "-"));
  CHECK(base != sample_id("d", "g.v", "h", 10, "+", "-"));
  CHECK(base != sample_id("d", "f.v", "i", 10, "+", "-"));
  CHECK(base != sample_id("d", "f.v", "h", 11, "+", "-"));
  CHECK(base != sample_id("d", "f.v", "h", 10, "+", "^"));
  CHECK(sample_id("d", "f.v", "h", 0, "", "") != base);
}

TEST_CASE("normalised hash ignores whitespace layout only", "[dataset]") {
  CHECK(normalised_hash("a = b +  c;\n") == normalised_hash("  a = b + c;"));
  CHECK(normalised_hash("a =\tb\n+ c;") == normalised_hash("a = b + c;"));
  CHECK(normalised_hash("a = b + c;") != normalised_hash("a = b - c;"));
  CHECK(normalised_hash("ab") != normalised_hash("a b"));
}

TEST_CASE("store round-trips samples, ignores repeated ids and finds by prefix", "[dataset]") {
  const auto dir = bft::temp_dir("store");
  const auto path = (dir / "t.db").string();
  const Sample a = sample("d1", 4, "-");
  const Sample b = sample("d1", 4, "^");
  {
    Store st = Store::open(path, true);
    CHECK(st.insert(a));
    CHECK_FALSE(st.insert(a));
    CHECK(st.insert(b));
    st.set_meta("settings", "{\"seed\":1}");
    CHECK(st.count() == 2);
  }
  const Store st = Store::open(path, false);
  CHECK(st.meta("settings") == std::optional<std::string>("{\"seed\":1}"));
  CHECK_FALSE(st.meta("nope"));
  const auto all = st.samples();
  REQUIRE(all.size() == 2);
  const Sample& got = all[0].id == a.id ? all[0] : all[1];
  CHECK(got.design == a.design);
  CHECK(got.offset == a.offset);
  CHECK(got.replacement == a.replacement);
  CHECK(got.source == a.source);
  CHECK(got.label == Label::Buggy);
  CHECK(got.symptom == a.symptom);
  CHECK(got.golden_seeds == a.golden_seeds);
  CHECK(got.tools == a.tools);
  CHECK(got.timings == a.timings);
  CHECK(st.find(a.id.substr(0, 12)).id == a.id);
  CHECK_THROWS_AS(st.find("zz"), bf::Error);
  CHECK_THROWS_AS(st.find(""), bf::Error);
  CHECK_THROWS_AS(Store::open((dir / "missing.db").string(), false), bf::Error);
  bft::fs::remove_all(dir);
}

TEST_CASE("shards come from the Slurm or Kubernetes environment", "[dataset]") {
  std::map<std::string, std::string> env;
  const auto get = [&](const char* n) { return env.count(n) ? env.at(n).c_str() : nullptr; };
  SECTION("slurm arrays starting at 1") {
    env = {{"SLURM_ARRAY_TASK_ID", "3"}, {"SLURM_ARRAY_TASK_MIN", "1"}, {"SLURM_ARRAY_TASK_COUNT", "4"}};
    const Shard s = shard_from_env("slurm", std::nullopt, get);
    CHECK(s.index == 2);
    CHECK(s.count == 4);
    CHECK(part_name(s) == "part-00002-of-00004");
  }
  SECTION("slurm index past the count is refused") {
    env = {{"SLURM_ARRAY_TASK_ID", "5"}, {"SLURM_ARRAY_TASK_MIN", "1"}, {"SLURM_ARRAY_TASK_COUNT", "4"}};
    CHECK_THROWS_AS(shard_from_env("slurm", std::nullopt, get), bf::Error);
  }
  SECTION("kubernetes needs the count from outside") {
    env = {{"JOB_COMPLETION_INDEX", "2"}};
    CHECK_THROWS_WITH(shard_from_env("k8s", std::nullopt, get), Catch::Contains("BUGFORGE_SHARD_COUNT"));
    CHECK(shard_from_env("k8s", 3, get).index == 2);
    env["BUGFORGE_SHARD_COUNT"] = "5";
    CHECK(shard_from_env("k8s", std::nullopt, get).count == 5);
    env["JOB_COMPLETION_INDEX"] = "x1";
    CHECK_THROWS_WITH(shard_from_env("k8s", 3, get), Catch::Contains("JOB_COMPLETION_INDEX"));
  }
  SECTION("unknown scheduler") {
    CHECK_THROWS_AS(shard_from_env("pbs", 2, get), bf::Error);
  }
}

TEST_CASE("every id belongs to exactly one shard", "[dataset]") {
  std::map<std::size_t, int> hits;
  for (int i = 0; i < 200; ++i) ++hits[shard_of(sample_id("d", "f", "h", i, "a", "b"), 4)];
  CHECK(hits.size() == 4);
  for (const auto& [shard, n] : hits) CHECK(n > 20);
}
