// bugforge simulate — internal: the Verilator toolchain behind build_rtl.
//
// Finds verilator and its include root once per process, builds Verilator's runtime
// (libverilated.a) once per (verilator version, compiler version, flags) into the cache and
// reuses it for every model, and pulls the first error location out of a tool log.
#pragma once

#include <string>
#include <vector>

#include "bugforge/simulate/process.h"

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

// Limits for verilator/g++ children (they process untrusted sources).
Limits tool_limits();

// <cache>/verilator-rt/<hash>/libverilated.a, built on first use (stamp file written last).
// Throws bf::Error BF-RTL-002 when the runtime does not compile.
std::string runtime_library(const std::string& cache_dir);

struct ErrorLoc {
  std::string file;
  int line = 0;
};

// First `%Error...: file:line:col:` (Verilator) or `file:line:col: error:` (g++) in the log.
ErrorLoc first_error(const std::string& log);

}  // namespace bf::sim::rtl
