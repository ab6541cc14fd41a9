// Tests of the golden cache (round trip, backend recorded, key checks, batch fill) and of the
// host-side backend choice, which behave the same with or without a GPU.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "bugforge/core/diagnostic.h"
#include "bugforge/kernels/backend.h"
#include "bugforge/kernels/golden_cache.h"

using namespace bf;
using namespace bf::kernels;
namespace fs = std::filesystem;

namespace {

// A fresh directory per test case, removed afterwards.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& tag)
      : path(fs::temp_directory_path() / ("bf-golden-" + tag + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::size_t file_count(const fs::path& dir) {
  if (!fs::exists(dir)) return 0;
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

const Params kFir{{"N", 6}, {"T", 3}};

}  // namespace

TEST_CASE("golden cache round trip keeps data, types, shapes and backend") {
  TempDir tmp("rt");
  const GoldenCache cache(tmp.path.string());
  const Kernel& k = require_kernel("fir", kFir);
  const OutputSet out = run_cpu(k, kFir, 2, 1)[0];  // all-max inputs: large i48 values
  REQUIRE(!cache.get("fir", kFir, 2));
  cache.put("fir", kFir, 2, GoldenEntry{out, "cuda"});
  const auto got = cache.get("fir", kFir, 2);
  REQUIRE(got);
  CHECK(got->backend == "cuda");
  REQUIRE(got->outputs.size() == 1);
  CHECK(got->outputs[0].name == "y");
  CHECK(got->outputs[0].type.name() == "i48");
  CHECK(got->outputs[0].shape == out[0].shape);
  CHECK(got->outputs[0].data == out[0].data);
  CHECK(out[0].data.back() == 3LL * 32767 * 32767);
  CHECK(fs::path(cache.path_for("fir", kFir, 2)).parent_path() == tmp.path / "golden");
  CHECK(file_count(tmp.path / "golden") == 1);  // no temporaries left behind
}

TEST_CASE("golden cache round trips negative narrow values") {
  TempDir tmp("neg");
  const GoldenCache cache(tmp.path.string());
  const Params p{{"N", 5}, {"SHIFT", 4}};
  const OutputSet out = {Tensor{"Y", ElemType::parse("i8"), {5}, {-128, -1, 0, 1, 127}}};
  cache.put("requant", p, 9, GoldenEntry{out, "cpu"});
  const auto got = cache.get("requant", p, 9);
  REQUIRE(got);
  CHECK(got->outputs[0].data == out[0].data);
  CHECK(fs::file_size(cache.path_for("requant", p, 9)) < 120);  // one byte per i8 element
}

TEST_CASE("golden cache keys separate kernel, params and seed and bad files are misses") {
  TempDir tmp("keys");
  const GoldenCache cache(tmp.path.string());
  const Kernel& k = require_kernel("fir", kFir);
  cache.put("fir", kFir, 5, GoldenEntry{run_cpu(k, kFir, 5, 1)[0], "cpu"});
  CHECK(!cache.get("fir", kFir, 6));
  CHECK(!cache.get("fir", {{"N", 6}, {"T", 4}}, 5));
  CHECK(cache.path_for("fir", kFir, 5) != cache.path_for("fir", kFir, 6));
  // Truncated file: a miss, not a crash.
  const std::string path = cache.path_for("fir", kFir, 5);
  fs::resize_file(path, fs::file_size(path) - 3);
  CHECK(!cache.get("fir", kFir, 5));
  std::ofstream(path, std::ios::trunc) << "garbage";
  CHECK(!cache.get("fir", kFir, 5));
}

TEST_CASE("compute_golden fills misses in one batch and then serves hits") {
  TempDir tmp("fill");
  const GoldenCache cache(tmp.path.string());
  const Params p{{"M", 3}, {"N", 2}, {"K", 5}};
  const Kernel& k = require_kernel("gemm_i8_i32", p);
  const std::vector<std::uint64_t> seeds = {0, 7, 3, 100};
  const auto first = compute_golden(k, p, seeds, cache, Backend::cpu);
  REQUIRE(first.size() == seeds.size());
  CHECK(file_count(tmp.path / "golden") == seeds.size());
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    CHECK(first[i][0].data == run_cpu(k, p, seeds[i], 1)[0][0].data);
    CHECK(cache.get(k.name, p, seeds[i])->backend == "cpu");
  }
  // Poison one cached entry: a hit is served from the file, proving no recomputation.
  GoldenEntry poisoned{first[1], "cpu"};
  poisoned.outputs[0].data[0] = 12345;
  cache.put(k.name, p, 7, poisoned);
  const auto second = compute_golden(k, p, {7, 8}, cache, Backend::cpu);
  CHECK(second[0][0].data[0] == 12345);
  CHECK(second[1][0].data == run_cpu(k, p, 8, 1)[0][0].data);
}

TEST_CASE("backend names parse and bad names are BF-KERN-003") {
  CHECK(parse_backend("cpu") == Backend::cpu);
  CHECK(parse_backend("cuda") == Backend::cuda);
  CHECK(parse_backend("auto") == Backend::automatic);
  CHECK(std::string(backend_name(Backend::automatic)) == "auto");
  try {
    parse_backend("gpu");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "BF-KERN-003");
  }
}

TEST_CASE("backend choice falls back to the CPU only for auto") {
  CHECK(resolve_backend(Backend::cpu) == Backend::cpu);
  if (cuda_available()) {
    CHECK(resolve_backend(Backend::automatic) == Backend::cuda);
    CHECK(resolve_backend(Backend::cuda) == Backend::cuda);
    return;
  }
  CHECK(resolve_backend(Backend::automatic) == Backend::cpu);
  CHECK(resolve_backend(Backend::automatic) == Backend::cpu);  // noted once, still cpu
  try {
    resolve_backend(Backend::cuda);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "BF-KERN-004");
  }
}

TEST_CASE("compute_golden with auto records the backend that really ran") {
  TempDir tmp("auto");
  const GoldenCache cache(tmp.path.string());
  const Params p{{"N", 4}, {"W", 9}};
  const Kernel& k = require_kernel("identity", p);
  compute_golden(k, p, {5}, cache, Backend::automatic);
  const auto got = cache.get(k.name, p, 5);
  REQUIRE(got);
  CHECK(got->backend == (cuda_available() ? "cuda" : "cpu"));
  CHECK(got->outputs[0].type.name() == "u9");
}
