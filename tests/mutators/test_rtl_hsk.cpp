// bugforge tests — RTL bug class HSK.
#include "rtl_test_util.h"

using bf::test::candidates;
using bf::test::has_edit;


TEST_CASE("HSK drops valid/ready terms", "[mutators][rtl][HSK]") {
  const std::string v =
      "module t(input clk, input s_valid, input m_ready, input en, output fire, output go);\n"
      "  assign fire = s_valid && m_ready;\n"
      "  assign go = en & m_ready;\n"
      "endmodule\n";
  const auto ms = candidates(v, "HSK");
  CHECK(has_edit(ms, "&& m_ready", ""));
  CHECK(has_edit(ms, "s_valid && ", ""));
  CHECK(has_edit(ms, "& m_ready", ""));
  CHECK_FALSE(has_edit(ms, "en & ", ""));
}

TEST_CASE("HSK drops negated flow-control terms whole", "[mutators][rtl][HSK]") {
  const std::string v =
      "module t(input s_valid, input full, input ov, input m_ready, output do_wr, output take);\n"
      "  assign do_wr = s_valid && !full;\n"
      "  assign take = !ov || m_ready;\n"
      "endmodule\n";
  const auto ms = candidates(v, "HSK");
  CHECK(has_edit(ms, "&& !full", ""));
  CHECK(has_edit(ms, "s_valid && ", ""));  // leaves "!full" whole
  CHECK_FALSE(has_edit(ms, "s_valid && !", ""));
  CHECK(has_edit(ms, "|| m_ready", ""));
  for (const auto& m : ms) CHECK(bf::test::applied(v, m).find("&& !;") == std::string::npos);
}
