// bugforge dataset — the generation pipeline (see gen.h).
#include "bugforge/dataset/gen.h"
#include "bugforge/core/io.h"
#include "bugforge/equivalence/equivalence.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "bugforge/core/diagnostic.h"
#include "bugforge/core/hash.h"
#include "bugforge/dataset/store.h"

namespace bf::dataset {

namespace fs = std::filesystem;
using mutators::Mutant;

std::string part_name(const Shard& s) {
  return fmt::format("part-{:05}-of-{:05}", s.index, s.count);
}

namespace {

std::size_t env_number(const std::function<const char*(const char*)>& env, const char* name) {
  const char* v = env(name);
  if (!v || !*v) throw Error("BF-DS-020", fmt::format("environment variable {} is not set", name));
  const std::string s(v);
  if (s.find_first_not_of("0123456789") != std::string::npos)
    throw Error("BF-DS-020",
                fmt::format("environment variable {}='{}' is not a non-negative integer", name, s));
  return std::stoull(s);
}

}  // namespace

void parallel_for(std::size_t n, std::size_t jobs, const std::function<void(std::size_t)>& fn) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  for (std::size_t j = 1; j < std::max<std::size_t>(1, jobs); ++j) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

Shard shard_from_env(const std::string& kind, std::optional<std::size_t> count,
                     const std::function<const char*(const char*)>& env) {
  Shard s;
  if (kind == "slurm") {
    const std::size_t id = env_number(env, "SLURM_ARRAY_TASK_ID");
    const std::size_t min = env("SLURM_ARRAY_TASK_MIN") ? env_number(env, "SLURM_ARRAY_TASK_MIN") : 0;
    s.count = count ? *count : env_number(env, "SLURM_ARRAY_TASK_COUNT");
    if (id < min)
      throw Error("BF-DS-020", fmt::format("SLURM_ARRAY_TASK_ID {} < SLURM_ARRAY_TASK_MIN {}", id, min));
    s.index = id - min;
  } else if (kind == "k8s") {
    s.index = env_number(env, "JOB_COMPLETION_INDEX");
    s.count = count ? *count : env_number(env, "BUGFORGE_SHARD_COUNT");
  } else {
    throw Error("BF-DS-020", fmt::format("unknown scheduler '{}' (expected slurm or k8s)", kind));
  }
  if (s.count == 0 || s.index >= s.count)
    throw Error("BF-DS-020", fmt::format("shard index {} is not below the shard count {}", s.index, s.count));
  return s;
}

std::string label_checksum(const std::vector<Sample>& samples) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& s : samples) pairs.emplace_back(s.id, label_name(s.label));
  std::sort(pairs.begin(), pairs.end());
  Hasher h;
  for (const auto& [id, label] : pairs) h.add(id).add(label);
  return h.hex();
}

nlohmann::json part_settings(const GenSettings& s, const std::string& labeler, const std::string& fingerprint,
                             std::size_t shard_count) {
  auto j = s.to_json();
  j["labeler"] = labeler;
  j["designs_fingerprint"] = fingerprint;
  j["shard_count"] = shard_count;
  j["format"] = "bugforge-dataset-1";
  // A part labelled by another formal stage must not be resumed or merged into this one.
  j["formal_version"] = equivalence::kFormalVersion;
  return j;
}

std::string designs_fingerprint(const std::vector<Design>& designs) {
  Hasher h;
  for (const auto& d : designs) {
    h.add(d.name).add_file(d.manifest_path);
    for (const auto& src : d.sources) h.add_file(src);
  }
  return h.hex();
}

namespace {

// One design's share of the work in this shard.
struct Work {
  Design design;
  std::map<std::string, std::string> texts;  // file (relative) -> original text
  std::vector<Mutant> mutants;               // pending
  std::vector<std::string> clean_files;      // pending clean samples
  std::set<std::string> assigned;            // every id of this shard, stored or pending
  double mutate_each = 0;                    // propose seconds per mutant
  std::string error;
  bool unfinished = false;  // labelling stopped early: the part is not complete
  std::size_t pending() const { return mutants.size() + clean_files.size(); }

