// bugforge tools — sandboxed child processes.
//
// Algorithm: fork; in the child, start a new process group, apply rlimits (CPU seconds, address
// space, output file size, core dumps off), chdir to the scratch dir, redirect stdout/stderr to
// pipes and exec. The parent reads both pipes (bounded capture) while polling for exit; past the
// wall-time limit it kills the whole process group (SIGKILL) so grandchildren die too.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace bf::tools {

struct Limits {
  double wall_seconds = 60;
  double cpu_seconds = 0;                   // 0 = wall_seconds + 1
  std::uint64_t memory_bytes = 4ull << 30;  // RLIMIT_AS; 0 = unlimited
  std::uint64_t file_bytes = 256ull << 20;  // RLIMIT_FSIZE
  std::size_t capture_bytes = 64 << 10;     // per stream; the tail is kept
};

struct ProcessResult {
  int exit_code = -1;      // valid when exited
  int signal = 0;          // terminating signal, 0 if exited
  bool timed_out = false;  // killed at the wall-time limit
  std::string out, err;    // captured (tail)
  double seconds = 0;
  bool ok() const { return !timed_out && signal == 0 && exit_code == 0; }
  std::string describe() const;  // "exit 1", "killed by SIGSEGV", "timeout after 5.0 s"
};

// Runs argv[0] (looked up in PATH) with the limits, in `cwd` (empty = current), with extra
// environment entries "K=V" added to the parent's.
ProcessResult run_process(const std::vector<std::string>& argv, const Limits& limits,
                          const std::string& cwd = "", const std::vector<std::string>& env = {});

// A long-lived child spoken to over pipes (Yosys's shell): write commands to `to()`, read its
// stdout and stderr, merged, from `from()`. It runs in its own process group under the memory,
// file-size and core limits of `limits` (no CPU or wall limit: the caller times each exchange
// and calls kill(), which ends the whole group; so does the destructor).
class Session {
 public:
  Session(const std::vector<std::string>& argv, const Limits& limits, const std::string& cwd = "");
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  int to() const { return to_; }
  int from() const { return from_; }
  bool alive() const { return pid_ > 0; }
  void kill();

 private:
  int pid_ = -1, to_ = -1, from_ = -1;
};

// Runs `fn` in a forked child under the same limits; the child's return value is its exit code.
ProcessResult run_forked(const std::function<int()>& fn, const Limits& limits);

}  // namespace bf::tools
