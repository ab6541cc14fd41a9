// bugforge tests — RTL bug class WIDTH.
#include "rtl_test_util.h"

using bf::test::candidates;
using bf::test::has_edit;


TEST_CASE("WIDTH drops the MSB of declarations and part selects", "[mutators][rtl][WIDTH]") {
  const std::string v =
      "module t #(parameter W = 8) (input [W-1:0] a, output [3:0] y, output [15:0] z);\n"
      "  wire [7:0] s = a; assign z = {a, a};\n"
      "  assign y = s[3:0];\n"
      "endmodule\n";
  const auto ms = candidates(v, "WIDTH");
  CHECK(has_edit(ms, "W-1", "W-2"));
  CHECK(has_edit(ms, "15", "14"));
  CHECK(has_edit(ms, "3", "2"));
  for (const auto& m : ms) CHECK_FALSE(m.schema_ok);
}
