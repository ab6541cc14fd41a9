// bugforge equivalence — a long-lived Yosys process fed commands over a pipe (see the header).
#include "yosys_session.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>

#include <fmt/format.h>

#include "bugforge/core/diagnostic.h"

namespace bf::equivalence {

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void exec_child(int in_fd, int out_fd, const std::string& cwd, std::uint64_t memory_bytes) {
  setpgid(0, 0);
  if (memory_bytes) {
    const rlimit lim{memory_bytes, memory_bytes};
    setrlimit(RLIMIT_AS, &lim);
  }
  const rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  dup2(in_fd, 0);
  dup2(out_fd, 1);
  dup2(out_fd, 2);
  if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
  execlp("yosys", "yosys", "-Q", "-T", static_cast<char*>(nullptr));
  _exit(127);
}

bool write_all(int fd, const std::string& s) {
  std::size_t done = 0;
  while (done < s.size()) {
    const ssize_t n = ::write(fd, s.data() + done, s.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// True when `log` holds `marker` as a whole line (the echoed command line starts with "yosys> ").
bool has_marker_line(const std::string& log, const std::string& marker, std::size_t from) {
  const std::string needle = "\n" + marker + "\n";
  return log.find(needle, from > 0 ? from - 1 : 0) != std::string::npos;
}

}  // namespace

YosysSession::YosysSession(std::string cwd, std::uint64_t memory_bytes)
    : cwd_(std::move(cwd)), memory_bytes_(memory_bytes) {}

YosysSession::~YosysSession() {
  kill();
}

void YosysSession::start() {
  int in[2], out[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0)
    throw Error("BF-EQV-002", fmt::format("expected to create pipes: {}", std::strerror(errno)));
  const pid_t pid = fork();
  if (pid < 0)
    throw Error("BF-EQV-002", std::string("expected fork to start yosys: ") + std::strerror(errno));
  if (pid == 0) exec_child(in[0], out[1], cwd_, memory_bytes_);
  setpgid(pid, pid);  // also from the parent, so kill() never races the child's own setpgid
  ::close(in[0]);
  ::close(out[1]);
  pid_ = pid;
  to_child_ = in[1];
  from_child_ = out[0];
  signal(SIGPIPE, SIG_IGN);  // a dead Yosys must show up as a failed write, not kill us
}

void YosysSession::kill() {
  if (pid_ <= 0) return;
  ::kill(-pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  ::close(to_child_);
  ::close(from_child_);
  pid_ = -1;
}

StepResult YosysSession::run(const std::string& commands, double seconds) {
  if (pid_ <= 0) start();
  const auto t0 = Clock::now();
  const std::string marker = fmt::format("BF_SYNC_{}_{}", getpid(), ++batches_);
  StepResult r;
  const bool sent = write_all(to_child_, commands + "\nlog " + marker + "\n");
  char buf[1 << 16];
  while (sent) {
    const double left = seconds - std::chrono::duration<double>(Clock::now() - t0).count();
    if (left <= 0) {
      r.timed_out = true;
      break;
    }
    pollfd p{from_child_, POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(std::min(left, 1.0) * 1000) + 1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t n = ::read(from_child_, buf, sizeof buf);
    if (n <= 0) break;  // the process died
    const std::size_t from = r.log.size();
    r.log.append(buf, static_cast<std::size_t>(n));
    if (has_marker_line(r.log, marker, from > marker.size() + 2 ? from - marker.size() - 2 : 0)) {
      r.completed = true;
      break;
    }
  }
  r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  if (!r.completed) kill();
  return r;
}

}  // namespace bf::equivalence
