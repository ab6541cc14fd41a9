// bugforge equivalence — replaying a counterexample in Verilator (see the header).
#include "replay.h"

#include <unistd.h>

#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <fmt/format.h>

#include "bugforge/simulate/model_build.h"
#include "bugforge/simulate/simulate.h"
#include "bugforge/tools/process.h"

namespace bf::equivalence {

namespace {

namespace fs = std::filesystem;

// The harness: generic bit setters/getters for Verilator's CData..QData and VlWide ports.
constexpr const char* kHarnessHead = R"(#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include "Vtop.h"
#include "verilated.h"
template <class T> void set_bits(T& p, const std::string& b) {
  p = 0;
  for (char c : b) p = static_cast<T>((p << 1) | (c == '1'));
}
template <std::size_t N> void set_bits(VlWide<N>& p, const std::string& b) {
  for (std::size_t i = 0; i < N; ++i) p[i] = 0;
  for (std::size_t i = 0; i < b.size(); ++i)
    if (b[b.size() - 1 - i] == '1') p[i / 32] |= 1u << (i % 32);
}
template <class T> std::string get_bits(const T& p, int w) {
  std::string s(w, '0');
  for (int i = 0; i < w; ++i) if ((static_cast<unsigned long long>(p) >> i) & 1ull) s[w - 1 - i] = '1';
  return s;
}
template <std::size_t N> std::string get_bits(const VlWide<N>& p, int w) {
  std::string s(w, '0');
  for (int i = 0; i < w; ++i) if ((p[i / 32] >> (i % 32)) & 1u) s[w - 1 - i] = '1';
  return s;
}
int main(int argc, char** argv) {
  Verilated::commandArgs(argc, argv);
  Vtop m;
  std::ifstream in(argv[1]);
  std::string line;
)";

std::string harness(const Trace& t) {
  std::ostringstream h;
  h << kHarnessHead;
  if (!t.clock.empty()) h << "  m." << t.clock << " = 0;\n";
  h << "  while (std::getline(in, line)) {\n    std::istringstream v(line);\n    std::string b;\n";
  for (const auto& s : t.inputs) h << "    v >> b; set_bits(m." << s.name << ", b);\n";
  h << "    m.eval();\n";
  for (const auto& s : t.gold_outputs)
    h << "    std::cout << get_bits(m." << s.name << ", " << s.width << ") << ' ';\n";
  h << "    std::cout << '\\n';\n";
  if (!t.clock.empty()) h << "    m." << t.clock << " = 1; m.eval(); m." << t.clock << " = 0; m.eval();\n";
  h << "  }\n  return 0;\n}\n";
  return h.str();
}

// Output rows of a long random trace of wide outputs run to megabytes: capture them whole.
tools::Limits limits(double seconds) {
  tools::Limits l;
  l.wall_seconds = std::max(1.0, seconds);
  l.capture_bytes = 256 << 20;
  return l;
}

// Builds (or reuses) the replay executable of one side through the one model builder: the
// harness is the recipe's main; returns its path, or "" with `log` set.
std::string build_side(const PairSpec& spec, const RtlSource& src, const Trace& t, const std::string& cache,
                       std::string& log) {
  Design d;
  d.dir = src.files.empty() ? "" : fs::path(src.files.front()).parent_path().string();
  d.sources = src.files;
  d.include_dirs = src.include_dirs;
  d.parameters = spec.parameters;
  sim::ModelRecipe r;
  r.tag = "equiv-replay";
  r.top = spec.top;
  r.sources = src.files;
  r.assertions = false;
  r.parameters = true;
  r.key_extra = harness(t);
  r.main_source = [code = r.key_extra](const sim::PortTable&) { return sim::DriverSource{code, {}}; };
  sim::BuildOptions opt;
  opt.cache_dir = cache;
  const auto b = sim::build_model(d, opt, r);
  if (!b.ok) log = fmt::format("verilator build failed: {}", b.log.substr(0, 400));
  return b.ok ? b.executable : "";
}

// Output bit strings per cycle, or empty with `log` set.
std::vector<std::vector<std::string>> run_side(const std::string& exe, const std::string& inputs,
                                               double seconds, std::string& log,
                                               const std::string& selection = "") {
  std::vector<std::string> argv = {exe, inputs};
  if (!selection.empty()) argv.push_back(selection);
  const auto r = tools::run_process(argv, limits(seconds));
  if (!r.ok()) {
    log = fmt::format("replay run failed ({})", r.describe());
    return {};
  }
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream v(line);
    rows.emplace_back();
    for (std::string b; v >> b;) rows.back().push_back(b);
  }
  return rows;
}

std::string write_inputs(const Trace& t, const std::string& dir) {
  const auto path = (fs::path(dir) / fmt::format("replay-inputs-{}.txt", getpid())).string();
  std::ofstream out(path);
  for (int c = 0; c < t.cycles; ++c) {
    for (const auto& s : t.inputs)
      out << (c < static_cast<int>(s.values.size()) && !s.values[c].empty() ? s.values[c] : "0") << ' ';
    out << '\n';
  }
  return path;
}

// First cycle at or after `skip` where the rows differ, or -1.
int first_difference(const std::vector<std::vector<std::string>>& g,
                     const std::vector<std::vector<std::string>>& m, int skip, int cycles) {
  for (int c = skip; c < cycles && c < static_cast<int>(std::min(g.size(), m.size())); ++c)
    if (g[c] != m[c]) return c;
  return -1;
}

bool agrees(const std::vector<std::vector<std::string>>& got, const std::vector<TraceSignal>& want,
            int cycles) {
  if (static_cast<int>(got.size()) < cycles) return false;
  for (int c = 0; c < cycles; ++c)
    for (std::size_t i = 0; i < want.size(); ++i)
      if (c < static_cast<int>(want[i].values.size()) && got[c].at(i) != want[i].values[c]) return false;
  return true;
}

}  // namespace

