// bugforge simulate — the HLS C-simulation back-end: build_hls.
//
// Algorithm:
//  1. Resolve the top function's arguments (design.toml [protocol] args) against the golden kernel:
//     a tensor name becomes an input/output spec with its element count, `param:NAME` and
//     `const:VALUE` become scalar values. Manifest errors throw bf::Error naming design.toml.
//  2. Mirror every design source (with source_overrides applied) under <build>/src/<path relative
//     to the design folder>, so `#include "sibling.h"` finds the mirrored (possibly mutated) copy;
//     the original folders follow on -I for anything not mirrored.
//  3. Generate main.cpp: the harness (runtime/bf_hls_harness.h) and the HLS type headers, then the
//     design's [parameters] as #defines (the -D macros, placed after the runtime headers so they
//     cannot clash with them), the mirrored translation units, a table of ArgSpecs and a main()
//     that calls bfh::run with &top.
//  4. Key = hash(compiler version, flags, harness and runtime headers, main.cpp, every mirrored
//     text). A build lives in <cache>/hls/<key>/ and is ready once its stamp file exists: it is
//     compiled in a private temporary folder, stamped, then renamed into place, so an interrupted
//     or concurrent build never leaves a half-built folder that looks ready.
//  5. g++ runs in the sandbox (tools::run_process); on failure the first `file:line:col: error:` of the log
//     is mapped from the mirror back to the design's file.
#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>

#include <sstream>

#include <fmt/format.h>
#include <unistd.h>

#include "backends.h"
#include "bugforge/core/diagnostic.h"
#include "bugforge/core/hash.h"
#include "bugforge/core/io.h"
#include "bugforge/tools/messages.h"

namespace bf::sim {

namespace fs = std::filesystem;

namespace {

const char* const kCompiler = "g++";

struct ArgInfo {
  std::string kind;  // "Input" | "Output" | "Value"
  int tensor = -1;
  std::int64_t numel = 1;
  std::int64_t value = 0;
  std::string name;
};

struct MirrorFile {
  std::string original;  // absolute path of the design's file
  std::string rel;       // path under <build>/src/
  std::string display;   // how errors name it: relative to the design folder when inside it
  std::string text;
  bool is_source = false;  // listed in `sources` (a translation unit is then included by main.cpp)
};

void write_text(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw Error("BF-HLS-002", fmt::format("expected to write {}", path), SourceLoc{path});
}

[[noreturn]] void manifest_error(const Design& d, const std::string& what) {
  throw Error("BF-HLS-003", what, SourceLoc{d.manifest_path});
}

std::int64_t numel_of(const std::vector<std::int64_t>& shape) {
  std::int64_t n = 1;
  for (auto e : shape) n *= e;
  return n;
}

ArgInfo resolve_value_arg(const Design& d, const std::string& arg) {
  ArgInfo a;
  a.kind = "Value";
  a.name = arg;
  if (arg.rfind("param:", 0) == 0) {
    const auto it = d.golden.params.find(arg.substr(6));
    if (it == d.golden.params.end())
      manifest_error(d, fmt::format("protocol arg '{}': expected a [golden] params key", arg));
    a.value = it->second;
    return a;
  }
  const std::string v = arg.substr(6);
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), a.value);
  if (ec != std::errc() || end != v.data() + v.size() || v.empty())
    manifest_error(d, fmt::format("protocol arg '{}': expected const:<integer>", arg));
  return a;
}

ArgInfo resolve_tensor_arg(const Design& d, const kernels::Kernel& k, const std::string& name) {
  for (int io = 0; io < 2; ++io) {
    const auto& specs = io == 0 ? k.inputs : k.outputs;
    for (std::size_t i = 0; i < specs.size(); ++i)
      if (specs[i].name == name)
        return ArgInfo{io == 0 ? "Input" : "Output", static_cast<int>(i),
                       numel_of(specs[i].shape(d.golden.params)), 0, name};
  }
  std::string known;
  for (const auto* specs : {&k.inputs, &k.outputs})
    for (const auto& s : *specs) known += (known.empty() ? "" : ", ") + s.name;
  manifest_error(
      d, fmt::format("protocol arg '{}': expected a tensor of kernel {} ({}), param:NAME or const:VALUE",
                     name, k.name, known));
}

// The top function's arguments; an empty `args` means the kernel's inputs then its outputs.
std::vector<ArgInfo> resolve_args(const Design& d, const kernels::Kernel& k) {
  std::vector<std::string> names = d.protocol.args;
  if (names.empty()) {
    for (const auto& s : k.inputs) names.push_back(s.name);
    for (const auto& s : k.outputs) names.push_back(s.name);
  }
  std::vector<ArgInfo> args;
  for (const auto& n : names) {
    const bool value = n.rfind("param:", 0) == 0 || n.rfind("const:", 0) == 0;
    args.push_back(value ? resolve_value_arg(d, n) : resolve_tensor_arg(d, k, n));
  }
  return args;
}

