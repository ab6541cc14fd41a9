// Tests of the Verilog back-end (build_rtl + the bf_rtl_driver protocols) through the shared
// build_design / run_design / check_design, on the tiny designs in tests/data/rtl/:
//   dot        block protocol, flat buses (a 96-bit VlWide bus with 12-bit fields straddling words)
//   gemv_mem   block protocol, memory input and memory output ports, an `include`d header
//   mac_stream stream protocol, two joined inputs, checked `last`
// Builds go to a cache folder in the working directory, so reruns reuse them; every assertion
// that depends on a fresh build says so.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "bugforge/core/design.h"
#include "bugforge/simulate/simulate.h"

namespace fs = std::filesystem;
using namespace bf;
using namespace bf::sim;

namespace {

std::string data_dir(const std::string& design) {
  return (fs::path(BUGFORGE_SOURCE_DIR) / "tests" / "data" / "rtl" / design).string();
}

std::string cache_dir() { return (fs::current_path() / "bf-test-cache-rtl").string(); }

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The design's first source with `from` replaced by `to` (which must occur exactly once).
std::pair<std::string, std::string> edit(const Design& d, const std::string& from, const std::string& to) {
  std::string text = read(d.sources.at(0));
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  text.replace(at, from.size(), to);
  return {d.sources.at(0), text};
}

CheckOptions options(std::vector<std::pair<std::string, std::string>> overrides = {}) {
  CheckOptions o;
  o.vectors = 6;
  o.build.cache_dir = cache_dir();
  o.build.source_overrides = std::move(overrides);
  o.golden_backend = kernels::Backend::cpu;
  return o;
}

int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

}  // namespace

TEST_CASE("rtl: block design with flat buses passes, done cycle stamped on the outputs", "[simulate][rtl]") {
  const Design d = load_design(data_dir("dot"));
  const auto r = check_design(d, options());
  INFO(r.message << "\n" << r.build.log << r.run.log);
  REQUIRE(r.status == CheckStatus::Pass);
  // start is sampled at edge 1, K=12 MACs at edges 2..13, done sampled at edge 14.
  REQUIRE(r.run.cycles.size() == 6);
  for (const auto& set : r.run.cycles) CHECK(set.at(0).at(0) == 14);
}

TEST_CASE("rtl: second build of the same design is cached", "[simulate][rtl]") {
  const Design d = load_design(data_dir("dot"));
  BuildOptions o;
  o.cache_dir = cache_dir();
  const auto first = build_design(d, o);
  REQUIRE(first.ok);
  const auto second = build_design(d, o);
  REQUIRE(second.ok);
  CHECK(second.cached);
  CHECK(second.executable == first.executable);
  CHECK(second.key == first.key);
  CHECK(fs::exists(second.executable));
}

TEST_CASE("rtl: a broken copy via source_overrides reports the first mismatch and its cycle", "[simulate][rtl]") {
  const Design d = load_design(data_dir("dot"));
  const auto r = check_design(d, options({edit(d, "y_flat + {{12", "y_flat - {{12")}));
  INFO(r.message << "\n" << r.build.log);
  REQUIRE(r.status == CheckStatus::Mismatch);
  REQUIRE(r.mismatch.has_value());
  // Seed 0 is all zeros (0 - 0 is still right); seed 1 is all -128: 12 * 16384 summed vs subtracted.
  CHECK(r.mismatch->vector == 1);
  CHECK(r.mismatch->output == "y");
  CHECK(r.mismatch->index == 0);
  CHECK(r.mismatch->expected == 196608);
  CHECK(r.mismatch->got == -196608);
  CHECK(r.mismatch->cycle == 14);
  // The original still passes (the override did not leak into its cache entry).
  CHECK(check_design(d, options()).status == CheckStatus::Pass);
}

