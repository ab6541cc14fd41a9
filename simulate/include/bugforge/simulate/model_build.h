// bugforge simulate — the one Verilator model builder.
//
// A recipe says what differs between builds: the cache tag, the top module, the HDL files,
// --assert, --timing (testbenches: delays, initial blocks, coroutines), the design parameters,
// further C++ sources compiled with the model (a custom protocol driver) and the generated
// main.cpp. Recipes: the protocol back-end (sim_rtl.cpp), the testbench and trace oracles
// (oracle_testbench.cpp, oracle_trace.cpp) and the counterexample replay of `equiv`
// (equivalence/src/replay.cpp). Everything else is shared: the toolchain probe, the
// cached libverilated.a, source overrides staged for mutants, a content-hash cache key and
// failures cached like successes.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "bugforge/core/design.h"
#include "bugforge/simulate/simulate.h"

namespace bf::sim {

// A port of the Verilated model as Vtop.h declares it.
struct ModelPort {
  bool input = false, output = false;
  int bits = 0;
};
using PortTable = std::map<std::string, ModelPort>;

// A generated main.cpp, or why the model cannot be driven.
struct DriverSource {
  std::string text;                 // main.cpp
  std::vector<std::string> errors;  // ports the protocol names that the model lacks or misdirects
};

struct ModelRecipe {
  std::string tag;                   // "rtl" | "testbench" | "trace": the cache sub-folder, part of the key
  std::string top;                   // --top-module
  std::vector<std::string> sources;  // HDL files, absolute, in compile order
  bool assertions = true;            // --assert
  bool timing = false;               // --timing, -fcoroutines and verilated_timing.cpp
  bool parameters = false;           // pass the design's [parameters] as -G (they bind to `top`)
  std::vector<std::string> cxx_sources;      // compiled with the model (absolute; overridable, keyed)
  std::vector<std::string> runtime_headers;  // simulate/runtime files the main includes (key)
  std::string key_extra;                     // anything else main_source depends on besides the ports
  // main.cpp for the model `Vtop` with these ports; `errors` fail the build naming design.toml.
  std::function<DriverSource(const PortTable&)> main_source;
};

BuildResult build_model(const Design& d, const BuildOptions& opt, const ModelRecipe& recipe);

}  // namespace bf::sim
