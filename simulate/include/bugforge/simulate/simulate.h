// bugforge simulate — build a design once, run it on vector sets, compare with golden outputs.
//
// One entry point per step so that later stages (labelling, schemata, the assistant) reuse them:
//   build_design  -> a cached executable (HLS: testbench + top function; RTL: Verilator model +
//                    protocol driver), keyed by the content hash of everything that goes into it;
//   run_design    -> runs it in a sandboxed child on a vector file, reads the outputs file;
//   compare       -> the first mismatch against golden outputs.
// check_design chains the three for `bugforge check`; judge_design is **the judge**: golden
// vector sets, then (only when they pass) the extra sets, asked by check, label/gen, bench, the
// schema runner and, next, the assistant and CI mode. judge_run judges one run of a build that
// others share (a schema) the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bugforge/core/design.h"
#include "bugforge/core/diagnostic.h"
#include "bugforge/kernels/backend.h"
#include "bugforge/kernels/kernel.h"
#include "bugforge/mutators/mutant.h"
#include "bugforge/tools/process.h"

namespace bf::sim {

struct BuildOptions {
  std::string cache_dir;                 // empty = default_cache_dir()
  std::vector<std::string> extra_flags;  // extra compiler flags (e.g. sanitizers)
  // Source overrides: replace the text of a design source (absolute path) by this text; used for
  // mutants. The cache key covers the overriding text.
  std::vector<std::pair<std::string, std::string>> source_overrides;
};

struct BuildResult {
  bool ok = false;
  bool cached = false;     // reused a previous build
  std::string executable;  // absolute path when ok
  std::string key;         // content hash
  std::string log;         // compiler/Verilator output (errors when !ok)
  double seconds = 0;
  // First error location parsed from the log (file relative to the design when possible).
  std::string error_file;
  int error_line = 0;
};

enum class RunStatus { Ok, Timeout, Crash, ProtocolError };

struct RunResult {
  RunStatus status = RunStatus::Ok;
  std::vector<kernels::OutputSet> outputs;                     // one per vector set (may be partial)
  std::vector<std::vector<std::vector<std::int64_t>>> cycles;  // [set][tensor][elem], -1 = none
  std::string log;
  double seconds = 0;
};

struct Mismatch {
  std::size_t vector = 0;           // index of the vector set
  std::uint64_t seed = 0;           // its seed
  std::string output;               // output tensor name
  std::int64_t index = 0;           // flat element index
  std::vector<std::int64_t> shape;  // the output's shape, so format() can print C[1][2]
  std::int64_t expected = 0, got = 0;
  std::int64_t cycle = -1;  // RTL: cycle the element was produced; -1 unknown
  std::string detail;       // e.g. "missing output (timeout after 1000000 cycles)"
  // Oracles without vector sets (testbench, trace): the location that replaces "vector V (seed S),
  // output O[i]" in format(), e.g. "tb/tb.sv:12" or "trace.csv:7, signal y".
  std::string where;
  std::string format() const;
};

std::string default_cache_dir();  // $BUGFORGE_CACHE or ~/.cache/bugforge

BuildResult build_design(const Design& d, const BuildOptions& opt = {});

// The first compiler/Verilator error of a failed build as a diagnostic (BF-SIM-010) at the user's
// file and line, as `check` prints it.
Diagnostic build_diagnostic(const BuildResult& b);

struct RunOptions {
  tools::Limits limits;
  std::vector<std::string> args;     // extra arguments for the binary (e.g. "+bf_mutant=7")
  std::string scratch_dir;           // empty = a fresh temp dir, removed afterwards
  std::vector<std::string> wrapper;  // command prefix the binary runs under (e.g. valgrind ...)
};

RunResult run_design(const Design& d, const BuildResult& b, const std::vector<kernels::VectorSet>& sets,
                     const RunOptions& opt = {});

// First mismatch of got vs golden over all sets, outputs and elements (set-major).
std::optional<Mismatch> compare(const std::vector<kernels::OutputSet>& golden, const RunResult& got,
                                const std::vector<std::uint64_t>& seeds);

struct CheckOptions {
  std::size_t vectors = 8;
  std::uint64_t seed = 0;  // seeds seed..seed+vectors-1
  BuildOptions build;
  RunOptions run;
  // Where golden outputs are computed (cached under the build cache dir by kernel/params/seed).
  kernels::Backend golden_backend = kernels::Backend::automatic;
};

enum class CheckStatus { Pass, Mismatch, BuildError, Timeout, Crash, Error };
const char* check_status_name(CheckStatus s);

struct CheckResult {
  CheckStatus status = CheckStatus::Error;
  BuildResult build;
  RunResult run;
  std::optional<Mismatch> mismatch;
  std::string message;  // one line for the table
};

CheckResult check_design(const Design& d, const CheckOptions& opt);

// The verdict of one finished run on the sets `seeds` against `golden`, as check_design gives it.
CheckResult judge_run(const Design& d, const RunResult& run, const std::vector<kernels::OutputSet>& golden,
                      const std::vector<std::uint64_t>& seeds);

// The judge's answer on a design or a variant (opt.build.source_overrides): the golden sets, and
// when they pass and `extra_vectors` > 0, the extra sets seed+vectors.. on the same (cached) build.
struct Judgement {
  CheckResult main;
  std::optional<CheckResult> extra;
  bool passed() const;
  const CheckResult& last() const { return extra ? *extra : main; }
};

Judgement judge_design(const Design& d, const CheckOptions& opt, std::size_t extra_vectors);

// The source override that turns design `d` into mutant `m` (its edited file, absolute path).
std::pair<std::string, std::string> mutant_override(const Design& d, const mutators::Mutant& m);

}  // namespace bf::sim
