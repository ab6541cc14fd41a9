// os_pe — output-stationary systolic PE: keeps its own C element, passes operands on.
//
// On each enabled cycle: acc += a_in * b_in (signed DW x DW product, sign-extended to AW bits,
// wraps mod 2^AW), and a_in / b_in are registered to a_out (east) / b_out (south) so the
// neighbours see them one cycle later. `clear` zeroes everything (start of a new product) and wins
// over `en`. Synchronous, active-low reset `rst_n`.
module os_pe #(
    parameter integer DW = 8,
    parameter integer AW = 32
) (
    input  wire                 clk,
    input  wire                 rst_n,
    input  wire                 clear,
    input  wire                 en,
    input  wire signed [DW-1:0] a_in,
    input  wire signed [DW-1:0] b_in,
    output reg  signed [DW-1:0] a_out,
    output reg  signed [DW-1:0] b_out,
    output reg  signed [AW-1:0] acc
);
  localparam integer PW = 2 * DW;
  wire signed [PW-1:0] prod = a_in * b_in;  // both operands signed: signed multiply

  always @(posedge clk) begin
    if (!rst_n || clear) begin
      a_out <= {DW{1'b0}};
      b_out <= {DW{1'b0}};
      acc   <= {AW{1'b0}};
    end else if (en) begin
      a_out <= a_in;
      b_out <= b_in;
      acc   <= acc + {{(AW - PW) {prod[PW-1]}}, prod};
    end
  end
endmodule
