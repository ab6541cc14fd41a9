// bugforge simulate — dispatch on the design's [oracle] kind, and the reference oracle.
//
// Algorithm: "testbench" and "trace" designs build with their own recipe of the one model builder
// (model_build.cpp) and are judged by their own runner; "kernel" and "reference" designs go through the
// vector-set path of simulate.cpp. For "reference" only the golden outputs differ: the reference is built as
// a design of its own (same folder, same tensor interface; Verilog driven by the design's [protocol], C++
// through the HLS harness with [oracle] args), run on the same vector sets, and its outputs are the
// golden outputs. Mutant overrides and run arguments never reach the reference.
#include "bugforge/simulate/oracle.h"

#include <stdlib.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "bugforge/core/diagnostic.h"
#include "bugforge/kernels/golden_cache.h"
#include "oracle_internal.h"

namespace bf::sim {

namespace fs = std::filesystem;

namespace oracle {

std::string design_relative(const Design& d, const std::string& path) {
  std::string p = path;
  if (const auto stage = p.find("/stage/"); stage != std::string::npos && p.find(".tmp.") < stage)
    p = p.substr(stage + 6);  // a staged mutant copy: <build>/stage/<absolute original path>
  const auto rel = fs::path(p).lexically_relative(d.dir).string();
  return !rel.empty() && rel.rfind("..", 0) != 0 ? rel : p;
}

std::string tail_lines(const std::string& text, std::size_t n) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  const std::size_t from = lines.size() > n ? lines.size() - n : 0;
  std::string out;
  for (std::size_t i = from; i < lines.size(); ++i) out += (out.empty() ? "" : "\n") + lines[i];
  return out;
}

}  // namespace oracle

namespace {

// The reference implementation as a design of its own.
Design reference_design(const Design& d) {
  Design ref = d;
  ref.name = d.name + ".reference";
  ref.language = d.oracle.language;
  ref.sources = d.oracle.sources;
  ref.top = d.oracle.top;
  ref.oracle = Oracle{};
  if (ref.language == Language::HlsCpp) {
    ref.protocol = Protocol{};
    ref.protocol.kind = "hls-call";
    ref.protocol.args = d.oracle.args;
    ref.parameters.clear();  // Verilog parameters are not the C++ reference's macros
  }
  return ref;
}

[[noreturn]] void reference_failed(const Design& d, const std::string& what) {
  throw Error("BF-ORC-020",
              fmt::format("expected the reference {} of design '{}' to {}", d.oracle.top, d.name, what),
              SourceLoc{d.manifest_path});
}

std::vector<kernels::OutputSet> reference_outputs(const Design& d,
                                                  const std::vector<kernels::VectorSet>& sets,
                                                  const CheckOptions& opt) {
  const Design ref = reference_design(d);
  BuildOptions bo;
  bo.cache_dir = opt.build.cache_dir;
  const BuildResult b = build_design(ref, bo);
  if (!b.ok) reference_failed(d, "build: " + oracle::tail_lines(b.log, 3));
  RunOptions ro;
  ro.limits = opt.run.limits;
  const RunResult r = run_design(ref, b, sets, ro);
  if (r.status != RunStatus::Ok) reference_failed(d, "run cleanly: " + oracle::tail_lines(r.log, 3));
  return r.outputs;
}

}  // namespace

bool uses_vectors(const Design& d) {
  return d.oracle.kind == "kernel" || d.oracle.kind == "reference";
}

BuildResult build_oracle(const Design& d, const BuildOptions& opt) {
  if (d.oracle.kind == "testbench") return build_model(d, opt, oracle::testbench_recipe(d));
  if (d.oracle.kind == "trace") return build_model(d, opt, oracle::trace_recipe(d));
  throw Error("BF-ORC-004", fmt::format("expected oracle kind testbench or trace, got '{}'", d.oracle.kind),
              SourceLoc{d.manifest_path});
}

std::vector<kernels::OutputSet> golden_outputs(const Design& d, const std::vector<std::uint64_t>& seeds,
                                               const std::vector<kernels::VectorSet>& sets,
                                               const CheckOptions& opt) {
  if (d.oracle.kind == "reference") return reference_outputs(d, sets, opt);
  const kernels::Kernel& k = kernels::require_kernel(d.golden.kernel, d.golden.params);
  const std::string cache = opt.build.cache_dir.empty() ? default_cache_dir() : opt.build.cache_dir;
  return kernels::compute_golden(k, d.golden.params, seeds, kernels::GoldenCache(cache), opt.golden_backend);
}

CheckResult judge_oracle(const Design& d, const BuildResult& b, const CheckOptions& opt) {
  CheckResult r;
  r.build = b;
  try {
    if (!b.ok) throw Error("BF-ORC-005", fmt::format("expected a successful build of {}", d.name));
    if (d.oracle.kind == "testbench") return oracle::judge_testbench(d, b, opt);
    if (d.oracle.kind == "trace") return oracle::judge_trace(d, b, opt);
    throw Error("BF-ORC-004", fmt::format("expected oracle kind testbench or trace, got '{}'", d.oracle.kind),
                SourceLoc{d.manifest_path});
  } catch (const Error& e) {
    r.status = CheckStatus::Error;
    r.message = e.diagnostic().format();
  } catch (const std::exception& e) {
    r.status = CheckStatus::Error;
    r.message = e.what();
  }
  return r;
}

CheckResult check_oracle(const Design& d, const CheckOptions& opt) {
  CheckResult r;
  try {
    if (d.oracle.kind == "trace") read_trace(d.oracle.trace);  // a bad file is reported before any build
    r.build = build_oracle(d, opt.build);
  } catch (const Error& e) {
    r.status = CheckStatus::Error;
    r.message = e.diagnostic().format();
    return r;
  } catch (const std::exception& e) {
    r.status = CheckStatus::Error;
    r.message = e.what();
    return r;
  }
  if (r.build.ok) return judge_oracle(d, r.build, opt);
  r.status = CheckStatus::BuildError;
  r.message = build_diagnostic(r.build).format();
  return r;
}

}  // namespace bf::sim
