// bugforge init — write a starting design.toml for an existing folder of Verilog.
//
// Algorithm: collect the folder's .v/.sv files (recursively, hidden folders skipped) and run
// Verilator's AST dump (mutators/vl_ast.h, with `--timing`) on all of them without a top, so every
// module nobody instantiates stays in the tree. From the AST: each module's ports, its file and the modules
// it instantiates. A module without ports is a testbench candidate; a module with ports that no non-testbench
// module instantiates is a top candidate (a testbench instantiating exactly one of several candidates settles
// it). Files holding a testbench go to [oracle] sources, the others to `sources`; folders with .vh/.svh
// headers become include_dirs. Everything that could not be decided is listed in the file as comments and on
// stderr. An existing design.toml is kept unless --force.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "bugforge/core/diagnostic.h"
#include "bugforge/core/io.h"
#include "bugforge/mutators/vl_ast.h"
#include "command.h"

namespace fs = std::filesystem;

namespace bf::cli {

namespace {

struct Module {
  std::string name, file;  // original name; absolute file
  int ports = 0;
  std::set<std::string> instantiates;  // original names
};

struct Scan {
  std::vector<std::string> hdl, headers;  // absolute, sorted
  std::map<std::string, Module> modules;  // by original name
};

void collect_instances(const mutators::VlNode& n, const std::map<std::string, std::string>& orig,
                       std::set<std::string>& out) {
  for (const auto& c : n.children) {
    if (c.type == "instance" || c.type == "cell") {
      const auto it = orig.find(c.attr("defName").empty() ? c.attr("modp") : c.attr("defName"));
      if (it != orig.end()) out.insert(it->second);
    }
    collect_instances(c, orig, out);
  }
}

bool hidden(const fs::path& rel) {
  return std::any_of(rel.begin(), rel.end(), [](const fs::path& p) { return p.string().rfind('.', 0) == 0; });
}

void collect_files(const fs::path& dir, Scan& s) {
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || hidden(e.path().lexically_relative(dir))) continue;
    const auto ext = e.path().extension().string();
    if (ext == ".v" || ext == ".sv") s.hdl.push_back(e.path().string());
    if (ext == ".vh" || ext == ".svh") s.headers.push_back(e.path().string());
  }
  std::sort(s.hdl.begin(), s.hdl.end());
  std::sort(s.headers.begin(), s.headers.end());
  if (s.hdl.empty())
    throw Error("BF-INIT-001", "expected .v or .sv files in this folder", SourceLoc{dir.string()});
}

std::set<std::string> include_dirs(const Scan& s) {
  std::set<std::string> dirs;
  for (const auto& h : s.headers) dirs.insert(fs::path(h).parent_path().string());
  return dirs;
}

// Every module of the sources, with its ports and the modules it instantiates. The XML dump
// names an instance's module (`defName`); the JSON one points at it (`modp` = the module's id).
void read_modules(const fs::path& dir, Scan& s) {
  mutators::VlSources in;
  in.sources = s.hdl;
  in.flags = {"--timing"};
  for (const auto& d : include_dirs(s)) in.include_dirs.push_back(d);
  mutators::VlAst ast;
  try {
    ast = mutators::read_sources_ast(in);
  } catch (const Error& e) {
    const auto& d = e.diagnostic();
    throw Error("BF-INIT-002", "expected Verilator to read the sources: " + d.message,
                d.loc.file.empty() ? SourceLoc{dir.string()} : d.loc);
  }
  std::map<std::string, std::string> orig;  // module name or id -> original name
  for (const auto& m : ast.netlist.children)
    if (m.type == "module") {
      orig[m.attr("name")] = m.attr("origName");
      if (!m.attr("id").empty()) orig[m.attr("id")] = m.attr("origName");
    }
  for (const auto& n : ast.netlist.children) {
    if (n.type != "module") continue;
    Module mod;
    mod.name = n.attr("origName");
    const auto f = ast.files.find(n.loc.file);
    mod.file = f == ast.files.end() ? "" : f->second;
    for (const auto& c : n.children) mod.ports += c.type == "var" && !c.attr("dir").empty();
    collect_instances(n, orig, mod.instantiates);
    if (fs::exists(mod.file)) s.modules[mod.name] = mod;  // skips Verilator's built-in modules
  }
}

// What init decided, and what it could not.
struct Guess {
  std::string top;
  std::vector<std::string> testbenches;  // module names
  std::vector<std::string> undecided;
};

