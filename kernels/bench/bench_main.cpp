// bugforge kernels — standalone driver for the golden benchmark on a bare GPU machine; the same
// tables as `bugforge bench golden`. Usage: bf_golden_bench [--quick]
#include <iostream>
#include <stdexcept>
#include <string>

#include "bench_golden.h"

int main(int argc, char** argv) {
  bf::kernels::bench::Options opt;
  for (int i = 1; i < argc; ++i) opt.quick |= std::string(argv[i]) == "--quick";
  try {
    bf::kernels::bench::run_golden_bench(std::cout, opt);
  } catch (const std::exception& e) {
    std::cerr << "bf_golden_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
