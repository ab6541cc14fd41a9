// CUDA vs CPU parity: bit-exact outputs for every kernel over many seeds (edge seeds 0..3
// included, which are the extreme values) and shapes (tile multiples and not, batch 1).
// Needs a GPU: without one this test case alone is skipped with a warning saying so.
#include <catch2/catch.hpp>

#include "bugforge/kernels/backend.h"

using namespace bf;
using namespace bf::kernels;

namespace {

struct Case {
  std::string kernel;
  Params p;
  std::size_t seeds;
};

std::vector<Case> cases() {
  return {
      {"gemm_i8_i32", {{"M", 16}, {"N", 16}, {"K", 16}}, 300},
      {"gemm_i8_i32", {{"M", 8}, {"N", 8}, {"K", 32}}, 300},
      {"gemm_i8_i32", {{"M", 3}, {"N", 5}, {"K", 7}}, 200},      // odd K: byte staging
      {"gemm_i8_i32", {{"M", 1}, {"N", 1}, {"K", 1}}, 50},
      {"gemm_i8_i32", {{"M", 64}, {"N", 64}, {"K", 64}}, 20},
      {"gemm_i8_i32", {{"M", 130}, {"N", 70}, {"K", 301}}, 5},   // large path, not tile multiples
      {"gemm_i8_i32", {{"M", 256}, {"N", 128}, {"K", 192}}, 5},  // tensor-core path
      {"gemm_i8_i32", {{"M", 128}, {"N", 128}, {"K", 4096}}, 5},  // tensor cores, long K, extremes
      {"gemv_i8_i32", {{"M", 1}, {"K", 513}}, 50},
      {"gemv_i8_i32", {{"M", 37}, {"K", 64}}, 50},
      {"mac_i8_i32", {{"N", 1}}, 20},
      {"mac_i8_i32", {{"N", 1000}}, 20},
      {"ternary_gemm", {{"M", 16}, {"N", 16}, {"K", 16}}, 200},
      {"ternary_gemm", {{"M", 5}, {"N", 3}, {"K", 12}}, 100},
      {"ternary_gemm", {{"M", 128}, {"N", 256}, {"K", 128}}, 4},
      {"lut_gemm", {{"M", 16}, {"N", 16}, {"K", 16}, {"BITS", 2}}, 200},
      {"lut_gemm", {{"M", 16}, {"N", 16}, {"K", 16}, {"BITS", 4}}, 200},
      {"lut_gemm", {{"M", 7}, {"N", 9}, {"K", 6}, {"BITS", 4}}, 100},  // K % 4 = 2
      {"lut_gemm", {{"M", 128}, {"N", 128}, {"K", 256}, {"BITS", 4}}, 4},
      {"lut_gemm", {{"M", 100}, {"N", 200}, {"K", 300}, {"BITS", 2}}, 4},
      {"requant", {{"N", 1}, {"SHIFT", 1}}, 50},
      {"requant", {{"N", 333}, {"SHIFT", 17}}, 50},
      {"requant", {{"N", 64}, {"SHIFT", 40}}, 20},
      {"conv2d", {{"CIN", 1}, {"COUT", 1}, {"H", 1}, {"W", 1}, {"KH", 1}, {"KW", 1}}, 20},
      {"conv2d", {{"CIN", 3}, {"COUT", 5}, {"H", 11}, {"W", 9}, {"KH", 3}, {"KW", 2}}, 30},
      {"fir", {{"N", 1}, {"T", 1}}, 20},
      {"fir", {{"N", 500}, {"T", 33}}, 30},
      {"identity", {{"N", 17}, {"W", 1}}, 20},
      {"identity", {{"N", 100}, {"W", 12}}, 20},
      {"identity", {{"N", 100}, {"W", 32}}, 20},
  };
}

}  // namespace

TEST_CASE("CUDA outputs are bit-identical to the CPU reference") {
  if (!cuda_available()) {
    WARN("SKIPPED: no CUDA GPU available here (built " << (cuda_compiled() ? "with" : "without")
                                                        << " CUDA); parity needs a GPU");
    return;
  }
  for (const Case& c : cases()) {
    const Kernel& k = require_kernel(c.kernel, c.p);
    std::vector<std::uint64_t> seeds;
    for (std::uint64_t s = 0; s < c.seeds; ++s) seeds.push_back(s < 4 ? s : 4 + s * 7919 % 100003);
    const auto gpu = run_batch(k, c.p, seeds, Backend::cuda);
    const auto cpu = run_batch(k, c.p, seeds, Backend::cpu);
    REQUIRE(gpu.size() == cpu.size());
    for (std::size_t i = 0; i < seeds.size(); ++i)
      for (std::size_t o = 0; o < cpu[i].size(); ++o) {
        INFO(c.kernel << " " << params_to_string(c.p) << " seed " << seeds[i] << " output " << o);
        REQUIRE(gpu[i][o].type == cpu[i][o].type);
        REQUIRE(gpu[i][o].shape == cpu[i][o].shape);
        REQUIRE(gpu[i][o].data == cpu[i][o].data);
      }
  }
  // Batch 1 on the small path, and a seed order that is not ascending.
  const Params p{{"M", 16}, {"N", 16}, {"K", 16}};
  const Kernel& k = require_kernel("gemm_i8_i32", p);
  CHECK(run_batch(k, p, {77}, Backend::cuda)[0][0].data == run_batch(k, p, {77}, Backend::cpu)[0][0].data);
  CHECK(run_batch(k, p, {9, 2, 5}, Backend::cuda)[1][0].data == run_batch(k, p, {2}, Backend::cpu)[0][0].data);
}
