// bugforge kernels — the counter-based input generator, shared verbatim by host and device code.
//
// Algorithm (kernels/README.md): a vector set's base is xxh64(kernel "|" params) XOR seed·φ64.
// Element i of input tensor t is splitmix64's finaliser applied to the counter
// base + (t+1)·0xD1B54A32D192ED03 + i (64-bit wrap), reduced into [lo, hi] by modulo. Seeds 0..3
// are edge sets. Header-only and dependency-free so nvcc compiles the same lines for the GPU.
#pragma once

#include <cstdint>

#if defined(__CUDACC__)
#define BF_HD __host__ __device__ __forceinline__
#else
#define BF_HD inline
#endif

namespace bf::kernels::gen {

constexpr std::uint64_t kSeedMul = 0x9E3779B97F4A7C15ull;
constexpr std::uint64_t kTensorMul = 0xD1B54A32D192ED03ull;
constexpr std::uint64_t kEdgeSeeds = 4;  // seeds 0..3: zeros, all lo, all hi, alternating lo/hi

// splitmix64's output finaliser on the counter itself (no golden-ratio pre-increment).
BF_HD std::uint64_t splitmix64(std::uint64_t x) {
  std::uint64_t z = x;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

BF_HD std::uint64_t set_base(std::uint64_t name_hash, std::uint64_t seed) {
  return name_hash ^ (seed * kSeedMul);
}

// Element i of input tensor t (0-based) of the set with this seed and base, in [lo, hi].
BF_HD std::int64_t element(std::uint64_t base, std::uint64_t seed, std::uint64_t t,
                           std::uint64_t i, std::int64_t lo, std::int64_t hi) {
  switch (seed) {
    case 0: return lo > 0 ? lo : (hi < 0 ? hi : 0);  // zero, clamped into a range without it
    case 1: return lo;
    case 2: return hi;
    case 3: return (i & 1) ? hi : lo;
    default: break;
  }
  const std::uint64_t r = splitmix64(base + (t + 1) * kTensorMul + i);
  const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1;
  // A power-of-two span (every full-type range) is a mask: same value, far cheaper on a GPU.
  const std::uint64_t off = (span & (span - 1)) == 0 ? (r & (span - 1)) : (r % span);
  return lo + static_cast<std::int64_t>(off);
}

}  // namespace bf::kernels::gen
