// bugforge simulate — the one Verilator model builder (see model_build.h).
//
// Algorithm:
//   1. Key = hash of the tool versions, the flags, the recipe (tag, top, timing, extra), the
//      runtime headers the main includes, the source paths and the text of every file the model
//      can read (HDL files beside the sources or in include dirs, the recipe's C++ sources,
//      overridden texts in their place).
//   2. <cache>/<tag>/<key>/stamp exists: reuse; <key>/failed: the cached failure.
//   3. Otherwise, in a private folder: stage overridden texts under stage/<absolute path> (first on
//      -I), run verilator --cc, read the ports from Vtop.h, write the recipe's main.cpp, compile the
//      model and main as one translation unit and link with the cached libverilated.a (plus
//      verilated_timing.cpp for --timing). Stamp last, rename into place; a tool timeout or crash
//      is not cached.
#include "bugforge/simulate/model_build.h"
#include "rtl_codegen.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "bugforge/core/diagnostic.h"
#include "bugforge/core/hash.h"
#include "bugforge/tools/messages.h"
#include "rtl_toolchain.h"

namespace bf::sim {
namespace rtl {

namespace {

namespace fs = std::filesystem;
const std::vector<std::string> kCommonFlags = {"--cc",      "--prefix",    "Vtop", "-Wno-fatal",
                                               "-Wno-lint", "-Wno-style",  "-O3",  "--x-assign",
                                               "0",         "--x-initial", "0"};

std::string private_suffix() {
  static std::atomic<int> counter{0};
  return fmt::format(".tmp.{}.{}", ::getpid(), counter++);
}

class ModelBuild {
 public:
  ModelBuild(const Design& d, const BuildOptions& opt, const ModelRecipe& r)
      : d_(d), opt_(opt), r_(r), cache_(norm(opt.cache_dir.empty() ? default_cache_dir() : opt.cache_dir)) {
    for (const auto& [path, text] : opt.source_overrides) overrides_[norm(path)] = text;
  }

  BuildResult run() {
    BuildResult b;
    b.key = key();
    const fs::path dir = fs::path(cache_) / r_.tag / b.key;
    b.executable = (dir / "sim").string();
    if (fs::exists(dir / "stamp") || fs::exists(dir / "failed")) return cached_build(dir.string(), b);
    const auto runtime = runtime_library(cache_);
    tmp_ = dir.string() + private_suffix();
    fs::remove_all(tmp_);
    fs::create_directories(tmp_);
    const bool cacheable = build(runtime, b);
    std::error_code ec;
    if (cacheable) fs::rename(tmp_, dir, ec);  // fails only when another builder won: theirs is equal
    if (!cacheable || ec) fs::remove_all(tmp_);
    return b;
  }

 private:
  std::vector<std::string> flags() const {
    std::vector<std::string> f = kCommonFlags;
    if (r_.assertions) f.push_back("--assert");
    f.push_back(r_.timing ? "--timing" : "--no-timing");
    return f;
  }

  std::vector<std::string> cxx_flags() const {
    std::vector<std::string> f = model_cxx_flags(toolchain());
    if (r_.timing) f.push_back("-fcoroutines");  // and no precompiled header: it was made without
    f.insert(f.end(), opt_.extra_flags.begin(), opt_.extra_flags.end());
    return f;
  }

  // Every file the model can read, with its (overridden) text.
  std::map<std::string, std::string> inputs() const {
    std::set<std::string> files;
    std::set<fs::path> dirs;
    for (const auto& s : r_.sources) {
      files.insert(norm(s));
      dirs.insert(fs::path(norm(s)).parent_path());
    }
    for (const auto& i : d_.include_dirs) dirs.insert(norm(i));
    for (const auto& dir : dirs) {
      std::error_code ec;
      for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file() && is_hdl(e.path())) files.insert(norm(e.path().string()));
    }
    for (const auto& c : r_.cxx_sources) files.insert(norm(c));
    for (const auto& [path, text] : overrides_) files.insert(path);
    std::map<std::string, std::string> texts;
    for (const auto& f : files) {
      const auto it = overrides_.find(f);
      texts[f] = it != overrides_.end() ? it->second : read_text(f);
    }
    return texts;
  }

  std::string key() const {
    const auto& tc = toolchain();
    Hasher h;
    h.add("bugforge-model")
        .add(r_.tag)
        .add(r_.top)
        .add(r_.key_extra)
        .add(tc.verilator_version)
        .add(tc.cxx_version);
    h.add(tc.root).add(r_.parameters ? "params" : "no-params");
    for (const auto& f : flags()) h.add(f);
    for (const auto& f : cxx_flags()) h.add(f);
    for (const auto& name : r_.runtime_headers) h.add(read_text(runtime_dir() / name));
    h.add(read_text(runtime_dir() / "bf_rtl_ports.h"));
    for (const auto& s : r_.sources) h.add(norm(s));
    for (const auto& i : d_.include_dirs) h.add(norm(i));
    for (const auto& [path, text] : inputs()) h.add(path).add(text);
    if (r_.parameters)
      for (const auto& [name, value] : d_.parameters) h.add(name).add(value);
    return h.hex();
  }

  fs::path staged(const std::string& path) const {
    return fs::path(tmp_) / "stage" / fs::path(path).relative_path();
  }

  std::string model_path(const std::string& path) const {
    const auto n = norm(path);
    return overrides_.count(n) ? staged(n).string() : n;
  }

