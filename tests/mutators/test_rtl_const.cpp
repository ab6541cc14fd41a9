// bugforge tests — RTL bug class CONST.
#include "rtl_test_util.h"

using bf::test::candidates;
using bf::test::has_edit;


TEST_CASE("CONST changes literals by one, only where the text is the literal", "[mutators][rtl][CONST]") {
  const std::string v =
      "module t #(parameter K = 3) (input [7:0] a, output [7:0] y, z);\n"
      "  localparam [7:0] OFF = 8'h10;\n"
      "  assign y = a + 8'd5;\n"
      "  assign z = a + K + OFF;\n"
      "endmodule\n";
  const auto ms = candidates(v, "CONST");
  CHECK(has_edit(ms, "8'd5", "8'd6"));
  CHECK(has_edit(ms, "8'd5", "8'd4"));
  for (const auto& m : ms) {
    CHECK(m.original != "K");
    CHECK(m.original != "OFF");
    if (m.original == "8'h10") CHECK_FALSE(m.schema_ok);  // a parameter value
  }
}

TEST_CASE("CONST flips the top bit of sized literals of three or more bits", "[mutators][rtl][CONST]") {
  const std::string v =
      "module t(input [7:0] a, output [7:0] y, output z);\n"
      "  assign y = a ^ 8'h7f;\n"
      "  assign z = a[0] ^ 1'b1;\n"
      "endmodule\n";
  const auto ms = candidates(v, "CONST");
  CHECK(has_edit(ms, "8'h7f", "8'hff"));
  CHECK(has_edit(ms, "8'h7f", "8'h80"));
  CHECK(has_edit(ms, "8'h7f", "8'h7e"));
  CHECK_FALSE(has_edit(ms, "1'b1", "1'b1"));
}

TEST_CASE("CONST narrows sized literals inside concatenations", "[mutators][rtl][CONST]") {
  const std::string v =
      "module t(input [5:0] a, output [7:0] y, output [7:0] z);\n"
      "  assign y = {a, 2'b01};\n"
      "  assign z = a + 8'd3;\n"
      "endmodule\n";
  const auto ms = candidates(v, "CONST");
  CHECK(has_edit(ms, "2'b01", "1'b1"));
  CHECK_FALSE(has_edit(ms, "8'd3", "7'd3"));  // outside a concatenation the width rarely matters
}