Replay replay_trace(const PairSpec& spec, const RtlSource& original, const RtlSource& mutant, const Trace& t,
                    const EquivOptions& opt, double seconds) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  const auto left = [&] { return seconds - std::chrono::duration<double>(Clock::now() - t0).count(); };
  Replay r;
  const std::string cache = opt.cache_dir.empty() ? sim::default_cache_dir() : opt.cache_dir;
  const std::string gold = build_side(spec, original, t, cache, r.detail);
  const std::string gate = gold.empty() ? "" : build_side(spec, mutant, t, cache, r.detail);
  if (gate.empty()) return r;
  const std::string inputs = write_inputs(t, fs::temp_directory_path().string());
  const auto g = run_side(gold, inputs, left(), r.detail);
  const auto m = g.empty() ? g : run_side(gate, inputs, left(), r.detail);
  fs::remove(inputs);
  if (m.empty()) return r;
  r.ran = true;
  const int first = first_difference(g, m, t.skip, t.cycles);
  r.reproduced = first >= 0;
  r.matches_formal = agrees(g, t.gold_outputs, t.cycles) && agrees(m, t.gate_outputs, t.cycles);
  r.detail = r.reproduced ? fmt::format("Verilator: outputs differ from cycle {}", first)
                          : "Verilator: no output differs on the counterexample's inputs";
  if (!r.matches_formal) r.detail += "; Verilator's values disagree with the solver's";
  return r;
}

