// Combinational: the issue's reproduction (a & b); or.v changes it to a | b.
module m(output y, input a, input b);
  assign y = a & b;
endmodule
