// A constant inside a concatenation.
module cat(input [3:0] a, input [2:0] b, output [7:0] y);
  assign y = {a, 1'b0, b};
endmodule
