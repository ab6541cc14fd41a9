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

TEST_CASE("STUCK ties multi-bit reads high and wires the previous sibling too", "[mutators][rtl][STUCK]") {
  const std::string v =
      "module t(input clk, input [7:0] a, input [7:0] b, input [7:0] c, output reg [7:0] r);\n"
      "  always @(posedge clk) r <= a ^ b ^ c;\n"
      "endmodule\n";
  const auto ms = candidates(v, "STUCK");
  CHECK(has_edit(ms, "a", "8'hff"));
  CHECK(has_edit(ms, "b", "c"));  // the next one
  CHECK(has_edit(ms, "b", "a"));  // the previous one
  for (const auto& m : ms) CHECK(m.schema_ok);
}

TEST_CASE("STUCK ties reads in if conditions too", "[mutators][rtl][STUCK]") {
  const std::string v =
      "module t(input clk, input en, input [7:0] a, output reg [7:0] r);\n"
      "  always @(posedge clk) if (en) r <= a;\n"
      "endmodule\n";
  const auto ms = candidates(v, "STUCK");
  CHECK(has_edit(ms, "en", "1'd0"));
  CHECK(has_edit(ms, "en", "1'b1"));
}
