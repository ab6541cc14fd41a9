// bugforge dataset — progress reporting (see progress.h).
#include "bugforge/dataset/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

namespace bf::dataset {

ProgressMode progress_mode(bool quiet, bool json) {
  if (json) return ProgressMode::Json;
  return quiet || !isatty(STDERR_FILENO) ? ProgressMode::Off : ProgressMode::Tty;
}

Progress::Progress(ProgressMode mode, std::size_t total, std::size_t already_done, std::ostream& out)
    : mode_(mode), total_(total), done_(already_done), base_(already_done), out_(out),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

double Progress::rate() const {
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  return s > 0 ? static_cast<double>(done_ - base_) / s : 0.0;
}

void Progress::step(const std::string& id, const std::string& label) {
  const std::lock_guard lock(mu_);
  ++done_;
  if (mode_ == ProgressMode::Json) {
    const double r = rate();
    const double eta = r > 0 ? static_cast<double>(total_ - std::min(done_, total_)) / r : -1;
    out_ << nlohmann::json{{"event", "sample"}, {"id", id},     {"label", label}, {"done", done_},
                           {"total", total_},   {"rate", r},    {"eta_s", eta}}.dump()
         << "\n" << std::flush;
  }
  draw(false);
}

void Progress::note(const std::string& message) {
  const std::lock_guard lock(mu_);
  if (mode_ == ProgressMode::Json) out_ << nlohmann::json{{"event", "note"}, {"message", message}}.dump() << "\n";
  if (mode_ == ProgressMode::Tty) out_ << "\r\033[K" << message << "\n";
  out_ << std::flush;
  draw(true);
}

void Progress::draw(bool force) {
  if (mode_ != ProgressMode::Tty) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(100) && done_ < total_) return;
  last_draw_ = now;
  const double r = rate();
  const auto eta = r > 0 ? static_cast<long>(static_cast<double>(total_ - std::min(done_, total_)) / r) : -1L;
  const std::string eta_s = eta < 0 ? "--:--" : fmt::format("{}:{:02}", eta / 60, eta % 60);
  out_ << fmt::format("\r\033[K[gen] {}/{} samples  {:.2f}/s  ETA {}", done_, total_, r, eta_s) << std::flush;
}

void Progress::finish() {
  const std::lock_guard lock(mu_);
  if (mode_ == ProgressMode::Tty) {
    draw(true);
    out_ << "\n";
  }
  if (mode_ == ProgressMode::Json)
    out_ << nlohmann::json{{"event", "done"}, {"done", done_}, {"total", total_}, {"rate", rate()}}.dump() << "\n";
  out_ << std::flush;
}

}  // namespace bf::dataset
