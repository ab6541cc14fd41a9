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

TEST_CASE("IDX shifts expression indexes and indexed part-select bases", "[mutators][rtl][IDX]") {
  const std::string v =
      "module t(input [31:0] a, input [1:0] k, output [7:0] y, output z);\n"
      "  assign y = a[k*8 +: 8];\n"
      "  assign z = a[k*8];\n"
      "endmodule\n";
  const auto ms = candidates(v, "IDX");
  CHECK(has_edit(ms, "k*8", "(k*8)+1"));
  CHECK(has_edit(ms, "k*8", "(k*8)-1"));
  for (const auto& m : ms) CHECK(m.schema_ok);
  const auto base = std::find_if(ms.begin(), ms.end(),
                                 [](const auto& m) { return m.line == 2 && m.replacement == "(k*8)+1"; });
  REQUIRE(base != ms.end());
  CHECK(bf::test::applied(v, *base).find("a[(k*8)+1 +: 8]") != std::string::npos);
}
