// bugforge tests — the generation pipeline's mechanics with a scripted labeler: shards merged
// equal one run, resume after a crash loses and repeats nothing, merge refuses bad parts,
// duplicates are removed and splits keep families (and shared files) apart.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "bugforge/core/diagnostic.h"
#include "bugforge/dataset/gen.h"
#include "bugforge/dataset/merge.h"
#include "bugforge/dataset/store.h"
#include "bugforge/equivalence/equivalence.h"
#include "dataset_test_util.h"

using namespace bf::dataset;
namespace fs = std::filesystem;

namespace {

// A small corpus of real designs plus a twin of fir_rtl under another family (duplicate text).
fs::path corpus(const std::string& tag) {
  const auto dir = bft::temp_dir(tag);
  bft::copy_designs(dir, {"fir_rtl", "fir_hls", "gemm_os_rtl", "requant_rtl", "fifo_rtl", "pe_rtl", "skid_buffer_rtl"});
  bft::twin_design(dir, "fir_rtl", "fir_twin_rtl", "fir_twin");
  return dir;
}

GenOptions options(const fs::path& designs, const fs::path& out, Shard shard, std::size_t jobs = 2) {
  GenOptions o;
  o.designs_dir = designs.string();
  o.out_dir = out.string();
  o.jobs = jobs;
  o.settings.per_design = 12;
  o.shard = shard;
  return o;
}

std::map<std::string, std::string> labels_of(const std::string& db) {
  std::map<std::string, std::string> out;
  for (const auto& s : Store::open(db, false).samples()) out[s.id] = label_name(s.label);
  return out;
}

}  // namespace

TEST_CASE("N shards merged give the same dataset as one process", "[dataset]") {
  const auto designs = corpus("shards");
  const auto root = bft::temp_dir("shards-out");
  bft::ScriptedLabeler one;
  const auto whole = generate(options(designs, root / "one", {0, 1}), one);
  REQUIRE(whole.complete);
  CHECK(fs::exists(whole.done_path));
  std::size_t labelled = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    bft::ScriptedLabeler l;
    const auto part = generate(options(designs, root / "three", {i, 3}, 1), l);
    REQUIRE(part.complete);
    labelled += part.labelled;
    for (const auto& s : Store::open(part.db_path, false).samples()) CHECK(shard_of(s.id, 3) == i);
  }
  CHECK(labelled == whole.labelled);
  MergeOptions m1{{(root / "one").string()}, (root / "one.db").string(), {}};
  MergeOptions m3{{(root / "three").string()}, (root / "three.db").string(), {}};
  const auto s1 = merge_parts(m1);
  const auto s3 = merge_parts(m3);
  CHECK(s1.samples_out == s3.samples_out);
  CHECK(labels_of(m1.out) == labels_of(m3.out));
  CHECK(s1.family_split == s3.family_split);
  // The twin's samples repeat fir_rtl's text: merge keeps one of each.
  CHECK(s1.duplicates >= 13);
  fs::remove_all(designs);
  fs::remove_all(root);
}

TEST_CASE("a crashed run resumes without duplicates or losses", "[dataset]") {
  const auto designs = corpus("resume");
  const auto root = bft::temp_dir("resume-out");
  bft::ScriptedLabeler ref;
  const auto full = generate(options(designs, root / "ref", {0, 1}), ref);
  REQUIRE(full.complete);

  bft::ScriptedLabeler crashing(25);
  const auto first = generate(options(designs, root / "run", {0, 1}, 1), crashing);
  CHECK_FALSE(first.complete);
  CHECK_FALSE(first.skipped.empty());
  const auto db = first.db_path;
  const auto done = fs::path(db).replace_extension(".done.json");
  CHECK_FALSE(fs::exists(done));
  const std::size_t stored = Store::open(db, false).count();
  CHECK(stored > 0);
  CHECK(stored < full.assigned);
  CHECK_THROWS_WITH(merge_parts({{db}, (root / "m.db").string(), {}}), Catch::Contains("incomplete"));

  bft::ScriptedLabeler again;
  const auto second = generate(options(designs, root / "run", {0, 1}, 1), again);
  CHECK(second.complete);
  CHECK(second.resumed == stored);
  CHECK(second.labelled == full.assigned - stored);
  CHECK(labels_of(db) == labels_of(full.db_path));
  CHECK(fs::exists(done));
  fs::remove_all(designs);
  fs::remove_all(root);
}

