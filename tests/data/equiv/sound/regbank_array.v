// regbank.v with the four registers as an array: equivalent, must be proven.
module regbank(input clk, input rst, input we, input [1:0] waddr, input [7:0] wdata,
               input [1:0] raddr, output reg [7:0] rdata);
  reg [7:0] r [0:3];
  integer i;
  always @(posedge clk) begin
    if (rst) begin
      for (i = 0; i < 4; i = i + 1) r[i] <= 8'd0;
      rdata <= 8'd0;
    end else begin
      if (we) r[waddr] <= wdata;
      rdata <= r[raddr];
    end
  end
endmodule
