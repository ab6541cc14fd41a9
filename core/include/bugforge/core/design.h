// bugforge core — the design manifest (`design.toml`) as plain data.
//
// Algorithm: parse with toml++, then walk a fixed schema; every missing or mistyped key throws a
// bf::Error naming the file, the line of the offending node (or of its table) and what was
// expected. Paths in `sources` are resolved against the design folder and must exist.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bugforge/core/tensor.h"

namespace bf {

enum class Language { HlsCpp, Verilog };

// A flat port or memory binding of one tensor (block protocol; static inputs of stream designs).
struct PortBinding {
  std::string tensor;
  std::string kind = "flat";  // "flat": packed bus, element i at bits [i*width +: width]
                              // "memory": addr/rdata (inputs, 1-cycle read latency) or we/addr/wdata (outputs)
  std::string port;           // flat: the bus
  std::string addr, rdata, we, wdata;  // memory
  int width = 0;              // bits per element on the bus; 0 = the tensor's element bits
};

// A valid/ready stream carrying one tensor's elements in row-major order, `lanes` per beat.
struct StreamBinding {
  std::string tensor;
  std::string valid, ready, data;
  std::string last;  // optional: asserted on the final beat (inputs) / checked (outputs)
  int lanes = 1;
  int width = 0;     // bits per lane; 0 = the tensor's element bits
};

struct Protocol {
  std::string kind;  // "block" | "stream" | "hls-call" | "custom"
  // RTL
  std::string clock = "clk";
  std::string reset = "rst";
  bool reset_active_low = false;
  int reset_cycles = 2;
  std::int64_t max_cycles = 1'000'000;  // per vector set
  std::string start = "start", done = "done";  // block
  std::vector<PortBinding> ports;               // block, and static inputs of stream
  std::vector<StreamBinding> inputs, outputs;   // stream
  double stall = 0.25;  // stream: fraction of cycles with input bubbles / output back-pressure
  // HLS: top-function arguments in order: a tensor name, "param:NAME" or "const:VALUE".
  std::vector<std::string> args;
  // custom: a C++ driver file in the design folder.
  std::string driver;
};

struct Golden {
  std::string kernel;  // e.g. "gemm_i8_i32"
  Params params;
};

// How a design is judged ([oracle]; absent = kind "kernel"). Paths are absolute.
struct Oracle {
  std::string kind = "kernel";  // "kernel" | "testbench" | "trace" | "reference"
  // testbench: HDL files compiled after the design's sources, with `top` as the top module.
  // reference: the other implementation's sources and its top module (verilog) or function (hls-cpp).
  std::vector<std::string> sources;
  std::string top;
  // testbench judges (the exit status and $error/$fatal/assertions always count):
  std::string pass_pattern, fail_pattern;  // ECMAScript regexes over stdout+stderr; "" = unused
  std::string output;    // a file the testbench writes, relative to its run folder; "" = none
  std::string expected;  // the text `output` must have
  bool x_dont_care = false;  // match = "x": an `x` in `expected` matches any character
  // trace: the per-cycle CSV and the clock toggled once per cycle ("" = combinational design).
  std::string trace;
  std::string clock = "clk";
  // reference: "verilog" (driven by the design's [protocol]) or "hls-cpp" (C simulation with `args`).
  Language language = Language::Verilog;
  std::vector<std::string> args;
};

struct Design {
  std::string dir;   // absolute folder
  std::string manifest_path;
  std::string name, family, top, description;
  Language language = Language::Verilog;
  std::vector<std::string> sources;       // absolute paths
  std::vector<std::string> include_dirs;  // absolute paths
  Params parameters;                      // Verilog parameter overrides / HLS -D macros
  Golden golden;  // kind "reference": the tensor interface only (from [oracle] kernel/params or [golden])
  Protocol protocol;  // kind "testbench" / "trace": kind "" when the manifest has none
  Oracle oracle;
  std::int64_t latency = 0;  // cycles from input to output (formal depth hint); 0 = unknown
};

const char* language_name(Language l);  // "hls-cpp" | "verilog"

// Loads DIR/design.toml (or a path to a .toml). Throws bf::Error with code BF-TOML-xxx.
Design load_design(const std::string& dir_or_manifest);

// All designs in immediate subfolders of `root` that hold a design.toml, sorted by name.
// Bad manifests do not stop the scan: they are returned in `errors`.
struct DesignScan {
  std::vector<Design> designs;
  std::vector<std::string> errors;  // formatted diagnostics
};
DesignScan scan_designs(const std::string& root);

// A design given on a command line: a folder (or .toml path) if one exists at that path, else
// the name of a design in `designs_dir` (default: the built-in corpus). Throws BF-DES-001 listing
// the known names when there is no such design.
Design find_design(const std::string& name_or_path, const std::string& designs_dir = "");

// The built-in corpus folder (BUGFORGE_HOME/designs or the source tree's designs/).
std::string builtin_designs_dir();
// Root of bugforge's own files (runtime headers, designs): $BUGFORGE_HOME or the source tree.
std::string bugforge_home();

}  // namespace bf
