// gemv_defs.vh — state encoding of gemv_mem (included, to exercise include resolution).
localparam IDLE = 3'd0, ISSUE = 3'd1, WAIT = 3'd2, ACC = 3'd3, WRITE = 3'd4;
