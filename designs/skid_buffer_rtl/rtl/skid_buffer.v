// skid_buffer — two-entry pipeline register with a registered ready (breaks the ready path).
//
// Passes every input word unchanged and in order: y = x. Interface: input stream
// s_valid/s_ready/s_data, output stream m_valid/m_ready/m_data; a beat moves on a rising edge
// where valid && ready. Outputs come straight from flops: m_valid/m_data from the main register,
// s_ready from the skid register's state (s_ready = !skid_valid), so no combinational path runs
// from m_ready to s_ready. When the output stalls, the word that was already in flight (accepted
// because s_ready was still high) is parked in the skid register. Latency 1 cycle, full throughput.
// Synchronous, active-low reset `rst_n`.
module skid_buffer #(
    parameter integer W = 8
) (
    input  wire         clk,
    input  wire         rst_n,
    input  wire         s_valid,
    output wire         s_ready,
    input  wire [W-1:0] s_data,
    output reg          m_valid,
    input  wire         m_ready,
    output reg  [W-1:0] m_data
);
  reg         skid_valid;
  reg [W-1:0] skid_data;

  assign s_ready = !skid_valid;

  wire in_fire  = s_valid && s_ready;
  wire out_free = !m_valid || m_ready;  // main register is empty or being read this cycle

  always @(posedge clk) begin
    if (!rst_n) begin
      m_valid    <= 1'b0;
      m_data     <= {W{1'b0}};
      skid_valid <= 1'b0;
      skid_data  <= {W{1'b0}};
    end else if (out_free) begin
      if (skid_valid) begin
        // Refill the main register from the skid register first to keep order.
        m_valid    <= 1'b1;
        m_data     <= skid_data;
        skid_valid <= 1'b0;
      end else begin
        m_valid <= in_fire;
        if (in_fire) m_data <= s_data;
      end
    end else if (in_fire) begin
      // Output stalled but a word was accepted: park it.
      skid_valid <= 1'b1;
      skid_data  <= s_data;
    end
  end
endmodule
