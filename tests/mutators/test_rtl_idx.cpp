// bugforge tests — RTL bug class IDX.
#include "rtl_test_util.h"

using bf::test::candidates;
using bf::test::has_edit;


TEST_CASE("IDX shifts indexes and part selects by one", "[mutators][rtl][IDX]") {
  const std::string v =
      "module t(input [7:0] a, input [2:0] i, output y, z, output [3:0] w);\n"
      "  assign y = a[i];\n"
      "  assign z = a[3];\n"
      "  assign w = a[4:1];\n"
      "endmodule\n";
  const auto ms = candidates(v, "IDX");
  CHECK(has_edit(ms, "i", "i+1"));
  CHECK(has_edit(ms, "i", "i-1"));
  CHECK(has_edit(ms, "3", "4"));
  CHECK(has_edit(ms, "4:1", "5:2"));
  CHECK(has_edit(ms, "4:1", "3:0"));
}
