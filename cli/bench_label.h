// bugforge cli — `bugforge bench label`: mutant schemata vs per-mutant rebuilds (cmd_bench_label.cpp).
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

namespace bf::cli {

class BenchLabel {
 public:
  void setup(CLI::App* sub);  // options of the `label` subcommand
  int run() const;            // prints the table; returns the exit code

 private:
  std::string design_ = "gemm_os_rtl";
  std::size_t mutants_ = 200, naive_ = 10, vectors_ = 8;
  std::uint64_t seed_ = 1;
  bool keep_cache_ = false;
};

}  // namespace bf::cli
