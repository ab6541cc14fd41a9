// 3-to-8 decoder with enable, written as a case statement (combinational, one-hot outputs).
module dec3to8(input en, input A, input B, input C, output reg [7:0] Y);
  always @(*) begin
    Y = 8'b0000_0000;
    if (en)
      case ({A, B, C})
        3'd0: Y = 8'b0000_0001;
        3'd1: Y = 8'b0000_0010;
        3'd2: Y = 8'b0000_0100;
        3'd3: Y = 8'b0000_1000;
        3'd4: Y = 8'b0001_0000;
        3'd5: Y = 8'b0010_0000;
        3'd6: Y = 8'b0100_0000;
        3'd7: Y = 8'b1000_0000;
      endcase
  end
endmodule
