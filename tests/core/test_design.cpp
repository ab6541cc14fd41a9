// Tests of the design.toml loader: good manifests load; each kind of bad manifest is an error
// naming the file, the line and the key.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "bugforge/core/design.h"
#include "bugforge/core/diagnostic.h"

namespace fs = std::filesystem;

namespace {

struct TempDesign {
  fs::path dir;
  explicit TempDesign(const std::string& toml) {
    static int n = 0;
    dir = fs::temp_directory_path() / ("bf_design_" + std::to_string(n++));
    fs::create_directories(dir / "rtl");
    std::ofstream(dir / "rtl" / "top.v") << "module top(input clk); endmodule\n";
    std::ofstream(dir / "design.toml") << toml;
  }
  ~TempDesign() { fs::remove_all(dir); }
};

const char* kGood = R"(name = "dot"
family = "gemv"
language = "verilog"
top = "top"
sources = ["rtl/top.v"]
latency = 7
description = "dot product"

[parameters]
K = 16

[golden]
kernel = "gemv_i8_i32"
params = { M = 1, K = 16 }

[protocol]
kind = "stream"
reset = "rst_n"
reset_active_low = true
stall = 0.5

[[protocol.ports]]
tensor = "A"
port = "a_flat"

[[protocol.inputs]]
tensor = "x"
valid = "x_valid"
ready = "x_ready"
data = "x_data"
lanes = 2

[[protocol.outputs]]
tensor = "y"
valid = "y_valid"
ready = "y_ready"
data = "y_data"
)";

bf::Diagnostic load_error(const std::string& toml) {
  TempDesign t(toml);
  try {
    bf::load_design(t.dir.string());
  } catch (const bf::Error& e) {
    return e.diagnostic();
  }
  FAIL("expected a bf::Error");
  return {};
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto pos = s.find(from);
  REQUIRE(pos != std::string::npos);
  return s.replace(pos, from.size(), to);
}

}  // namespace

TEST_CASE("a good manifest loads every key", "[design]") {
  TempDesign t(kGood);
  const bf::Design d = bf::load_design(t.dir.string());
  CHECK(d.name == "dot");
  CHECK(d.family == "gemv");
  CHECK(d.language == bf::Language::Verilog);
  CHECK(d.sources.size() == 1);
  CHECK(fs::exists(d.sources[0]));
  CHECK(d.latency == 7);
  CHECK(d.parameters.at("K") == 16);
  CHECK(d.golden.kernel == "gemv_i8_i32");
  CHECK(d.golden.params.at("M") == 1);
  CHECK(d.protocol.kind == "stream");
  CHECK(d.protocol.reset_active_low);
  CHECK(d.protocol.stall == 0.5);
  REQUIRE(d.protocol.ports.size() == 1);
  CHECK(d.protocol.ports[0].port == "a_flat");
  REQUIRE(d.protocol.inputs.size() == 1);
  CHECK(d.protocol.inputs[0].lanes == 2);
  CHECK(d.protocol.outputs[0].data == "y_data");
  CHECK(d.protocol.clock == "clk");
}

TEST_CASE("a TOML syntax error names file and line", "[design]") {
  const auto d = load_error(replace(kGood, "top = \"top\"", "top = \"top"));
  CHECK(d.code == "BF-TOML-001");
  CHECK(d.loc.file.find("design.toml") != std::string::npos);
  CHECK(d.loc.line == 4);
}

TEST_CASE("a missing key names the key", "[design]") {
  const auto d = load_error(replace(kGood, "family = \"gemv\"\n", ""));
  CHECK(d.code == "BF-TOML-002");
  CHECK(d.message.find("'family'") != std::string::npos);
}

TEST_CASE("a mistyped key names key, line and expectation", "[design]") {
  const auto d = load_error(replace(kGood, "latency = 7", "latency = \"seven\""));
  CHECK(d.code == "BF-TOML-003");
  CHECK(d.loc.line == 6);
  CHECK(d.message.find("expected an integer") != std::string::npos);
}

TEST_CASE("an unknown key is an error and is not silently ignored", "[design]") {
  const auto d = load_error(replace(kGood, "sources =", "soruces ="));
  CHECK(d.code == "BF-TOML-004");
  CHECK(d.message.find("soruces") != std::string::npos);
  CHECK(d.loc.line == 5);
}

TEST_CASE("a missing source file is named", "[design]") {
  const auto d = load_error(replace(kGood, "rtl/top.v", "rtl/nope.v"));
  CHECK(d.code == "BF-TOML-006");
  CHECK(d.message.find("rtl/nope.v") != std::string::npos);
}

TEST_CASE("bad enumerations and nested keys point into the table", "[design]") {
  CHECK(load_error(replace(kGood, "language = \"verilog\"", "language = \"vhdl\"")).code == "BF-TOML-005");
  CHECK(load_error(replace(kGood, "kind = \"stream\"", "kind = \"hls-call\"")).code == "BF-TOML-005");
  const auto d = load_error(replace(kGood, "lanes = 2", "lanes = 0"));
  CHECK(d.message.find("protocol.inputs[0].lanes") != std::string::npos);
  const auto p = load_error(replace(kGood, "params = { M = 1, K = 16 }", "params = { M = \"one\", K = 16 }"));
  CHECK(p.message.find("golden.params.M") != std::string::npos);
}

