// bugforge tests — RTL bug class BLK.
#include "rtl_test_util.h"

using bf::test::candidates;
using bf::test::has_edit;


TEST_CASE("BLK swaps assignment kinds by block type", "[mutators][rtl][BLK]") {
  const std::string v =
      "module t(input clk, input [7:0] d, output reg [7:0] q, output reg [7:0] c);\n"
      "  always @(posedge clk) q <= d;\n"
      "  always @* begin c = d + 8'd1; if (d[0]) c = 8'd0; end\n"
      "endmodule\n";
  const auto ms = candidates(v, "BLK");
  REQUIRE(ms.size() >= 2);
  CHECK(has_edit(ms, "<=", "="));
  CHECK(has_edit(ms, "=", "<="));
}
