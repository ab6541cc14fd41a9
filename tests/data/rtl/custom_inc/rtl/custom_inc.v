// custom_inc — registered y = x, or y = x + 1 when the simulator runs with +bf_mutant=1.
module custom_inc (
  input            clk,
  input      [7:0] x,
  output reg [7:0] y
);
  integer mutant;
  initial begin
    if (!$value$plusargs("bf_mutant=%d", mutant)) mutant = 0;
  end
  always @(posedge clk) y <= x + ((mutant == 1) ? 8'd1 : 8'd0);
endmodule
