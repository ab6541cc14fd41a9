// bugforge equivalence — a long-lived Yosys process fed commands over a pipe.
//
// Algorithm: start `yosys -Q -T` as a tools::Session (own process group, address-space limit,
// stdin and stdout (stderr merged) on pipes). run() writes a batch of commands followed by
// `log <marker>` and reads until the marker line, polling against the deadline; on timeout or
// when the process dies it kills the whole group and reports it, and the caller restarts.
// Yosys' interactive shell reports a failing command as "ERROR: ..." and carries on.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "bugforge/tools/process.h"

namespace bf::equivalence {

struct StepResult {
  bool completed = false;  // the marker came back
  bool timed_out = false;
  std::string log;  // everything Yosys printed for the batch
  double seconds = 0;
  bool has_error() const { return log.find("\nERROR:") != std::string::npos || log.rfind("ERROR:", 0) == 0; }
};

class YosysSession {
 public:
  YosysSession(std::string cwd, std::uint64_t memory_bytes);
  ~YosysSession();
  YosysSession(const YosysSession&) = delete;
  YosysSession& operator=(const YosysSession&) = delete;

  // Runs the commands (one per line); gives up after `seconds` and kills the process.
  StepResult run(const std::string& commands, double seconds);
  bool alive() const { return child_ && child_->alive(); }
  void kill();

 private:
  void start();
  std::string cwd_;
  std::uint64_t memory_bytes_;
  std::unique_ptr<tools::Session> child_;
  std::uint64_t batches_ = 0;
};

}  // namespace bf::equivalence
