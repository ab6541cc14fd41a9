// Tests for the HLS pragma model and rule checker: every rule fires on its misuse, at its line,
// and the built-in HLS designs lint clean.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "bugforge/core/design.h"
#include "bugforge/mutators/bug_class.h"
#include "hls_test_util.h"

using namespace bf::mutators::hls;

TEST_CASE("hls pragma model: directives, options and attachment", "[mutators][hls]") {
  const Unit u = bf::test::parse_hls(
      "void f(int a[8]) {\n#pragma HLS INTERFACE m_axi port = a offset=slave\n  for (int i = 0; i < 8; i += 2) {\n"
      "#pragma HLS pipeline II=2\n    a[i] = 0;\n  }\n}\n");
  const PragmaModel m = build_pragma_model(u);
  REQUIRE(m.pragmas.size() == 2);
  const Pragma& itf = m.pragmas[0];
  CHECK(itf.directive == "interface");
  CHECK(itf.get("port") == "a");
  REQUIRE(itf.variable >= 0);
  CHECK(u.node(itf.variable).kind == NodeKind::Param);
  CHECK(itf.loop == -1);
  const Pragma& pipe = m.pragmas[1];
  CHECK(pipe.number("ii") == 2);
  CHECK(pipe.line == 4);
  REQUIRE(m.loops.size() == 1);
  CHECK(pipe.loop == m.loops[0].node);
  CHECK(m.loops[0].trip == 4);
  CHECK(m.pipelined(0));
}

TEST_CASE("hls pragma checker: each misuse reports its rule at its line", "[mutators][hls]") {
  const std::string path = bf::test::hls_data_dir() + "/pragma_misuse.cpp";
  const Unit u = Unit::parse(path, {});
  std::multimap<std::string, int> found;
  for (const auto& f : check_pragmas(u, build_pragma_model(u))) {
    found.emplace(f.code, f.line);
    CHECK_FALSE(f.message.empty());
  }
  const std::vector<std::pair<std::string, int>> expected = {
      {"BF-HLS-130", 6},  {"BF-HLS-131", 7},  {"BF-HLS-132", 8},  {"BF-HLS-101", 10}, {"BF-HLS-102", 12},
      {"BF-HLS-103", 14}, {"BF-HLS-104", 16}, {"BF-HLS-110", 24}, {"BF-HLS-111", 29}, {"BF-HLS-120", 33},
      {"BF-HLS-141", 37}, {"BF-HLS-140", 38}, {"BF-HLS-133", 42},
  };
  for (const auto& [code, line] : expected) {
    INFO(code << " at line " << line);
    bool hit = false;
    for (auto [it, end] = found.equal_range(code); it != end; ++it) hit = hit || it->second == line;
    CHECK(hit);
  }
  CHECK(found.size() == expected.size());
}

TEST_CASE("hls pragma checker: rule table codes are unique and carry classes", "[mutators][hls]") {
  std::set<std::string_view> codes;
  for (const auto& r : pragma_rules()) {
    CHECK(codes.insert(r.code).second);
    if (!r.bug_class.empty()) CHECK(bf::mutators::find_bug_class(r.bug_class));
  }
}

TEST_CASE("hls pragma checker: built-in HLS designs lint clean", "[mutators][hls]") {
  const auto scan = bf::scan_designs(bf::builtin_designs_dir());
  int hls_designs = 0;
  for (const auto& d : scan.designs) {
    if (d.language != bf::Language::HlsCpp) continue;
    ++hls_designs;
    for (const auto& src : d.sources) {
      const Unit u = Unit::parse(src, design_parse_options(d));
      for (const auto& f : check_pragmas(u, build_pragma_model(u))) FAIL(src << ":" << f.line << " " << f.message);
    }
  }
  CHECK(hls_designs > 0);
}
