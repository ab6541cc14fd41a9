// Tests of the sandboxed process runner: exit codes, capture, signals, wall-time kills of the whole
// process group, rlimits, environment and working folder, and run_forked.
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>

#include "bugforge/tools/process.h"

using bf::tools::Limits;
using bf::tools::run_forked;
using bf::tools::run_process;

namespace {

Limits quick(double wall = 20) {
  Limits l;
  l.wall_seconds = wall;
  return l;
}

// True once `pid` no longer runs: gone, or a zombie waiting for its (new) parent to reap it.
bool process_dead(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return true;
  const auto close_paren = line.rfind(')');
  return close_paren != std::string::npos && line.size() > close_paren + 2 && line[close_paren + 2] == 'Z';
}

}  // namespace

TEST_CASE("run_process reports the exit code", "[process]") {
  const auto r = run_process({"sh", "-c", "exit 3"}, quick());
  CHECK(r.exit_code == 3);
  CHECK(r.signal == 0);
  CHECK_FALSE(r.timed_out);
  CHECK_FALSE(r.ok());
  CHECK(r.describe() == "exit 3");
  CHECK(run_process({"true"}, quick()).ok());
}

TEST_CASE("run_process captures stdout and stderr separately", "[process]") {
  const auto r = run_process({"sh", "-c", "echo hello; echo oops >&2"}, quick());
  REQUIRE(r.ok());
  CHECK(r.out == "hello\n");
  CHECK(r.err == "oops\n");
}

TEST_CASE("run_process keeps only the tail of long output", "[process]") {
  Limits l = quick();
  l.capture_bytes = 1000;
  const auto r = run_process({"sh", "-c", "head -c 200000 /dev/zero | tr '\\0' a; echo END"}, l);
  REQUIRE(r.ok());
  CHECK(r.out.size() == 1000);
  CHECK(r.out.substr(r.out.size() - 4) == "END\n");
}

TEST_CASE("run_process reports a crash by signal", "[process]") {
  const auto segv = run_process({"sh", "-c", "kill -SEGV $$"}, quick());
  CHECK(segv.signal == SIGSEGV);
  CHECK(segv.describe() == "killed by SIGSEGV");
  const auto abrt = run_process({"sh", "-c", "kill -ABRT $$"}, quick());
  CHECK(abrt.signal == SIGABRT);
  CHECK_FALSE(abrt.ok());
}

