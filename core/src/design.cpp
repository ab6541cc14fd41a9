// bugforge core — reading design.toml into bf::Design.
//
// Algorithm: toml++ parses the file (a syntax error becomes BF-TOML-001 with toml++'s line and
// column); then a small schema walker reads each key with the type it must have. Every error
// names the manifest, the line of the offending node (or of the enclosing table when the key is
// missing), the key, and what was expected. Unknown top-level keys are errors too, so a typo
// such as `soruces` does not silently drop the sources. [oracle] (default kind "kernel") decides
// which of [golden] and [protocol] are required: a testbench or trace oracle needs neither, a
// reference oracle needs [protocol] and a tensor interface ([golden] or kernel/params in [oracle]).
#include "bugforge/core/design.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <set>
#include <toml++/toml.h>

#include "bugforge/core/diagnostic.h"

namespace fs = std::filesystem;

namespace bf {

namespace {

// Reads typed keys out of one TOML table, with errors that point at the manifest.
class Reader {
 public:
  Reader(const std::string& file, const toml::table& table, std::string prefix)
      : file_(file), table_(table), prefix_(std::move(prefix)) {}

  [[noreturn]] void fail(const toml::node* node, const std::string& code, const std::string& key,
                         const std::string& what) const {
    const auto& src = node ? node->source() : table_.source();
    throw Error(code, fmt::format("key '{}{}': {}", prefix_, key, what),
                SourceLoc{file_, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column)});
  }

  const toml::node* node(const std::string& key) const { return table_.get(key); }

  std::string str(const std::string& key, std::optional<std::string> fallback = std::nullopt) const {
    const toml::node* n = node(key);
    if (!n) {
      if (fallback) return *fallback;
      fail(nullptr, "BF-TOML-002", key, "missing; expected a string");
    }
    if (!n->is_string()) fail(n, "BF-TOML-003", key, "expected a string");
    return **n->as_string();
  }

  std::int64_t integer(const std::string& key, std::int64_t fallback) const {
    const toml::node* n = node(key);
    if (!n) return fallback;
    if (!n->is_integer()) fail(n, "BF-TOML-003", key, "expected an integer");
    return **n->as_integer();
  }

  double number(const std::string& key, double fallback) const {
    const toml::node* n = node(key);
    if (!n) return fallback;
    if (n->is_integer()) return static_cast<double>(**n->as_integer());
    if (!n->is_floating_point()) fail(n, "BF-TOML-003", key, "expected a number");
    return **n->as_floating_point();
  }

  bool boolean(const std::string& key, bool fallback) const {
    const toml::node* n = node(key);
    if (!n) return fallback;
    if (!n->is_boolean()) fail(n, "BF-TOML-003", key, "expected true or false");
    return **n->as_boolean();
  }

  std::vector<std::string> strings(const std::string& key, bool required) const {
    const toml::node* n = node(key);
    if (!n) {
      if (required) fail(nullptr, "BF-TOML-002", key, "missing; expected an array of strings");
      return {};
    }
    const toml::array* arr = n->as_array();
    if (!arr) fail(n, "BF-TOML-003", key, "expected an array of strings");
    std::vector<std::string> out;
    for (const auto& el : *arr) {
      if (!el.is_string()) fail(&el, "BF-TOML-003", key, "expected an array of strings");
      out.push_back(**el.as_string());
    }
    return out;
  }

  Params int_table(const std::string& key, bool required) const {
    const toml::node* n = node(key);
    if (!n) {
      if (required) fail(nullptr, "BF-TOML-002", key, "missing; expected a table of integers");
      return {};
    }
    const toml::table* t = n->as_table();
    if (!t) fail(n, "BF-TOML-003", key, "expected a table of integers such as { M = 4 }");
    Params out;
    for (const auto& [k, v] : *t) {
      if (!v.is_integer()) fail(&v, "BF-TOML-003", fmt::format("{}.{}", key, k.str()), "expected an integer");
      out[std::string(k.str())] = **v.as_integer();
    }
    return out;
  }

  const toml::table* subtable(const std::string& key, bool required) const {
    const toml::node* n = node(key);
    if (!n) {
      if (required) fail(nullptr, "BF-TOML-002", key, "missing; expected a table");
      return nullptr;
    }
    if (!n->is_table()) fail(n, "BF-TOML-003", key, "expected a table");
    return n->as_table();
  }

