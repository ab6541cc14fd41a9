// A valid/data pipeline stage with one-cycle latency.
module stage(input clk, input rst, input in_valid, input [7:0] in_data,
             output reg out_valid, output reg [7:0] out_data);
  always @(posedge clk)
    if (rst) begin
      out_valid <= 1'b0; out_data <= 8'd0;
    end else begin
      out_valid <= in_valid; out_data <= in_data;
    end
endmodule
