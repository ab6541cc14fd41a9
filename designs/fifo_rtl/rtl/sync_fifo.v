// sync_fifo — single-clock FIFO, DEPTH = 2**AW entries of W bits, first-word fall-through.
//
// Interface: write side s_valid/s_ready/s_data, read side m_valid/m_ready/m_data (a beat moves on
// a rising edge where valid && ready). s_ready = !full, m_valid = !empty; m_data shows the head
// entry combinationally, so a written word can be read the cycle after it was accepted.
// Synchronous, active-high reset `rst` clears the pointers and the storage.
// Pointers carry one extra wrap bit: equal pointers = empty; equal except the wrap bit = full.
module sync_fifo #(
    parameter integer W  = 8,  // data width
    parameter integer AW = 3   // address bits; DEPTH = 2**AW
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         s_valid,
    output wire         s_ready,
    input  wire [W-1:0] s_data,
    output wire         m_valid,
    input  wire         m_ready,
    output wire [W-1:0] m_data,
    output wire [AW:0]  count      // occupancy, 0..DEPTH
);
  localparam integer DEPTH = 1 << AW;

  // mem2reg: flatten to plain registers in Yosys (no $mem cell), which keeps formal checks simple.
  (* mem2reg *) reg [W-1:0] mem[0:DEPTH-1];
  reg [AW:0]  wr_ptr, rd_ptr;

  wire empty = (wr_ptr == rd_ptr);
  wire full  = (wr_ptr[AW] != rd_ptr[AW]) && (wr_ptr[AW-1:0] == rd_ptr[AW-1:0]);

  assign s_ready = !full;
  assign m_valid = !empty;
  assign m_data  = mem[rd_ptr[AW-1:0]];
  assign count   = wr_ptr - rd_ptr;

  wire do_wr = s_valid && !full;
  wire do_rd = m_ready && !empty;

  integer i;
  always @(posedge clk) begin
    if (rst) begin
      wr_ptr <= {(AW + 1) {1'b0}};
      rd_ptr <= {(AW + 1) {1'b0}};
      // Storage is cleared too so that m_data is a function of the inputs alone (formal equivalence
      // checks compare it even while m_valid is low).
      for (i = 0; i < DEPTH; i = i + 1) mem[i] <= {W{1'b0}};
    end else begin
      if (do_wr) begin
        mem[wr_ptr[AW-1:0]] <= s_data;
        wr_ptr <= wr_ptr + 1'b1;
      end
      if (do_rd) rd_ptr <= rd_ptr + 1'b1;
    end
  end
endmodule
