// Tests of the deterministic input generator, the registry's specs and parameter validation.
#include <catch2/catch.hpp>

#include "bugforge/core/diagnostic.h"
#include "bugforge/core/hash.h"
#include "bugforge/kernels/kernel.h"
#include "bugforge/kernels/vector_gen.h"

using namespace bf;
using namespace bf::kernels;

namespace {

const Params kGemm16{{"M", 16}, {"N", 16}, {"K", 16}};

// A valid parameter set for every kernel, used to sweep the registry.
Params sample_params(const std::string& name) {
  if (name == "gemv_i8_i32") return {{"M", 3}, {"K", 5}};
  if (name == "mac_i8_i32") return {{"N", 7}};
  if (name == "ternary_gemm") return {{"M", 3}, {"N", 5}, {"K", 8}};
  if (name == "lut_gemm") return {{"M", 3}, {"N", 5}, {"K", 8}, {"BITS", 4}};
  if (name == "requant") return {{"N", 9}, {"SHIFT", 12}};
  if (name == "conv2d") return {{"CIN", 2}, {"COUT", 3}, {"H", 5}, {"W", 4}, {"KH", 2}, {"KW", 3}};
  if (name == "fir") return {{"N", 9}, {"T", 4}};
  if (name == "identity") return {{"N", 9}, {"W", 7}};
  return {{"M", 3}, {"N", 5}, {"K", 7}};
}

std::string error_code(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.diagnostic().code;
  }
  return "";
}

}  // namespace

TEST_CASE("registry lists all nine kernels with specs") {
  const std::vector<std::string> want = {"gemm_i8_i32", "gemv_i8_i32", "mac_i8_i32",
                                         "ternary_gemm", "lut_gemm",    "requant",
                                         "conv2d",       "fir",         "identity"};
  REQUIRE(all_kernels().size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const Kernel& k = all_kernels()[i];
    CHECK(k.name == want[i]);
    CHECK(!k.summary.empty());
    CHECK(!k.help.empty());
    CHECK(!k.inputs.empty());
    CHECK(!k.outputs.empty());
    CHECK(find_kernel(k.name) == &k);
  }
  CHECK(find_kernel("nope") == nullptr);
}

TEST_CASE("splitmix64 finaliser pinned values") {
  CHECK(gen::splitmix64(0) == 0);
  CHECK(gen::splitmix64(1) == 0x5692161d100b05e5ull);
  CHECK(gen::splitmix64(0x0123456789ABCDEFull) == 0xb2c058e4ebb5112cull);
}

TEST_CASE("generator pinned values from the README formula") {
  // Computed independently (Python, own XXH64) from kernels/README.md.
  const Kernel& k = require_kernel("gemm_i8_i32", kGemm16);
  CHECK(hash64("gemm_i8_i32|K=16,M=16,N=16") == 0x48e43f8cba64a2b9ull);
  CHECK(name_hash(k, kGemm16) == 0x48e43f8cba64a2b9ull);
  const VectorSet s4 = generate_inputs(k, kGemm16, 4);
  CHECK(s4[0].data[0] == -19);
  CHECK(s4[0].data[1] == -84);
  CHECK(s4[1].data[0] == 12);
  CHECK(generate_inputs(k, kGemm16, 12345)[1].data[255] == 4);

  const Params rq{{"N", 8}, {"SHIFT", 10}};
  const VectorSet r7 = generate_inputs(require_kernel("requant", rq), rq, 7);
  CHECK(r7[0].data[3] == 283588);
  CHECK(r7[1].data[0] == 23293);
}

TEST_CASE("generator matches an independent transcription of the formula") {
  const Kernel& k = require_kernel("gemm_i8_i32", kGemm16);
  const std::uint64_t seed = 99;
  const std::uint64_t base = hash64("gemm_i8_i32|K=16,M=16,N=16") ^ (seed * 0x9E3779B97F4A7C15ull);
  const VectorSet s = generate_inputs(k, kGemm16, seed);
  for (std::uint64_t t = 0; t < 2; ++t)
    for (std::uint64_t i = 0; i < 256; i += 17) {
      std::uint64_t z = base + (t + 1) * 0xD1B54A32D192ED03ull + i;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      z ^= z >> 31;
      CHECK(s[t].data[i] == -128 + static_cast<std::int64_t>(z % 256));
    }
}

TEST_CASE("generator is deterministic and seeds differ") {
  const Kernel& k = require_kernel("gemm_i8_i32", kGemm16);
  const VectorSet a = generate_inputs(k, kGemm16, 42);
  CHECK(a[0].data == generate_inputs(k, kGemm16, 42)[0].data);
  CHECK(a[0].data != generate_inputs(k, kGemm16, 43)[0].data);
  CHECK(a[0].data != a[1].data);  // tensors draw from different counters
  const Params other{{"M", 16}, {"N", 16}, {"K", 17}};
  CHECK(generate_inputs(k, other, 42)[0].data[0] != a[0].data[0]);
}

TEST_CASE("edge seeds 0..3 for every kernel") {
  for (const Kernel& k : all_kernels()) {
    const Params p = sample_params(k.name);
    require_kernel(k.name, p);
    for (std::uint64_t seed = 0; seed < 4; ++seed) {
      const VectorSet s = generate_inputs(k, p, seed);
      for (std::size_t t = 0; t < s.size(); ++t) {
        const auto [lo, hi] = k.inputs[t].range_for(p);
        for (std::size_t i = 0; i < s[t].data.size(); ++i) {
          const std::int64_t want = seed == 0 ? 0 : seed == 1 ? lo : seed == 2 ? hi : (i % 2 ? hi : lo);
          INFO(k.name << " seed " << seed << " tensor " << t << " index " << i);
          REQUIRE(s[t].data[i] == want);
        }
      }
    }
  }
}

