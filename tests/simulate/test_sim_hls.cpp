// Tests of the HLS C-simulation back-end and the shared check flow: passing designs (arrays, ap_int,
// hls::stream), mutated copies via source_overrides with the exact first mismatch, compile errors
// with file and line, timeouts, crashes, deadlocks, the build cache, and compare/format.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "bugforge/core/design.h"
#include "bugforge/kernels/kernel.h"
#include "bugforge/simulate/simulate.h"

namespace fs = std::filesystem;
using namespace bf;
using namespace bf::sim;

namespace {

const std::string kData = std::string(BUGFORGE_SOURCE_DIR) + "/tests/data/hls/gemv";

// One cache folder per test run, so the first build of each design really compiles.
const std::string& cache_dir() {
  static const std::string dir = [] {
    std::string t = (fs::temp_directory_path() / "bf-test-hls-XXXXXX").string();
    REQUIRE(mkdtemp(t.data()));
    return t;
  }();
  return dir;
}

Design load(const std::string& manifest) { return load_design(kData + "/" + manifest); }

CheckOptions options() {
  CheckOptions o;
  o.vectors = 8;
  o.build.cache_dir = cache_dir();
  o.run.limits.wall_seconds = 30;
  o.golden_backend = kernels::Backend::cpu;
  return o;
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `text` with the first `from` replaced by `to`; fails the test when `from` is absent.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

CheckResult check_with(const Design& d, const std::string& file, const std::string& text, CheckOptions o = options()) {
  o.build.source_overrides = {{kData + "/" + file, text}};
  return check_design(d, o);
}

}  // namespace

TEST_CASE("an int8_t/int32_t array design passes check_design", "[hls]") {
  const auto r = check_design(load("gemv_array.toml"), options());
  INFO(r.message << "\n" << r.build.log << r.run.log);
  CHECK(r.status == CheckStatus::Pass);
  CHECK(r.build.ok);
  CHECK(r.run.outputs.size() == 8);
  CHECK_FALSE(r.mismatch);
}

TEST_CASE("an ap_int array design passes check_design", "[hls]") {
  const auto r = check_design(load("gemv_ap.toml"), options());
  INFO(r.message << "\n" << r.build.log << r.run.log);
  CHECK(r.status == CheckStatus::Pass);
}

TEST_CASE("an hls::stream design passes check_design", "[hls]") {
  const auto r = check_design(load("gemv_stream.toml"), options());
  INFO(r.message << "\n" << r.build.log << r.run.log);
  CHECK(r.status == CheckStatus::Pass);
}

TEST_CASE("a second build of the same design is cached", "[hls]") {
  const Design d = load("gemv_array.toml");
  BuildOptions o;
  o.cache_dir = cache_dir();
  const auto first = build_design(d, o);
  const auto second = build_design(d, o);
  REQUIRE(first.ok);
  REQUIRE(second.ok);
  CHECK(second.cached);
  CHECK(second.key == first.key);
  CHECK(second.executable == first.executable);
  CHECK(fs::exists(second.executable));
  o.source_overrides = {{kData + "/gemv_array.cpp", read(kData + "/gemv_array.cpp") + "\n// edited\n"}};
  const auto edited = build_design(d, o);
  CHECK(edited.key != first.key);
  CHECK_FALSE(edited.cached);
}

TEST_CASE("a mutated header is reported with the exact first mismatch", "[hls]") {
  const Design d = load("gemv_array.toml");
  // The mutant keeps only the low 16 bits of each product: the edge sets of seeds 0..2 still pass.
  const std::string util = read(kData + "/gemv_util.h");
  const auto r = check_with(d, "gemv_util.h", replaced(util, "int32_t(a) * int32_t(b);", "(int32_t(a) * int32_t(b)) & 0xFFFF;"));
  REQUIRE(r.status == CheckStatus::Mismatch);
  REQUIRE(r.mismatch);

  // Recompute the first difference from the kernel's CPU reference and the mutant's arithmetic.
  const auto& k = kernels::require_kernel(d.golden.kernel, d.golden.params);
  bool found = false;
  for (std::uint64_t seed = 0; seed < 8 && !found; ++seed) {
    const auto in = kernels::generate_inputs(k, d.golden.params, seed);
    const auto golden = k.cpu(d.golden.params, {in});
    for (int m = 0; m < 4 && !found; ++m) {
      std::int64_t mutant = 0;
      for (int c = 0; c < 8; ++c) mutant += (in[0].data[m * 8 + c] * in[1].data[c]) & 0xFFFF;
      const std::int64_t want = golden[0][0].data[m];
      if (mutant == want) continue;
      found = true;
      CHECK(r.mismatch->vector == seed);
      CHECK(r.mismatch->seed == seed);
      CHECK(r.mismatch->output == "y");
      CHECK(r.mismatch->index == m);
      CHECK(r.mismatch->expected == want);
      CHECK(r.mismatch->got == mutant);
      CHECK(r.message == r.mismatch->format());
      CHECK(r.message.rfind("vector " + std::to_string(seed) + " (seed " + std::to_string(seed) + "), output y[" +
                                std::to_string(m) + "]",
                            0) == 0);
    }
  }
  CHECK(found);
}

TEST_CASE("a compile error is reported with the design's file and line", "[hls]") {
  const Design d = load("gemv_array.toml");
  const std::string src = read(kData + "/gemv_array.cpp");
  const std::string broken = replaced(src, "y[m] = acc;", "y[m] = acc +;");
  const int line = 1 + static_cast<int>(std::count(src.begin(), src.begin() + src.find("y[m] = acc;"), '\n'));
  const auto r = check_with(d, "gemv_array.cpp", broken);
  INFO(r.build.log);
  CHECK(r.status == CheckStatus::BuildError);
  CHECK_FALSE(r.build.ok);
  CHECK(r.build.error_file == "gemv_array.cpp");
  CHECK(r.build.error_line == line);
  CHECK(r.message.rfind("gemv_array.cpp:" + std::to_string(line) + ": ", 0) == 0);
}

TEST_CASE("a design that never returns times out", "[hls]") {
  CheckOptions o = options();
  o.vectors = 1;
  o.run.limits.wall_seconds = 1;
  const auto r = check_design(load("hang.toml"), o);
  CHECK(r.status == CheckStatus::Timeout);
  CHECK(r.run.status == RunStatus::Timeout);
}

TEST_CASE("a crashing design is reported as a crash with its signal", "[hls]") {
  const Design d = load("gemv_array.toml");
  const std::string src = read(kData + "/gemv_array.cpp");
  const auto r = check_with(d, "gemv_array.cpp",
                            replaced(replaced(src, "#include <cstdint>", "#include <cstdint>\n#include <cstdlib>"),
                                     "y[m] = acc;", "y[m] = acc; if (m == 1) std::abort();"));
  CHECK(r.status == CheckStatus::Crash);
  CHECK(r.message.find("SIGABRT") != std::string::npos);
}

TEST_CASE("stream outputs with too few or too many elements are mismatches", "[hls]") {
  const Design d = load("gemv_stream.toml");
  const std::string src = read(kData + "/gemv_stream.cpp");
  const auto fewer = check_with(d, "gemv_stream.cpp", replaced(src, "y.write(acc);", "if (m < ROWS - 1) y.write(acc);"));
  REQUIRE(fewer.status == CheckStatus::Mismatch);
  REQUIRE(fewer.mismatch);
  CHECK(fewer.mismatch->vector == 0);
  CHECK(fewer.mismatch->index == 3);
  CHECK(fewer.mismatch->detail.find("got nothing (output has 3 of 4 elements)") != std::string::npos);
  CHECK(fewer.run.status == RunStatus::ProtocolError);

  const auto more = check_with(d, "gemv_stream.cpp", replaced(src, "y.write(acc);", "y.write(acc); if (m == 0) y.write(5);"));
  REQUIRE(more.status == CheckStatus::Mismatch);
  REQUIRE(more.mismatch);
  // The extra beat shifts every later element, so the first difference is at index 1 of set 0
  // unless y[0] == y[1] there; seed 0 is all zeros, so the extra 5 shows up first at index 1.
  CHECK(more.mismatch->vector == 0);
  CHECK(more.mismatch->index == 1);
  CHECK(more.mismatch->got == 5);
}

TEST_CASE("reading an empty stream is a deadlock, reported as a timeout", "[hls]") {
  const Design d = load("gemv_stream.toml");
  const std::string src = read(kData + "/gemv_stream.cpp");
  const auto r = check_with(d, "gemv_stream.cpp", replaced(src, "k < COLS; ++k) xs[k]", "k <= COLS; ++k) xs[k % COLS]"));
  CHECK(r.status == CheckStatus::Timeout);
  CHECK(r.message.find("deadlock") != std::string::npos);
}

TEST_CASE("a protocol arg that names no tensor is an error naming the manifest", "[hls]") {
  Design d = load("gemv_array.toml");
  d.protocol.args = {"A", "x", "z", "param:M"};
  const auto r = check_design(d, options());
  CHECK(r.status == CheckStatus::Error);
  CHECK(r.message.find("gemv_array.toml") != std::string::npos);
  CHECK(r.message.find("'z'") != std::string::npos);
}

TEST_CASE("compare finds the first mismatch set-major and formats it", "[compare]") {
  const Tensor c{"C", ElemType{true, 32}, {2, 3}, {1, 2, 3, 4, 5, 6}};
  const std::vector<kernels::OutputSet> golden{{c}, {c}};
  RunResult got;
  got.outputs = {{c}, {c}};
  got.outputs[1][0].data[5] = 60;
  got.outputs[1][0].data[2] = -3;
  got.cycles = {{{}}, {{-1, -1, 41, -1, -1, -1}}};
  const auto m = compare(golden, got, {4, 5});
  REQUIRE(m);
  CHECK(m->vector == 1);
  CHECK(m->seed == 5);
  CHECK(m->index == 2);
  CHECK(m->format() == "vector 1 (seed 5), output C[0][2] (row-major index 2): expected 3, got -3 at cycle 41");

  got.outputs[1][0].data = {1, 2, 3, 4, 5, 6};
  CHECK_FALSE(compare(golden, got, {4, 5}));
  got.outputs[1][0].data.pop_back();
  const auto missing = compare(golden, got, {4, 5});
  REQUIRE(missing);
  CHECK(missing->index == 5);
  CHECK(missing->format() ==
        "vector 1 (seed 5), output C[1][2] (row-major index 5): expected 6, got nothing (output has 5 of 6 elements)");
  got.outputs.pop_back();
  const auto no_set = compare(golden, got, {4, 5});
  REQUIRE(no_set);
  CHECK(no_set->vector == 1);
  CHECK(no_set->index == 0);
}