TEST_CASE("scan_designs keeps going past a bad manifest", "[design]") {
  const fs::path root = fs::temp_directory_path() / "bf_scan_root";
  fs::remove_all(root);
  {
    TempDesign good(kGood), bad(replace(kGood, "name = \"dot\"", "name = 3"));
    fs::create_directories(root);
    fs::copy(good.dir, root / "a", fs::copy_options::recursive);
    fs::copy(bad.dir, root / "b", fs::copy_options::recursive);
  }
  const auto scan = bf::scan_designs(root.string());
  CHECK(scan.designs.size() == 1);
  REQUIRE(scan.errors.size() == 1);
  CHECK(scan.errors[0].find("BF-TOML-003") != std::string::npos);
  fs::remove_all(root);
}

TEST_CASE("every built-in design manifest loads", "[design][corpus]") {
  const auto scan = bf::scan_designs(bf::builtin_designs_dir());
  for (const auto& e : scan.errors) UNSCOPED_INFO(e);
  CHECK(scan.errors.empty());
  CHECK(scan.designs.size() >= 10);
}

namespace {

// kGood's top-level keys with an [oracle] table instead of [golden] and [protocol].
std::string with_oracle(const std::string& oracle) {
  const std::string base(kGood);
  return base.substr(0, base.find("[parameters]")) + oracle;
}

}  // namespace

TEST_CASE("without [oracle] a design is judged by its golden kernel", "[design][oracle]") {
  TempDesign t(kGood);
  CHECK(bf::load_design(t.dir.string()).oracle.kind == "kernel");
}

TEST_CASE("a testbench or trace oracle needs neither [golden] nor [protocol]", "[design][oracle]") {
  TempDesign t(with_oracle("[oracle]\nkind = \"testbench\"\nsources = [\"rtl/top.v\"]\ntop = \"tb\"\n"
                           "pass = \"PASS\"\noutput = \"out.txt\"\nexpected = \"rtl/top.v\"\nmatch = \"x\"\n"));
  const bf::Design d = bf::load_design(t.dir.string());
  CHECK(d.oracle.kind == "testbench");
  CHECK(d.oracle.top == "tb");
  REQUIRE(d.oracle.sources.size() == 1);
  CHECK(fs::path(d.oracle.sources[0]).is_absolute());
  CHECK(d.oracle.pass_pattern == "PASS");
  CHECK(d.oracle.x_dont_care);
  CHECK(d.golden.kernel.empty());
  CHECK(d.protocol.kind.empty());
  std::ofstream(t.dir / "trace.csv") << "time,clk\n";
  const auto trace = with_oracle("[oracle]\nkind = \"trace\"\ntrace = \"trace.csv\"\nclock = \"\"\n");
  std::ofstream(t.dir / "design.toml") << trace;
  const bf::Design tr = bf::load_design(t.dir.string());
  CHECK(tr.oracle.kind == "trace");
  CHECK(tr.oracle.clock.empty());
}

TEST_CASE("a reference oracle takes its tensor interface from [oracle] or [golden]", "[design][oracle]") {
  const std::string ref = "[oracle]\nkind = \"reference\"\nlanguage = \"hls-cpp\"\nsources = [\"rtl/top.v\"]\n"
                          "top = \"ref\"\nargs = [\"A\", \"x\", \"y\"]\nkernel = \"gemv_i8_i32\"\n"
                          "params = { M = 2, K = 4 }\n\n[protocol]\nkind = \"block\"\n";
  TempDesign t(with_oracle(ref));
  const bf::Design d = bf::load_design(t.dir.string());
  CHECK(d.oracle.language == bf::Language::HlsCpp);
  CHECK(d.golden.kernel == "gemv_i8_i32");
  CHECK(d.golden.params.at("M") == 2);
  CHECK(d.oracle.args.size() == 3);
  const auto e = load_error(replace(with_oracle(ref), "kernel = \"gemv_i8_i32\"\nparams = { M = 2, K = 4 }\n", ""));
  CHECK(e.code == "BF-TOML-002");
  CHECK(e.message.find("'golden'") != std::string::npos);
}

TEST_CASE("bad [oracle] tables name the key and line", "[design][oracle]") {
  const auto kind = load_error(with_oracle("[oracle]\nkind = \"oracle\"\n"));
  CHECK(kind.code == "BF-TOML-005");
  CHECK(kind.message.find("oracle.kind") != std::string::npos);
  CHECK(kind.loc.line == 10);
  const auto trace = load_error(with_oracle("[oracle]\nkind = \"trace\"\ntrace = \"missing.csv\"\n"));
  CHECK(trace.code == "BF-TOML-006");
  CHECK(trace.message.find("missing.csv") != std::string::npos);
  const auto pair = load_error(with_oracle("[oracle]\nkind = \"testbench\"\nsources = [\"rtl/top.v\"]\ntop = \"tb\"\n"
                                           "output = \"out.txt\"\n"));
  CHECK(pair.message.find("oracle.expected") != std::string::npos);
  const auto regex = load_error(with_oracle("[oracle]\nkind = \"testbench\"\nsources = [\"rtl/top.v\"]\ntop = \"tb\"\n"
                                            "fail = \"(\"\n"));
  CHECK(regex.message.find("oracle.fail") != std::string::npos);
  const auto stray = load_error(with_oracle("[oracle]\nkind = \"trace\"\ntrace = \"rtl/top.v\"\ntop = \"x\"\n"));
  CHECK(stray.code == "BF-TOML-004");
  CHECK(load_error(kGood + std::string("\n[oracle]\nkind = \"kernel\"\ntop = \"x\"\n")).code == "BF-TOML-004");
}
