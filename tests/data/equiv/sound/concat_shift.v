// {a, 1'b0, b} written with shifts and an or: equivalent to concat.v.
module cat(input [3:0] a, input [2:0] b, output [7:0] y);
  assign y = ({4'd0, a} << 4) | {5'd0, b};
endmodule
