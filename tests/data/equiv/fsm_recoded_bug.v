// fsm — re-encoded states (as fsm_recoded.v) plus a real bug: len 3 runs one cycle short.
module fsm (
    input  wire       clk,
    input  wire       rst,
    input  wire       start,
    input  wire [3:0] len,
    output wire       busy,
    output wire       done
);
  localparam [1:0] IDLE = 2'd0, RUN = 2'd2, DONE = 2'd3;
  reg [1:0] state;
  reg [3:0] left;
  assign busy = state == RUN;
  assign done = state == DONE;
  always @(posedge clk) begin
    if (rst) begin
      state <= IDLE;
      left  <= 4'd0;
    end else begin
      case (state)
        IDLE: if (start) begin state <= RUN; left <= len == 4'd3 ? 4'd2 : len; end
        RUN:  if (left == 4'd0) state <= DONE; else left <= left - 4'd1;
        DONE: state <= IDLE;
        default: state <= IDLE;
      endcase
    end
  end
endmodule
