// bugforge simulate — internal: Verilator builds for the testbench and trace oracles.
//
// A recipe says what differs from the protocol back-end (sim_rtl.cpp): the top module, the HDL
// files, --timing (testbenches: delays, initial blocks, coroutines) and the generated main.cpp.
// Everything else is shared with it: the toolchain probe, the cached libverilated.a, source
// overrides staged for mutants, a content-hash cache key and failures cached like successes.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "bugforge/simulate/simulate.h"
#include "rtl_codegen.h"

namespace bf::sim::oracle {

struct VlRecipe {
  std::string tag;                   // "testbench" | "trace": the cache sub-folder, part of the key
  std::string top;                   // --top-module
  std::vector<std::string> sources;  // HDL files, absolute, in compile order
  bool timing = false;               // --timing, -fcoroutines and verilated_timing.cpp
  bool parameters = false;           // pass the design's [parameters] as -G (they bind to `top`)
  std::vector<std::string> runtime_headers;  // simulate/runtime files the main includes (key)
  std::string key_extra;             // anything else main_source depends on besides the ports
  // main.cpp for the model `Vtop` with these ports; `errors` fail the build naming design.toml.
  std::function<rtl::DriverSource(const rtl::PortTable&)> main_source;
};

BuildResult build_verilated(const Design& d, const BuildOptions& opt, const VlRecipe& recipe);

}  // namespace bf::sim::oracle
