// bugforge simulate — the Verilator toolchain: versions, the shared runtime library, log parsing.
//
// Algorithm (runtime library): hash the tool versions and the flags; if
// <cache>/verilator-rt/<hash>/stamp exists, reuse libverilated.a. Otherwise compile verilated.cpp
// and verilated_threads.cpp (all that a --cc model without tracing or coverage links against) in a
// private temporary folder, archive them, precompile the headers every model build includes
// (verilated.h is ~0.8 s of g++ per model), write the stamp and rename the folder into place, so
// concurrent builders never see a half-written library.
#include "rtl_toolchain.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "bugforge/core/design.h"
#include "bugforge/core/diagnostic.h"
#include "bugforge/core/hash.h"
#include "bugforge/core/io.h"

namespace bf::sim::rtl {

namespace fs = std::filesystem;

namespace {

std::string first_line(const std::string& s) {
  return s.substr(0, s.find('\n'));
}

std::string tool_output(const std::vector<std::string>& argv) {
  const auto r = tools::run_process(argv, tool_limits());
  if (!r.ok())
    throw Error("BF-RTL-001", fmt::format("expected `{}` to run ({}): {}", fmt::join(argv, " "), r.describe(),
                                          first_line(r.err)));
  return r.out;
}

Toolchain probe() {
  Toolchain tc;
  tc.verilator_version = first_line(tool_output({"verilator", "--version"}));
  tc.cxx_version = first_line(tool_output({"g++", "--version"}));
  tc.root = first_line(tool_output({"verilator", "--getenv", "VERILATOR_ROOT"}));
  if (!fs::exists(fs::path(tc.root) / "include" / "verilated.cpp"))
    throw Error("BF-RTL-001", fmt::format("expected {}/include/verilated.cpp "
                                          "(VERILATOR_ROOT reported by verilator)",
                                          tc.root));
  return tc;
}

// A folder name no other thread or process uses.
std::string private_suffix() {
  static std::atomic<int> counter{0};
  return fmt::format(".tmp.{}.{}", getpid(), counter++);
}

void precompile_headers(const Toolchain& tc, const fs::path& tmp) {
  write_text(tmp / "bf_pch.h",
             "// bugforge: headers every Verilated model and its driver include, precompiled once.\n"
             "#include <cstdint>\n#include <cstdio>\n#include <cstdlib>\n#include <cstring>\n"
             "#include <exception>\n#include <memory>\n#include <string>\n#include <vector>\n"
             "#include \"verilated.h\"\n");
  std::vector<std::string> argv = {"g++"};
  for (const auto& f : model_cxx_flags(tc)) argv.push_back(f);
  for (const auto& f : {std::string("-x"), std::string("c++-header"), (tmp / "bf_pch.h").string(),
                        std::string("-o"), (tmp / "bf_pch.h.gch").string()})
    argv.push_back(f);
  const auto r = tools::run_process(argv, tool_limits());
  if (!r.ok())
    throw Error("BF-RTL-002",
                fmt::format("expected Verilator's headers to precompile ({}): {}", r.describe(), r.err));
}

void compile_runtime(const Toolchain& tc, const fs::path& tmp) {
  std::vector<std::string> objects;
  for (const char* src : {"verilated.cpp", "verilated_threads.cpp"}) {
    const auto obj = (tmp / src).replace_extension(".o").string();
    std::vector<std::string> argv = {"g++"};
    for (const auto& f : runtime_cxx_flags(tc)) argv.push_back(f);
    for (const auto& f : {std::string("-O2"), std::string("-c"),
                          (fs::path(tc.root) / "include" / src).string(), std::string("-o"), obj})
      argv.push_back(f);
    const auto r = tools::run_process(argv, tool_limits());
    if (!r.ok())
      throw Error("BF-RTL-002",
                  fmt::format("expected Verilator's {} to compile ({}): {}", src, r.describe(), r.err));
    objects.push_back(obj);
  }
  std::vector<std::string> ar = {"ar", "rcs", (tmp / "libverilated.a").string()};
  ar.insert(ar.end(), objects.begin(), objects.end());
  const auto r = tools::run_process(ar, tool_limits());
  if (!r.ok())
    throw Error("BF-RTL-002", fmt::format("expected ar to archive the Verilator runtime "
                                          "({}): {}",
                                          r.describe(), r.err));
  precompile_headers(tc, tmp);
  std::ofstream(tmp / "stamp") << tc.verilator_version << '\n';
}

}  // namespace

const Toolchain& toolchain() {
  static std::once_flag once;
  static Toolchain tc;
  std::call_once(once, [] { tc = probe(); });
  return tc;
}

std::vector<std::string> runtime_cxx_flags(const Toolchain& tc) {
  const auto inc = fs::path(tc.root) / "include";
  return {"-std=gnu++17",
          "-I" + inc.string(),
          "-I" + (inc / "vltstd").string(),
          "-DVM_COVERAGE=0",
          "-DVM_SC=0",
          "-DVM_TRACE=0",
          "-DVM_TRACE_FST=0",
          "-DVM_TRACE_VCD=0",
          "-faligned-new",
          "-fcf-protection=none",
          "-w"};  // generated and third-party code: warnings are noise here
}

tools::Limits tool_limits() {
  tools::Limits l;
  l.wall_seconds = 900;
  l.memory_bytes = 8ull << 30;
  l.file_bytes = 2ull << 30;
  l.capture_bytes = 1 << 20;
  return l;
}

std::vector<std::string> model_cxx_flags(const Toolchain& tc) {
  auto f = runtime_cxx_flags(tc);
  f.push_back(kModelOptLevel);
  f.push_back("-pthread");
  return f;
}

std::string runtime_pch(const std::string& library) {
  return (fs::path(library).parent_path() / "bf_pch.h").string();
}

std::string runtime_library(const std::string& cache_dir) {
  const auto& tc = toolchain();
  Hasher h;
  h.add(tc.verilator_version).add(tc.cxx_version).add(tc.root).add("pch");
  for (const auto& f : model_cxx_flags(tc)) h.add(f);
  const fs::path dir = fs::path(cache_dir) / "verilator-rt" / h.hex();
  const auto lib = (dir / "libverilated.a").string();
  if (fs::exists(dir / "stamp")) return lib;
  const fs::path tmp = dir.string() + private_suffix();
  fs::create_directories(tmp);
  try {
    compile_runtime(tc, tmp);
  } catch (...) {
    fs::remove_all(tmp);
    throw;
  }
  std::error_code ec;
  fs::rename(tmp, dir, ec);  // fails only when another builder won the race: use theirs
  if (ec) fs::remove_all(tmp);
  if (!fs::exists(dir / "stamp"))
    throw Error("BF-RTL-002",
                fmt::format("expected {} after building the runtime", (dir / "stamp").string()));
  return lib;
}

std::string norm(const std::string& p) {
  return fs::absolute(p).lexically_normal().string();
}

bool is_hdl(const fs::path& p) {
  static const std::set<std::string> ext = {".v", ".sv", ".vh", ".svh"};
  return ext.count(p.extension().string()) > 0;
}

fs::path runtime_dir() {
  return fs::path(bugforge_home()) / "simulate" / "runtime";
}

BuildResult cached_build(const std::string& dir, BuildResult r) {
  auto text = [&](const char* name) {
    std::ifstream in(fs::path(dir) / name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  r.cached = true;
  if (fs::exists(fs::path(dir) / "stamp")) {
    r.ok = true;
    r.log = text("build.log");
    return r;
  }
  std::istringstream in(text("failed"));
  std::string line_no;
  std::getline(in, r.error_file);
  std::getline(in, line_no);
  r.error_line = line_no.empty() ? 0 : std::stoi(line_no);
  r.log = std::string(std::istreambuf_iterator<char>(in), {});
  r.executable.clear();
  return r;
}

}  // namespace bf::sim::rtl
