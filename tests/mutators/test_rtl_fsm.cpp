// bugforge tests — RTL bug class FSM.
#include "rtl_test_util.h"

using bf::test::candidates;
using bf::test::has_edit;


TEST_CASE("FSM retargets transitions to other state names", "[mutators][rtl][FSM]") {
  const std::string v =
      "module t(input clk, input go, output reg [1:0] st);\n"
      "  localparam [1:0] IDLE = 2'd0, RUN = 2'd1, DONE = 2'd2;\n"
      "  always @(posedge clk)\n"
      "    case (st)\n"
      "      IDLE: begin if (go) st <= RUN; end\n"
      "      RUN: st <= DONE;\n"
      "      default: st <= IDLE;\n"
      "    endcase\n"
      "endmodule\n";
  const auto ms = candidates(v, "FSM");
  CHECK(has_edit(ms, "RUN", "DONE"));
  CHECK(has_edit(ms, "RUN", "IDLE"));
  CHECK(has_edit(ms, "IDLE", "RUN"));
  CHECK(has_edit(ms, "DONE", "RUN"));
  for (const auto& m : ms) CHECK(m.line >= 5);  // never the localparam declaration
}
