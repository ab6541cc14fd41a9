// bugforge simulate — internal: the Verilator toolchain behind the model builder (model_build.h).
//
// Finds verilator and its include root once per process, builds Verilator's runtime
// (libverilated.a) once per (verilator version, compiler version, flags) into the cache and
// reuses it for every model, reads a cached model build's outcome, and pulls the first error
// location out of a tool log.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "bugforge/core/io.h"
#include "bugforge/simulate/simulate.h"
#include "bugforge/tools/process.h"

namespace bf::sim::rtl {

struct Toolchain {
  std::string verilator_version;  // first line of `verilator --version`
  std::string cxx_version;        // first line of `g++ --version`
  std::string root;               // `verilator --getenv VERILATOR_ROOT`
};

// Throws bf::Error BF-RTL-001 when verilator or g++ cannot be run.
const Toolchain& toolchain();

// Flags that the runtime library and every model/driver translation unit share.
std::vector<std::string> runtime_cxx_flags(const Toolchain& tc);

// Optimisation level of every model/driver translation unit (and of the precompiled header).
inline constexpr const char* kModelOptLevel = "-O1";

// Flags of a model/driver translation unit: runtime_cxx_flags, the optimisation level and
// -pthread. The runtime's precompiled header is made with exactly these.
std::vector<std::string> model_cxx_flags(const Toolchain& tc);

// The header a model build passes as `-include`: bf_pch.h beside libverilated.a (Verilator's
// headers and the driver's standard headers). g++ reads its precompiled bf_pch.h.gch instead
// when the flags match, else the header itself: the same result, only slower.
std::string runtime_pch(const std::string& library);

// Limits for verilator/g++ children (they process untrusted sources).
tools::Limits tool_limits();

// <cache>/verilator-rt/<hash>/libverilated.a and the precompiled bf_pch.h, built on first use
// (stamp file written last).
// Throws bf::Error BF-RTL-002 when the runtime does not compile.
std::string runtime_library(const std::string& cache_dir);

// Whole-file text I/O (core/io.h); errors name the file (BF-IO-001 read, BF-IO-002 write).
using bf::read_text;
using bf::write_text;

// Absolute, lexically normal form of a path (the key under which overrides are matched).
std::string norm(const std::string& p);

// A Verilog/SystemVerilog source or header (.v .sv .vh .svh).
bool is_hdl(const std::filesystem::path& p);

// bugforge's simulate/runtime folder (drivers and harness headers).
std::filesystem::path runtime_dir();

// A cached model build's outcome in `dir`: `stamp` (built; its log in build.log) or `failed`
// (error file, error line, then the log). `r` brings the key and executable path.
BuildResult cached_build(const std::string& dir, BuildResult r);

}  // namespace bf::sim::rtl