  // Each element of an array of tables, e.g. [[protocol.ports]].
  std::vector<Reader> table_array(const std::string& key) const {
    const toml::node* n = node(key);
    if (!n) return {};
    const toml::array* arr = n->as_array();
    if (!arr) fail(n, "BF-TOML-003", key, "expected an array of tables ([[...]])");
    std::vector<Reader> out;
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const toml::table* t = (*arr)[i].as_table();
      if (!t) fail(&(*arr)[i], "BF-TOML-003", key, "expected an array of tables ([[...]])");
      out.emplace_back(file_, *t, fmt::format("{}{}[{}].", prefix_, key, i));
    }
    return out;
  }

  void only_keys(const std::set<std::string>& allowed) const {
    for (const auto& [k, v] : table_) {
      if (!allowed.count(std::string(k.str())))
        fail(&v, "BF-TOML-004", std::string(k.str()),
             fmt::format("unknown key; expected one of: {}", fmt::join(allowed, ", ")));
    }
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  const toml::table& table_;
  std::string prefix_;
};

PortBinding read_port(const Reader& r) {
  PortBinding p;
  r.only_keys({"tensor", "kind", "port", "addr", "rdata", "we", "wdata", "width"});
  p.tensor = r.str("tensor");
  p.kind = r.str("kind", std::string("flat"));
  if (p.kind != "flat" && p.kind != "memory") r.fail(r.node("kind"), "BF-TOML-005", "kind", "expected \"flat\" or \"memory\"");
  if (p.kind == "flat") p.port = r.str("port");
  p.addr = r.str("addr", std::string());
  p.rdata = r.str("rdata", std::string());
  p.we = r.str("we", std::string());
  p.wdata = r.str("wdata", std::string());
  if (p.kind == "memory" && (p.addr.empty() || (p.rdata.empty() && (p.we.empty() || p.wdata.empty()))))
    r.fail(nullptr, "BF-TOML-002", "addr",
           "a memory binding needs addr and rdata (input) or addr, we and wdata (output)");
  p.width = static_cast<int>(r.integer("width", 0));
  return p;
}

StreamBinding read_stream(const Reader& r) {
  StreamBinding s;
  r.only_keys({"tensor", "valid", "ready", "data", "last", "lanes", "width"});
  s.tensor = r.str("tensor");
  s.valid = r.str("valid");
  s.ready = r.str("ready");
  s.data = r.str("data");
  s.last = r.str("last", std::string());
  s.lanes = static_cast<int>(r.integer("lanes", 1));
  if (s.lanes < 1) r.fail(r.node("lanes"), "BF-TOML-005", "lanes", "expected a positive integer");
  s.width = static_cast<int>(r.integer("width", 0));
  return s;
}

Protocol read_protocol(const Reader& r, Language lang) {
  Protocol p;
  r.only_keys({"kind", "clock", "reset", "reset_active_low", "reset_cycles", "max_cycles", "start", "done",
               "ports", "inputs", "outputs", "stall", "args", "driver"});
  p.kind = r.str("kind");
  static const std::set<std::string> kinds = {"block", "stream", "hls-call", "custom"};
  if (!kinds.count(p.kind))
    r.fail(r.node("kind"), "BF-TOML-005", "kind", "expected one of block, stream, hls-call, custom");
  if ((p.kind == "hls-call") != (lang == Language::HlsCpp))
    r.fail(r.node("kind"), "BF-TOML-005", "kind",
           lang == Language::HlsCpp ? "an hls-cpp design needs kind = \"hls-call\""
                                    : "\"hls-call\" is only for language = \"hls-cpp\"");
  p.clock = r.str("clock", p.clock);
  p.reset = r.str("reset", p.reset);
  p.reset_active_low = r.boolean("reset_active_low", false);
  p.reset_cycles = static_cast<int>(r.integer("reset_cycles", p.reset_cycles));
  p.max_cycles = r.integer("max_cycles", p.max_cycles);
  p.start = r.str("start", p.start);
  p.done = r.str("done", p.done);
  p.stall = r.number("stall", p.stall);
  if (p.stall < 0 || p.stall >= 1) r.fail(r.node("stall"), "BF-TOML-005", "stall", "expected a fraction in [0, 1)");
  for (const auto& pr : r.table_array("ports")) p.ports.push_back(read_port(pr));
  for (const auto& sr : r.table_array("inputs")) p.inputs.push_back(read_stream(sr));
  for (const auto& sr : r.table_array("outputs")) p.outputs.push_back(read_stream(sr));
  p.args = r.strings("args", p.kind == "hls-call");
  p.driver = r.str("driver", std::string());
  if (p.kind == "custom" && p.driver.empty())
    r.fail(nullptr, "BF-TOML-002", "driver", "missing; a custom protocol names its C++ driver file");
  if (p.kind == "stream" && p.outputs.empty())
    r.fail(nullptr, "BF-TOML-002", "outputs", "missing; a stream protocol needs at least one [[protocol.outputs]]");
  return p;
}

std::string resolve_existing(const Reader& r, const fs::path& dir, const std::string& rel, const std::string& key) {
  const fs::path p = fs::weakly_canonical(dir / rel);
  if (!fs::exists(p)) r.fail(r.node(key), "BF-TOML-006", key, fmt::format("file '{}' does not exist", rel));
  return p.string();
}

Language parse_language(const Reader& r, const std::string& key, const std::string& text) {
  if (text == "hls-cpp") return Language::HlsCpp;
  if (text == "verilog") return Language::Verilog;
  r.fail(r.node(key), "BF-TOML-005", key, "expected \"hls-cpp\" or \"verilog\"");
}

Language read_language(const Reader& r) { return parse_language(r, "language", r.str("language")); }

void check_regex(const Reader& r, const std::string& key, const std::string& pattern) {
  try {
    std::regex re(pattern);
  } catch (const std::regex_error& e) {
    r.fail(r.node(key), "BF-TOML-005", key, fmt::format("expected a regular expression ({})", e.what()));
  }
}

void read_testbench(const Reader& r, const fs::path& dir, Oracle& o) {
  r.only_keys({"kind", "sources", "top", "pass", "fail", "output", "expected", "match"});
  o.pass_pattern = r.str("pass", std::string());
  o.fail_pattern = r.str("fail", std::string());
  check_regex(r, "pass", o.pass_pattern);
  check_regex(r, "fail", o.fail_pattern);
  o.output = r.str("output", std::string());
  const std::string expected = r.str("expected", std::string());
  if (o.output.empty() != expected.empty())
    r.fail(r.node(o.output.empty() ? "expected" : "output"), "BF-TOML-002", o.output.empty() ? "output" : "expected",
           "output (the file the testbench writes) and expected (its expected text) go together");
  if (!expected.empty()) o.expected = resolve_existing(r, dir, expected, "expected");
  const std::string match = r.str("match", std::string("exact"));
  if (match != "exact" && match != "x")
    r.fail(r.node("match"), "BF-TOML-005", "match", "expected \"exact\" or \"x\" (x in expected = don't-care)");
  o.x_dont_care = match == "x";
}

// [oracle]; `d` supplies the design's language and receives the interface of a reference oracle.
Oracle read_oracle(const Reader& r, const fs::path& dir, Design& d) {
  Oracle o;
  o.kind = r.str("kind", std::string("kernel"));
  static const std::set<std::string> kinds = {"kernel", "testbench", "trace", "reference"};
  if (!kinds.count(o.kind))
    r.fail(r.node("kind"), "BF-TOML-005", "kind", "expected one of kernel, testbench, trace, reference");
  if ((o.kind == "testbench" || o.kind == "trace") && d.language != Language::Verilog)
    r.fail(r.node("kind"), "BF-TOML-005", "kind", fmt::format("a {} oracle needs language = \"verilog\"", o.kind));
  if (o.kind == "kernel") r.only_keys({"kind"});
  if (o.kind == "testbench" || o.kind == "reference") {
    for (const auto& s : r.strings("sources", true)) o.sources.push_back(resolve_existing(r, dir, s, "sources"));
    if (o.sources.empty()) r.fail(r.node("sources"), "BF-TOML-005", "sources", "expected at least one source file");
    o.top = r.str("top");
  }
  if (o.kind == "testbench") read_testbench(r, dir, o);
  if (o.kind == "trace") {
    r.only_keys({"kind", "trace", "clock"});
    o.trace = resolve_existing(r, dir, r.str("trace"), "trace");
    o.clock = r.str("clock", o.clock);
  }
  if (o.kind == "reference") {
    r.only_keys({"kind", "sources", "top", "language", "args", "kernel", "params"});
    o.language = parse_language(r, "language", r.str("language", std::string(language_name(d.language))));
    o.args = r.strings("args", o.language == Language::HlsCpp);
    if (r.node("kernel") || r.node("params")) {
      d.golden.kernel = r.str("kernel");
      d.golden.params = r.int_table("params", true);
    }
  }
  return o;
}

}  // namespace

