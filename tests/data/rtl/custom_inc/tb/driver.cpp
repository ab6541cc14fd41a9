// custom_inc's driver (protocol kind "custom", see simulate/README.md): presents one element of x
// per cycle and reads y after the rising edge, stamping it with that edge's number.
#include "Vtop.h"
#include "bf_rtl_driver.h"

bfrt::SetData bf_custom_drive(Vtop& top, VerilatedContext& ctx, const bfrt::Inputs& inputs,
                              const bfrt::DriveLimits& limits) {
  bfrt::SetData s;
  s.tensors.resize(1);
  auto& y = s.tensors[0];
  for (const auto v : inputs.at(0)) {
    if (s.cycles >= limits.max_cycles) {
      s.status = 1;
      break;
    }
    top.x = static_cast<CData>(v);
    top.clk = 0;
    top.eval();
    ctx.timeInc(1);
    top.clk = 1;
    top.eval();
    ctx.timeInc(1);
    ++s.cycles;
    y.values.push_back(top.y);
    y.cycles.push_back(s.cycles);
  }
  return s;
}
