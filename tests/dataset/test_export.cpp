// bugforge tests — exports: the fields each format requires, the hf layout and card, and that no
// prompt gives its answer away.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "bugforge/dataset/export.h"
#include "bugforge/dataset/gen.h"
#include "bugforge/dataset/merge.h"
#include "bugforge/dataset/store.h"
#include "bugforge/mutators/bug_class.h"
#include "dataset_test_util.h"

using namespace bf::dataset;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A merged dataset from four real designs, built once for all export tests.
const std::string& merged_db() {
  static const std::string db = [] {
    const auto dir = bft::temp_dir("export");
    bft::copy_designs(dir / "designs", {"fir_rtl", "fir_hls", "gemm_os_rtl", "requant_rtl", "fifo_rtl"});
    GenOptions o;
    o.designs_dir = (dir / "designs").string();
    o.out_dir = (dir / "parts").string();
    o.settings.per_design = 10;
    bft::ScriptedLabeler l;
    generate(o, l);
    const auto out = (dir / "dataset.db").string();
    merge_parts({{o.out_dir}, out, SplitRatios::parse("0.6,0.2,0.2")});
    return out;
  }();
  return db;
}

std::vector<json> read_jsonl(const fs::path& p) {
  std::vector<json> rows;
  std::istringstream in(bft::slurp(p));
  std::string line;
  while (std::getline(in, line)) rows.push_back(json::parse(line));
  return rows;
}

// The prompt with its code block cut out.
std::string outside_code(const std::string& prompt) {
  const auto a = prompt.find("```");
  const auto b = prompt.rfind("```");
  return a == std::string::npos ? prompt : prompt.substr(0, a) + prompt.substr(b + 3);
}

}  // namespace

TEST_CASE("chat export writes OpenAI/TRL messages per split", "[dataset]") {
  const auto out = bft::temp_dir("chat");
  const auto r = export_dataset(merged_db(), "chat", Task::Detect, out.string());
  REQUIRE_FALSE(r.files.empty());
  std::size_t rows = 0;
  for (const auto& f : r.files) {
    for (const auto& row : read_jsonl(f)) {
      ++rows;
      REQUIRE(row.size() == 1);
      const auto& m = row.at("messages");
      REQUIRE(m.size() == 3);
      CHECK(m[0]["role"] == "system");
      CHECK(m[1]["role"] == "user");
      CHECK(m[2]["role"] == "assistant");
      for (const auto& msg : m) CHECK_FALSE(msg["content"].get<std::string>().empty());
      const auto answer = m[2]["content"].get<std::string>();
      CHECK((answer == "buggy" || answer == "correct"));
    }
  }
  std::size_t expected = 0;
  for (const auto& [split, n] : r.rows) expected += n;
  CHECK(rows == expected);
  fs::remove_all(out);
}

TEST_CASE("detect mixes buggy with clean and equivalent samples, other tasks use buggy ones", "[dataset]") {
  const auto samples = Store::open(merged_db(), false).samples();
  std::map<std::string, std::set<std::string>> seen;
  for (const auto& s : samples)
    for (const Task t : all_tasks())
      if (task_uses(t, s)) seen[task_name(t)].insert(label_name(s.label));
  CHECK(seen["detect"] == std::set<std::string>{"buggy", "clean", "equivalent"});
  CHECK(seen["classify"] == std::set<std::string>{"buggy"});
  CHECK(seen["repair"] == std::set<std::string>{"buggy"});
}

TEST_CASE("alpaca export has instruction, input and output", "[dataset]") {
  const auto out = bft::temp_dir("alpaca");
  const auto r = export_dataset(merged_db(), "alpaca", Task::Classify, out.string());
  REQUIRE_FALSE(r.files.empty());
  for (const auto& f : r.files)
    for (const auto& row : read_jsonl(f)) {
      CHECK(row.size() == 3);
      CHECK_FALSE(row.at("instruction").get<std::string>().empty());
      CHECK(row.at("input").get<std::string>().find("```") != std::string::npos);
      CHECK(bf::mutators::find_bug_class(row.at("output").get<std::string>()) != nullptr);
    }
  fs::remove_all(out);
}

TEST_CASE("hf export: data files named by split and a dataset card that lists them", "[dataset]") {
  const auto out = bft::temp_dir("hf");
  const auto r = export_dataset(merged_db(), "hf", Task::Localize, out.string());
  const std::string card = bft::slurp(out / "README.md");
  REQUIRE(card.rfind("---\n", 0) == 0);
  CHECK(card.find("configs:") != std::string::npos);
  CHECK(card.find("How labels were earned") != std::string::npos);
  CHECK(card.find("Families per split") != std::string::npos);
  CHECK(card.find("Tool versions") != std::string::npos);
  REQUIRE(r.rows.size() == 3);
  for (const auto& [split, n] : r.rows) {
    const fs::path rel = "data/" + split + "-00000-of-00001.jsonl";
    CHECK(card.find("path: " + rel.string()) != std::string::npos);
    const auto rows = read_jsonl(out / rel);
    CHECK(rows.size() == n);
    for (const auto& row : rows) {
      for (const char* k : {"id", "task", "design", "family", "language", "split", "label", "bug_class",
                            "prompt", "completion", "messages"})
        CHECK(row.contains(k));
      CHECK(row["split"] == split);
      CHECK(row["completion"].get<std::string>().rfind("line ", 0) == 0);
    }
  }
  fs::remove_all(out);
}

TEST_CASE("no prompt reveals its answer", "[dataset]") {
  const auto samples = Store::open(merged_db(), false).samples();
  std::map<std::string, std::string> clean_frame;  // design -> detect prompt without its code
  for (const auto& s : samples)
    if (s.label == Label::Clean) clean_frame[s.design] = outside_code(make_example(Task::Detect, s).prompt());
  REQUIRE_FALSE(clean_frame.empty());
  std::size_t checked = 0;
  for (const auto& s : samples) {
    for (const Task t : all_tasks()) {
      if (!task_uses(t, s)) continue;
      const auto e = make_example(t, s);
      // The specification is the design's own text, identical for every sample of the design
      // (checked below); the rest of the frame must not name any class.
      std::string text = e.system + "\n" + outside_code(e.prompt());
      text.erase(text.find(s.description), s.description.size());
      for (const auto& c : bf::mutators::all_bug_classes()) {
        INFO(s.id << " " << c.code);
        CHECK(text.find(" " + std::string(c.code) + " ") == std::string::npos);
      }
      for (const char* w : {"mutant", "mutat", "inject", s.design.c_str(), s.file.c_str()}) {
        INFO(w);
        CHECK(e.prompt().find(w) == std::string::npos);
      }
      // The code shown is exactly the file the tools ran, under a neutral name.
      CHECK(e.input.find(s.source) != std::string::npos);
      CHECK(e.input.find("File design.") == 0);
      ++checked;
    }
    // A buggy and a clean sample of one design differ only inside the code block.
    if (s.label != Label::Clean && clean_frame.count(s.design))
      CHECK(outside_code(make_example(Task::Detect, s).prompt()) == clean_frame[s.design]);
  }
  CHECK(checked > 50);
}
