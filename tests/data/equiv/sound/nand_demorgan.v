// Equivalent to and.v by De Morgan: must still be proven.
module m(output y, input a, input b);
  assign y = ~(~a | ~b);
endmodule
