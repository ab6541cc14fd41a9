// Tests: the bug class registry (bug_class.h) against the tables of the shared TAXONOMY.md, and
// every class against its mutator and its one mutator file and test file per language.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <string>

#include "bugforge/mutators/bug_class.h"
#include "bugforge/mutators/hls_mutator.h"
#include "bugforge/mutators/rtl.h"

namespace fs = std::filesystem;
using namespace bf::mutators;

namespace {

struct Row {
  Lang lang;
  LabelledBy by;
};

// code -> section of TAXONOMY.md it is listed in (the four "## ..." tables).
std::map<std::string, Row> taxonomy_rows() {
  const fs::path p = fs::path(BUGFORGE_SOURCE_DIR) / ".." / "shared" / "TAXONOMY.md";
  std::ifstream in(p);
  INFO("reading " << p);
  REQUIRE(in);
  std::map<std::string, Row> rows;
  std::optional<Row> section;
  const std::regex code_row(R"(^\| ([A-Z]+) \|)");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      section.reset();
      if (line.find("functional") != std::string::npos) section = Row{Lang::Hls, LabelledBy::Simulation};
      if (line.find("pragma misuse") != std::string::npos) section = Row{Lang::Hls, LabelledBy::PragmaRule};
      if (line.find("Shared by HLS and RTL") != std::string::npos) section = Row{Lang::Both, LabelledBy::Simulation};
      if (line.find("RTL only") != std::string::npos) section = Row{Lang::Rtl, LabelledBy::Simulation};
      continue;
    }
    std::smatch m;
    if (section && std::regex_search(line, m, code_row)) {
      INFO(line);
      CHECK(rows.count(m[1]) == 0);  // listed once
      rows[m[1]] = *section;
    }
  }
  return rows;
}

bool has_hls_mutator(std::string_view code) {
  const auto& t = hls::hls_mutators();
  return std::any_of(t.begin(), t.end(), [&](const hls::HlsMutator& m) { return m.code == code; });
}

bool has_rtl_mutator(std::string_view code) {
  const auto& t = rtl_mutators();
  return std::any_of(t.begin(), t.end(), [&](const auto& m) { return m->code() == code; });
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

TEST_CASE("the bug class registry lists exactly TAXONOMY.md's codes, with its languages and labellers",
          "[bug_class]") {
  const auto rows = taxonomy_rows();
  REQUIRE(rows.size() >= 30);
  CHECK(all_bug_classes().size() == rows.size());
  for (const auto& c : all_bug_classes()) {
    INFO(c.code);
    const auto it = rows.find(std::string(c.code));
    REQUIRE(it != rows.end());
    CHECK(c.lang == it->second.lang);
    CHECK(c.labelled_by == it->second.by);
    CHECK(!c.meaning.empty());
  }
  for (const auto& [code, row] : rows) {
    INFO(code);
    CHECK(find_bug_class(code) != nullptr);
  }
}

TEST_CASE("every bug class has a mutator, a mutator file and a test file for each of its languages",
          "[bug_class]") {
  const fs::path root = BUGFORGE_SOURCE_DIR;
  for (const auto& c : all_bug_classes()) {
    INFO(c.code);
    const std::string stem = lower(c.code);
    if (applies_to(c, Lang::Hls)) {
      CHECK(has_hls_mutator(c.code));
      CHECK(fs::exists(root / "mutators" / "src" / "hls" / (stem + ".cpp")));
      CHECK(fs::exists(root / "tests" / "mutators" / ("test_hls_" + stem + ".cpp")));
    }
    if (applies_to(c, Lang::Rtl)) {
      CHECK(has_rtl_mutator(c.code));
      CHECK(fs::exists(root / "mutators" / "src" / "rtl" / (stem + ".cpp")));
      CHECK(fs::exists(root / "tests" / "mutators" / ("test_rtl_" + stem + ".cpp")));
    }
  }
  CHECK(hls::hls_mutators().size() ==
        static_cast<std::size_t>(std::count_if(all_bug_classes().begin(), all_bug_classes().end(),
                                               [](const BugClass& c) { return applies_to(c, Lang::Hls); })));
  CHECK(rtl_mutators().size() ==
        static_cast<std::size_t>(std::count_if(all_bug_classes().begin(), all_bug_classes().end(),
                                               [](const BugClass& c) { return applies_to(c, Lang::Rtl); })));
}
