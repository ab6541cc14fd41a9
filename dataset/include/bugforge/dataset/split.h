// bugforge dataset — train / validation / test splits by family.
//
// Algorithm: families that share a source file (same text up to whitespace, e.g. a PE module used
// by two GEMM designs) are joined into one group with union-find, so no near-duplicate can sit
// on both sides of a split. Groups are ordered by the hash of their smallest family name (stable
// across runs and machines) and dealt out in that order: test until it holds its share of the
// samples, then validation, then train takes the rest; each split with a non-zero ratio gets at
// least one group while groups remain for the splits after it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "bugforge/dataset/sample.h"

namespace bf::dataset {

struct SplitRatios {
  double train = 0.8, validation = 0.1, test = 0.1;
  // "0.8,0.1,0.1" (train,validation,test; normalised to sum 1). Throws BF-DS-030.
  static SplitRatios parse(const std::string& text);
};

const std::vector<std::string>& split_names();  // train, validation, test

// family -> split for these samples.
std::map<std::string, std::string> assign_splits(const std::vector<Sample>& samples, const SplitRatios& r);

}  // namespace bf::dataset
