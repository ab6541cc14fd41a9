// Tests of the diagnostic catalogue against the sources: every code raised is catalogued, every
// catalogued code is raised, all have one shape, and no message carries a bugforge source location.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "bugforge/core/codes.h"
#include "bugforge/core/io.h"

namespace fs = std::filesystem;

namespace {

// The folders whose code raises diagnostics (tests and third-party-free by construction).
const char* const kSourceFolders[] = {"core",        "tools",   "kernels",   "mutators", "simulate",
                                      "equivalence", "dataset", "assistant", "cli"};

// Every .cpp/.h/.cu under the source folders, by path relative to the source root.
std::map<std::string, std::string> sources() {
  std::map<std::string, std::string> out;
  const fs::path root = BUGFORGE_SOURCE_DIR;
  for (const char* folder : kSourceFolders) {
    if (!fs::exists(root / folder)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root / folder)) {
      const auto ext = e.path().extension();
      if (e.is_regular_file() && (ext == ".cpp" || ext == ".h" || ext == ".cu"))
        out[fs::relative(e.path(), root).string()] = bf::read_text(e.path());
    }
  }
  return out;
}

// Codes written as string literals ("BF-..."), by file; the catalogue's own file is left out.
std::map<std::string, std::set<std::string>> raised_codes() {
  static const std::regex literal(R"re("(BF-[A-Za-z0-9-]*)")re");
  std::map<std::string, std::set<std::string>> out;
  for (const auto& [path, text] : sources()) {
    if (path == "core/src/codes.cpp") continue;
    for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it)
      out[(*it)[1].str()].insert(path);
  }
  return out;
}

}  // namespace

TEST_CASE("codes: every code raised in the sources is in the catalogue, in one shape", "[core][codes]") {
  const auto raised = raised_codes();
  REQUIRE(raised.size() > 50);  // the scan found the sources
  for (const auto& [code, files] : raised) {
    INFO(code << " raised in " << *files.begin());
    CHECK(bf::well_formed_code(code));
    CHECK(bf::find_code(code) != nullptr);
  }
}

TEST_CASE("codes: every catalogue entry is raised somewhere, once, with a meaning and an action",
          "[core][codes]") {
  const auto raised = raised_codes();
  std::set<std::string_view> seen;
  for (const auto& c : bf::code_catalogue()) {
    INFO(c.code);
    CHECK(bf::well_formed_code(c.code));
    CHECK(seen.insert(c.code).second);
    CHECK(raised.count(std::string(c.code)) == 1);
    CHECK_FALSE(c.meaning.empty());
    CHECK_FALSE(c.action.empty());
  }
  CHECK(bf::find_code("bf-eqv-003") == bf::find_code("BF-EQV-003"));
  CHECK(bf::find_code("BF-NOPE-001") == nullptr);
  CHECK_FALSE(bf::well_formed_code("BF-CLI-LBL-001"));
  CHECK_FALSE(bf::well_formed_code("BF-CLI-01"));
  CHECK(bf::well_formed_code("BF-CLI-010"));
}

TEST_CASE("codes: no message names a bugforge source file or line", "[core][codes]") {
  // A message such as "check.cpp:287: expected ..." ends up in dataset symptoms; the code says where.
  static const std::regex location(R"re("[A-Za-z_]+\.(cpp|h):)re");
  for (const auto& [path, text] : sources()) {
    std::istringstream lines(text);
    std::string line;
    for (int n = 1; std::getline(lines, line); ++n) {
      const auto first = line.find_first_not_of(' ');
      if (first != std::string::npos && line.compare(first, 2, "//") == 0) continue;  // comments may
      INFO(path << ":" << n << ": " << line);
      CHECK_FALSE(std::regex_search(line, location));
      CHECK(line.find("__LINE__") == std::string::npos);
    }
  }
}