TEST_CASE("run_process kills the whole process group at the wall-time limit", "[process]") {
  // The shell prints the pid of a background grandchild, then waits far past the limit.
  const auto r = run_process({"sh", "-c", "sleep 100 & echo $!; sleep 100"}, quick(0.5));
  CHECK(r.timed_out);
  CHECK(r.describe().rfind("timeout after", 0) == 0);
  CHECK(r.seconds < 30);  // far below the 100 s the children would sleep
  const pid_t grandchild = static_cast<pid_t>(std::atol(r.out.c_str()));
  REQUIRE(grandchild > 0);
  bool dead = false;
  for (int i = 0; i < 200 && !dead; ++i) {
    dead = process_dead(grandchild);
    if (!dead) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(dead);
}

TEST_CASE("run_process kills background children left after a normal exit", "[process]") {
  const auto r = run_process({"sh", "-c", "sleep 100 & echo $!"}, quick());
  CHECK(r.ok());
  const pid_t grandchild = static_cast<pid_t>(std::atol(r.out.c_str()));
  REQUIRE(grandchild > 0);
  bool dead = false;
  for (int i = 0; i < 200 && !dead; ++i) {
    dead = process_dead(grandchild);
    if (!dead) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(dead);
}

TEST_CASE("run_process runs in the given folder with extra environment", "[process]") {
  const auto r = run_process({"sh", "-c", "pwd; echo $BF_TEST_VALUE"}, quick(), "/", {"BF_TEST_VALUE=42"});
  REQUIRE(r.ok());
  CHECK(r.out == "/\n42\n");
}

TEST_CASE("run_process reports a program that cannot be executed", "[process]") {
  const auto r = run_process({"/nonexistent/bugforge-no-such-program"}, quick());
  CHECK(r.exit_code == 127);
  CHECK(r.err.find("cannot execute") != std::string::npos);
}

TEST_CASE("run_process applies the file-size limit", "[process]") {
  Limits l = quick();
  l.file_bytes = 4096;
  char dir[] = "/tmp/bf-proc-XXXXXX";
  REQUIRE(mkdtemp(dir));
  const auto r = run_process({"sh", "-c", "head -c 100000 /dev/zero > big"}, l, dir);
  CHECK_FALSE(r.ok());
  std::ifstream big(std::string(dir) + "/big", std::ios::ate | std::ios::binary);
  CHECK(static_cast<long>(big.tellg()) <= 4096);
  std::remove((std::string(dir) + "/big").c_str());
  rmdir(dir);
}

TEST_CASE("run_forked returns the function's value as exit code and captures output", "[process]") {
  const auto r = run_forked(
      [] {
        std::printf("from child");
        return 7;
      },
      quick());
  CHECK(r.exit_code == 7);
  CHECK(r.out == "from child");
}

TEST_CASE("run_forked reports an abort as a signal", "[process]") {
  const auto r = run_forked([]() -> int { std::abort(); }, quick());
  CHECK(r.signal == SIGABRT);
  CHECK(r.describe() == "killed by SIGABRT");
}

TEST_CASE("the memory limit makes a large allocation fail", "[process]") {
  Limits l = quick();
  l.memory_bytes = 128ull << 20;
  const auto big = [] {
    void* p = std::malloc(std::size_t{384} << 20);
    if (!p) return 0;
    std::memset(p, 1, std::size_t{384} << 20);
    std::free(p);
    return 1;
  };
  CHECK(run_forked(big, l).exit_code == 0);
  l.memory_bytes = 0;  // unlimited: the same allocation succeeds
  CHECK(run_forked(big, l).exit_code == 1);
}

TEST_CASE("run_forked times out a function that never returns", "[process]") {
  const auto r = run_forked(
      [] {
        for (;;) pause();
        return 0;
      },
      quick(0.3));
  CHECK(r.timed_out);
  CHECK_FALSE(r.ok());
}

TEST_CASE("a child spinning past its CPU-time limit is a timeout not a crash", "[process]") {
  Limits l;
  l.wall_seconds = 30;  // only the CPU limit can stop it in time
  l.cpu_seconds = 1;
  const auto r = run_process({"sh", "-c", "while :; do :; done"}, l);
  CHECK(r.timed_out);
  CHECK(r.signal == SIGXCPU);
  CHECK(r.seconds < 10);
}

TEST_CASE("Session: a long-lived child answers over its pipes and kill() ends it", "[process]") {
  bf::tools::Session s({"sh", "-c", "while read l; do echo \"got $l\"; done"}, quick());
  REQUIRE(s.alive());
  const std::string line = "ping\n";
  REQUIRE(write(s.to(), line.data(), line.size()) == static_cast<ssize_t>(line.size()));
  std::string got;
  char buf[64];
  while (got.find('\n') == std::string::npos) {
    const ssize_t n = read(s.from(), buf, sizeof buf);
    REQUIRE(n > 0);
    got.append(buf, static_cast<std::size_t>(n));
  }
  CHECK(got == "got ping\n");
  s.kill();
  CHECK_FALSE(s.alive());
}

TEST_CASE("Session: a program that is not there exits 127 with a message", "[process]") {
  bf::tools::Session s({"bf-no-such-program"}, quick());
  std::string got;
  char buf[256];
  for (ssize_t n; (n = read(s.from(), buf, sizeof buf)) > 0;) got.append(buf, static_cast<std::size_t>(n));
  CHECK(got.find("cannot execute bf-no-such-program") != std::string::npos);
}
