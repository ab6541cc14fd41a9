// bugforge simulate — the Verilog back-end: Verilator model + generated protocol driver.
//
// Algorithm:
//   1. Key = hash of the tool versions, the fixed flags, the runtime headers, the generated driver
//      (widths left out: they follow from the sources), every HDL file the model can read (sources,
//      overridden files and the .v/.sv/.vh/.svh files beside them or in include dirs, overridden
//      texts in place of the files) and the design parameters.
//   2. <cache>/rtl/<key>/stamp exists: reuse (cached=true); <key>/failed: the cached failure.
//   3. Otherwise, in a private temporary folder: write overridden texts under stage/<absolute path>
//      (their folders go first on -I, the original folders stay, so `include`s still resolve), run
//      verilator --cc, check the protocol's ports against Vtop.h, generate main.cpp, compile the
//      model and the driver as one translation unit (faster than separate objects for the small and
//      medium models here; see simulate/README.md) and link with the cached libverilated.a.
//   4. Write the stamp (or `failed`) last and rename the folder into place; a failure caused by a
//      tool timeout or crash is not cached.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "backends.h"
#include "bugforge/core/diagnostic.h"
#include "bugforge/core/hash.h"
#include "bugforge/tools/messages.h"
#include "rtl_codegen.h"
#include "rtl_toolchain.h"

namespace bf::sim {

namespace {

namespace fs = std::filesystem;
using rtl::is_hdl;
using rtl::norm;
using rtl::read_text;
using rtl::runtime_dir;
using rtl::write_text;

const std::vector<std::string> kVerilatorFlags = {"--cc",       "--prefix",  "Vtop",        "--no-timing",
                                                  "-Wno-fatal", "-Wno-lint", "-Wno-style",  "-O3",
                                                  "--x-assign", "0",         "--x-initial", "0"};
const std::vector<std::string> kRuntimeHeaders = {"bf_rtl_driver.h", "bf_rtl_ports.h", "bf_vectors.h"};

// One build: the design, its overrides and the private folder it is built in.
class RtlBuild {
 public:
  RtlBuild(const Design& d, const BuildOptions& opt)
      : d_(d),
        opt_(opt),
        k_(kernels::require_kernel(d.golden.kernel, d.golden.params)),
        cache_(norm(opt.cache_dir.empty() ? default_cache_dir() : opt.cache_dir)) {  // tools run elsewhere
    for (const auto& [path, text] : opt.source_overrides) overrides_[norm(path)] = text;
  }

  BuildResult run() {
    BuildResult r;
    r.key = key();
    const fs::path dir = fs::path(cache_) / "rtl" / r.key;
    r.executable = (dir / "sim").string();
    if (fs::exists(dir / "stamp") || fs::exists(dir / "failed")) return rtl::cached_build(dir.string(), r);
    const auto runtime = rtl::runtime_library(cache_);
    tmp_ = dir.string() +
           fmt::format(".tmp.{}", hash64(fmt::format("{}{}", static_cast<const void*>(this), ::getpid())));
    fs::remove_all(tmp_);
    fs::create_directories(tmp_);
    const bool cacheable = build(runtime, r);
    if (!cacheable) {
      fs::remove_all(tmp_);
      return r;
    }
    std::error_code ec;
    fs::rename(tmp_, dir, ec);  // fails only when another builder won the race: theirs is equal
    if (ec) fs::remove_all(tmp_);
    return r;
  }

 private:
  // Every file whose text can reach the model or the driver, with its (overridden) text.
  std::map<std::string, std::string> inputs() const {
    std::set<std::string> files;
    std::set<fs::path> dirs;
    for (const auto& s : d_.sources) {
      files.insert(norm(s));
      dirs.insert(fs::path(norm(s)).parent_path());
    }
    for (const auto& i : d_.include_dirs) dirs.insert(norm(i));
    for (const auto& dir : dirs) {
      std::error_code ec;
      for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file() && is_hdl(e.path())) files.insert(norm(e.path().string()));
    }
    if (!custom_driver().empty()) files.insert(custom_driver());
    for (const auto& [path, text] : overrides_) files.insert(path);
    std::map<std::string, std::string> texts;
    for (const auto& f : files) {
      const auto it = overrides_.find(f);
      texts[f] = it != overrides_.end() ? it->second : read_text(f);
    }
    return texts;
  }

  std::string custom_driver() const {
    if (d_.protocol.kind != "custom" || d_.protocol.driver.empty()) return "";
    return norm((fs::path(d_.dir) / d_.protocol.driver).string());
  }

  std::string key() const {
    const auto& tc = rtl::toolchain();
    Hasher h;
    h.add("bugforge-rtl").add(tc.verilator_version).add(tc.cxx_version).add(tc.root).add(rtl::kModelOptLevel);
    for (const auto& f : kVerilatorFlags) h.add(f);
    for (const auto& f : rtl::runtime_cxx_flags(tc)) h.add(f);
    for (const auto& f : opt_.extra_flags) h.add(f);
    for (const auto& name : kRuntimeHeaders) h.add(read_text(runtime_dir() / name));
    h.add(rtl::generate_driver(d_, k_, nullptr).text).add(d_.top);
    for (const auto& s : d_.sources) h.add(norm(s));
    for (const auto& i : d_.include_dirs) h.add(norm(i));
    for (const auto& [path, text] : inputs()) h.add(path).add(text);
    for (const auto& [name, value] : d_.parameters) h.add(name).add(value);
    return h.hex();
  }

  // Where an overridden file is written: stage/<its absolute path>.
  fs::path staged(const std::string& path) const {
    return fs::path(tmp_) / "stage" / fs::path(path).relative_path();
  }

