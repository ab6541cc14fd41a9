// bugforge tests — RTL bug class SIGN.
#include "rtl_test_util.h"

using bf::test::candidates;
using bf::test::has_edit;


TEST_CASE("SIGN drops casts and signed keywords, and turns >>> into >>", "[mutators][rtl][SIGN]") {
  const std::string v =
      "module t(input signed [7:0] a, input [7:0] b, output signed [15:0] y, output signed [7:0] z);\n"
      "  assign y = $signed(a) * $signed(b);\n"
      "  assign z = a >>> 1;\n"
      "endmodule\n";
  const auto ms = candidates(v, "SIGN");
  CHECK(has_edit(ms, "$signed(b)", "(b)"));
  CHECK(has_edit(ms, ">>>", ">>"));
  CHECK(has_edit(ms, "signed ", ""));
  for (const auto& m : ms)
    if (m.original == "signed ") CHECK_FALSE(m.schema_ok);
}
