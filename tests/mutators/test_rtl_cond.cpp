// bugforge tests — RTL bug class COND.
#include "rtl_test_util.h"

using bf::test::candidates;
using bf::test::has_edit;


TEST_CASE("COND inverts conditions and drops terms", "[mutators][rtl][COND]") {
  const std::string v =
      "module t(input clk, input [3:0] a, input [3:0] b, output reg q);\n"
      "  always @(posedge clk) if (a && (b || a)) q <= 1'b1;\n"
      "endmodule\n";
  const auto ms = candidates(v, "COND");
  CHECK(has_edit(ms, "(a && (b || a))", "(!(a && (b || a)))"));
  CHECK(has_edit(ms, "(a && (b || a))", "(a)"));
  CHECK(has_edit(ms, "(a && (b || a))", "((b || a))"));
  CHECK(has_edit(ms, "&&", "||"));
  CHECK(has_edit(ms, "||", "&&"));
}
