// bugforge tests — RTL bug class RST.
#include "rtl_test_util.h"

using bf::test::candidates;
using bf::test::has_edit;


TEST_CASE("RST flips polarity, changes reset values and drops registers from reset", "[mutators][rtl][RST]") {
  const std::string v =
      "module t(input clk, input rst, input [7:0] d, output reg [7:0] q, output reg v);\n"
      "  always @(posedge clk) begin\n"
      "    if (rst) begin\n"
      "      q <= 8'd0;\n"
      "      v <= 1'b0;\n"
      "    end else begin\n"
      "      q <= d; v <= 1'b1;\n"
      "    end\n"
      "  end\n"
      "endmodule\n";
  const auto ms = candidates(v, "RST");
  CHECK(has_edit(ms, "rst", "!rst"));
  CHECK(has_edit(ms, "8'd0", "8'd1"));
  CHECK(has_edit(ms, "1'b0", "1'b1"));
  CHECK(has_edit(ms, "q <= 8'd0;", ""));
  for (const auto& m : ms) CHECK(m.line >= 3);
  for (const auto& m : ms) CHECK(m.line <= 5);
}
