// bugforge dataset — progress of a long run on stderr: done/total, rate, ETA.
//
// Algorithm: a TTY gets one line redrawn in place (at most ~10 times a second); --log-json gets
// one JSON object per line per event; anything else (a pipe, a log file, --quiet) gets nothing.
// The rate counts only work done by this process, so a resumed run does not look fast.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>

namespace bf::dataset {

enum class ProgressMode { Off, Tty, Json };

// Json when `json`; else Off when `quiet` or stderr is not a terminal; else Tty.
ProgressMode progress_mode(bool quiet, bool json);

class Progress {
 public:
  Progress(ProgressMode mode, std::size_t total, std::size_t already_done, std::ostream& out);
  void step(const std::string& id, const std::string& label);  // one more sample finished
  void note(const std::string& message);                      // a warning (design skipped, ...)
  void finish();

 private:
  void draw(bool force);
  double rate() const;

  ProgressMode mode_;
  std::size_t total_, done_, base_;
  std::ostream& out_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  std::mutex mu_;
};

}  // namespace bf::dataset
