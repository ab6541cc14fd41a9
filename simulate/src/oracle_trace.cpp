// bugforge simulate — the trace oracle: a per-cycle CSV replayed on the design.
//
// File format: a header `time,SIGNAL,...` then one row per cycle: an integer cycle (strictly
// increasing) and one value per signal, binary digits msb first with `x` for don't-care (a lone
// `x` = the whole signal; shorter values are zero-extended; `_` separates digits). Blank lines and
// lines starting with `#` are skipped. Which signals are inputs and which outputs comes from the
// design's ports; the clock is toggled by the driver and must not be a column.
// Algorithm: read and check the CSV (errors name file:line), build the design with the replay
// driver (runtime/bf_trace_driver.h), ask it for its ports (`sim --ports`), check the header
// against them, write the stimulus (inputs as hex, x = 0), run, and compare every output of every
// row with its expected bits; the first differing bit pattern is the mismatch.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "bugforge/core/diagnostic.h"
#include "oracle_internal.h"

namespace bf::sim {

namespace {

namespace fs = std::filesystem;

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> cells;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) cells.push_back(trim(cell));
  if (!line.empty() && line.back() == ',') cells.push_back("");
  return cells;
}

[[noreturn]] void trace_error(const std::string& code, const std::string& path, int line,
                              const std::string& what) {
  throw Error(code, what, SourceLoc{path, line});
}

// A value cell as lower-case binary digits / 'x'; throws BF-TRACE-004.
std::string binary_value(const std::string& cell, const std::string& path, int line,
                         const std::string& signal) {
  std::string v;
  for (const char c : cell) {
    if (c == '_') continue;
    if (c != '0' && c != '1' && c != 'x' && c != 'X')
      trace_error(
          "BF-TRACE-004", path, line,
          fmt::format("signal '{}': value '{}' is not binary; expected digits 0, 1 or x (don't care), "
                      "msb first, e.g. 01x1",
                      signal, cell));
    v += static_cast<char>(c == 'X' ? 'x' : c);
  }
  if (v.empty())
    trace_error("BF-TRACE-004", path, line,
                fmt::format("signal '{}': empty value; expected binary digits or x", signal));
  return v;
}

std::vector<std::string> read_header(const std::vector<std::string>& cells, const std::string& path,
                                     int line) {
  if (cells.empty() || cells[0] != "time")
    trace_error("BF-TRACE-002", path, line, "header: expected `time` as the first column, then signal names");
  std::vector<std::string> signals(cells.begin() + 1, cells.end());
  if (signals.empty())
    trace_error("BF-TRACE-002", path, line, "header: expected at least one signal after `time`");
  for (std::size_t i = 0; i < signals.size(); ++i) {
    if (signals[i].empty())
      trace_error("BF-TRACE-002", path, line, fmt::format("header: column {} has no name", i + 2));
    if (std::count(signals.begin(), signals.end(), signals[i]) > 1)
      trace_error("BF-TRACE-002", path, line, fmt::format("header: signal '{}' appears twice", signals[i]));
  }
  return signals;
}

std::int64_t read_time(const std::string& cell, std::int64_t previous, bool first, const std::string& path,
                       int line) {
  std::int64_t t = 0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), t);
  if (ec != std::errc() || end != cell.data() + cell.size() || t < 0)
    trace_error("BF-TRACE-005", path, line,
                fmt::format("time '{}': expected a non-negative integer cycle", cell));
  if (!first && t <= previous)
    trace_error("BF-TRACE-005", path, line,
                fmt::format("time {}: expected a cycle after {} (times must increase)", t, previous));
  return t;
}

struct Port {
  std::string dir;  // "in" | "out" | "inout"
  int bits = 0;
};

std::map<std::string, Port> query_ports(const BuildResult& b, const CheckOptions& opt) {
  const tools::ProcessResult p = tools::run_process({b.executable, "--ports"}, opt.run.limits);
  if (!p.ok())
    throw Error("BF-ORC-010", fmt::format("expected `sim --ports` to list the ports ({}): {}", p.describe(),
                                          oracle::tail_lines(p.err, 1)));
  std::map<std::string, Port> ports;
  std::istringstream in(p.out);
  std::string name;
  Port port;
  while (in >> name >> port.dir >> port.bits) ports[name] = port;
  return ports;
}

