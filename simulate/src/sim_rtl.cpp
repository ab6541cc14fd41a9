// bugforge simulate — the Verilog back-end: Verilator model + generated protocol driver.
//
// Algorithm: the protocol back-end is one recipe of the model builder (model_build.h): the
// design's top and sources with its parameters, no --assert, no --timing, the generated driver
// as main.cpp (its text without ports is part of the key: the widths follow from the sources)
// and, for a `custom` protocol, the design's own driver compiled with the model. The builder
// keys, caches, stages overrides and compiles model and driver as one translation unit (faster
// than separate objects for the small and medium models here; see simulate/README.md).
#include <filesystem>

#include "backends.h"
#include "bugforge/simulate/model_build.h"
#include "rtl_codegen.h"
#include "rtl_toolchain.h"

namespace bf::sim {

namespace {

namespace fs = std::filesystem;

ModelRecipe protocol_recipe(const Design& d) {
  const kernels::Kernel& k = kernels::require_kernel(d.golden.kernel, d.golden.params);
  ModelRecipe r;
  r.tag = "rtl";
  r.top = d.top;
  r.sources = d.sources;
  r.assertions = false;
  r.parameters = true;
  if (d.protocol.kind == "custom" && !d.protocol.driver.empty())
    r.cxx_sources.push_back(rtl::norm((fs::path(d.dir) / d.protocol.driver).string()));
  r.runtime_headers = {"bf_rtl_driver.h", "bf_rtl_ports.h", "bf_vectors.h"};
  r.key_extra = rtl::generate_driver(d, k, nullptr).text;
  r.main_source = [&d, &k](const rtl::PortTable& ports) { return rtl::generate_driver(d, k, &ports); };
  return r;
}

}  // namespace

BuildResult build_rtl(const Design& d, const BuildOptions& opt) {
  return build_model(d, opt, protocol_recipe(d));
}

}  // namespace bf::sim