TEST_CASE("rtl: a Verilog syntax error reports the file and line", "[simulate][rtl]") {
  const Design d = load_design(data_dir("dot"));
  const auto broken = edit(d, "  reg       busy;\n", "  reg       busy;\n  wire = ;\n");
  BuildOptions o;
  o.cache_dir = cache_dir();
  o.source_overrides = {broken};
  const auto b = build_design(d, o);
  REQUIRE_FALSE(b.ok);
  CHECK(b.error_file == "rtl/dot.v");
  CHECK(b.error_line == line_of(broken.second, "wire = ;"));
  CHECK(b.log.find("%Error") != std::string::npos);
  const auto again = build_design(d, o);  // failures are cached with their location
  CHECK(again.cached);
  CHECK_FALSE(again.ok);
  CHECK(again.error_line == b.error_line);
}

TEST_CASE("rtl: block design with memory ports passes, writes stamped with their cycle", "[simulate][rtl]") {
  const Design d = load_design(data_dir("gemv_mem"));
  const auto r = check_design(d, options());
  INFO(r.message << "\n" << r.build.log << r.run.log);
  REQUIRE(r.status == CheckStatus::Pass);
  // Per element: K*(issue, wait, acc), then WRITE registers we: y[0] lands at edge 12, y[1] at 22.
  const auto& y = r.run.cycles.at(2).at(0);
  REQUIRE(y.size() == 2);
  CHECK(y[0] == 12);
  CHECK(y[1] == 22);
}

TEST_CASE("rtl: a protocol naming a missing port fails the build with the manifest named", "[simulate][rtl]") {
  Design d = load_design(data_dir("gemv_mem"));
  d.protocol.ports.at(0).rdata = "a_rdta";
  BuildOptions o;
  o.cache_dir = cache_dir();
  const auto b = build_design(d, o);
  REQUIRE_FALSE(b.ok);
  CHECK(b.error_file == "design.toml");
  CHECK(b.log.find("'a_rdta'") != std::string::npos);
}

TEST_CASE("rtl: stream design passes under back-pressure, reproducibly", "[simulate][rtl]") {
  const Design d = load_design(data_dir("mac_stream"));
  const auto r = check_design(d, options());
  INFO(r.message << "\n" << r.build.log << r.run.log);
  REQUIRE(r.status == CheckStatus::Pass);
  const auto& y = r.run.cycles.at(4).at(0);
  REQUIRE(y.size() == 8);
  for (std::size_t i = 1; i < y.size(); ++i) CHECK(y[i] > y[i - 1]);
  CHECK(y.back() > 8);  // 25% bubbles and back-pressure: 8 beats take more than 8 edges
  const auto again = check_design(d, options());
  CHECK(again.run.cycles == r.run.cycles);
}

TEST_CASE("rtl: extra output beats are a protocol error", "[simulate][rtl]") {
  const Design d = load_design(data_dir("mac_stream"));
  // After the N-th input the output register re-asserts valid forever.
  const auto r = check_design(d, options({edit(d, "if (y_valid && y_ready) y_valid <= 0;",
                                              "if (y_valid && y_ready) y_valid <= (n == N);")}));
  INFO(r.message << "\n" << r.run.log);
  CHECK(r.run.status == RunStatus::ProtocolError);
  CHECK(r.status == CheckStatus::Mismatch);
}

TEST_CASE("rtl: max_cycles reached is a timeout with partial outputs", "[simulate][rtl]") {
  Design d = load_design(data_dir("dot"));
  d.protocol.max_cycles = 5;
  const auto r = check_design(d, options());
  CHECK(r.run.status == RunStatus::Timeout);
  CHECK(r.status == CheckStatus::Timeout);
}

TEST_CASE("rtl: custom driver runs, +bf_mutant reaches $value$plusargs", "[simulate][rtl]") {
  const Design d = load_design(data_dir("custom_inc"));
  auto o = options();
  const auto pass = check_design(d, o);
  INFO(pass.message << "\n" << pass.build.log << pass.run.log);
  REQUIRE(pass.status == CheckStatus::Pass);
  CHECK(pass.run.cycles.at(5).at(0) == std::vector<std::int64_t>{1, 2, 3, 4, 5, 6});
  o.run.args = {"+bf_mutant=1"};
  const auto mutant = check_design(d, o);
  INFO(mutant.message);
  REQUIRE(mutant.status == CheckStatus::Mismatch);
  CHECK(mutant.build.cached);  // one build serves every mutant
  CHECK(mutant.mismatch->got == mutant.mismatch->expected + 1);
}
