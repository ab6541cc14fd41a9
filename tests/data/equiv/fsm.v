// fsm — three-state controller (IDLE -> RUN for `len` cycles -> DONE -> IDLE), binary encoding.
module fsm (
    input  wire       clk,
    input  wire       rst,
    input  wire       start,
    input  wire [3:0] len,
    output wire       busy,
    output wire       done
);
  localparam [1:0] IDLE = 2'd0, RUN = 2'd1, DONE = 2'd2;
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
        IDLE: if (start) begin state <= RUN; left <= len; end
        RUN:  if (left == 4'd0) state <= DONE; else left <= left - 4'd1;
        DONE: state <= IDLE;
        default: state <= IDLE;
      endcase
    end
  end
endmodule
