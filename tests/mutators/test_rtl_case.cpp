// bugforge tests — RTL bug class CASE.
#include "rtl_test_util.h"

using bf::test::candidates;
using bf::test::has_edit;


TEST_CASE("CASE removes arms and defaults and mislabels arms", "[mutators][rtl][CASE]") {
  const std::string v =
      "module t(input [1:0] s, output reg [3:0] y);\n"
      "  always @* begin\n"
      "    case (s)\n"
      "      2'd0: y = 4'd1;\n"
      "      2'd1: begin y = 4'd2; end\n"
      "      2'd2: y = 4'd4;\n"
      "      default: y = 4'd0;\n"
      "    endcase\n"
      "  end\n"
      "endmodule\n";
  const auto ms = candidates(v, "CASE");
  CHECK(has_edit(ms, "default: y = 4'd0;", ""));
  CHECK(has_edit(ms, "2'd1: begin y = 4'd2; end", ""));
  CHECK(has_edit(ms, "2'd0", "2'd2"));
  for (const auto& m : ms) CHECK_FALSE(m.schema_ok);
}