MirrorFile mirror_entry(const Design& d, const std::string& path, const BuildOptions& opt) {
  MirrorFile m;
  m.original = fs::absolute(path).lexically_normal().string();
  const fs::path rel = fs::path(m.original).lexically_relative(d.dir);
  const bool inside = !rel.empty() && *rel.begin() != "..";
  m.rel = inside ? rel.string()
                 : fmt::format("ext/{}/{}", hash64(fs::path(m.original).parent_path().string()),
                               fs::path(m.original).filename().string());
  m.display = inside ? rel.string() : m.original;
  const auto& ov = opt.source_overrides;
  const auto it = std::find_if(ov.begin(), ov.end(), [&](const auto& o) {
    return fs::absolute(o.first).lexically_normal().string() == m.original;
  });
  m.text = it != ov.end() ? it->second : read_text(m.original);
  return m;
}

// Design sources plus any overridden file (e.g. a header not listed in `sources`).
std::vector<MirrorFile> mirror_files(const Design& d, const BuildOptions& opt) {
  std::vector<std::string> paths = d.sources;
  for (const auto& [p, text] : opt.source_overrides)
    if (std::find(paths.begin(), paths.end(), p) == paths.end()) paths.push_back(p);
  std::vector<MirrorFile> files;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    files.push_back(mirror_entry(d, paths[i], opt));
    files.back().is_source = i < d.sources.size();
  }
  return files;
}

bool is_translation_unit(const std::string& path) {
  const std::string ext = fs::path(path).extension().string();
  return ext == ".cpp" || ext == ".cc" || ext == ".cxx" || ext == ".c";
}

std::string runtime_dir() {
  return bugforge_home() + "/simulate/runtime";
}

std::string generate_main(const Design& d, const kernels::Kernel& k, const std::vector<ArgInfo>& args,
                          const std::vector<MirrorFile>& files) {
  std::string s =
      fmt::format("// Generated by bugforge: C-simulation testbench of design {} (top {}).\n", d.name, d.top);
  s += "#include \"bf_hls_harness.h\"\n";
  // The runtime headers come before the parameter macros, so a parameter named like one of their
  // template parameters (W, N, ...) cannot break them.
  for (const char* h : {"ap_int.h", "ap_fixed.h", "hls_stream.h"})
    if (fs::exists(fs::path(runtime_dir()) / "hls" / h)) s += fmt::format("#include \"{}\"\n", h);
  for (const auto& [name, value] : d.parameters) s += fmt::format("#define {} {}\n", name, value);
  for (const auto& f : files)
    if (f.is_source && is_translation_unit(f.rel)) s += fmt::format("#include \"src/{}\"\n", f.rel);
  s += fmt::format("\nstatic const std::array<bfh::ArgSpec, {}> bf_args = {{{{\n", args.size());
  for (const auto& a : args)
    s += fmt::format("    {{bfh::ArgSpec::{}, {}, {}, {}LL, \"{}\"}},\n", a.kind, a.tensor, a.numel, a.value,
                     a.name);
  s += "}};\n\n";
  s += fmt::format("int main(int argc, char** argv) {{ return bfh::run(argc, argv, &{}, bf_args, {}); }}\n",
                   d.top, k.outputs.size());
  return s;
}

std::vector<std::string> compile_flags(const Design& d, const BuildOptions& opt) {
  std::vector<std::string> f{"-std=c++20",           "-O1", "-Wno-unknown-pragmas", "-I",
                             runtime_dir() + "/hls", "-I",  runtime_dir()};
  std::vector<std::string> dirs;
  for (const auto& s : d.sources) {
    const std::string dir = fs::path(s).parent_path().string();
    if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) dirs.push_back(dir);
  }
  dirs.insert(dirs.end(), d.include_dirs.begin(), d.include_dirs.end());
  for (const auto& dir : dirs) f.insert(f.end(), {"-I", dir});
  f.insert(f.end(), opt.extra_flags.begin(), opt.extra_flags.end());
  return f;
}

const std::string& compiler_version() {
  static std::once_flag once;
  static std::string version;
  std::call_once(once, [] {
    tools::Limits l;
    l.wall_seconds = 30;
    const tools::ProcessResult p = tools::run_process({kCompiler, "--version"}, l);
    version = p.ok() ? p.out.substr(0, p.out.find('\n')) : "unknown " + std::string(kCompiler);
  });
  return version;
}