const char* language_name(Language l) { return l == Language::HlsCpp ? "hls-cpp" : "verilog"; }

Design load_design(const std::string& dir_or_manifest) {
  fs::path manifest = dir_or_manifest;
  if (fs::is_directory(manifest)) manifest /= "design.toml";
  if (!fs::exists(manifest))
    throw Error("BF-TOML-007", "no design.toml here (expected a design folder or a .toml file)",
                SourceLoc{manifest.string()});
  manifest = fs::canonical(manifest);

  toml::table root;
  try {
    root = toml::parse_file(manifest.string());
  } catch (const toml::parse_error& e) {
    throw Error("BF-TOML-001", fmt::format("TOML syntax: {}", e.description()),
                SourceLoc{manifest.string(), static_cast<int>(e.source().begin.line),
                          static_cast<int>(e.source().begin.column)});
  }

  const Reader r(manifest.string(), root, "");
  r.only_keys({"name", "family", "language", "top", "sources", "include_dirs", "latency", "description",
               "parameters", "golden", "protocol", "oracle"});
  Design d;
  d.manifest_path = manifest.string();
  d.dir = manifest.parent_path().string();
  d.name = r.str("name");
  d.family = r.str("family");
  d.language = read_language(r);
  d.top = r.str("top");
  d.description = r.str("description");
  d.latency = r.integer("latency", 0);
  for (const auto& s : r.strings("sources", true)) d.sources.push_back(resolve_existing(r, d.dir, s, "sources"));
  if (d.sources.empty()) r.fail(r.node("sources"), "BF-TOML-005", "sources", "expected at least one source file");
  for (const auto& s : r.strings("include_dirs", false))
    d.include_dirs.push_back(resolve_existing(r, d.dir, s, "include_dirs"));
  d.parameters = r.int_table("parameters", false);

  if (const toml::table* t = r.subtable("oracle", false))
    d.oracle = read_oracle(Reader(manifest.string(), *t, "oracle."), d.dir, d);
  const bool vectors = d.oracle.kind == "kernel" || d.oracle.kind == "reference";
  const bool need_golden = d.oracle.kind == "kernel" || (d.oracle.kind == "reference" && d.golden.kernel.empty());
  if (const toml::table* t = r.subtable("golden", need_golden)) {
    const Reader golden(manifest.string(), *t, "golden.");
    golden.only_keys({"kernel", "params"});
    d.golden.kernel = golden.str("kernel");
    d.golden.params = golden.int_table("params", true);
  }
  if (const toml::table* t = r.subtable("protocol", vectors))
    d.protocol = read_protocol(Reader(manifest.string(), *t, "protocol."), d.language);
  return d;
}

