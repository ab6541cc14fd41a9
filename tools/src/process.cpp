// bugforge tools — sandboxed child processes (see process.h).
//
// Algorithm: everything the child needs (argv, envp, limits) is prepared before fork so that the
// child only makes async-signal-safe calls. The child starts its own process group, applies the
// rlimits, wires stdin to /dev/null and stdout/stderr to pipes, then execs (run_process) or calls
// the function and _exits (run_forked). The parent polls both pipes, keeping only the tail of each,
// and checks the child with waitpid(WNOHANG); at the wall-time limit it SIGKILLs the whole group.
// Once the child is reaped, leftovers of the group are killed too, so nothing outlives the call.
#include "bugforge/tools/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "bugforge/core/diagnostic.h"

extern char** environ;

namespace bf::tools {

namespace {

using Clock = std::chrono::steady_clock;

// Set in the child only; async-signal-safe.
void set_limit(int resource, std::uint64_t value) {
  if (value == 0) return;
  const rlimit r{static_cast<rlim_t>(value), static_cast<rlim_t>(value)};
  setrlimit(resource, &r);
}

std::uint64_t cpu_limit_seconds(const Limits& l) {
  const double s = l.cpu_seconds > 0 ? l.cpu_seconds : l.wall_seconds + 1;
  return static_cast<std::uint64_t>(std::ceil(std::max(1.0, s)));
}

void write_all(int fd, const char* s) {
  std::size_t n = strlen(s);
  while (n > 0) {
    const ssize_t w = write(fd, s, n);
    if (w <= 0) return;
    s += w;
    n -= static_cast<std::size_t>(w);
  }
}

// Child side of every entry point: group, limits, standard streams (stdin from `in_fd`, or
// /dev/null when it is -1). `cpu` false: no CPU limit (a session lives across many exchanges).
// Returns false on failure.
bool setup_child(const Limits& l, int in_fd, int out_fd, int err_fd, bool cpu = true) {
  setpgid(0, 0);
  // Hard limit a second past the soft one: the child first gets SIGXCPU (a timeout, see
  // record_status); with equal limits the kernel sends SIGKILL at once, which reads as a crash.
  if (cpu) {
    const rlim_t secs = static_cast<rlim_t>(cpu_limit_seconds(l));
    const rlimit cpu_limit{secs, secs + 1};
    setrlimit(RLIMIT_CPU, &cpu_limit);
  }
  set_limit(RLIMIT_AS, l.memory_bytes);
  set_limit(RLIMIT_FSIZE, l.file_bytes);
  const rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  const int stdin_fd = in_fd >= 0 ? in_fd : open("/dev/null", O_RDONLY);
  if (stdin_fd < 0 || dup2(stdin_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) return false;
  if (in_fd < 0) close(stdin_fd);
  return true;
}

// The child's exec: chdir to `cwd` (unless empty) and exec argv; only returns by _exit.
[[noreturn]] void exec_in(const std::string& cwd, const std::vector<char*>& args,
                          const std::vector<char*>& env) {
  if (!cwd.empty() && chdir(cwd.c_str()) != 0) {
    write_all(2, "bugforge: cannot chdir to the scratch directory\n");
    _exit(127);
  }
  execvpe(args[0], args.data(), env.data());
  write_all(2, "bugforge: cannot execute ");
  write_all(2, args[0]);
  write_all(2, "\n");
  _exit(127);
}

struct Pipes {
  int out[2] = {-1, -1};
  int err[2] = {-1, -1};
  Pipes() {
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0)
      throw Error("BF-PROC-001", fmt::format("expected pipe2 to succeed: {}", strerror(errno)));
  }
  ~Pipes() {
    for (int fd : {out[0], out[1], err[0], err[1]})
      if (fd >= 0) close(fd);
  }
  void close_write_ends() {
    close(out[1]);
    close(err[1]);
    out[1] = err[1] = -1;
  }
};

// Appends to a capture buffer, keeping at most `cap` bytes (the tail).
void append_tail(std::string& buf, const char* data, std::size_t n, std::size_t cap) {
  buf.append(data, n);
  if (buf.size() > 2 * cap + 4096) buf.erase(0, buf.size() - cap);
}

// Reads what is available on the open pipes for up to `wait_ms`; closes a pipe at EOF.
void pump(int fds[2], std::string* bufs[2], std::size_t cap, int wait_ms) {
  pollfd p[2];
  int n = 0;
  int which[2];
  for (int i = 0; i < 2; ++i)
    if (fds[i] >= 0) {
      p[n] = pollfd{fds[i], POLLIN, 0};
      which[n++] = i;
    }
  if (n == 0) {
    if (wait_ms > 0) usleep(static_cast<useconds_t>(wait_ms) * 1000);
    return;
  }
  if (poll(p, static_cast<nfds_t>(n), wait_ms) <= 0) return;
  char chunk[16384];
  for (int j = 0; j < n; ++j) {
    if (!(p[j].revents & (POLLIN | POLLHUP | POLLERR))) continue;
    const ssize_t r = read(p[j].fd, chunk, sizeof chunk);
    if (r > 0) {
      append_tail(*bufs[which[j]], chunk, static_cast<std::size_t>(r), cap);
    } else if (r == 0 || errno != EINTR) {
      close(fds[which[j]]);
      fds[which[j]] = -1;
    }
  }
}

void trim_tail(std::string& s, std::size_t cap) {
  if (s.size() > cap) s.erase(0, s.size() - cap);
}

void record_status(ProcessResult& r, int status) {
  if (WIFEXITED(status)) {
    r.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    r.signal = WTERMSIG(status);
    // The CPU-time rlimit is a time limit too: SIGXCPU (soft) or SIGKILL past the hard limit.
    if (r.signal == SIGXCPU) r.timed_out = true;
  }
}

// Parent side: capture output, enforce the wall-time limit, reap, kill leftovers of the group.
ProcessResult supervise(pid_t pid, Pipes& pipes, const Limits& l) {
  setpgid(pid, pid);  // also done by the child; whichever runs first wins the race
  pipes.close_write_ends();
  ProcessResult r;
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::duration<double>(l.wall_seconds);
  int fds[2] = {pipes.out[0], pipes.err[0]};
  pipes.out[0] = pipes.err[0] = -1;  // owned by `fds` now
  std::string* bufs[2] = {&r.out, &r.err};
  bool reaped = false;
  while (!reaped) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      kill(-pid, SIGKILL);
      int status = 0;
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      r.timed_out = true;
      reaped = true;
      break;
    }
    pump(fds, bufs, l.capture_bytes, static_cast<int>(std::min<long long>(left.count(), 20)));
    siginfo_t info{};
    // WNOWAIT keeps the zombie, so its pid (the group id) cannot be reused before the kill below.
    if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
        info.si_pid == pid) {
      kill(-pid, SIGKILL);  // grandchildren left behind (e.g. `cmd &`) die with the group
      int status = 0;
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      record_status(r, status);
      reaped = true;
    }
  }
  for (int i = 0; i < 50 && (fds[0] >= 0 || fds[1] >= 0); ++i) pump(fds, bufs, l.capture_bytes, 10);
  for (int fd : fds)
    if (fd >= 0) close(fd);
  trim_tail(r.out, l.capture_bytes);
  trim_tail(r.err, l.capture_bytes);
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return r;
}

