// bugforge dataset — splits by family (see split.h).
#include "bugforge/dataset/split.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <sstream>

#include "bugforge/core/diagnostic.h"
#include "bugforge/core/hash.h"

namespace bf::dataset {

SplitRatios SplitRatios::parse(const std::string& text) {
  std::vector<double> v;
  std::istringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    try {
      std::size_t used = 0;
      v.push_back(std::stod(part, &used));
      if (used != part.size()) throw std::invalid_argument(part);
    } catch (const std::exception&) {
      throw Error("BF-DS-030", fmt::format("split ratio '{}' is not a number (expected e.g. 0.8,0.1,0.1)", part));
    }
  }
  const double sum = std::accumulate(v.begin(), v.end(), 0.0);
  if (v.size() != 3 || sum <= 0 || std::any_of(v.begin(), v.end(), [](double x) { return x < 0; }))
    throw Error("BF-DS-030", fmt::format("--split '{}': expected three non-negative ratios train,validation,test", text));
  return {v[0] / sum, v[1] / sum, v[2] / sum};
}

const std::vector<std::string>& split_names() {
  static const std::vector<std::string> names = {"train", "validation", "test"};
  return names;
}

namespace {

struct UnionFind {
  std::map<std::string, std::string> parent;
  std::string find(const std::string& x) {
    auto it = parent.try_emplace(x, x).first;
    if (it->second == x) return x;
    it->second = find(it->second);
    return it->second;
  }
  void join(const std::string& a, const std::string& b) {
    const auto ra = find(a), rb = find(b);
    if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
  }
};

}  // namespace

std::map<std::string, std::string> assign_splits(const std::vector<Sample>& samples, const SplitRatios& r) {
  UnionFind uf;
  std::map<std::string, std::string> family_of_text;  // normalised original file -> first family
  for (const auto& s : samples) {
    uf.find(s.family);
    const auto [it, fresh] = family_of_text.try_emplace(normalised_hash(s.fixed_source), s.family);
    if (!fresh) uf.join(it->second, s.family);
  }
  std::map<std::string, std::size_t> group_size;
  std::map<std::string, std::vector<std::string>> members;
  for (const auto& s : samples) ++group_size[uf.find(s.family)];
  for (const auto& [family, _] : uf.parent) members[uf.find(family)].push_back(family);
  std::vector<std::string> groups;
  for (const auto& [g, _] : members) groups.push_back(g);
  std::sort(groups.begin(), groups.end(), [](const std::string& a, const std::string& b) {
    return std::pair(hash64(a), a) < std::pair(hash64(b), b);
  });

  const double total = static_cast<double>(samples.size());
  std::map<std::string, std::string> out;
  std::size_t next = 0;
  const std::vector<std::pair<std::string, double>> order = {{"test", r.test}, {"validation", r.validation}};
  for (std::size_t k = 0; k < order.size(); ++k) {
    const auto& [split, ratio] = order[k];
    const std::size_t later = (k + 1 < order.size() && order[k + 1].second > 0 ? 1 : 0) + (r.train > 0 ? 1 : 0);
    double held = 0;
    while (ratio > 0 && next + later < groups.size() && (held == 0 || held < ratio * total)) {
      held += static_cast<double>(group_size[groups[next]]);
      for (const auto& f : members[groups[next]]) out[f] = split;
      ++next;
    }
  }
  for (; next < groups.size(); ++next)
    for (const auto& f : members[groups[next]]) out[f] = "train";
  return out;
}

}  // namespace bf::dataset
