// bugforge dataset — merge the parts of a sharded run into one dataset with splits.
//
// Algorithm: every part must be complete (its done.json exists and its count and checksum match
// the database), all parts must carry identical settings, and together they must be exactly the
// shards 0..N-1 of one run; otherwise merge refuses and names the part and the reason. Samples
// are then read in id order and a sample whose normalised content hash was already seen is
// dropped (the same edited file reached through two designs), families are assigned to splits
// (split.h) and the result is written to a fresh database in one transaction.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "bugforge/dataset/split.h"

namespace bf::dataset {

struct MergeOptions {
  std::vector<std::string> parts;  // part-….db files, or folders holding them
  std::string out;
  SplitRatios ratios;
};

struct MergeSummary {
  std::size_t parts = 0, samples_in = 0, duplicates = 0, samples_out = 0;
  std::map<std::string, std::size_t> per_split, per_label;
  std::map<std::string, std::string> family_split;
};

// Throws BF-DS-040 (missing/incomplete part), BF-DS-041 (settings differ), BF-DS-042 (shards
// missing or repeated).
MergeSummary merge_parts(const MergeOptions& opt);

}  // namespace bf::dataset
