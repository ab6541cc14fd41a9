// bugforge simulate — the language-independent steps: build dispatch, run, compare, check.
//
// Algorithm: build_design hands the design to its language back-end (backends.h), which returns one
// executable obeying the shared contract `<exe> <inputs.bin> <outputs.bin> [+plusargs]`.
// run_design writes the vector sets in the kernel's input order to a scratch folder, runs the
// executable in a sandboxed child and reads the outputs file back into tensors named and shaped by
// the kernel's output specs. compare walks sets, then outputs, then elements and reports the first
// difference (a missing or extra element counts). check_design chains build, golden, run, compare.
#include "bugforge/simulate/simulate.h"

#include <stdlib.h>

#include <filesystem>

#include <sstream>

#include <fmt/format.h>

#include "../runtime/bf_vectors.h"
#include "backends.h"
#include "bugforge/core/diagnostic.h"
#include "bugforge/core/io.h"
#include "bugforge/kernels/golden_cache.h"
#include "bugforge/simulate/oracle.h"
#include "bugforge/tools/messages.h"

namespace bf::sim {

namespace fs = std::filesystem;

namespace {

constexpr int kDeadlockExitCode = 86;  // hls::kDeadlockExitCode (runtime/hls/hls_stream.h)

// A scratch folder that is removed on destruction when we created it.
std::vector<std::vector<std::vector<std::int64_t>>> to_raw_inputs(
    const kernels::Kernel& k, const std::vector<kernels::VectorSet>& sets) {
  std::vector<std::vector<std::vector<std::int64_t>>> raw;
  for (std::size_t s = 0; s < sets.size(); ++s) {
    if (sets[s].size() != k.inputs.size())
      throw Error("BF-SIM-002", fmt::format("vector set {} has {} tensors, expected {} ({} inputs)", s,
                                            sets[s].size(), k.inputs.size(), k.name));
    std::vector<std::vector<std::int64_t>> set;
    for (const auto& t : sets[s]) set.push_back(t.data);
    raw.push_back(std::move(set));
  }
  return raw;
}

// The last `n` lines of `text`, for logs that must stay short.
std::string tail_lines(const std::string& text, std::size_t n) {
  std::size_t pos = text.size();
  while (pos > 0 && text[pos - 1] == '\n') --pos;
  std::size_t start = pos;
  for (std::size_t seen = 0; start > 0 && seen < n; --start)
    if (text[start - 1] == '\n' && ++seen == n) break;
  return text.substr(start, pos - start);
}

std::string last_line(const std::string& text) {
  return tail_lines(text, 1);
}

std::string first_line(const std::string& text) {
  const auto start = text.find_first_not_of("\n ");
  if (start == std::string::npos) return "";
  return text.substr(start, text.find('\n', start) - start);
}

// Fills outputs/cycles from the file; returns the status of the first set that is not ok (0 = all ok).
std::int64_t read_outputs_into(RunResult& r, const kernels::Kernel& k, const Params& params,
                               const std::string& path) {
  const auto sets = bfrt::read_outputs(path);
  std::int64_t first_bad = 0;
  for (std::size_t s = 0; s < sets.size(); ++s) {
    if (sets[s].tensors.size() != k.outputs.size())
      throw Error("BF-SIM-003", fmt::format("outputs file has {} tensors per set, expected {}",
                                            sets[s].tensors.size(), k.outputs.size()));
    kernels::OutputSet out;
    std::vector<std::vector<std::int64_t>> cycles;
    for (std::size_t t = 0; t < k.outputs.size(); ++t) {
      const auto& spec = k.outputs[t];
      out.push_back(Tensor{spec.name, spec.type_for(params), spec.shape(params), sets[s].tensors[t].values});
      cycles.push_back(sets[s].tensors[t].cycles);
    }
    r.outputs.push_back(std::move(out));
    r.cycles.push_back(std::move(cycles));
    if (first_bad == 0 && sets[s].status != 0) {
      first_bad = sets[s].status;
      r.log += fmt::format("vector set {}: {}\n", s,
                           sets[s].status == 1 ? "protocol timeout (max_cycles reached)" : "protocol error");
    }
  }
  return first_bad;
}

std::string index_text(std::int64_t index, const std::vector<std::int64_t>& shape) {
  if (shape.size() <= 1) return fmt::format("[{}]", index);
  std::vector<std::int64_t> idx(shape.size());
  for (std::size_t d = shape.size(); d-- > 0;) {
    const std::int64_t extent = std::max<std::int64_t>(shape[d], 1);
    idx[d] = index % extent;
    index /= extent;
  }
  std::string s;
  for (auto i : idx) s += fmt::format("[{}]", i);
  return s;
}

std::optional<Mismatch> compare_tensor(const Tensor& want, const Tensor* got,
                                       const std::vector<std::int64_t>* cycles) {
  Mismatch m;
  m.output = want.name;
  m.shape = want.shape;
  const std::size_t have = got ? got->data.size() : 0;
  for (std::size_t i = 0; i < want.data.size(); ++i) {
    m.index = static_cast<std::int64_t>(i);
    m.expected = want.data[i];
    if (i >= have) {
      m.detail = fmt::format("expected {}, got nothing (output has {} of {} elements)", want.data[i], have,
                             want.data.size());
      return m;
    }
    if (got->data[i] != want.data[i]) {
      m.got = got->data[i];
      if (cycles && i < cycles->size()) m.cycle = (*cycles)[i];
      return m;
    }
  }
  if (have > want.data.size()) {
    m.index = static_cast<std::int64_t>(want.data.size());
    m.expected = 0;
    m.got = got->data[want.data.size()];
    m.detail = fmt::format("expected no element, got {} (output has {} elements, expected {})", m.got, have,
                           want.data.size());
    return m;
  }
  return std::nullopt;
}

}  // namespace

CheckResult judge_run(const Design& d, const RunResult& run, const std::vector<kernels::OutputSet>& golden,
                      const std::vector<std::uint64_t>& seeds) {
  CheckResult r;
  r.run = run;
  switch (r.run.status) {
    case RunStatus::Timeout:
      r.status = CheckStatus::Timeout;
      r.message = first_line(r.run.log).empty() ? "timeout" : first_line(r.run.log);
      return r;
    case RunStatus::Crash:
      r.status = CheckStatus::Crash;
      r.message = first_line(r.run.log);
      return r;
    case RunStatus::Ok:
    case RunStatus::ProtocolError: break;
  }
  r.mismatch = compare(golden, r.run, seeds);
  if (r.mismatch) {
    r.status = CheckStatus::Mismatch;
    r.message = r.mismatch->format();
  } else if (r.run.status == RunStatus::ProtocolError) {
    // The values agree but the executable reported a protocol violation (e.g. an extra beat).
    r.status = CheckStatus::Mismatch;
    r.message = "protocol error: " + first_line(r.run.log);
  } else {
    r.status = CheckStatus::Pass;
    const std::string oracle = d.oracle.kind == "reference" ? "reference " + d.oracle.top : d.golden.kernel;
    r.message = fmt::format("{} vector sets match {}", seeds.size(), oracle);
  }
  return r;
}

Diagnostic build_diagnostic(const BuildResult& b) {
  Diagnostic d;
  d.code = "BF-SIM-010";
  const auto e = tools::first_error(b.log);
  if (e && !e->loc.file.empty()) {
    d.loc.file = b.error_file.empty() ? e->loc.file : b.error_file;
    d.loc.line = b.error_line > 0 ? b.error_line : e->loc.line;
    d.message = e->text;
    return d;
  }
  if (e) {
    d.message = e->first_line;
    return d;
  }
  d.message = first_line(b.log).empty() ? "build failed" : first_line(b.log);
  return d;
}

std::string default_cache_dir() {
  if (const char* c = std::getenv("BUGFORGE_CACHE"); c && *c) return c;
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/bugforge";
  return (fs::temp_directory_path() / "bugforge-cache").string();
}

BuildResult build_design(const Design& d, const BuildOptions& opt) {
  if (!uses_vectors(d)) return build_oracle(d, opt);  // testbench / trace (oracle.h)
  return d.language == Language::HlsCpp ? build_hls(d, opt) : build_rtl(d, opt);
}

RunResult run_design(const Design& d, const BuildResult& b, const std::vector<kernels::VectorSet>& sets,
                     const RunOptions& opt) {
  if (!b.ok) throw Error("BF-SIM-004", fmt::format("expected a successful build of {}", d.name));
  if (!uses_vectors(d))
    throw Error("BF-SIM-005", fmt::format("design {} has a {} oracle, which runs no vector sets; "
                                          "its oracle judges it",
                                          d.name, d.oracle.kind));
  const kernels::Kernel& k = kernels::require_kernel(d.golden.kernel, d.golden.params);
  const ScratchDir scratch("bugforge-run", opt.scratch_dir);
  const std::string in = scratch.path() + "/inputs.bin", out = scratch.path() + "/outputs.bin";
  bfrt::write_inputs(in, to_raw_inputs(k, sets));
  std::vector<std::string> argv = opt.wrapper;
  argv.insert(argv.end(), {b.executable, in, out});
  argv.insert(argv.end(), opt.args.begin(), opt.args.end());
  const tools::ProcessResult p = tools::run_process(argv, opt.limits, scratch.path());
  RunResult r;
  r.seconds = p.seconds;
  if (!p.ok()) {
    // hls::stream exits with kDeadlockExitCode on a read of an empty stream: hardware would hang.
    const bool deadlock = p.signal == 0 && p.exit_code == kDeadlockExitCode;
    r.status = p.timed_out || deadlock ? RunStatus::Timeout : RunStatus::Crash;
    const std::string what = deadlock ? "deadlock (" + p.describe() + ")" : p.describe();
    const std::string last = last_line(p.err);
    r.log = what + (last.empty() ? "" : ": " + last) + "\n" + tail_lines(p.err, 40);
    return r;
  }
  try {
    const std::int64_t bad = read_outputs_into(r, k, d.golden.params, out);
    r.status = bad == 0 ? RunStatus::Ok : bad == 1 ? RunStatus::Timeout : RunStatus::ProtocolError;
  } catch (const std::exception& e) {
    r.status = RunStatus::ProtocolError;
    r.log += std::string(e.what()) + "\n";
  }
  r.log += tail_lines(p.err, 40);
  return r;
}

std::optional<Mismatch> compare(const std::vector<kernels::OutputSet>& golden, const RunResult& got,
                                const std::vector<std::uint64_t>& seeds) {
  for (std::size_t s = 0; s < golden.size(); ++s) {
    for (std::size_t o = 0; o < golden[s].size(); ++o) {
      const bool have_set = s < got.outputs.size() && o < got.outputs[s].size();
      const Tensor* t = have_set ? &got.outputs[s][o] : nullptr;
      const bool have_cycles = s < got.cycles.size() && o < got.cycles[s].size();
      const auto* cycles = have_cycles ? &got.cycles[s][o] : nullptr;
      if (auto m = compare_tensor(golden[s][o], t, cycles)) {
        m->vector = s;
        m->seed = s < seeds.size() ? seeds[s] : 0;
        return m;
      }
    }
  }
  return std::nullopt;
}

std::string Mismatch::format() const {
  // Oracles without vector sets name their own location in `where`.
  const std::string place = !where.empty()
                                ? where
                                : fmt::format("vector {} (seed {}), output {}{} (row-major index {})", vector,
                                              seed, output, index_text(index, shape), index);
  const std::string what = detail.empty() ? fmt::format("expected {}, got {}", expected, got) : detail;
  const std::string when = cycle >= 0 ? fmt::format(" at cycle {}", cycle) : "";
  return place + ": " + what + when;
}

const char* check_status_name(CheckStatus s) {
  switch (s) {
    case CheckStatus::Pass: return "pass";
    case CheckStatus::Mismatch: return "mismatch";
    case CheckStatus::BuildError: return "build-error";
    case CheckStatus::Timeout: return "timeout";
    case CheckStatus::Crash: return "crash";
    case CheckStatus::Error: return "error";
  }
  return "error";
}

CheckResult check_design(const Design& d, const CheckOptions& opt) {
  if (!uses_vectors(d)) return check_oracle(d, opt);  // testbench / trace (oracle.h)
  CheckResult r;
  try {
    const kernels::Kernel& k = kernels::require_kernel(d.golden.kernel, d.golden.params);
    r.build = build_design(d, opt.build);
    if (!r.build.ok) {
      r.status = CheckStatus::BuildError;
      r.message = build_diagnostic(r.build).format();
      return r;
    }
    std::vector<std::uint64_t> seeds;
    std::vector<kernels::VectorSet> sets;
    for (std::size_t i = 0; i < opt.vectors; ++i) {
      seeds.push_back(opt.seed + i);
      sets.push_back(kernels::generate_inputs(k, d.golden.params, seeds.back()));
    }
    const auto golden = golden_outputs(d, seeds, sets, opt);  // the kernel's or the reference's
    auto build = std::move(r.build);
    r = judge_run(d, run_design(d, build, sets, opt.run), golden, seeds);
    r.build = std::move(build);
  } catch (const Error& e) {
    r.status = CheckStatus::Error;
    r.message = e.diagnostic().format();
  } catch (const std::exception& e) {
    r.status = CheckStatus::Error;
    r.message = e.what();
  }
  return r;
}

bool Judgement::passed() const {
  return main.status == CheckStatus::Pass && (!extra || extra->status == CheckStatus::Pass);
}

Judgement judge_design(const Design& d, const CheckOptions& opt, std::size_t extra_vectors) {
  Judgement j;
  j.main = check_design(d, opt);
  if (j.main.status != CheckStatus::Pass || extra_vectors == 0) return j;
  CheckOptions x = opt;  // same overrides and flags: the build comes from the cache
  x.seed = opt.seed + opt.vectors;
  x.vectors = extra_vectors;
  j.extra = check_design(d, x);
  return j;
}

std::pair<std::string, std::string> mutant_override(const Design& d, const mutators::Mutant& m) {
  const std::string path = (fs::path(d.dir) / m.file).string();
  return {path, mutators::apply_mutant(read_text(path), m)};
}

}  // namespace bf::sim
