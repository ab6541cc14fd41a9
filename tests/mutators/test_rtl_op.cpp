// bugforge tests — RTL bug class OP.
#include "rtl_test_util.h"

using bf::test::candidates;
using bf::test::has_edit;


TEST_CASE("OP swaps verified operator tokens", "[mutators][rtl][OP]") {
  const std::string v =
      "module t(input [7:0] a, b, output [7:0] y, z, w);\n"
      "  assign y = a + b;\n"
      "\tassign z = (a & b) | a;\n"
      "  assign w = a << 1;\n"
      "endmodule\n";
  const auto ms = candidates(v, "OP");
  CHECK(has_edit(ms, "+", "-"));
  CHECK(has_edit(ms, "&", "|"));
  CHECK(has_edit(ms, "|", "^"));
  CHECK(has_edit(ms, "<<", ">>"));
  for (const auto& m : ms) CHECK(m.schema_ok);
  const auto plus = std::find_if(ms.begin(), ms.end(), [](const auto& m) { return m.original == "+"; });
  REQUIRE(plus != ms.end());
  CHECK(plus->line == 2);
  CHECK(bf::test::applied(v, *plus).find("assign y = a - b;") != std::string::npos);
}

TEST_CASE("OP skips operators inside macro expansions", "[mutators][rtl][OP]") {
  const std::string v =
      "`define SUM(x, y) ((x) + (y))\n"
      "module t(input [7:0] a, b, output [7:0] y);\n"
      "  assign y = `SUM(a, b);\n"
      "endmodule\n";
  for (const auto& m : candidates(v, "OP")) CHECK(m.line != 3);
}

TEST_CASE("OP swaps unary operators where the swap changes the value", "[mutators][rtl][OP]") {
  const std::string v =
      "module t(input [7:0] a, input b, output [7:0] y, output p, q, r, s);\n"
      "  assign y = ~a;\n"
      "  assign p = !b;\n"
      "  assign q = &a;\n"
      "  assign r = ^a;\n"
      "  assign s = ~|a;\n"
      "endmodule\n";
  const auto ms = candidates(v, "OP");
  CHECK(has_edit(ms, "~", "!"));
  CHECK(has_edit(ms, "&", "|"));
  CHECK(has_edit(ms, "^", "~^"));
  CHECK_FALSE(has_edit(ms, "!", "~"));          // one bit: ! and ~ agree
  for (const auto& m : ms) CHECK(m.line != 6);  // ~| is its own operator
}

TEST_CASE("OP proposes + as xor and arithmetic shift as logical", "[mutators][rtl][OP]") {
  const std::string v =
      "module t(input signed [7:0] a, input [7:0] b, output [7:0] y, output signed [7:0] z);\n"
      "  assign y = b + a;\n"
      "  assign z = a >>> 2;\n"
      "endmodule\n";
  const auto ms = candidates(v, "OP");
  CHECK(has_edit(ms, "+", "^"));
  CHECK(has_edit(ms, ">>>", ">>"));
}
