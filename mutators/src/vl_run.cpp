// bugforge mutators — running Verilator for its AST dump, and turning its errors into bf::Error.
//
// Algorithm: make a scratch folder, spawn `verilator --xml-only|--json-only` there (stdout and
// stderr into one log file), wait, then read the dump. On failure the first "%Error: F:L:C: msg"
// line of the log names the file and line; without one, the log's first line is the message.
#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "bugforge/core/diagnostic.h"
#include "bugforge/core/io.h"
#include "bugforge/mutators/vl_ast.h"

extern char** environ;

namespace bf::mutators {

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs argv with stdout+stderr into `log`; returns the exit status (-1 when it could not start).
int spawn_logged(const std::vector<std::string>& argv, const fs::path& log) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::vector<std::string> verilator_argv(const Design& d, VlAstFormat fmt_, const fs::path& mdir) {
  std::vector<std::string> a = {"verilator",   fmt_ == VlAstFormat::Json ? "--json-only" : "--xml-only",
                                "-Wno-fatal",  "-Wno-lint",
                                "-Wno-style",  "--prefix",
                                "Vbf",         "-Mdir",
                                mdir.string(), "--top-module",
                                d.top,         "-I" + d.dir};
  for (const auto& i : d.include_dirs) a.push_back("-I" + i);
  for (const auto& [k, v] : d.parameters) a.push_back(fmt::format("-G{}={}", k, v));
  for (const auto& s : d.sources) a.push_back(s);
  return a;
}

}  // namespace

Error verilator_log_error(const std::string& log) {
  static const std::regex located(R"(%Error(?:-[A-Z0-9_]+)?: ([^:\n]+):(\d+):(?:(\d+):)? *([^\n]*))");
  std::smatch m;
  if (std::regex_search(log, m, located)) {
    SourceLoc loc{m[1].str(), std::stoi(m[2].str()), m[3].matched ? std::stoi(m[3].str()) : 0};
    return Error("BF-VLAST-010", "Verilator: " + m[4].str(), loc);
  }
  const auto nl = log.find('\n');
  return Error("BF-VLAST-010",
               "Verilator failed: " + (log.empty() ? std::string("no output") : log.substr(0, nl)));
}

VlAstFormat probe_vl_ast_format() {
  static const VlAstFormat cached = [] {
    const ScratchDir tmp("bf-vlast");
    const auto log = fs::path(tmp.path()) / "help.txt";
    spawn_logged({"verilator", "--help"}, log);
    return slurp(log).find("--json-only") != std::string::npos ? VlAstFormat::Json : VlAstFormat::Xml;
  }();
  return cached;
}

VlAst read_design_ast(const Design& d) {
  if (d.language != Language::Verilog)
    throw Error("BF-VLAST-012", fmt::format("design '{}' is not Verilog", d.name),
                SourceLoc{d.manifest_path});
  const VlAstFormat f = probe_vl_ast_format();
  const ScratchDir tmp("bf-vlast");
  const fs::path dir = tmp.path();
  const auto log = dir / "verilator.log";
  const int rc = spawn_logged(verilator_argv(d, f, dir), log);
  const std::string text = slurp(log);
  if (rc == -1) throw Error("BF-VLAST-013", "cannot run 'verilator' (is it on PATH?)");
  if (rc != 0) throw verilator_log_error(text);
  if (f == VlAstFormat::Json)
    return parse_vl_json(slurp(dir / "Vbf.tree.json"), slurp(dir / "Vbf.tree.meta.json"), "Vbf.tree.json");
  return parse_vl_xml(slurp(dir / "Vbf.xml"), "Vbf.xml");
}

}  // namespace bf::mutators
