// Register bank: write port (we, waddr, wdata), read port (raddr -> rdata, registered).
module regbank(input clk, input rst, input we, input [1:0] waddr, input [7:0] wdata,
               input [1:0] raddr, output reg [7:0] rdata);
  reg [7:0] r0, r1, r2, r3;
  always @(posedge clk) begin
    if (rst) begin
      r0 <= 8'd0; r1 <= 8'd0; r2 <= 8'd0; r3 <= 8'd0; rdata <= 8'd0;
    end else begin
      if (we)
        case (waddr)
          2'd0: r0 <= wdata;
          2'd1: r1 <= wdata;
          2'd2: r2 <= wdata;
          2'd3: r3 <= wdata;
        endcase
      case (raddr)
        2'd0: rdata <= r0;
        2'd1: rdata <= r1;
        2'd2: rdata <= r2;
        2'd3: rdata <= r3;
      endcase
    end
  end
endmodule
