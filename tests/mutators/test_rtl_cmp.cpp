// bugforge tests — RTL bug class CMP.
#include "rtl_test_util.h"

using bf::test::candidates;
using bf::test::has_edit;


TEST_CASE("CMP proposes off-by-one and inverted comparisons", "[mutators][rtl][CMP]") {
  const std::string v =
      "module t(input [7:0] a, b, output y, z);\n"
      "  assign y = a < b;\n"
      "  assign z = a == b;\n"
      "endmodule\n";
  const auto ms = candidates(v, "CMP");
  CHECK(has_edit(ms, "<", "<="));
  CHECK(has_edit(ms, "<", ">"));
  CHECK(has_edit(ms, "==", "!="));
  CHECK(has_edit(ms, "<", "!="));  // an ordering test written as an inequality
  CHECK(ms.size() == 4);
}