  const std::string& text(const std::string& file) {
    auto [it, fresh] = texts.try_emplace(file);
    if (fresh) it->second = read_text(fs::path(design.dir) / file);
    return it->second;
  }
  std::string id_of(const Mutant& m) {
    return sample_id(design.name, m.file, hex64(hash64(text(m.file))), m.offset, m.original, m.replacement);
  }
};

Sample make_sample(Work& w, const Mutant& m, const Verdict& v) {
  const Design& d = w.design;
  Sample s;
  s.id = w.id_of(m);
  s.design = d.name;
  s.family = d.family;
  s.language = language_name(d.language);
  s.top = d.top;
  s.description = d.description;
  s.bug_class = m.bug_class;
  s.file = m.file;
  s.offset = m.offset;
  s.line = m.line;
  s.original = m.original;
  s.replacement = m.replacement;
  s.fixed_source = w.text(m.file);
  const bool edited = !(m.original.empty() && m.replacement.empty());
  s.source = edited ? mutators::apply_mutant(s.fixed_source, m) : s.fixed_source;
  s.diff = edited ? mutators::mutant_diff(s.fixed_source, m) : "";
  s.label = v.label;
  s.detected_by = v.detected_by;
  s.evidence = v.evidence;
  s.symptom = v.symptom;
  s.golden_seeds = v.golden_seeds;
  s.tools = v.tools;
  s.timings = v.timings;
  if (edited) s.timings["mutate"] = w.mutate_each;
  s.content_hash = normalised_hash(s.source);
  return s;
}

Store open_part(const GenOptions& opt, const nlohmann::json& settings, const std::string& labeler) {
  Store store = Store::open((fs::path(opt.out_dir) / (part_name(opt.shard) + ".db")).string(), true);
  if (const auto old = store.meta("settings"); old && nlohmann::json::parse(*old) != settings) {
    const auto prev = nlohmann::json::parse(*old);
    std::string diff;
    for (const auto& [k, v] : settings.items())
      if (!prev.contains(k) || prev[k] != v)
        diff +=
            fmt::format(" {} ({} now, {} in the part)", k, v.dump(), prev.value(k, nlohmann::json()).dump());
    throw Error("BF-DS-003",
                fmt::format("'{}' was made with other settings:{}; use another --out or the same settings",
                            store.path(), diff));
  }
  store.set_meta("settings", settings.dump());
  store.set_meta("labeler", labeler);
  store.set_meta("shard_index", std::to_string(opt.shard.index));
  store.set_meta("shard_count", std::to_string(opt.shard.count));
  return store;
}

void plan(Work& w, Labeler& labeler, const GenOptions& opt, const std::set<std::string>& stored) {
  double seconds = 0;
  auto all = labeler.propose(w.design, opt.settings, seconds);
  w.mutate_each = all.empty() ? 0 : seconds / static_cast<double>(all.size());
  auto mine = [&](const std::string& id) {
    if (shard_of(id, opt.shard.count) != opt.shard.index) return false;
    w.assigned.insert(id);
    return !stored.count(id);
  };
  for (const auto& src : w.design.sources) {
    const std::string file = fs::relative(src, w.design.dir).generic_string();
    if (mine(w.id_of(Mutant{0, "", file}))) w.clean_files.push_back(file);
  }
  for (auto& m : all)
    if (mine(w.id_of(m))) w.mutants.push_back(std::move(m));
}

void write_done(const GenOptions& opt, const std::vector<Sample>& samples, const nlohmann::json& settings,
                GenSummary& sum) {
  const nlohmann::json done = {{"part", part_name(opt.shard)},   {"shard_index", opt.shard.index},
                               {"shard_count", opt.shard.count}, {"samples", samples.size()},
                               {"labels", sum.labels},           {"checksum", label_checksum(samples)},
                               {"settings", settings},           {"skipped_designs", sum.skipped}};
  const fs::path path = fs::path(opt.out_dir) / (part_name(opt.shard) + ".done.json");
  const fs::path tmp = path.string() + ".tmp";
  std::ofstream(tmp) << done.dump(2) << "\n";
  fs::rename(tmp, path);
  sum.done_path = path.string();
}

}  // namespace

