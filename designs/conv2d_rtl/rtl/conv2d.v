// conv2d — int8 valid 2-D convolution (cross-correlation, stride 1) with a COUT-wide MAC array.
//   Y[co][oy][ox] = sum_{ci,ky,kx} X[ci][oy+ky][ox+kx] * Wt[co][ci][ky][kx]   (int32)
// Interface (block protocol): start pulse; done stays high from completion until the next start.
//   X  : read port x_addr -> x_rdata, 1-cycle latency (block RAM), X row-major [CIN][H][W]
//   Wt : flat bus w_flat, element i (row-major [COUT][CIN][KH][KW]) at bits [8i +: 8]
//   Y  : write port y_we/y_addr/y_wdata, Y row-major [COUT][OH][OW]
// Schedule: for each output pixel the FSM walks the CIN*KH*KW taps, reading one input pixel
// per cycle; each pixel read feeds COUT multipliers at once (all output channels share it).
// After the last tap's data arrives (DRAIN), the COUT sums are written one per cycle.
// Timing: (CIN*KH*KW + 1 + COUT) cycles per output pixel.
module conv2d #(
  parameter CIN  = 2,
  parameter COUT = 2,
  parameter H    = 6,
  parameter W    = 6,
  parameter KH   = 3,
  parameter KW   = 3
) (
  input  wire                          clk,
  input  wire                          rst,
  input  wire                          start,
  output wire                          done,
  output wire [XA-1:0]                 x_addr,
  input  wire signed [7:0]             x_rdata,
  input  wire [COUT*CIN*KH*KW*8-1:0]   w_flat,
  output wire                          y_we,
  output wire [YA-1:0]                 y_addr,
  output wire signed [31:0]            y_wdata
);
  localparam OH   = H - KH + 1;
  localparam OW   = W - KW + 1;
  localparam TAPS = CIN * KH * KW;
  localparam XA   = $clog2(CIN * H * W);
  localparam YA   = $clog2(COUT * OH * OW);
  localparam CW   = 8;                          // loop counter width (sizes here are small)
  localparam COW  = (COUT > 1) ? $clog2(COUT) : 1;
  // Last values of each loop, compared through a part-select of counter width.
  localparam [31:0] CI_LAST = CIN - 1, KY_LAST = KH - 1, KX_LAST = KW - 1;
  localparam [31:0] OY_LAST = OH - 1,  OX_LAST = OW - 1, CO_LAST = COUT - 1;

  localparam S_IDLE = 3'd0, S_RUN = 3'd1, S_DRAIN = 3'd2, S_WRITE = 3'd3, S_DONE = 3'd4;
  reg [2:0] state;

  reg [CW-1:0] oy, ox;          // output pixel
  reg [CW-1:0] ci, ky, kx;      // tap being addressed
  reg [CW-1:0] t;               // tap index ci*KH*KW + ky*KW + kx
  reg [COW-1:0] co;             // output channel being written
  reg          rd_valid;        // x_rdata holds the pixel of tap rd_t this cycle
  reg [CW-1:0] rd_t;
  reg signed [31:0] acc [0:COUT-1];

  wire tap_last = (ci == CI_LAST[CW-1:0]) && (ky == KY_LAST[CW-1:0]) && (kx == KX_LAST[CW-1:0]);
  wire pix_last = (oy == OY_LAST[CW-1:0]) && (ox == OX_LAST[CW-1:0]);

  /* verilator lint_off UNUSEDSIGNAL */
  // Address arithmetic in 32 bits (counters zero-extended), then cut to the port width.
  wire [31:0] oy32 = {{(32-CW){1'b0}}, oy}, ox32 = {{(32-CW){1'b0}}, ox};
  wire [31:0] ky32 = {{(32-CW){1'b0}}, ky}, kx32 = {{(32-CW){1'b0}}, kx};
  wire [31:0] ci32 = {{(32-CW){1'b0}}, ci}, co32 = {{(32-COW){1'b0}}, co};
  wire [31:0] rdt32 = {{(32-CW){1'b0}}, rd_t};
  wire [31:0] xa_full = ci32 * (H * W) + (oy32 + ky32) * W + (ox32 + kx32);
  wire [31:0] ya_full = co32 * (OH * OW) + oy32 * OW + ox32;
  /* verilator lint_on UNUSEDSIGNAL */
  assign x_addr = xa_full[XA-1:0];

  // MAC array: one multiplier per output channel, all fed by the same input pixel.
  wire signed [31:0] prod [0:COUT-1];
  genvar g;
  generate
    for (g = 0; g < COUT; g = g + 1) begin : g_mac
      wire signed [7:0] wv = w_flat[(g*TAPS + rdt32)*8 +: 8];
      assign prod[g] = wv * x_rdata;
    end
  endgenerate

  integer i;
  always @(posedge clk) begin
    if (rst) begin
      state <= S_IDLE;
      oy <= 0; ox <= 0; ci <= 0; ky <= 0; kx <= 0; t <= 0; co <= 0;
      rd_valid <= 1'b0; rd_t <= 0;
      for (i = 0; i < COUT; i = i + 1) acc[i] <= 32'sd0;
    end else begin
      // Data of the tap addressed last cycle: accumulate into every output channel.
      rd_valid <= (state == S_RUN);
      rd_t     <= t;
      if (rd_valid)
        for (i = 0; i < COUT; i = i + 1) acc[i] <= acc[i] + prod[i];

      case (state)
        S_IDLE, S_DONE: if (start) begin
          oy <= 0; ox <= 0; ci <= 0; ky <= 0; kx <= 0; t <= 0; co <= 0;
          for (i = 0; i < COUT; i = i + 1) acc[i] <= 32'sd0;
          state <= S_RUN;
        end
        S_RUN: begin
          t <= t + 1'b1;
          if (kx != KX_LAST[CW-1:0]) kx <= kx + 1'b1;
          else begin
            kx <= 0;
            if (ky != KY_LAST[CW-1:0]) ky <= ky + 1'b1;
            else begin
              ky <= 0;
              ci <= ci + 1'b1;   // wraps to 0 below when this was the last tap
            end
          end
          if (tap_last) begin
            ci <= 0;
            state <= S_DRAIN;
          end
        end
        S_DRAIN: begin           // the last tap's pixel is on x_rdata now
          co <= 0;
          state <= S_WRITE;
        end
        S_WRITE: begin           // y_we is high: acc[co] is written this cycle
          if (co != CO_LAST[COW-1:0]) co <= co + 1'b1;
          else begin
            for (i = 0; i < COUT; i = i + 1) acc[i] <= 32'sd0;
            t <= 0;
            if (ox != OX_LAST[CW-1:0]) ox <= ox + 1'b1;
            else begin
              ox <= 0;
              oy <= oy + 1'b1;
            end
            state <= pix_last ? S_DONE : S_RUN;
          end
        end
        default: state <= S_IDLE;
      endcase
    end
  end

  assign done    = (state == S_DONE);
  assign y_we    = (state == S_WRITE);
  assign y_addr  = ya_full[YA-1:0];
  assign y_wdata = acc[co];
endmodule
