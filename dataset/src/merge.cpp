// bugforge dataset — merging parts (see merge.h).
#include "bugforge/dataset/merge.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "bugforge/core/diagnostic.h"
#include "bugforge/dataset/gen.h"
#include "bugforge/dataset/store.h"
#include "bugforge/equivalence/equivalence.h"

namespace bf::dataset {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> expand(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const auto& a : args) {
    if (!fs::is_directory(a)) {
      out.push_back(a);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& e : fs::directory_iterator(a)) {
      const auto name = e.path().filename().string();
      if (name.rfind("part-", 0) == 0 && e.path().extension() == ".db") found.push_back(e.path().string());
    }
    if (found.empty()) throw Error("BF-DS-040", fmt::format("no part-*.db files in '{}'", a));
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

struct Part {
  std::string path;
  nlohmann::json settings;
  std::size_t index = 0, count = 0;
  std::vector<Sample> samples;
};

Part load_part(const std::string& path) {
  if (!fs::exists(path)) throw Error("BF-DS-040", fmt::format("part '{}' does not exist", path));
  const fs::path done_path = fs::path(path).replace_extension(".done.json");
  if (!fs::exists(done_path))
    throw Error("BF-DS-040", fmt::format("part '{}' is incomplete: no {} (rerun the same gen command to finish it)",
                                         path, done_path.filename().string()));
  const auto done = nlohmann::json::parse(std::ifstream(done_path), nullptr, false);
  const Store store = Store::open(path, false);
  Part p{path, nlohmann::json::parse(store.meta("settings").value_or("{}")), 0, 0, store.samples()};
  if (done.is_discarded() || !done.contains("checksum"))
    throw Error("BF-DS-040", fmt::format("part '{}': {} is not valid JSON", path, done_path.string()));
  if (done.value("samples", std::size_t{0}) != p.samples.size() || done["checksum"] != label_checksum(p.samples))
    throw Error("BF-DS-040", fmt::format("part '{}' does not match its {}: {} samples stored, {} recorded",
                                         path, done_path.filename().string(), p.samples.size(),
                                         done.value("samples", std::size_t{0})));
  p.index = std::stoull(store.meta("shard_index").value_or("0"));
  p.count = std::stoull(store.meta("shard_count").value_or("0"));
  return p;
}

// Parts whose RTL `equivalent` labels came from an older formal stage (before version 2 some
// were false proofs) are refused by name, whichever part comes first.
void check_formal_version(const std::vector<Part>& parts) {
  for (const auto& p : parts) {
    const auto v = p.settings.value("formal_version", 1);
    if (v != equivalence::kFormalVersion)
      throw Error("BF-DS-043",
                  fmt::format("part '{}' was labelled by formal stage version {}, this bugforge has version {}: "
                              "its `equivalent` RTL samples may be false proofs (version 1 proved a & b equal "
                              "to a | b); relabel it with `bugforge gen` into a fresh --out",
                              p.path, v, equivalence::kFormalVersion));
  }
}

void check_compatible(const std::vector<Part>& parts) {
  check_formal_version(parts);
  const Part& first = parts.front();
  for (const auto& p : parts) {
    for (const auto& [k, v] : first.settings.items())
      if (!p.settings.contains(k) || p.settings[k] != v)
        throw Error("BF-DS-041", fmt::format("part '{}' was made with {} = {}, but '{}' with {}", p.path, k,
                                             p.settings.value(k, nlohmann::json()).dump(), first.path, v.dump()));
  }
  std::set<std::size_t> seen;
  for (const auto& p : parts)
    if (!seen.insert(p.index).second)
      throw Error("BF-DS-042", fmt::format("shard {} of {} is given twice ('{}')", p.index, p.count, p.path));
  for (std::size_t i = 0; i < first.count; ++i)
    if (!seen.count(i))
      throw Error("BF-DS-042", fmt::format("shard {} of {} is missing ({} not given)", i, first.count,
                                           part_name({i, first.count}) + ".db"));
}

}  // namespace

MergeSummary merge_parts(const MergeOptions& opt) {
  const auto paths = expand(opt.parts);
  if (paths.empty()) throw Error("BF-DS-040", "no parts given");
  std::vector<Part> parts;
  for (const auto& p : paths) parts.push_back(load_part(p));
  check_compatible(parts);

  MergeSummary sum;
  sum.parts = parts.size();
  std::vector<Sample> all;
  for (auto& p : parts)
    for (auto& s : p.samples) all.push_back(std::move(s));
  sum.samples_in = all.size();
  std::sort(all.begin(), all.end(), [](const Sample& a, const Sample& b) { return a.id < b.id; });
  std::set<std::string> seen;
  std::vector<Sample> kept;
  for (auto& s : all)
    if (seen.insert(s.content_hash).second) kept.push_back(std::move(s));
  sum.duplicates = sum.samples_in - kept.size();

  sum.family_split = assign_splits(kept, opt.ratios);
  for (auto& s : kept) {
    s.split = sum.family_split.at(s.family);
    ++sum.per_split[s.split];
    ++sum.per_label[label_name(s.label)];
  }
  if (opt.out != ":memory:") fs::remove(opt.out);
  for (const char* ext : {"-wal", "-shm"}) fs::remove(opt.out + ext);
  Store out = Store::open(opt.out, true);
  out.insert_all(kept);
  out.set_meta("settings", parts.front().settings.dump());
  out.set_meta("merged_parts", std::to_string(parts.size()));
  out.set_meta("split_ratios", nlohmann::json{{"train", opt.ratios.train}, {"validation", opt.ratios.validation},
                                              {"test", opt.ratios.test}}.dump());
  out.set_meta("family_split", nlohmann::json(sum.family_split).dump());
  out.set_meta("labeler", Store::open(parts.front().path, false).meta("labeler").value_or(""));
  sum.samples_out = kept.size();
  return sum;
}

}  // namespace bf::dataset
