// bugforge kernels — `bugforge bench golden`: CUDA golden kernels against cuBLAS, memory
// bandwidth and the multi-threaded CPU reference, printed as plain-text tables.
#pragma once

#include <ostream>

namespace bf::kernels::bench {

struct Options {
  bool quick = false;   // smaller batches (a smoke run, not for reported numbers)
  int cpu_threads = 0;  // 0 = all cores
};

// Runs on GPU 0 and prints the tables; throws std::runtime_error on CUDA/cuBLAS failures.
void run_golden_bench(std::ostream& out, const Options& opt);

}  // namespace bf::kernels::bench