DesignScan scan_designs(const std::string& root) {
  DesignScan scan;
  if (!fs::is_directory(root)) throw Error("BF-IO-002", "not a folder of designs", SourceLoc{root});
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(root))
    if (e.is_directory() && fs::exists(e.path() / "design.toml")) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  for (const auto& dir : dirs) {
    try {
      scan.designs.push_back(load_design(dir.string()));
    } catch (const Error& e) {
      scan.errors.push_back(e.diagnostic().format());
    }
  }
  std::sort(scan.designs.begin(), scan.designs.end(),
            [](const Design& a, const Design& b) { return a.name < b.name; });
  return scan;
}

Design find_design(const std::string& name_or_path, const std::string& designs_dir) {
  if (fs::exists(name_or_path)) return load_design(name_or_path);
  const std::string root = designs_dir.empty() ? builtin_designs_dir() : designs_dir;
  if (fs::exists(fs::path(root) / name_or_path / "design.toml")) return load_design((fs::path(root) / name_or_path).string());
  std::vector<std::string> names;
  for (const auto& d : scan_designs(root).designs) {
    if (d.name == name_or_path) return d;
    names.push_back(d.name);
  }
  throw Error("BF-DES-001", fmt::format("no design '{}' (not a folder, and not one of: {})", name_or_path,
                                        fmt::join(names, ", ")));
}

std::string bugforge_home() {
  if (const char* env = std::getenv("BUGFORGE_HOME"); env && *env) return env;
#ifdef BUGFORGE_SOURCE_DIR
  return BUGFORGE_SOURCE_DIR;
#else
  return fs::current_path().string();
#endif
}

std::string builtin_designs_dir() { return (fs::path(bugforge_home()) / "designs").string(); }

}  // namespace bf
