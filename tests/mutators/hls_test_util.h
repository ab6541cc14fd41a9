// Helpers for the HLS mutator tests: mutate C++ given as a string, as if it were a file in
// tests/data/hls_mut (so `#include "hls_min.h"` finds the minimal HLS types).
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "bugforge/mutators/hls_mutator.h"

namespace bf::test {

inline std::string hls_data_dir() { return std::string(BUGFORGE_SOURCE_DIR) + "/tests/data/hls_mut"; }

inline mutators::hls::Unit parse_hls(const std::string& code) {
  return mutators::hls::Unit::parse(hls_data_dir() + "/inline.cpp", {}, code);
}

inline std::vector<mutators::Mutant> hls_mutants(const std::string& code, const std::string& cls) {
  const auto u = parse_hls(code);
  const auto pm = mutators::hls::build_pragma_model(u);
  return mutators::hls::mutate_source({u, pm}, "inline.cpp", {cls});
}

inline const mutators::Mutant* find_mutant(const std::vector<mutators::Mutant>& ms, const std::string& original,
                                           const std::string& replacement) {
  const auto it = std::find_if(ms.begin(), ms.end(), [&](const mutators::Mutant& m) {
    return m.original == original && m.replacement == replacement;
  });
  return it == ms.end() ? nullptr : &*it;
}

// Pragma rule codes the checker reports on `code`.
inline std::vector<std::string> rule_codes(const std::string& code) {
  const auto u = parse_hls(code);
  std::vector<std::string> out;
  for (const auto& f : mutators::hls::check_pragmas(u, mutators::hls::build_pragma_model(u))) out.push_back(f.code);
  return out;
}

// Rule codes reported on `code` once mutant `m` is applied.
inline std::vector<std::string> codes_after(const std::string& code, const mutators::Mutant& m) {
  return rule_codes(mutators::apply_mutant(code, m));
}

inline bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace bf::test