GenSummary generate(const GenOptions& opt, Labeler& labeler) {
  const auto t0 = std::chrono::steady_clock::now();
  fs::create_directories(opt.out_dir);
  const auto scan = scan_designs(opt.designs_dir);
  if (scan.designs.empty())
    throw Error("BF-DS-004", fmt::format("no designs found in '{}'", opt.designs_dir));
  const auto settings =
      part_settings(opt.settings, labeler.name(), designs_fingerprint(scan.designs), opt.shard.count);
  Store store = open_part(opt, settings, labeler.name());
  const auto stored = store.ids();

  GenSummary sum;
  sum.db_path = store.path();
  sum.designs = scan.designs.size();
  sum.resumed = stored.size();
  sum.skipped = scan.errors;
  std::vector<Work> works(scan.designs.size());
  parallel_for(works.size(), opt.jobs, [&](std::size_t i) {
    works[i].design = scan.designs[i];
    try {
      plan(works[i], labeler, opt, stored);
    } catch (const std::exception& e) {
      works[i].error = fmt::format("{}: cannot make mutants: {}", works[i].design.name, e.what());
    }
  });
  std::size_t pending = 0;
  for (const auto& w : works) {
    sum.assigned += w.assigned.size();
    pending += w.pending();
  }
  std::stable_sort(works.begin(), works.end(),
                   [](const Work& a, const Work& b) { return a.pending() > b.pending(); });

  Progress progress(opt.progress, sum.assigned, sum.assigned - pending, std::cerr);
  std::mutex mu;
  parallel_for(works.size(), opt.jobs, [&](std::size_t i) {
    Work& w = works[i];
    if (!w.error.empty() || w.pending() == 0) return;
    auto emit = [&](const Mutant& m, const Verdict& v) {
      std::vector<Sample> out;
      if (m.id == 0) {
        if (v.label != Label::Clean) return;  // a broken original: reported below, never stored
        for (const auto& f : w.clean_files) out.push_back(make_sample(w, Mutant{0, "", f}, v));
      } else {
        out.push_back(make_sample(w, m, v));
      }
      for (const auto& s : out) {
        store.insert(s);
        progress.step(s.id, label_name(s.label));
        const std::lock_guard lock(mu);
        ++sum.labelled;
        for (const auto& [stage, secs] : s.timings.items()) sum.stage_seconds[stage] += secs.get<double>();
      }
    };
    try {
      if (!labeler.label(w.design, w.mutants, opt.settings, emit))
        w.error =
            fmt::format("{}: the original design does not pass its own check; its mutants were not labelled",
                        w.design.name);
    } catch (const std::exception& e) {
      w.error = fmt::format("{}: labelling stopped: {}", w.design.name, e.what());
      w.unfinished = true;
    }
    if (!w.error.empty()) progress.note("bugforge gen: " + w.error);
  });
  progress.finish();

  const auto samples = store.samples();
  std::set<std::string> now;
  for (const auto& s : samples) {
    now.insert(s.id);
    ++sum.labels[label_name(s.label)];
    if (s.evidence == Evidence::SoundnessBug)
      sum.soundness_bugs.push_back(fmt::format("{}: {}", s.id, s.symptom.value("detail", "")));
  }
  sum.complete = true;
  for (const auto& w : works) {
    if (!w.error.empty()) sum.skipped.push_back(w.error);
    if (w.unfinished)
      sum.complete = false;
    else if (w.error.empty())
      sum.complete =
          sum.complete && std::includes(now.begin(), now.end(), w.assigned.begin(), w.assigned.end());
  }
  if (sum.complete) write_done(opt, samples, settings, sum);
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return sum;
}

}  // namespace bf::dataset