TEST_CASE("generated values stay in range, reach both ends, and outputs have spec shapes") {
  for (const Kernel& k : all_kernels()) {
    const Params p = sample_params(k.name);
    std::vector<std::int64_t> seen_lo(k.inputs.size(), INT64_MAX), seen_hi(k.inputs.size(), INT64_MIN);
    for (std::uint64_t seed = 4; seed < 40; ++seed) {
      const VectorSet s = generate_inputs(k, p, seed);
      REQUIRE(s.size() == k.inputs.size());
      for (std::size_t t = 0; t < s.size(); ++t) {
        const auto [lo, hi] = k.inputs[t].range_for(p);
        CHECK(s[t].shape == k.inputs[t].shape(p));
        CHECK(s[t].type == k.inputs[t].type_for(p));
        for (const auto v : s[t].data) {
          REQUIRE(v >= lo);
          REQUIRE(v <= hi);
          seen_lo[t] = std::min(seen_lo[t], v);
          seen_hi[t] = std::max(seen_hi[t], v);
        }
      }
      const auto out = k.cpu(p, {s});
      for (std::size_t o = 0; o < k.outputs.size(); ++o) CHECK(out[0][o].shape == k.outputs[o].shape(p));
    }
    // Narrow 8-bit-ish ranges are covered end to end; wide ones at least spread out.
    for (std::size_t t = 0; t < k.inputs.size(); ++t) {
      const auto [lo, hi] = k.inputs[t].range_for(p);
      INFO(k.name << " tensor " << t);
      CHECK(seen_hi[t] - seen_lo[t] > (hi - lo) / 2);
    }
  }
}

TEST_CASE("requant ranges are narrower than the types") {
  const Params p{{"N", 4}, {"SHIFT", 3}};
  const Kernel& k = require_kernel("requant", p);
  CHECK(k.inputs[0].range_for(p) == std::pair<std::int64_t, std::int64_t>{-(1 << 20), 1 << 20});
  CHECK(k.inputs[1].range_for(p) == std::pair<std::int64_t, std::int64_t>{0, 32767});
}

TEST_CASE("unknown kernel is BF-KERN-001 and lists known kernels") {
  try {
    require_kernel("gemm_f32", {});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "BF-KERN-001");
    CHECK_THAT(e.what(), Catch::Contains("gemm_f32") && Catch::Contains("ternary_gemm"));
  }
}

TEST_CASE("bad parameters are BF-KERN-002 and name the parameter and constraint") {
  const auto msg = [](const std::string& k, const Params& p) -> std::string {
    try {
      require_kernel(k, p);
    } catch (const Error& e) {
      CHECK(e.diagnostic().code == "BF-KERN-002");
      return e.what();
    }
    return "";
  };
  CHECK_THAT(msg("gemm_i8_i32", {{"M", 1}, {"N", 1}}), Catch::Contains("missing parameter 'K'"));
  CHECK_THAT(msg("gemm_i8_i32", {{"M", 0}, {"N", 1}, {"K", 1}}), Catch::Contains("M must be in 1.."));
  CHECK_THAT(msg("gemm_i8_i32", {{"M", 1}, {"N", 1}, {"K", 131072}}), Catch::Contains("K must be in"));
  CHECK_THAT(msg("gemm_i8_i32", {{"M", 1}, {"N", 1}, {"K", 1}, {"Q", 1}}), Catch::Contains("unknown parameter 'Q'"));
  CHECK_THAT(msg("ternary_gemm", {{"M", 1}, {"N", 1}, {"K", 6}}), Catch::Contains("K must be a multiple of 4"));
  CHECK_THAT(msg("lut_gemm", {{"M", 1}, {"N", 1}, {"K", 3}, {"BITS", 4}}), Catch::Contains("K*BITS must be a multiple of 8"));
  CHECK_THAT(msg("lut_gemm", {{"M", 1}, {"N", 1}, {"K", 8}, {"BITS", 3}}), Catch::Contains("BITS must be 2 or 4"));
  CHECK_THAT(msg("requant", {{"N", 1}, {"SHIFT", 41}}), Catch::Contains("SHIFT must be in 1..40"));
  CHECK_THAT(msg("conv2d", {{"CIN", 1}, {"COUT", 1}, {"H", 2}, {"W", 2}, {"KH", 3}, {"KW", 1}}),
             Catch::Contains("KH <= H"));
  CHECK_THAT(msg("identity", {{"N", 1}, {"W", 33}}), Catch::Contains("W must be in 1..32"));
  CHECK_THAT(msg("gemm_i8_i32", {{"M", 1 << 20}, {"N", 1 << 20}, {"K", 1}}), Catch::Contains("tensor C"));
  CHECK(error_code([] { require_kernel("lut_gemm", {{"M", 1}, {"N", 1}, {"K", 4}, {"BITS", 2}}); }).empty());
}

TEST_CASE("run_cpu equals generate + cpu over consecutive seeds") {
  const Params p{{"M", 2}, {"K", 3}};
  const Kernel& k = require_kernel("gemv_i8_i32", p);
  const auto out = run_cpu(k, p, 10, 3);
  REQUIRE(out.size() == 3);
  for (std::size_t i = 0; i < 3; ++i)
    CHECK(out[i][0].data == k.cpu(p, {generate_inputs(k, p, 10 + i)})[0][0].data);
}
