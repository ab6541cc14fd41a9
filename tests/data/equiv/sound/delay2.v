// delay.v with one more register stage: the same values one cycle later.
module stage(input clk, input rst, input in_valid, input [7:0] in_data,
             output reg out_valid, output reg [7:0] out_data);
  reg v1; reg [7:0] d1;
  always @(posedge clk)
    if (rst) begin
      v1 <= 1'b0; d1 <= 8'd0; out_valid <= 1'b0; out_data <= 8'd0;
    end else begin
      v1 <= in_valid; d1 <= in_data; out_valid <= v1; out_data <= d1;
    end
endmodule