  std::string model_path(const std::string& path) const {
    const auto n = norm(path);
    return overrides_.count(n) ? staged(n).string() : n;
  }

  std::vector<std::string> verilator_argv() const {
    std::vector<std::string> a = {"verilator"};
    a.insert(a.end(), kVerilatorFlags.begin(), kVerilatorFlags.end());
    a.insert(a.end(), {"--Mdir", (fs::path(tmp_) / "obj").string(), "--top-module", d_.top});
    for (const auto& [name, value] : d_.parameters) a.push_back(fmt::format("-G{}={}", name, value));
    std::vector<std::string> dirs;
    for (const auto& [path, text] : overrides_) dirs.push_back(staged(path).parent_path().string());
    for (const auto& s : d_.sources) dirs.push_back(fs::path(norm(s)).parent_path().string());
    for (const auto& i : d_.include_dirs) dirs.push_back(norm(i));
    std::set<std::string> seen;
    for (const auto& dir : dirs)
      if (seen.insert(dir).second) a.push_back("-I" + dir);
    for (const auto& i : d_.include_dirs) a.insert(a.end(), {"-y", norm(i)});
    for (const auto& s : d_.sources) a.push_back(model_path(s));
    return a;
  }

  std::vector<std::string> cxx_argv(const std::string& runtime) const {
    std::vector<std::string> a = {"g++"};
    for (const auto& f : rtl::model_cxx_flags(rtl::toolchain())) a.push_back(f);
    a.insert(a.end(), {"-include", rtl::runtime_pch(runtime), "-I" + (fs::path(tmp_) / "obj").string(),
                       "-I" + runtime_dir().string()});
    a.insert(a.end(), opt_.extra_flags.begin(), opt_.extra_flags.end());
    a.push_back((fs::path(tmp_) / "obj" / "bf_all.cpp").string());
    if (!custom_driver().empty()) a.push_back(model_path(custom_driver()));
    a.insert(a.end(), {runtime, "-pthread", "-latomic", "-o", (fs::path(tmp_) / "sim").string()});
    return a;
  }

  // The model's .cpp files and the driver as one translation unit.
  std::string unity_source() const {
    std::string s = "// Generated by bugforge: the Verilated model and its driver as one translation unit.\n";
    std::set<std::string> cpps;
    for (const auto& e : fs::directory_iterator(fs::path(tmp_) / "obj"))
      if (e.path().extension() == ".cpp" && e.path().filename() != "bf_all.cpp")
        cpps.insert(e.path().filename().string());  // same folder
    for (const auto& c : cpps) s += fmt::format("#include \"{}\"\n", c);
    return s;
  }

  // Original path (relative to the design folder when inside it) of a path in a tool message.
  std::string map_back(const std::string& file) const {
    std::string p = file;
    const auto stage = (fs::path(tmp_) / "stage").string();
    if (p.rfind(stage, 0) == 0) p = p.substr(stage.size());
    const auto rel = fs::path(p).lexically_relative(d_.dir).string();
    return !rel.empty() && rel.rfind("..", 0) != 0 ? rel : p;
  }

  // Records a failure (cached under `failed`); returns whether the result may be cached.
  bool failure(BuildResult& r, const tools::ProcessResult& p, const std::string& log,
               const std::string& what) const {
    r.ok = false;
    r.executable.clear();
    r.log = fmt::format("{} ({})\n{}", what, p.describe(), log);
    const auto e = tools::first_error(log);
    const SourceLoc loc = e ? e->loc : SourceLoc{};
    r.error_file = loc.file.empty() ? "" : map_back(loc.file);
    r.error_line = loc.line;
    if (p.timed_out || p.signal != 0) return false;
    write_text(fs::path(tmp_) / "failed", fmt::format("{}\n{}\n{}", r.error_file, r.error_line, r.log));
    return true;
  }

  bool build(const std::string& runtime, BuildResult& r) const {
    for (const auto& [path, text] : overrides_) write_text(staged(path), text);
    const auto v = tools::run_process(verilator_argv(), rtl::tool_limits(), tmp_);
    const std::string vlog = v.out + v.err;
    if (!v.ok()) return failure(r, v, vlog, "verilator failed");
    const auto ports = rtl::parse_model_ports(read_text(fs::path(tmp_) / "obj" / "Vtop.h"));
    const auto drv = rtl::generate_driver(d_, k_, &ports);
    if (!drv.errors.empty()) {
      r.log = fmt::format("{}\n", fmt::join(drv.errors, "\n"));
      r.error_file = map_back(d_.manifest_path);
      write_text(fs::path(tmp_) / "failed", fmt::format("{}\n0\n{}", r.error_file, r.log));
      return true;
    }
    write_text(fs::path(tmp_) / "obj" / "bf_main.cpp", drv.text);
    write_text(fs::path(tmp_) / "obj" / "bf_all.cpp", unity_source());
    const auto c = tools::run_process(cxx_argv(runtime), rtl::tool_limits(), tmp_);
    const std::string clog = c.out + c.err;
    if (!c.ok()) return failure(r, c, clog, "g++ failed on the Verilated model and driver");
    r.ok = true;
    r.log = vlog + clog;
    write_text(fs::path(tmp_) / "build.log", r.log);
    write_text(fs::path(tmp_) / "stamp", r.key + "\n");
    return true;
  }

  const Design& d_;
  const BuildOptions& opt_;
  const kernels::Kernel& k_;
  const std::string cache_;
  std::map<std::string, std::string> overrides_;  // normalised absolute path -> text
  std::string tmp_;
};

}  // namespace

BuildResult build_rtl(const Design& d, const BuildOptions& opt) {
  const auto t0 = std::chrono::steady_clock::now();
  BuildResult r = RtlBuild(d, opt).run();
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace bf::sim