TEST_CASE("merge refuses missing shards and mismatched settings, naming them", "[dataset]") {
  const auto designs = corpus("refuse");
  const auto root = bft::temp_dir("refuse-out");
  for (std::size_t i = 0; i < 2; ++i) {
    bft::ScriptedLabeler l;
    REQUIRE(generate(options(designs, root / "a", {i, 2}, 1), l).complete);
  }
  const auto p0 = (root / "a" / "part-00000-of-00002.db").string();
  const auto p1 = (root / "a" / "part-00001-of-00002.db").string();
  CHECK_THROWS_WITH(merge_parts({{p0}, (root / "m.db").string(), {}}), Catch::Contains("shard 1 of 2 is missing"));
  CHECK_THROWS_WITH(merge_parts({{p0, p0}, (root / "m.db").string(), {}}), Catch::Contains("given twice"));

  auto other = options(designs, root / "b", {1, 2}, 1);
  other.settings.seed = 7;
  bft::ScriptedLabeler l;
  REQUIRE(generate(other, l).complete);
  const auto b1 = (root / "b" / "part-00001-of-00002.db").string();
  CHECK_THROWS_WITH(merge_parts({{p0, b1}, (root / "m.db").string(), {}}), Catch::Contains("seed"));

  // Resuming a part with other settings is refused too.
  bft::ScriptedLabeler l2;
  other.settings.seed = 8;
  CHECK_THROWS_WITH(generate(other, l2), Catch::Contains("other settings"));
  CHECK(merge_parts({{p0, p1}, (root / "m.db").string(), {}}).samples_out > 0);
  fs::remove_all(designs);
  fs::remove_all(root);
}

// A part made before the formal stage's soundness fix (no formal_version in its settings: version
// 1, whose `equivalent` RTL labels may be false proofs) is refused whichever place it has.
TEST_CASE("merge and gen refuse a part labelled by an older formal stage", "[dataset]") {
  const auto designs = corpus("formal-version");
  const auto root = bft::temp_dir("formal-version-out");
  for (std::size_t i = 0; i < 2; ++i) {
    bft::ScriptedLabeler l;
    REQUIRE(generate(options(designs, root / "a", {i, 2}, 1), l).complete);
  }
  const auto p0 = (root / "a" / "part-00000-of-00002.db").string();
  const auto p1 = (root / "a" / "part-00001-of-00002.db").string();
  {
    Store old = Store::open(p1, false);
    auto settings = nlohmann::json::parse(old.meta("settings").value());
    REQUIRE(settings.value("formal_version", 0) == bf::equivalence::kFormalVersion);
    settings.erase("formal_version");
    old.set_meta("settings", settings.dump());
  }
  const auto out = (root / "m.db").string();
  CHECK_THROWS_WITH(merge_parts({{p0, p1}, out, {}}), Catch::Contains("formal stage version 1"));
  CHECK_THROWS_WITH(merge_parts({{p1, p0}, out, {}}), Catch::Contains("may be false proofs"));
  bft::ScriptedLabeler l;
  CHECK_THROWS_WITH(generate(options(designs, root / "a", {1, 2}, 1), l), Catch::Contains("formal_version"));
  fs::remove_all(designs);
  fs::remove_all(root);
}

TEST_CASE("splits keep each family, and each shared file, on one side", "[dataset]") {
  const auto designs = corpus("splits");
  const auto root = bft::temp_dir("splits-out");
  bft::ScriptedLabeler l;
  REQUIRE(generate(options(designs, root / "p", {0, 1}), l).complete);
  MergeOptions m{{(root / "p").string()}, (root / "d.db").string(), SplitRatios::parse("0.6,0.2,0.2")};
  const auto sum = merge_parts(m);
  const auto samples = Store::open(m.out, false).samples();
  std::map<std::string, std::set<std::string>> family_splits, file_splits;
  std::set<std::string> content;
  for (const auto& s : samples) {
    family_splits[s.family].insert(s.split);
    file_splits[normalised_hash(s.fixed_source)].insert(s.split);
    CHECK(content.insert(s.content_hash).second);  // no duplicate survives
  }
  for (const auto& [f, splits] : family_splits) CHECK(splits.size() == 1);
  for (const auto& [f, splits] : file_splits) CHECK(splits.size() == 1);
  CHECK(sum.per_split.count("train"));
  CHECK(sum.per_split.count("validation"));
  CHECK(sum.per_split.count("test"));
  CHECK(sum.family_split.at("fir") == sum.family_split.at("fir_twin"));
  // Stable: the same input gives the same assignment.
  CHECK(assign_splits(samples, m.ratios) == sum.family_split);
  CHECK_THROWS_AS(SplitRatios::parse("0.8,0.2"), bf::Error);
  CHECK_THROWS_AS(SplitRatios::parse("a,b,c"), bf::Error);
  CHECK(SplitRatios::parse("8,1,1").train == Approx(0.8));
  fs::remove_all(designs);
  fs::remove_all(root);
}