Trace random_trace(const std::vector<Port>& ports, const PairSpec& spec, int cycles, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  Trace t;
  t.cycles = cycles;
  t.skip = spec.reset.empty() ? 0 : spec.reset_cycles;
  const auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  const auto bits = [&](int w) {
    std::string b(w, '0');
    const int kind = static_cast<int>(rng() % 10);  // 0 zero, 1 all ones, 2 small, else uniform
    for (int i = 0; i < w; ++i)
      b[w - 1 - i] =
          kind == 1 || (kind == 2 && i < 2 && (rng() & 1)) || (kind > 2 && (rng() & 1)) ? '1' : '0';
    return b;
  };
  for (const auto& p : ports) {
    if (p.dir == PortDir::Output) {
      t.gold_outputs.push_back({p.name, p.width, {}});
      continue;
    }
    if (p.name == spec.clock) {
      t.clock = p.name;
      continue;
    }
    TraceSignal s{p.name, p.width, {}};
    const char active = spec.reset_active_low ? '0' : '1', idle = spec.reset_active_low ? '1' : '0';
    double bias = 0.5;
    for (int c = 0; c < cycles; ++c) {
      if (p.name == spec.reset) {
        s.values.push_back(std::string(1, c < t.skip || chance(1.0 / 256) ? active : idle));
        continue;
      }
      if (c % 64 == 0) bias = std::array<double, 3>{0.5, 0.9, 0.1}[rng() % 3];
      s.values.push_back(p.width == 1 ? std::string(1, chance(bias) ? '1' : '0') : bits(p.width));
    }
    t.inputs.push_back(std::move(s));
  }
  t.gate_outputs = t.gold_outputs;
  return t;
}

std::vector<std::vector<Recheck>> recheck_builds(const PairSpec& spec, const RtlSource& original,
                                                 const std::vector<RecheckBuild>& builds, const Trace& t,
                                                 const EquivOptions& opt, double seconds) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  const auto left = [&] { return seconds - std::chrono::duration<double>(Clock::now() - t0).count(); };
  const std::string cache = opt.cache_dir.empty() ? sim::default_cache_dir() : opt.cache_dir;
  std::vector<std::vector<Recheck>> out(builds.size());
  for (std::size_t b = 0; b < builds.size(); ++b) out[b].resize(builds[b].selections.size());
  const auto fail_all = [&](std::size_t from, const std::string& why) {
    for (std::size_t b = from; b < builds.size(); ++b)
      for (auto& r : out[b]) r.detail = why;
  };
  std::string log;
  const std::string gold = build_side(spec, original, t, cache, log);
  if (gold.empty()) {
    fail_all(0, "original: " + log);
    return out;
  }
  const std::string inputs = write_inputs(t, fs::temp_directory_path().string());
  const auto g = run_side(gold, inputs, left(), log);
  if (g.empty()) {
    fs::remove(inputs);
    fail_all(0, "original: " + log);
    return out;
  }
  for (std::size_t b = 0; b < builds.size(); ++b) {
    const auto s0 = Clock::now();
    std::string blog;
    const std::string exe = build_side(spec, builds[b].source, t, cache, blog);
    for (std::size_t k = 0; k < builds[b].selections.size(); ++k) {
      auto& r = out[b][k];
      r.cycles = t.cycles;
      if (exe.empty()) {
        r.detail = blog;
        continue;
      }
      std::string rlog;
      const auto m = run_side(exe, inputs, left(), rlog, builds[b].selections[k]);
      if (m.size() < static_cast<std::size_t>(t.cycles)) {
        r.detail = rlog.empty() ? "the run stopped early" : rlog;
        continue;
      }
      r.ran = true;
      r.first_diff_cycle = first_difference(g, m, t.skip, t.cycles);
      r.differs = r.first_diff_cycle >= 0;
      r.detail = r.differs ? fmt::format("random simulation in Verilator: outputs differ from cycle {} of {}",
                                         r.first_diff_cycle, t.cycles)
                           : fmt::format("{} cycles of random simulation in Verilator agree", t.cycles);
    }
    const double each = std::chrono::duration<double>(Clock::now() - s0).count() /
                        static_cast<double>(std::max<std::size_t>(builds[b].selections.size(), 1));
    for (auto& r : out[b]) r.seconds = each;
  }
  fs::remove(inputs);
  return out;
}

}  // namespace bf::equivalence
