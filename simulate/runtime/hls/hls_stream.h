// bugforge HLS runtime — hls::stream<T> for C simulation of Vitis HLS designs.
//
// Algorithm: an unbounded FIFO (std::deque). The hardware FIFO blocks a reader forever when it is
// empty, so a blocking read of an empty stream in C simulation is a deadlock: it prints
//   hls::stream '<name>' read while empty (deadlock in hardware)
// to stderr and exits the process with code 86 (hls::kDeadlockExitCode), which the simulation
// runner reports as a deadlock. Writes never block (full() is always false); DEPTH is accepted for
// source compatibility and ignored. Data left in a stream at destruction is reported on stderr.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string>
#include <utility>

namespace hls {

inline constexpr int kDeadlockExitCode = 86;

template <class T, int DEPTH = 0> class stream {
 public:
  stream() : name_("hls_stream") {}
  explicit stream(const char* name) : name_(name ? name : "hls_stream") {}
  explicit stream(const std::string& name) : name_(name) {}
  stream(const stream&) = delete;
  stream& operator=(const stream&) = delete;
  ~stream() {
    if (!fifo_.empty())
      std::fprintf(stderr, "WARNING: hls::stream '%s' contains leftover data (%zu elements)\n", name_.c_str(), fifo_.size());
  }

  bool empty() const { return fifo_.empty(); }
  bool full() const { return false; }
  std::size_t size() const { return fifo_.size(); }
  const std::string& name() const { return name_; }

  T read() {
    if (fifo_.empty()) deadlock();
    T v = std::move(fifo_.front());
    fifo_.pop_front();
    return v;
  }
  void read(T& out) { out = read(); }
  void operator>>(T& out) { read(out); }
  bool read_nb(T& out) {
    if (fifo_.empty()) return false;
    out = read();
    return true;
  }

  void write(const T& v) { fifo_.push_back(v); }
  void operator<<(const T& v) { write(v); }
  bool write_nb(const T& v) { return write(v), true; }

 private:
  [[noreturn]] void deadlock() const {
    std::fprintf(stderr, "hls::stream '%s' read while empty (deadlock in hardware)\n", name_.c_str());
    std::fflush(stderr);
    std::exit(kDeadlockExitCode);
  }

  std::string name_;
  std::deque<T> fifo_;
};

}  // namespace hls