// Checks the header against the ports; returns the width of every column.
std::vector<int> column_widths(const Design& d, const Trace& t, const std::map<std::string, Port>& ports) {
  std::vector<int> widths;
  for (const auto& s : t.signals) {
    const auto it = ports.find(s);
    if (it == ports.end()) {
      std::vector<std::string> names;
      for (const auto& [n, p] : ports) names.push_back(n);
      trace_error("BF-TRACE-006", t.path, 1,
                  fmt::format("header names signal '{}' but module '{}' has no such port "
                              "(ports: {})",
                              s, d.top, fmt::join(names, ", ")));
    }
    if (s == d.oracle.clock)
      trace_error("BF-TRACE-006", t.path, 1,
                  fmt::format("signal '{}' is the clock, which bugforge toggles once per cycle; "
                              "remove its column",
                              s));
    if (it->second.dir == "inout")
      trace_error("BF-TRACE-006", t.path, 1,
                  fmt::format("signal '{}' is an inout port; expected inputs and outputs", s));
    widths.push_back(it->second.bits);
  }
  for (const auto& row : t.rows)
    for (std::size_t c = 0; c < t.signals.size(); ++c)
      if (row.values[c] != "x" && static_cast<int>(row.values[c].size()) > widths[c])
        trace_error("BF-TRACE-007", t.path, row.line,
                    fmt::format("signal '{}': value '{}' has {} bits, the port has {}", t.signals[c],
                                row.values[c], row.values[c].size(), widths[c]));
  return widths;
}

// The expected bits of one cell at the port's width ("x" = all don't care).
std::string widen(const std::string& v, int bits) {
  if (v == "x") return std::string(static_cast<std::size_t>(bits), 'x');
  return std::string(static_cast<std::size_t>(bits) - v.size(), '0') + v;
}

std::string to_hex(const std::string& bits) {
  std::string hex;
  const std::size_t pad = (4 - bits.size() % 4) % 4;
  const std::string b = std::string(pad, '0') + bits;
  for (std::size_t i = 0; i < b.size(); i += 4) {
    int nibble = 0;
    for (std::size_t j = 0; j < 4; ++j) nibble = nibble * 2 + (b[i + j] == '1');
    hex += "0123456789abcdef"[nibble];
  }
  return hex;
}

std::string to_bits(const std::string& hex, int bits) {
  std::string b;
  for (const char c : hex) {
    const int v = c <= '9' ? c - '0' : c - 'a' + 10;
    for (int j = 3; j >= 0; --j) b += static_cast<char>('0' + ((v >> j) & 1));
  }
  return b.size() > static_cast<std::size_t>(bits) ? b.substr(b.size() - static_cast<std::size_t>(bits)) : b;
}

bool bits_match(const std::string& want, const std::string& got) {
  if (want.size() != got.size()) return false;
  for (std::size_t i = 0; i < want.size(); ++i)
    if (want[i] != 'x' && want[i] != got[i]) return false;
  return true;
}

std::int64_t as_int(const std::string& bits) {
  std::int64_t v = 0;
  for (const char c : bits) v = v * 2 + (c == '1');
  return v;
}

struct Columns {
  std::vector<std::size_t> in, out;  // indices into Trace::signals
};

Columns split_columns(const Trace& t, const std::map<std::string, Port>& ports) {
  Columns c;
  for (std::size_t i = 0; i < t.signals.size(); ++i)
    (ports.at(t.signals[i]).dir == "in" ? c.in : c.out).push_back(i);
  return c;
}

void write_stimulus(const std::string& path, const Trace& t, const Columns& c,
                    const std::vector<int>& widths) {
  std::ofstream out(path);
  out << "in";
  for (const auto i : c.in) out << ' ' << t.signals[i];
  out << "\nout";
  for (const auto o : c.out) out << ' ' << t.signals[o];
  out << '\n';
  for (const auto& row : t.rows) {
    out << row.time;
    for (const auto i : c.in) {
      std::string bits = widen(row.values[i], widths[i]);
      std::replace(bits.begin(), bits.end(), 'x', '0');
      out << ' ' << to_hex(bits);
    }
    out << '\n';
  }
  if (!out) throw Error("BF-ORC-011", "expected to write the stimulus", SourceLoc{path});
}

std::optional<Mismatch> compare_rows(const Design& d, const Trace& t, const Columns& c,
                                     const std::vector<int>& widths, const std::string& observed) {
  std::ifstream in(observed);
  const std::string file = oracle::design_relative(d, t.path);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    std::string line;
    const bool have = static_cast<bool>(std::getline(in, line));
    std::istringstream cells(line);
    for (const auto o : c.out) {
      std::string hex;
      const std::string want = widen(row.values[o], widths[o]);
      Mismatch m;
      m.where = fmt::format("{}:{}, signal {}", file, row.line, t.signals[o]);
      m.output = t.signals[o];
      m.vector = r;
      m.cycle = row.time;
      if (!have || !(cells >> hex)) {
        m.detail = fmt::format("expected {}, got no value (the replay stopped)", want);
        return m;
      }
      const std::string got = to_bits(hex, widths[o]);
      if (bits_match(want, got)) continue;
      m.detail = fmt::format("expected {}, got {}", want, got);
      if (want.find('x') == std::string::npos && widths[o] < 64) m.expected = as_int(want);
      if (widths[o] < 64) m.got = as_int(got);
      return m;
    }
  }
  return std::nullopt;
}

}  // namespace

