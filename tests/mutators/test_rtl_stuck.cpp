// bugforge tests — RTL bug class STUCK.
#include "rtl_test_util.h"

using bf::test::candidates;
using bf::test::has_edit;

TEST_CASE("STUCK ties reads to constants or to a sibling signal", "[mutators][rtl][STUCK]") {
  const std::string v =
      "module t(input clk, input [7:0] a, input [7:0] b, input e, output [7:0] y, output f);\n"
      "  reg [7:0] r; reg q;\n"
      "  always @(posedge clk) begin r <= a ^ b; q <= e; end\n"
      "  assign y = r; assign f = q;\n"
      "endmodule\n";
  const auto ms = candidates(v, "STUCK");
  CHECK(has_edit(ms, "a", "8'd0"));
  CHECK(has_edit(ms, "a", "b"));
  CHECK(has_edit(ms, "e", "1'b1"));
  for (const auto& m : ms) CHECK(m.line >= 3);  // reads only, never declarations or targets
}

TEST_CASE("STUCK ties multi-bit reads high and wires the previous sibling too", "[mutators][rtl][STUCK]") {
  const std::string v =
      "module t(input clk, input [7:0] a, input [7:0] b, input [7:0] c, output reg [7:0] r);\n"
      "  always @(posedge clk) r <= a ^ b ^ c;\n"
      "endmodule\n";
  const auto ms = candidates(v, "STUCK");
  CHECK(has_edit(ms, "a", "8'hff"));
  CHECK(has_edit(ms, "b", "c"));  // the next one
  CHECK(has_edit(ms, "b", "a"));  // the previous one
  for (const auto& m : ms) CHECK(m.schema_ok);
}

TEST_CASE("STUCK ties reads in if conditions too", "[mutators][rtl][STUCK]") {
  const std::string v =
      "module t(input clk, input en, input [7:0] a, output reg [7:0] r);\n"
      "  always @(posedge clk) if (en) r <= a;\n"
      "endmodule\n";
  const auto ms = candidates(v, "STUCK");
  CHECK(has_edit(ms, "en", "1'd0"));
  CHECK(has_edit(ms, "en", "1'b1"));
}

TEST_CASE("STUCK never wires a read to a genvar or to a temporary Verilator made", "[mutators][rtl][STUCK]") {
  // The folded if/else below makes Verilator add a same-width __Vdfg temporary to the module;
  // `q` is a genvar of the same width as the integers: neither exists outside its own scope.
  const std::string v =
      "module t(input clk, input [3:0] s, input [63:0] a, output [63:0] y);\n"
      "  integer i, k;\n"
      "  reg [7:0] r [0:7];\n"
      "  always @(posedge clk) for (i = 0; i < 8; i = i + 1) if (s > 2) r[i] <= a[8*i +: 8]; else r[i] <= "
      "8'd0;\n"
      "  genvar q;\n"
      "  generate for (q = 0; q < 8; q = q + 1) begin : g assign y[8*q +: 8] = r[q]; end endgenerate\n"
      "endmodule\n";
  const auto ms = candidates(v, "STUCK");
  CHECK(has_edit(ms, "i", "k"));  // siblings are still wired
  for (const auto& m : ms) {
    INFO(m.description);
    CHECK(m.replacement != "q");
    CHECK(m.replacement.find("__V") == std::string::npos);
  }
}
