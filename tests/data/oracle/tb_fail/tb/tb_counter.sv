// tb_counter — self-checking testbench of counter: reset, 20 enabled cycles (one wrap), hold.
// Checks with $error, writes "cycle q wrap" lines to out.txt and prints TEST PASSED at the end.
module tb_counter;
  reg clk = 0, rst = 1, en = 0;
  wire [3:0] q;
  wire wrap;
  integer i, fd;

  counter dut (.clk(clk), .rst(rst), .en(en), .q(q), .wrap(wrap));

  always #5 clk = ~clk;

  initial begin
    fd = $fopen("out.txt", "w");
    @(posedge clk); @(posedge clk); #1 rst = 0;
    if (q !== 4'd0) $error("after reset q = %0d, expected 0", q);
    en = 1;
    for (i = 1; i <= 20; i = i + 1) begin
      @(posedge clk); #1;
      if (q !== i[3:0]) $error("after %0d enabled cycles q = %0d, expected %0d", i, q, i % 16);
      $fdisplay(fd, "%0d %h %b", i, q, wrap);
    end
    en = 0;
    @(posedge clk); #1;
    if (q !== 4'd4) $error("q = %0d while disabled, expected 4", q);
    $fclose(fd);
    $display("TEST PASSED");
    $finish;
  end
endmodule
