// mac_pe — one multiply-accumulate processing element with stream handshakes.
//
// Computes the running sum y[n] = sum_{i<=n} a[i]*b[i] of two signed DW-bit streams into a signed
// AW-bit accumulator (wraps mod 2^AW). The accumulator is cleared only by reset.
//
// Interface: two input streams a and b (each valid/ready; an element is consumed only when both
// carry a beat, so the streams are joined), one output stream y (valid/ready). Synchronous,
// active-high reset `rst`.
// Timing: 2-stage pipeline (stage 1 registers the product, stage 2 accumulates into the output
// register), so a joined input beat shows up on y two cycles later; full throughput, and each
// stage holds its data while the stage after it is stalled.
module mac_pe #(
    parameter integer DW = 8,   // operand width (signed)
    parameter integer AW = 32   // accumulator / output width
) (
    input  wire          clk,
    input  wire          rst,
    // stream a
    input  wire          a_valid,
    output wire          a_ready,
    input  wire [DW-1:0] a_data,
    // stream b
    input  wire          b_valid,
    output wire          b_ready,
    input  wire [DW-1:0] b_data,
    // stream y
    output reg           y_valid,
    input  wire          y_ready,
    output reg  [AW-1:0] y_data
);
  localparam integer PW = 2 * DW;  // exact width of a DW x DW signed product

  // Stage 1: product register.
  reg          p_valid;
  reg [PW-1:0] p_data;

  // A stage may load when its register is empty or is being emptied this cycle.
  wire s2_load = !y_valid || y_ready;
  wire s1_load = !p_valid || s2_load;

  // Join: take a beat only when both operands are present and stage 1 can take it.
  wire in_fire = a_valid && b_valid && s1_load;
  assign a_ready = b_valid && s1_load;
  assign b_ready = a_valid && s1_load;

  wire signed [PW-1:0] product = $signed(a_data) * $signed(b_data);

  always @(posedge clk) begin
    if (rst) begin
      p_valid <= 1'b0;
      p_data  <= {PW{1'b0}};
    end else if (s1_load) begin
      p_valid <= in_fire;
      if (in_fire) p_data <= product;
    end
  end

  // Stage 2: the output register is the accumulator (running sum), sign-extending the product.
  always @(posedge clk) begin
    if (rst) begin
      y_valid <= 1'b0;
      y_data  <= {AW{1'b0}};
    end else if (s2_load) begin
      y_valid <= p_valid;
      if (p_valid) y_data <= y_data + {{(AW - PW) {p_data[PW-1]}}, p_data};
    end
  end
endmodule
