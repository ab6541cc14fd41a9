// bugforge runtime — main() of a Verilated testbench (oracle kind "testbench").
//
// Algorithm: the event loop of `verilator --binary`: evaluate, then advance time to the next
// scheduled event, until $finish or until nothing is scheduled. stdout is line-buffered so that a
// $display before a $fatal/$stop (which abort) still reaches the log. The last stderr line says how
// the run ended: "bf_tb: $finish at time T", or, with exit status kNoFinishExitCode, that nothing
// was left to simulate (a wait that can never end: the hardware would hang).
#pragma once

#include <cstdio>
#include <memory>

#include "verilated.h"

namespace bfrt {

constexpr int kNoFinishExitCode = 3;

template <class Model>
int testbench_main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  auto ctx = std::make_unique<VerilatedContext>();
  ctx->commandArgs(argc, argv);  // +bf_mutant=N reaches $value$plusargs in design and testbench
  auto top = std::make_unique<Model>(ctx.get());
  while (!ctx->gotFinish()) {
    top->eval();
    if (!top->eventsPending()) break;
    ctx->time(top->nextTimeSlot());
  }
  const bool finished = ctx->gotFinish();
  const auto now = static_cast<unsigned long long>(ctx->time());
  top->final();
  std::fflush(stdout);
  if (finished) {
    std::fprintf(stderr, "bf_tb: $finish at time %llu\n", now);
    return 0;
  }
  std::fprintf(stderr, "bf_tb: no $finish: nothing left to simulate at time %llu\n", now);
  return kNoFinishExitCode;
}

}  // namespace bfrt
