// bugforge equivalence — a long-lived Yosys process fed commands over a pipe (see the header).
#include "yosys_session.h"

#include <poll.h>
#include <unistd.h>

#include <chrono>

#include <fmt/format.h>

#include "bugforge/core/diagnostic.h"
#include "bugforge/tools/process.h"

namespace bf::equivalence {

namespace {

using Clock = std::chrono::steady_clock;

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
  tools::Limits l;
  l.memory_bytes = memory_bytes_;
  l.file_bytes = 0;
  child_ = std::make_unique<tools::Session>(std::vector<std::string>{"yosys", "-Q", "-T"}, l, cwd_);
}

void YosysSession::kill() {
  child_.reset();
}

StepResult YosysSession::run(const std::string& commands, double seconds) {
  if (!alive()) start();
  const auto t0 = Clock::now();
  const std::string marker = fmt::format("BF_SYNC_{}_{}", getpid(), ++batches_);
  StepResult r;
  const bool sent = write_all(child_->to(), commands + "\nlog " + marker + "\n");
  char buf[1 << 16];
  while (sent) {
    const double left = seconds - std::chrono::duration<double>(Clock::now() - t0).count();
    if (left <= 0) {
      r.timed_out = true;
      break;
    }
    pollfd p{child_->from(), POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(std::min(left, 1.0) * 1000) + 1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t n = ::read(child_->from(), buf, sizeof buf);
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
