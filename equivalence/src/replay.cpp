// bugforge equivalence — replaying a counterexample in Verilator (see the header).
#include "replay.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "bugforge/core/hash.h"
#include "bugforge/simulate/process.h"
#include "bugforge/simulate/simulate.h"

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
  for (const auto& s : t.gold_outputs) h << "    std::cout << get_bits(m." << s.name << ", " << s.width << ") << ' ';\n";
  h << "    std::cout << '\\n';\n";
  if (!t.clock.empty()) h << "    m." << t.clock << " = 1; m.eval(); m." << t.clock << " = 0; m.eval();\n";
  h << "  }\n  return 0;\n}\n";
  return h.str();
}

sim::Limits limits(double seconds) {
  sim::Limits l;
  l.wall_seconds = std::max(1.0, seconds);
  l.capture_bytes = 1 << 20;
  return l;
}

std::string verilator_version() {
  static const std::string v = sim::run_process({"verilator", "--version"}, limits(30)).out;
  return v;
}

// Builds (or reuses) the replay executable of one side; returns its path, or "" with `log` set.
std::string build_side(const PairSpec& spec, const RtlSource& src, const Trace& t, const std::string& cache,
                       double seconds, std::string& log) {
  const std::string code = harness(t);
  Hasher h;
  h.add(verilator_version()).add(code).add(spec.top).add(params_to_string(spec.parameters));
  for (const auto& f : src.files) h.add(f).add_file(f);
  for (const auto& d : src.include_dirs) h.add(d);
  const fs::path dir = fs::path(cache) / "equiv-replay" / h.hex();
  if (fs::exists(dir / "replay")) return (dir / "replay").string();
  const fs::path tmp = dir.string() + fmt::format(".tmp.{}", getpid());
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  std::ofstream(tmp / "harness.cpp") << code;
  std::vector<std::string> argv = {"verilator", "--cc", "--exe", "--build", "-j", "2", "--prefix", "Vtop",
                                   "--top-module", spec.top, "--no-timing", "-Wno-fatal", "-Wno-lint",
                                   "-Wno-style", "--x-assign", "0", "--x-initial", "0", "-Mdir", "obj",
                                   "-MAKEFLAGS", "OPT_FAST=-O0", "-MAKEFLAGS", "OPT_GLOBAL=-O0", "-o", "replay"};
  for (const auto& [k, v] : spec.parameters) argv.push_back(fmt::format("-G{}={}", k, v));
  for (const auto& d : src.include_dirs) argv.push_back("-I" + d);
  for (const auto& f : src.files) argv.push_back(f);
  argv.push_back("harness.cpp");
  const auto r = sim::run_process(argv, limits(seconds), tmp.string());
  if (!r.ok()) {
    log = fmt::format("verilator build failed ({}): {}", r.describe(), r.err.substr(0, 400));
    fs::remove_all(tmp);
    return "";
  }
  fs::rename(tmp / "obj" / "replay", tmp / "replay");
  fs::remove_all(tmp / "obj");
  std::error_code ec;
  fs::rename(tmp, dir, ec);  // another builder won the race: theirs is equal
  if (ec) fs::remove_all(tmp);
  return (dir / "replay").string();
}

// Output bit strings per cycle, or empty with `log` set.
std::vector<std::vector<std::string>> run_side(const std::string& exe, const std::string& inputs, double seconds,
                                               std::string& log) {
  const auto r = sim::run_process({exe, inputs}, limits(seconds));
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
    for (const auto& s : t.inputs) out << (c < static_cast<int>(s.values.size()) && !s.values[c].empty() ? s.values[c] : "0") << ' ';
    out << '\n';
  }
  return path;
}

bool agrees(const std::vector<std::vector<std::string>>& got, const std::vector<TraceSignal>& want, int cycles) {
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
  const std::string gold = build_side(spec, original, t, cache, left(), r.detail);
  const std::string gate = gold.empty() ? "" : build_side(spec, mutant, t, cache, left(), r.detail);
  if (gate.empty()) return r;
  const std::string inputs = write_inputs(t, fs::temp_directory_path().string());
  const auto g = run_side(gold, inputs, left(), r.detail);
  const auto m = g.empty() ? g : run_side(gate, inputs, left(), r.detail);
  fs::remove(inputs);
  if (m.empty()) return r;
  r.ran = true;
  int first = -1;
  for (int c = t.skip; c < t.cycles && c < static_cast<int>(std::min(g.size(), m.size())) && first < 0; ++c)
    if (g[c] != m[c]) first = c;
  r.reproduced = first >= 0;
  r.matches_formal = agrees(g, t.gold_outputs, t.cycles) && agrees(m, t.gate_outputs, t.cycles);
  r.detail = r.reproduced ? fmt::format("Verilator: outputs differ from cycle {}", first)
                          : "Verilator: no output differs on the counterexample's inputs";
  if (!r.matches_formal) r.detail += "; Verilator's values disagree with the solver's";
  return r;
}

}  // namespace bf::equivalence
