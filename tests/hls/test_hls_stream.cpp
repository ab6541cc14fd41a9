// bugforge tests — hls::stream: FIFO order, non-blocking calls, and the deadlock exit on an empty read.
//
// Algorithm: the empty read must terminate the process, so it runs in a fork()ed child whose
// stderr goes to a pipe; the parent checks exit status 86 and the message naming the stream.
#include <catch2/catch.hpp>

#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "ap_int.h"
#include "hls_stream.h"

TEST_CASE("hls::stream keeps FIFO order through every read/write form", "[hls][stream]") {
  hls::stream<ap_uint<12>> s("fifo");
  for (int i = 0; i < 100; ++i) {
    if (i % 3 == 0) s.write(i);
    else if (i % 3 == 1) s << ap_uint<12>(i);
    else REQUIRE(s.write_nb(i));
  }
  REQUIRE(s.size() == 100);
  REQUIRE_FALSE(s.full());
  for (int i = 0; i < 100; ++i) {
    ap_uint<12> v;
    if (i % 4 == 0) v = s.read();
    else if (i % 4 == 1) s.read(v);
    else if (i % 4 == 2) s >> v;
    else REQUIRE(s.read_nb(v));
    REQUIRE(v == i);
  }
  REQUIRE(s.empty());
  ap_uint<12> untouched = 5;
  REQUIRE_FALSE(s.read_nb(untouched));
  REQUIRE(untouched == 5);
}

TEST_CASE("hls::stream read of an empty stream exits 86 with a deadlock message", "[hls][stream]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(fds[1], 2);
    hls::stream<int> s("in_a");
    s.write(1);
    (void)s.read();
    (void)s.read();  // empty: must not return
    _exit(0);
  }
  close(fds[1]);
  std::string err;
  char buf[256];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) err.append(buf, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == hls::kDeadlockExitCode);
  REQUIRE(WEXITSTATUS(status) == 86);
  REQUIRE(err.find("hls::stream 'in_a' read while empty (deadlock in hardware)") != std::string::npos);
}
