// bugforge mutators — running Verilator for its AST dump, and turning its errors into bf::Error.
//
// Algorithm: make a scratch folder, run `verilator --xml-only|--json-only` there in the sandboxed
// runner (tools/process.h), then read the dump. On failure the first "%Error: F:L:C: msg"
// line of the log names the file and line; without one, the log's first line is the message.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bugforge/core/diagnostic.h"
#include "bugforge/core/io.h"
#include "bugforge/mutators/vl_ast.h"
#include "bugforge/tools/messages.h"
#include "bugforge/tools/process.h"

namespace bf::mutators {

namespace fs = std::filesystem;

namespace {

// Verilator reads sources nobody here wrote: run it in the sandbox, keeping enough of its
// output that the first error is still there.
tools::ProcessResult run_verilator(const std::vector<std::string>& argv, const fs::path& cwd) {
  tools::Limits l;
  l.wall_seconds = 300;
  l.capture_bytes = 4 << 20;
  return tools::run_process(argv, l, cwd.string());
}

std::vector<std::string> verilator_argv(const VlSources& in, VlAstFormat fmt_, const fs::path& mdir) {
  std::vector<std::string> a = {"verilator",  fmt_ == VlAstFormat::Json ? "--json-only" : "--xml-only",
                                "-Wno-fatal", "-Wno-lint",
                                "-Wno-style", "--prefix",
                                "Vbf",        "-Mdir",
                                mdir.string()};
  if (!in.top.empty()) a.insert(a.end(), {"--top-module", in.top});
  a.insert(a.end(), in.flags.begin(), in.flags.end());
  for (const auto& i : in.include_dirs) a.push_back("-I" + i);
  for (const auto& [k, v] : in.parameters) a.push_back(fmt::format("-G{}={}", k, v));
  a.insert(a.end(), in.sources.begin(), in.sources.end());
  return a;
}

}  // namespace

Error verilator_log_error(const std::string& log) {
  if (const auto e = tools::first_error(log); e && !e->loc.file.empty())
    return Error("BF-VLAST-010", "Verilator: " + e->text, e->loc);
  const auto nl = log.find('\n');
  return Error("BF-VLAST-010",
               "Verilator failed: " + (log.empty() ? std::string("no output") : log.substr(0, nl)));
}

VlAstFormat probe_vl_ast_format() {
  static const VlAstFormat cached = [] {
    const ScratchDir tmp("bf-vlast");
    const auto r = run_verilator({"verilator", "--help"}, tmp.path());
    return (r.out + r.err).find("--json-only") != std::string::npos ? VlAstFormat::Json : VlAstFormat::Xml;
  }();
  return cached;
}

VlAst read_sources_ast(const VlSources& in) {
  const VlAstFormat f = probe_vl_ast_format();
  const ScratchDir tmp("bf-vlast");
  const fs::path dir = tmp.path();
  const auto r = run_verilator(verilator_argv(in, f, dir), dir);
  if (r.exit_code == 127) throw Error("BF-VLAST-013", "cannot run 'verilator' (is it on PATH?)");
  if (r.timed_out) throw Error("BF-VLAST-010", "Verilator: " + r.describe() + " reading the design");
  if (!r.ok()) throw verilator_log_error(r.out + r.err);
  if (f == VlAstFormat::Json)
    return parse_vl_json(read_text(dir / "Vbf.tree.json"), read_text(dir / "Vbf.tree.meta.json"),
                         "Vbf.tree.json");
  return parse_vl_xml(read_text(dir / "Vbf.xml"), "Vbf.xml");
}

VlAst read_design_ast(const Design& d) {
  if (d.language != Language::Verilog)
    throw Error("BF-VLAST-012", fmt::format("design '{}' is not Verilog", d.name),
                SourceLoc{d.manifest_path});
  VlSources in;
  in.sources = d.sources;
  in.top = d.top;
  in.include_dirs = {d.dir};
  in.include_dirs.insert(in.include_dirs.end(), d.include_dirs.begin(), d.include_dirs.end());
  for (const auto& [k, v] : d.parameters) in.parameters.emplace_back(k, fmt::format("{}", v));
  return read_sources_ast(in);
}

}  // namespace bf::mutators
