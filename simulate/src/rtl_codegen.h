// bugforge simulate — internal: the generated main.cpp of a Verilated design.
//
// The driver is a port table (bfrt::Harness) filled from the design's [protocol] plus one call
// into the runtime (simulate/runtime/bf_rtl_driver.h); the model class is always `Vtop`
// (verilator --prefix Vtop). Port widths and directions come from the model header Verilator
// wrote, so every port the protocol names is checked before g++ runs.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "bugforge/core/design.h"
#include "bugforge/kernels/kernel.h"
#include "bugforge/simulate/model_build.h"

namespace bf::sim::rtl {

using sim::ModelPort;  // model_build.h
using sim::PortTable;

// The ports declared in Vtop.h (`VL_IN8(&clk,0,0);`, `VL_OUTW(&y,255,0,8);`, ...).
PortTable parse_model_ports(const std::string& header_text);

using sim::DriverSource;  // model_build.h

// Throws bf::Error (BF-RTL-010..) when the manifest's protocol cannot drive the kernel (unknown or
// unbound tensor, missing handshake port, unsupported kind). With ports == nullptr widths print as
// -1 and nothing is checked: that text is what the build cache key covers.
DriverSource generate_driver(const Design& d, const kernels::Kernel& k, const PortTable* ports);

}  // namespace bf::sim::rtl
