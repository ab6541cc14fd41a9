// bugforge tests — helpers for the RTL mutator tests: a one-file design in a scratch folder,
// its candidates for one class, and checks that every candidate is anchored in the source.
#pragma once

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bugforge/core/design.h"
#include "bugforge/mutators/rtl.h"
#include "bugforge/mutators/vl_ast.h"

namespace bf::test {

inline Design scratch_design(const std::string& verilog, const std::string& top) {
  static int n = 0;
  const auto dir = std::filesystem::temp_directory_path() /
                   ("bf-rtl-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "t.v") << verilog;
  Design d;
  d.dir = dir.string();
  d.name = "t";
  d.top = top;
  d.language = Language::Verilog;
  d.sources = {(dir / "t.v").string()};
  return d;
}

inline std::vector<mutators::Mutant> candidates(const std::string& verilog, const std::string& cls,
                                                const std::string& top = "t") {
  const Design d = scratch_design(verilog, top);
  const auto ast = mutators::read_design_ast(d);
  auto ms = mutators::rtl_candidates(d, ast, {cls});
  for (const auto& m : ms) {
    INFO(m.description);
    REQUIRE(m.bug_class == cls);
    REQUIRE(verilog.compare(m.offset, m.original.size(), m.original) == 0);
  }
  std::filesystem::remove_all(d.dir);
  return ms;
}

// The mutated text of the one-file design.
inline std::string applied(const std::string& verilog, const mutators::Mutant& m) {
  return mutators::apply_mutant(verilog, m);
}

inline bool has_edit(const std::vector<mutators::Mutant>& ms, const std::string& from, const std::string& to) {
  for (const auto& m : ms)
    if (m.original == from && m.replacement == to) return true;
  return false;
}

}  // namespace bf::test