Guess guess(const Scan& s) {
  Guess g;
  for (const auto& [name, m] : s.modules)
    if (m.ports == 0) g.testbenches.push_back(name);
  const auto is_tb = [&](const std::string& n) {
    return std::find(g.testbenches.begin(), g.testbenches.end(), n) != g.testbenches.end();
  };
  std::set<std::string> used;
  for (const auto& [name, m] : s.modules)
    if (!is_tb(name)) used.insert(m.instantiates.begin(), m.instantiates.end());
  std::vector<std::string> tops;
  for (const auto& [name, m] : s.modules)
    if (!is_tb(name) && !used.count(name)) tops.push_back(name);
  if (tops.size() > 1 && g.testbenches.size() == 1) {
    const auto& under_test = s.modules.at(g.testbenches[0]).instantiates;
    std::vector<std::string> tested;
    for (const auto& t : tops)
      if (under_test.count(t)) tested.push_back(t);
    if (tested.size() == 1) tops = tested;
  }
  if (!tops.empty()) g.top = tops[0];
  if (tops.size() != 1)
    g.undecided.push_back(tops.empty()
                              ? "top: every module with ports is instantiated by another; set `top`"
                              : fmt::format("top: several modules nobody instantiates ({}); picked {}",
                                            fmt::join(tops, ", "), g.top));
  if (g.testbenches.empty())
    g.undecided.push_back(
        "oracle: no testbench (a module without ports); set [oracle] to a trace or reference "
        "(see designs/README.md), or [golden] and [protocol] for a golden kernel");
  if (g.testbenches.size() > 1)
    g.undecided.push_back(fmt::format("oracle: several testbenches ({}); used {}",
                                      fmt::join(g.testbenches, ", "), g.testbenches[0]));
  g.undecided.push_back("family and description: written from the folder name; say what the design computes");
  return g;
}

std::string toml_list(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const auto& i : items) quoted.push_back(fmt::format("\"{}\"", i));
  return fmt::format("[{}]", fmt::join(quoted, ", "));
}

std::string manifest(const fs::path& dir, const Scan& s, const Guess& g) {
  const std::string name = dir.filename().string();
  std::set<std::string> tb_files;
  for (const auto& t : g.testbenches) tb_files.insert(s.modules.at(t).file);
  std::vector<std::string> sources, tb_sources, includes;
  for (const auto& f : s.hdl)
    (tb_files.count(f) ? tb_sources : sources).push_back(fs::path(f).lexically_relative(dir).string());
  for (const auto& i : include_dirs(s)) includes.push_back(fs::path(i).lexically_relative(dir).string());
  std::string t = "# Written by `bugforge init`: check it, then run `bugforge check` on this folder.\n";
  if (!g.undecided.empty()) t += "# Could not decide:\n";
  for (const auto& u : g.undecided) t += "#   - " + u + "\n";
  t += fmt::format(
      "name        = \"{}\"\nfamily      = \"{}\"\nlanguage    = \"verilog\"\ntop         = \"{}\"\n", name,
      name, g.top);
  t += fmt::format("sources     = {}\n", toml_list(sources));
  if (!includes.empty()) t += fmt::format("include_dirs = {}\n", toml_list(includes));
  t += fmt::format("description = \"\"\"Verilog design {} (top {}).\"\"\"\n", name, g.top);
  if (g.testbenches.empty()) return t;
  t += fmt::format("\n[oracle]\nkind    = \"testbench\"\nsources = {}\ntop     = \"{}\"\n",
                   toml_list(tb_sources), g.testbenches[0]);
  t += "# Judged by exit status, $error/$fatal and failed assertions. Also possible: pass = \"REGEX\",\n"
       "# fail = \"REGEX\" over its output; output = \"FILE\" it writes with expected = \"FILE\" (match = "
       "\"x\").\n";
  return t;
}

class InitCommand final : public Command {
 public:
  const char* name() const override { return "init"; }
  const char* summary() const override { return "Write a starting design.toml for a folder of Verilog"; }
  const char* help() const override {
    return "Reads every .v/.sv file under DIR with Verilator, finds the modules, guesses the top (a\n"
           "module with ports that no other design module instantiates) and the testbench (a module\n"
           "without ports), and writes DIR/design.toml with a testbench oracle when one is found.\n"
           "What it could not decide is listed in the file as comments and on stderr.\n"
           "An existing design.toml is kept unless --force.\n"
           "Exit status: 0 written, 2 bad input (no Verilog, unreadable sources, existing manifest).";
  }
  void setup(CLI::App& app) override {
    app.add_option("dir", dir_, "Folder of Verilog sources")->required()->check(CLI::ExistingDirectory);
    app.add_flag("--force", force_, "Overwrite an existing design.toml");
  }
  int execute() override {
    try {
      const fs::path dir = fs::canonical(dir_);
      const fs::path out = dir / "design.toml";
      if (fs::exists(out) && !force_)
        throw Error("BF-INIT-004", "expected no design.toml here (use --force to overwrite it)",
                    SourceLoc{out.string()});
      Scan s;
      collect_files(dir, s);
      read_modules(dir, s);
      const Guess g = guess(s);
      std::ofstream(out) << manifest(dir, s, g);
      fmt::print("wrote {} (top {}, {})\n", out.string(), g.top.empty() ? "?" : g.top,
                 g.testbenches.empty() ? "no testbench" : "testbench " + g.testbenches[0]);
      for (const auto& u : g.undecided) std::cerr << "bugforge init: could not decide: " << u << "\n";
      return kOk;
    } catch (const Error& e) {
      std::cerr << "bugforge: " << e.diagnostic().format() << "\n";
      return kBadInput;
    }
  }

 private:
  std::string dir_;
  bool force_ = false;
};

}  // namespace

std::unique_ptr<Command> make_init_command() {
  return std::make_unique<InitCommand>();
}

}  // namespace bf::cli
