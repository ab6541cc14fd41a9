// The same decoder as a shift: equivalent to decoder.v, must be proven.
module dec3to8(input en, input A, input B, input C, output [7:0] Y);
  assign Y = en ? (8'd1 << {A, B, C}) : 8'd0;
endmodule
