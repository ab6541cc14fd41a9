// bugforge cli — `bench equiv`: seconds per mutant, long-lived Yosys vs one process per mutant.
// Lives beside `bench golden` (cmd_bench_golden.cpp) as a subcommand of `bench`.
#pragma once

#include <CLI/CLI.hpp>

namespace bf::cli {

CLI::App* setup_bench_equiv(CLI::App& bench);  // adds the `equiv` subcommand
int run_bench_equiv();

}  // namespace bf::cli
