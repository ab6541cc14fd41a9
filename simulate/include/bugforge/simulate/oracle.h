// bugforge simulate — oracles other than a golden kernel ([oracle] in design.toml).
//
//   testbench  the design plus a Verilog/SystemVerilog testbench, built by Verilator with --timing
//              and run until $finish; judged by its exit status and $error/$fatal/assertions, then
//              by optional pass/fail patterns over its output and an expected-output file;
//   trace      a per-cycle CSV (time, then input and output signals; x = don't care) replayed on
//              the design by a generated driver, outputs compared row by row;
//   reference  another implementation (Verilog module driven by the same [protocol], or a C++
//              function run through the HLS harness) whose outputs on the generated vector sets
//              are the golden outputs: build_design / run_design / compare work as for kernels.
// check_design, build_design and run_design dispatch here, so every caller inherits the oracles.
// Mutant schemata: build once, then judge_oracle with run.args = {"+bf_mutant=N"} per mutant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bugforge/core/design.h"
#include "bugforge/kernels/kernel.h"
#include "bugforge/simulate/simulate.h"
#include "bugforge/tools/process.h"

namespace bf::sim {

// Oracle kinds "kernel" and "reference" judge vector sets (run_design + compare); the others do not.
bool uses_vectors(const Design& d);

// build_design for kinds "testbench" (design + testbench, --timing) and "trace" (design + replay driver).
BuildResult build_oracle(const Design& d, const BuildOptions& opt);

// Golden outputs of vector sets `sets` (made from `seeds`): the kernel's, computed or cached
// (kind "kernel"), or the reference implementation's (kind "reference"; throws bf::Error
// BF-ORC-020 when the reference does not build or run cleanly).
std::vector<kernels::OutputSet> golden_outputs(const Design& d, const std::vector<std::uint64_t>& seeds,
                                               const std::vector<kernels::VectorSet>& sets,
                                               const CheckOptions& opt);

// The verdict on a built testbench or trace design (check_oracle without the build).
CheckResult judge_oracle(const Design& d, const BuildResult& b, const CheckOptions& opt);

// check_design for kinds "testbench" and "trace": build_oracle, then judge_oracle.
CheckResult check_oracle(const Design& d, const CheckOptions& opt);

// ---- trace files ----
struct TraceRow {
  int line = 0;                     // 1-based line in the CSV
  std::int64_t time = 0;            // the cycle
  std::vector<std::string> values;  // per signal: binary digits and 'x', msb first ("x" = all)
};
struct Trace {
  std::string path;
  std::vector<std::string> signals;  // header after `time`
  std::vector<TraceRow> rows;
};
// Reads and checks a trace CSV. Throws bf::Error naming the file and line: BF-TRACE-001 unreadable
// or empty, -002 bad header, -003 wrong column count, -004 non-binary value, -005 bad time.
Trace read_trace(const std::string& path);

// ---- testbench verdicts ----
// Judges one finished testbench run whose working folder was `run_dir` (exposed for tests).
CheckResult judge_testbench_run(const Design& d, const tools::ProcessResult& p, const std::string& run_dir);

}  // namespace bf::sim
