// bugforge simulate — internal: pieces shared by the oracle implementations (oracle_*.cpp).
#pragma once

#include <string>
#include <vector>

#include "bugforge/core/design.h"
#include "bugforge/core/io.h"
#include "bugforge/simulate/model_build.h"
#include "bugforge/simulate/oracle.h"
#include "rtl_codegen.h"

namespace bf::sim::oracle {

// A run folder: the requested one (kept), or a fresh temporary one removed on destruction.
using RunDir = ScratchDir;

// `path` relative to the design folder when it lies inside it (staged mutant copies map back too).
std::string design_relative(const Design& d, const std::string& path);

// The last `n` non-empty lines of `text`.
std::string tail_lines(const std::string& text, std::size_t n);

// Recipes and verdicts of the two kinds without vector sets (oracle_testbench.cpp, oracle_trace.cpp).
ModelRecipe testbench_recipe(const Design& d);
ModelRecipe trace_recipe(const Design& d);
CheckResult judge_testbench(const Design& d, const BuildResult& b, const CheckOptions& opt);
CheckResult judge_trace(const Design& d, const BuildResult& b, const CheckOptions& opt);

}  // namespace bf::sim::oracle