Trace read_trace(const std::string& path) {
  std::ifstream in(path);
  if (!in) trace_error("BF-TRACE-001", path, 0, "cannot read the trace file");
  Trace t;
  t.path = path;
  bool header = false;
  int n = 0;
  for (std::string raw; std::getline(in, raw);) {
    ++n;
    const std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    const auto cells = split_csv(line);
    if (!header) {
      t.signals = read_header(cells, path, n);
      header = true;
      continue;
    }
    if (cells.size() != t.signals.size() + 1)
      trace_error("BF-TRACE-003", path, n,
                  fmt::format("{} columns, expected {} (time, {})", cells.size(), t.signals.size() + 1,
                              fmt::join(t.signals, ", ")));
    TraceRow row;
    row.line = n;
    row.time = read_time(cells[0], t.rows.empty() ? 0 : t.rows.back().time, t.rows.empty(), path, n);
    for (std::size_t i = 1; i < cells.size(); ++i)
      row.values.push_back(binary_value(cells[i], path, n, t.signals[i - 1]));
    t.rows.push_back(std::move(row));
  }
  if (!header || t.rows.empty())
    trace_error("BF-TRACE-001", path, n, "expected a header line and at least one row");
  return t;
}

namespace oracle {

ModelRecipe trace_recipe(const Design& d) {
  ModelRecipe r;
  r.tag = "trace";
  r.top = d.top;
  r.sources = d.sources;
  r.parameters = true;
  r.runtime_headers = {"bf_trace_driver.h"};
  r.key_extra = "clock=" + d.oracle.clock;
  r.main_source = [&d](const rtl::PortTable& ports) {
    rtl::DriverSource s;
    const auto clk = ports.find(d.oracle.clock);
    if (!d.oracle.clock.empty() && (clk == ports.end() || !clk->second.input))
      s.errors.push_back(
          fmt::format("{}: oracle.clock '{}' is not an input of module '{}' (clock = \"\" for a "
                      "combinational design)",
                      d.manifest_path, d.oracle.clock, d.top));
    s.text = fmt::format(
        "// Generated by bugforge (simulate/src/oracle_trace.cpp) for design '{}': do not edit.\n"
        "#include \"Vtop.h\"\n#include \"bf_trace_driver.h\"\n\n"
        "static std::vector<bfrt::NamedPort> bf_ports(Vtop& top) {{\n  return {{\n",
        d.name);
    for (const auto& [name, p] : ports)
      s.text += fmt::format("    {{\"{}\", bfrt::port(top.{}, {}), \"{}\"}},\n", name, name, p.bits,
                            p.input && p.output ? "inout"
                            : p.input           ? "in"
                                                : "out");
    s.text += fmt::format(
        "  }};\n}}\n\nint main(int argc, char** argv) {{\n"
        "  return bfrt::trace_main<Vtop>(argc, argv, bf_ports, \"{}\");\n}}\n",
        d.oracle.clock);
    return s;
  };
  return r;
}

CheckResult judge_trace(const Design& d, const BuildResult& b, const CheckOptions& opt) {
  CheckResult r;
  r.build = b;
  const Trace t = read_trace(d.oracle.trace);
  const auto ports = query_ports(b, opt);
  const auto widths = column_widths(d, t, ports);
  const Columns cols = split_columns(t, ports);
  const RunDir dir("bugforge-oracle", opt.run.scratch_dir);
  const std::string stim = dir.path() + "/stimulus.txt", observed = dir.path() + "/observed.txt";
  write_stimulus(stim, t, cols, widths);
  std::vector<std::string> argv{b.executable, stim, observed};
  argv.insert(argv.end(), opt.run.args.begin(), opt.run.args.end());
  const tools::ProcessResult p = tools::run_process(argv, opt.run.limits, dir.path());
  r.run.seconds = p.seconds;
  r.run.log = tail_lines(p.out + "\n" + p.err, 40);
  if (!p.ok()) {
    r.run.status = p.timed_out ? RunStatus::Timeout : RunStatus::Crash;
    r.status = p.timed_out ? CheckStatus::Timeout : CheckStatus::Crash;
    r.message = fmt::format("trace replay {}: {}", p.describe(), tail_lines(p.err, 1));
    return r;
  }
  r.mismatch = compare_rows(d, t, cols, widths, observed);
  r.status = r.mismatch ? CheckStatus::Mismatch : CheckStatus::Pass;
  r.message = r.mismatch ? r.mismatch->format()
                         : fmt::format("{} trace rows match {}", t.rows.size(), design_relative(d, t.path));
  return r;
}

}  // namespace oracle

}  // namespace bf::sim