// "K=V" entries of the parent's environment with `extra` added (an extra key replaces).
std::vector<std::string> merged_env(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  const auto key_of = [](const std::string& kv) { return kv.substr(0, kv.find('=')); };
  for (char** e = environ; e && *e; ++e) {
    const std::string kv = *e;
    const bool replaced = std::any_of(extra.begin(), extra.end(),
                                      [&](const std::string& x) { return key_of(x) == key_of(kv); });
    if (!replaced) env.push_back(kv);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& v) {
  std::vector<char*> out;
  for (auto& s : v) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

pid_t checked_fork() {
  std::fflush(nullptr);  // do not duplicate buffered output into the child
  const pid_t pid = fork();
  if (pid < 0) throw Error("BF-PROC-002", fmt::format("expected fork to succeed: {}", strerror(errno)));
  return pid;
}

}  // namespace

std::string ProcessResult::describe() const {
  if (timed_out) return fmt::format("timeout after {:.1f} s", seconds);
  if (signal != 0) {
    const char* abbrev = sigabbrev_np(signal);
    return abbrev ? fmt::format("killed by SIG{}", abbrev) : fmt::format("killed by signal {}", signal);
  }
  return fmt::format("exit {}", exit_code);
}

ProcessResult run_process(const std::vector<std::string>& argv, const Limits& limits, const std::string& cwd,
                          const std::vector<std::string>& env) {
  if (argv.empty()) throw Error("BF-PROC-003", "expected a non-empty argv");
  std::vector<std::string> args = argv;
  std::vector<std::string> envs = merged_env(env);
  const std::vector<char*> c_args = c_strings(args);
  const std::vector<char*> c_env = c_strings(envs);
  Pipes pipes;
  const pid_t pid = checked_fork();
  if (pid == 0) {
    if (!setup_child(limits, -1, pipes.out[1], pipes.err[1])) _exit(127);
    exec_in(cwd, c_args, c_env);
  }
  return supervise(pid, pipes, limits);
}

ProcessResult run_forked(const std::function<int()>& fn, const Limits& limits) {
  Pipes pipes;
  const pid_t pid = checked_fork();
  if (pid == 0) {
    if (!setup_child(limits, -1, pipes.out[1], pipes.err[1])) _exit(127);
    int code = 125;
    try {
      code = fn();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "bugforge: uncaught exception: %s\n", e.what());
    }
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    _exit(code);
  }
  return supervise(pid, pipes, limits);
}

Session::Session(const std::vector<std::string>& argv, const Limits& limits, const std::string& cwd) {
  if (argv.empty()) throw Error("BF-PROC-003", "expected a non-empty argv");
  int in[2], out[2];
  if (pipe2(in, O_CLOEXEC) != 0)
    throw Error("BF-PROC-001", fmt::format("expected pipe2 to succeed: {}", strerror(errno)));
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(in[0]);
    close(in[1]);
    throw Error("BF-PROC-001", fmt::format("expected pipe2 to succeed: {}", strerror(errno)));
  }
  std::vector<std::string> args = argv, envs = merged_env({});
  const std::vector<char*> c_args = c_strings(args), c_env = c_strings(envs);
  const pid_t pid = fork();
  if (pid < 0) {
    for (int fd : {in[0], in[1], out[0], out[1]}) close(fd);
    throw Error("BF-PROC-002", fmt::format("expected fork to succeed: {}", strerror(errno)));
  }
  if (pid == 0) {
    if (!setup_child(limits, in[0], out[1], out[1], false)) _exit(127);
    exec_in(cwd, c_args, c_env);
  }
  setpgid(pid, pid);  // also from the parent, so kill() never races the child's own setpgid
  close(in[0]);
  close(out[1]);
  pid_ = pid;
  to_ = in[1];
  from_ = out[0];
  signal(SIGPIPE, SIG_IGN);  // a dead child must show up as a failed write, not kill us
}

Session::~Session() {
  kill();
}

void Session::kill() {
  if (pid_ <= 0) return;
  ::kill(-pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  close(to_);
  close(from_);
  pid_ = -1;
}

}  // namespace bf::tools
