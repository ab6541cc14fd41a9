// bugforge kernels — on-disk cache of golden outputs keyed by (kernel, params, seed).
//
// One small binary file per key under <dir>/golden/<xxh64 of the key>.bin, written to a temporary
// name and renamed into place so readers never see half a file. Each file repeats its key (checked
// on read, so a hash collision is a miss) and records the backend ("cpu"/"cuda") that produced it.
// Elements are stored little-endian in the narrowest of 1/2/4/8 bytes that holds the type.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bugforge/kernels/backend.h"
#include "bugforge/kernels/kernel.h"

namespace bf::kernels {

struct GoldenEntry {
  OutputSet outputs;
  std::string backend;  // "cpu" | "cuda"
};

class GoldenCache {
 public:
  explicit GoldenCache(std::string dir);
  // nullopt when absent, unreadable or written for another key.
  std::optional<GoldenEntry> get(const std::string& kernel, const Params& p,
                                 std::uint64_t seed) const;
  // Throws bf::Error BF-KERN-006 when the file cannot be written.
  void put(const std::string& kernel, const Params& p, std::uint64_t seed,
           const GoldenEntry& entry) const;
  std::string path_for(const std::string& kernel, const Params& p, std::uint64_t seed) const;

 private:
  std::string dir_;
};

// Outputs for every seed, in order: hits come from the cache, all misses are computed in one
// batched call on `backend` (resolved here) and stored with that backend's name.
std::vector<OutputSet> compute_golden(const Kernel& k, const Params& p,
                                      const std::vector<std::uint64_t>& seeds,
                                      const GoldenCache& cache, Backend backend);

}  // namespace bf::kernels
