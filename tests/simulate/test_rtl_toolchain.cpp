// bugforge tests — the Verilator toolchain (simulate/src/rtl_toolchain.h): the runtime library
// and the precompiled header that every model build includes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "bugforge/tools/process.h"
#include "rtl_toolchain.h"

namespace fs = std::filesystem;
namespace rtl = bf::sim::rtl;

TEST_CASE("rtl toolchain: model builds get a precompiled header that g++ accepts", "[simulate][rtl]") {
  const auto cache = fs::temp_directory_path() / "bf-test-toolchain";
  const auto lib = rtl::runtime_library(cache.string());
  CHECK(fs::exists(lib));
  const auto pch = rtl::runtime_pch(lib);
  REQUIRE(fs::exists(pch + ".gch"));
  const auto tu = cache / "tu.cpp";
  std::ofstream(tu) << "int main() { return Verilated::threadContextp() == nullptr; }\n";
  // The model flags with warnings on: g++ says "... .gch: not used because ..." when it falls back.
  std::vector<std::string> argv = {"g++"};
  for (const auto& f : rtl::model_cxx_flags(rtl::toolchain()))
    if (f != "-w") argv.push_back(f);
  for (const auto& f : {std::string("-Winvalid-pch"), std::string("-include"), pch,
                        std::string("-fsyntax-only"), tu.string()})
    argv.push_back(f);
  const auto r = bf::tools::run_process(argv, rtl::tool_limits());
  INFO(r.err);
  CHECK(r.ok());
  CHECK(r.err.find("not used") == std::string::npos);
  fs::remove_all(cache);
}
