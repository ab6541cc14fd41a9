// End-to-end test of `bugforge equiv` on the reproduction: `a & b` against `a | b` exits 1
// with a counterexample that Verilator replays; a De Morgan rewrite exits 0 with a re-checked proof.
#include <catch2/catch.hpp>

#include <string>

#include "cli_run.h"

namespace {

bf::test::CliRun equiv(const std::string& args) {
  // The source folder is compiled in: CTest's ENVIRONMENT list carries only the first variable.
  const std::string dir = std::string(BUGFORGE_SOURCE_DIR) + "/tests/data/equiv/sound/";
  return bf::test::run_shell("cd '" + dir + "' && '" + bf::test::bugforge_bin() + "' equiv " + args +
                             " 2>&1");
}

}  // namespace

TEST_CASE("equiv: a & b vs a | b exits 1 with a counterexample replayed in Verilator", "[cli][equiv]") {
  const auto r = equiv("and.v or.v --top m --json");
  INFO(r.out);
  CHECK(r.status == 1);
  CHECK(r.out.find("\"outcome\": \"buggy\"") != std::string::npos);
  CHECK(r.out.find("\"reproduced\": true") != std::string::npos);
  CHECK(r.out.find("\"matches_formal\": true") != std::string::npos);
}

TEST_CASE("equiv: the table form names the differing output", "[cli][equiv]") {
  const auto r = equiv("and.v or.v --top m");
  INFO(r.out);
  CHECK(r.status == 1);
  CHECK(r.out.rfind("not equivalent (formal)", 0) == 0);
  CHECK(r.out.find("y (orig/mut)") != std::string::npos);
  CHECK(r.out.find("Verilator: outputs differ") != std::string::npos);
}

TEST_CASE("equiv: a De Morgan rewrite is proven and re-checked by simulation", "[cli][equiv]") {
  const auto r = equiv("and.v nand_demorgan.v --top m");
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.rfind("equivalent (proof)", 0) == 0);
  CHECK(r.out.find("re-checked") != std::string::npos);
}

TEST_CASE("equiv: a negedge register bank is unknown with the reason, never a proof", "[cli][equiv]") {
  const auto r = equiv("regbank.v regbank_negedge.v --top regbank");
  INFO(r.out);
  CHECK(r.status == 2);
  CHECK(r.out.find("negative-edge") != std::string::npos);
}