  std::vector<std::string> verilator_argv() const {
    std::vector<std::string> a = {"verilator"};
    for (const auto& f : flags()) a.push_back(f);
    a.insert(a.end(), {"--Mdir", (fs::path(tmp_) / "obj").string(), "--top-module", r_.top});
    if (r_.parameters)
      for (const auto& [name, value] : d_.parameters) a.push_back(fmt::format("-G{}={}", name, value));
    std::vector<std::string> dirs;
    for (const auto& [path, text] : overrides_) dirs.push_back(staged(path).parent_path().string());
    for (const auto& s : r_.sources) dirs.push_back(fs::path(norm(s)).parent_path().string());
    for (const auto& i : d_.include_dirs) dirs.push_back(norm(i));
    std::set<std::string> seen;
    for (const auto& dir : dirs)
      if (seen.insert(dir).second) a.push_back("-I" + dir);
    for (const auto& i : d_.include_dirs) a.insert(a.end(), {"-y", norm(i)});
    for (const auto& s : r_.sources) a.push_back(model_path(s));
    return a;
  }

  std::vector<std::string> cxx_argv(const std::string& runtime) const {
    const fs::path obj = fs::path(tmp_) / "obj";
    std::vector<std::string> a = {"g++"};
    for (const auto& f : cxx_flags()) a.push_back(f);
    if (!r_.timing) a.insert(a.end(), {"-include", runtime_pch(runtime)});
    a.insert(a.end(), {"-I" + obj.string(), "-I" + runtime_dir().string(), (obj / "bf_all.cpp").string()});
    for (const auto& c : r_.cxx_sources) a.push_back(model_path(c));
    if (r_.timing) a.push_back((fs::path(toolchain().root) / "include" / "verilated_timing.cpp").string());
    a.insert(a.end(), {runtime, "-pthread", "-latomic", "-o", (fs::path(tmp_) / "sim").string()});
    return a;
  }

  std::string unity_source() const {
    std::string s = "// Generated by bugforge: the Verilated model and its main as one translation unit.\n";
    std::set<std::string> cpps;
    for (const auto& e : fs::directory_iterator(fs::path(tmp_) / "obj"))
      if (e.path().extension() == ".cpp" && e.path().filename() != "bf_all.cpp")
        cpps.insert(e.path().filename().string());
    for (const auto& c : cpps) s += fmt::format("#include \"{}\"\n", c);
    return s;
  }

  // A tool's path mapped back to the design's file (relative to the design folder when inside).
  std::string map_back(const std::string& file) const {
    std::string p = file;
    const auto stage = (fs::path(tmp_) / "stage").string();
    if (p.rfind(stage, 0) == 0) p = p.substr(stage.size());
    const auto rel = fs::path(p).lexically_relative(d_.dir).string();
    return !rel.empty() && rel.rfind("..", 0) != 0 ? rel : p;
  }

  void record_failure(BuildResult& b) const {
    write_text(fs::path(tmp_) / "failed", fmt::format("{}\n{}\n{}", b.error_file, b.error_line, b.log));
  }

  // Fills a failed result; returns whether it may be cached.
  bool failure(BuildResult& b, const tools::ProcessResult& p, const std::string& log,
               const std::string& what) const {
    b.ok = false;
    b.executable.clear();
    b.log = fmt::format("{} ({})\n{}", what, p.describe(), log);
    const auto e = tools::first_error(log);
    const SourceLoc loc = e ? e->loc : SourceLoc{};
    b.error_file = loc.file.empty() ? "" : map_back(loc.file);
    b.error_line = loc.line;
    if (p.timed_out || p.signal != 0) return false;
    record_failure(b);
    return true;
  }

  bool build(const std::string& runtime, BuildResult& b) const {
    for (const auto& [path, text] : overrides_) write_text(staged(path), text);
    const auto v = tools::run_process(verilator_argv(), tool_limits(), tmp_);
    const std::string vlog = v.out + v.err;
    if (!v.ok()) return failure(b, v, vlog, "verilator failed");
    const auto main = r_.main_source(parse_model_ports(read_text(fs::path(tmp_) / "obj" / "Vtop.h")));
    if (!main.errors.empty()) {
      b.executable.clear();
      b.log = fmt::format("{}\n", fmt::join(main.errors, "\n"));
      b.error_file = map_back(d_.manifest_path);
      record_failure(b);
      return true;
    }
    write_text(fs::path(tmp_) / "obj" / "bf_main.cpp", main.text);
    write_text(fs::path(tmp_) / "obj" / "bf_all.cpp", unity_source());
    const auto c = tools::run_process(cxx_argv(runtime), tool_limits(), tmp_);
    const std::string clog = c.out + c.err;
    if (!c.ok()) return failure(b, c, clog, "g++ failed on the Verilated model and main");
    b.ok = true;
    b.log = vlog + clog;
    write_text(fs::path(tmp_) / "build.log", b.log);
    write_text(fs::path(tmp_) / "stamp", b.key + "\n");
    return true;
  }

  const Design& d_;
  const BuildOptions& opt_;
  const ModelRecipe& r_;
  const std::string cache_;
  std::map<std::string, std::string> overrides_;  // normalised absolute path -> text
  std::string tmp_;
};

}  // namespace

}  // namespace rtl

BuildResult build_model(const Design& d, const BuildOptions& opt, const ModelRecipe& recipe) {
  const auto t0 = std::chrono::steady_clock::now();
  BuildResult b = rtl::ModelBuild(d, opt, recipe).run();
  b.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return b;
}

}  // namespace bf::sim
