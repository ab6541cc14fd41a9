// gemv_mem — y = A*x: A from a memory with 1-cycle read latency, y to an output memory.
// Per element: ISSUE puts the address out, WAIT lets the memory answer, ACC accumulates.
module gemv_mem #(parameter M = 2, K = 3) (
  input                clk,
  input                rst,
  input                start,
  output reg           done,
  output reg [7:0]     a_addr,
  input      [7:0]     a_rdata,
  input      [8*K-1:0] x_flat,
  output reg           y_we,
  output reg [7:0]     y_addr,
  output reg [31:0]    y_wdata
);
`include "gemv_defs.vh"
  reg [2:0] st;
  reg [7:0] m, k;
  reg [31:0] acc;
  wire signed [15:0] prod = $signed(a_rdata) * $signed(x_flat[k*8 +: 8]);
  always @(posedge clk) begin
    if (rst) begin
      st <= IDLE; done <= 0; y_we <= 0; a_addr <= 0; y_addr <= 0; y_wdata <= 0; m <= 0; k <= 0; acc <= 0;
    end else begin
      done <= 0;
      y_we <= 0;
      case (st)
        IDLE:  if (start) begin m <= 0; k <= 0; acc <= 0; st <= ISSUE; end
        ISSUE: begin a_addr <= m * K + k; st <= WAIT; end
        WAIT:  st <= ACC;
        ACC:   begin
                 acc <= acc + {{16{prod[15]}}, prod};
                 if (k == K - 1) st <= WRITE; else begin k <= k + 1; st <= ISSUE; end
               end
        WRITE: begin
                 y_we <= 1; y_addr <= m; y_wdata <= acc; acc <= 0; k <= 0;
                 if (m == M - 1) begin st <= IDLE; done <= 1; end
                 else begin m <= m + 1; st <= ISSUE; end
               end
        default: st <= IDLE;
      endcase
    end
  end
endmodule