std::string build_key(const std::vector<std::string>& flags, const std::string& main_text,
                      const std::vector<MirrorFile>& files) {
  Hasher h;
  h.add("bugforge-hls-v1").add(compiler_version());
  for (const auto& f : flags) h.add(f);
  std::vector<fs::path> runtime{fs::path(runtime_dir()) / "bf_hls_harness.h",
                                fs::path(runtime_dir()) / "bf_vectors.h"};
  if (fs::is_directory(runtime_dir() + "/hls"))
    for (const auto& e : fs::directory_iterator(runtime_dir() + "/hls"))
      if (e.is_regular_file()) runtime.push_back(e.path());
  std::sort(runtime.begin() + 2, runtime.end());
  for (const auto& p : runtime) h.add(p.filename().string()).add(read_text(p.string()));
  h.add(main_text);
  for (const auto& f : files) h.add(f.rel).add(f.text);
  return h.hex();
}

// First `file:line:col: error:` of a gcc log, mapped from the mirror back to the design.
void parse_first_error(BuildResult& b, const std::vector<MirrorFile>& files, const std::string& build_dir) {
  const auto e = tools::first_error(b.log);
  if (!e || e->loc.file.empty()) return;
  std::string file = e->loc.file;
  if (file.rfind(build_dir + "/", 0) == 0) file = file.substr(build_dir.size() + 1);
  b.error_file = file;
  b.error_line = e->loc.line;
  for (const auto& f : files)
    if (file == "src/" + f.rel) b.error_file = f.display;
  if (file == "main.cpp") b.error_file = "main.cpp (generated testbench)";
}

std::string fresh_temp_dir(const std::string& final_dir) {
  static std::atomic<unsigned> counter{0};
  return fmt::format("{}.tmp-{}-{}", final_dir, getpid(), counter++);
}

bool is_ready(const std::string& dir) {
  return fs::exists(dir + "/stamp") && fs::exists(dir + "/sim");
}

// Moves a finished build into place; a concurrent identical build that won the race is reused.
void publish(const std::string& tmp, const std::string& final_dir) {
  std::error_code ec;
  fs::rename(tmp, final_dir, ec);
  if (!ec) return;
  if (!is_ready(final_dir)) {
    fs::remove_all(final_dir, ec);  // a stale folder without a stamp: an interrupted old build
    fs::rename(tmp, final_dir, ec);
    if (!ec) return;
  }
  fs::remove_all(tmp, ec);
  if (!is_ready(final_dir))
    throw Error("BF-HLS-004", fmt::format("expected to move the build into {}", final_dir),
                SourceLoc{final_dir});
}

void compile(BuildResult& b, const std::vector<std::string>& flags, const std::vector<MirrorFile>& files,
             const std::string& main_text, const std::string& final_dir) {
  const std::string tmp = fresh_temp_dir(final_dir);
  fs::create_directories(tmp);
  for (const auto& f : files) write_text(tmp + "/src/" + f.rel, f.text);
  write_text(tmp + "/main.cpp", main_text);
  std::vector<std::string> argv{kCompiler};
  argv.insert(argv.end(), flags.begin(), flags.end());
  argv.insert(argv.end(), {"main.cpp", "-o", "sim"});
  tools::Limits l;
  l.wall_seconds = 300;
  l.memory_bytes = 4ull << 30;
  l.capture_bytes = 256 << 10;
  const tools::ProcessResult p = tools::run_process(argv, l, tmp);
  b.log = p.err + p.out;
  if (!p.ok()) {
    if (p.timed_out || p.signal != 0) b.log += "\ncompiler " + p.describe() + "\n";
    parse_first_error(b, files, tmp);
    std::error_code ec;
    fs::remove_all(tmp, ec);
    return;
  }
  write_text(tmp + "/build.log", b.log);
  write_text(tmp + "/stamp", b.key + "\n");  // written last: marks the build as complete
  publish(tmp, final_dir);
  b.ok = true;
}

}  // namespace

BuildResult build_hls(const Design& d, const BuildOptions& opt) {
  const auto start = std::chrono::steady_clock::now();
  if (d.protocol.kind != "hls-call")
    manifest_error(
        d, fmt::format("[protocol] kind = '{}': expected 'hls-call' for an hls-cpp design", d.protocol.kind));
  const kernels::Kernel& k = kernels::require_kernel(d.golden.kernel, d.golden.params);
  const auto args = resolve_args(d, k);
  const auto files = mirror_files(d, opt);
  const auto flags = compile_flags(d, opt);
  const std::string main_text = generate_main(d, k, args, files);
  BuildResult b;
  b.key = build_key(flags, main_text, files);
  const std::string cache = opt.cache_dir.empty() ? default_cache_dir() : opt.cache_dir;
  const std::string dir = cache + "/hls/" + b.key;
  if (is_ready(dir)) {
    b.ok = b.cached = true;
    b.log = fs::exists(dir + "/build.log") ? read_text(dir + "/build.log") : "";
  } else {
    fs::create_directories(cache + "/hls");
    compile(b, flags, files, main_text, dir);
  }
  if (b.ok) b.executable = fs::absolute(dir + "/sim").string();
  b.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return b;
}

}  // namespace bf::sim
