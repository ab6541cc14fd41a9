// bugforge dataset — the generation pipeline: designs -> mutants -> labels -> one SQLite part.
//
// Algorithm: scan the designs; propose every design's mutants (cheap, in parallel); give each
// candidate its content id and keep those whose id falls in this shard (id mod count == index)
// and that the part does not already hold (resume). Then `jobs` workers take designs, largest
// first, and label their pending mutants; each labelled sample is committed in its own
// transaction the moment it is earned. When every assigned sample is stored, write
// part-….done.json with the counts and a checksum over the sorted ids and labels. Which shard
// labels a sample never changes its id or content, so N shards merged equal one run.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bugforge/dataset/labeler.h"
#include "bugforge/dataset/progress.h"
#include "bugforge/dataset/sample.h"

namespace bf::dataset {

struct Shard {
  std::size_t index = 0, count = 1;
};

// "part-00002-of-00008" (no extension).
std::string part_name(const Shard& s);

// The shard from a scheduler's environment. slurm: SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN of
// SLURM_ARRAY_TASK_COUNT (arrays may start at 1); k8s: JOB_COMPLETION_INDEX of `count` (Kubernetes
// gives no count: pass --shard-count or set BUGFORGE_SHARD_COUNT). Throws BF-DS-020 naming the
// missing or bad variable. `env` reads a variable (nullptr when unset).
Shard shard_from_env(const std::string& kind, std::optional<std::size_t> count,
                     const std::function<const char*(const char*)>& env);

struct GenOptions {
  std::string designs_dir;  // folder of design folders
  std::string out_dir;
  std::size_t jobs = 1;
  GenSettings settings;
  Shard shard;
  ProgressMode progress = ProgressMode::Off;
};

struct GenSummary {
  std::string db_path, done_path;
  std::size_t designs = 0, proposed = 0, assigned = 0, resumed = 0, labelled = 0;
  std::map<std::string, std::size_t> labels;    // over the whole part
  std::map<std::string, double> stage_seconds;  // summed over samples labelled now
  std::vector<std::string> skipped;             // designs not labelled, with the reason
  // Proofs that their re-check refuted (stored as unknown, evidence soundness-bug): the run fails.
  std::vector<std::string> soundness_bugs;
  double seconds = 0;
  bool complete = false;
};

GenSummary generate(const GenOptions& opt, Labeler& labeler);

// Hash over the sorted "id label" pairs of `samples` (16 hex digits).
std::string label_checksum(const std::vector<Sample>& samples);

// The settings a part records (and merge compares), as written to its meta table.
nlohmann::json part_settings(const GenSettings& s, const std::string& labeler, const std::string& fingerprint,
                             std::size_t shard_count);

// Hash over every design's name, manifest and sources: parts of one dataset share it.
std::string designs_fingerprint(const std::vector<Design>& designs);

// Runs fn(i) for every i in [0, n) on `jobs` threads (the caller's thread is one of them).
void parallel_for(std::size_t n, std::size_t jobs, const std::function<void(std::size_t)>& fn);

}  // namespace bf::dataset
