// bugforge tests — RTL bug class STUCK.
#include "rtl_test_util.h"

using bf::test::candidates;
using bf::test::has_edit;


TEST_CASE("STUCK ties reads to constants or to a sibling signal", "[mutators][rtl][STUCK]") {
  const std::string v =
      "module t(input clk, input [7:0] a, input [7:0] b, input e, output [7:0] y, output f);\n"
      "  reg [7:0] r; reg q;\n"
      "  always @(posedge clk) begin r <= a ^ b; q <= e; end\n"
      "  assign y = r; assign f = q;\n"
      "endmodule\n";
  const auto ms = candidates(v, "STUCK");
  CHECK(has_edit(ms, "a", "8'd0"));
  CHECK(has_edit(ms, "a", "b"));
  CHECK(has_edit(ms, "e", "1'b1"));
  for (const auto& m : ms) CHECK(m.line >= 3);  // reads only, never declarations or targets
}
