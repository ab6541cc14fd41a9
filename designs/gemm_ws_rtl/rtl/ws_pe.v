// ws_pe — weight-stationary systolic PE: holds one weight, passes activations east and partial
// sums south.
//
// `w_load` latches w_in as the stationary weight. On each enabled cycle:
// psum_out <= psum_in + a_in * weight (signed DW x DW product, sign-extended to AW bits, wraps) and
// a_out <= a_in. Synchronous, active-high reset `rst`.
module ws_pe #(
    parameter integer DW = 8,
    parameter integer AW = 32
) (
    input  wire                 clk,
    input  wire                 rst,
    input  wire                 w_load,
    input  wire signed [DW-1:0] w_in,
    input  wire                 en,
    input  wire signed [DW-1:0] a_in,
    input  wire signed [AW-1:0] psum_in,
    output reg  signed [DW-1:0] a_out,
    output reg  signed [AW-1:0] psum_out
);
  localparam integer PW = 2 * DW;

  reg signed [DW-1:0] weight;
  wire signed [PW-1:0] prod = a_in * weight;

  always @(posedge clk) begin
    if (rst) weight <= {DW{1'b0}};
    else if (w_load) weight <= w_in;
  end

  always @(posedge clk) begin
    if (rst) begin
      a_out    <= {DW{1'b0}};
      psum_out <= {AW{1'b0}};
    end else if (en) begin
      a_out    <= a_in;
      psum_out <= psum_in + {{(AW - PW) {prod[PW-1]}}, prod};
    end
  end
endmodule
