// bugforge tests — RTL mutant schema rendering (mutators/schema.h) on small scratch designs:
// which edits get a guarded site, and that a mutated arm carries no copies of nested arms.
#include <fmt/format.h>

#include "bugforge/mutators/schema.h"
#include "rtl_test_util.h"

namespace {

using bf::mutators::Mutant;

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

bool included(const bf::mutators::Schema& s, std::uint32_t id) {
  return std::find(s.included.begin(), s.included.end(), id) != s.included.end();
}

}  // namespace

TEST_CASE("rtl schema: for headers get a site and mutated arms hold no nested arms",
          "[mutators][rtl][schema]") {
  const std::string v =
      "module t(input clk, input [3:0] s, input [31:0] a, output reg [31:0] y);\n"
      "  integer i;\n"
      "  always @(posedge clk)\n"
      "    for (i = 0; i < 4; i = i + 1)\n"
      "      if (s[i]) y[8*i +: 8] <= a[8*i +: 8] + 8'd1; else y[8*i +: 8] <= a[8*i +: 8];\n"
      "endmodule\n";
  const bf::Design d = bf::test::scratch_design(v, "t");
  bf::mutators::RtlMutateOptions o;
  o.classes = {"CONST", "OP"};
  const auto ms = bf::mutators::mutate_rtl(d, o);
  const auto s = bf::mutators::make_rtl_schema(d, ms);
  REQUIRE(s.overrides.size() == 1);
  const std::string& text = s.overrides[0].second;
  const auto bound =
      std::find_if(ms.begin(), ms.end(), [](const Mutant& m) { return m.line == 4 && m.original == "4"; });
  REQUIRE(bound != ms.end());
  CHECK(included(s, bound->id));  // the loop bound lives in the whole-`for` site
  std::size_t inner = 0;
  for (const auto& m : ms) {
    if (!included(s, m.id)) continue;
    INFO(m.description);
    CHECK(count_of(text, fmt::format("(bf_mut_sel == 32'd{})", m.id)) == 1);  // one arm, never copied
    inner += m.line == 5;
  }
  CHECK(inner > 0);  // the body's mutants are nested inside the loop's site
  std::filesystem::remove_all(d.dir);
}

TEST_CASE("rtl schema: a net declaration assignment is guarded like a continuous assignment",
          "[mutators][rtl][schema]") {
  const std::string v =
      "module t(input [7:0] a, input [7:0] b, output [7:0] y);\n"
      "  wire [7:0] w = a + b;\n"
      "  assign y = w ^ {w[3:0], w[7:4]};\n"  // read twice: Verilator keeps `w` and its assignment
      "endmodule\n";
  const bf::Design d = bf::test::scratch_design(v, "t");
  bf::mutators::RtlMutateOptions o;
  o.classes = {"OP"};
  const auto ms = bf::mutators::mutate_rtl(d, o);
  const auto plus =
      std::find_if(ms.begin(), ms.end(), [](const Mutant& m) { return m.line == 2 && m.original == "+"; });
  REQUIRE(plus != ms.end());
  const auto s = bf::mutators::make_rtl_schema(d, {*plus});
  REQUIRE(included(s, plus->id));
  CHECK(s.overrides[0].second.find(fmt::format("wire [7:0] w = ((bf_mut_sel == 32'd{}) ? (", plus->id)) !=
        std::string::npos);
  std::filesystem::remove_all(d.dir);
}
