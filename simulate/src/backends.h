// bugforge simulate — internal: the language back-ends behind build_design.
//
// Both back-ends produce one executable with the same command line, so run_design is shared:
//   <exe> <inputs.bin> <outputs.bin> [+bf_mutant=N] [other +plusargs]
// It reads the vector sets (bf_vectors.h), runs every set, writes the outputs file and exits 0;
// any other exit is a crash of the design under test.
#pragma once

#include "bugforge/simulate/simulate.h"

namespace bf::sim {

BuildResult build_hls(const Design& d, const BuildOptions& opt);  // sim_hls.cpp
BuildResult build_rtl(const Design& d, const BuildOptions& opt);  // sim_rtl.cpp

}  // namespace bf::sim
