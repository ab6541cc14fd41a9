// bugforge runtime — the driver of a trace oracle: replays per-cycle inputs, records outputs.
//
// `sim --ports` prints the model's ports, one "NAME in|out|inout BITS" line each.
// `sim <stimulus> <observed> [+plusargs]` replays a stimulus file written by the host
// (simulate/src/oracle_trace.cpp):
//     in NAME...              input columns
//     out NAME...             output columns
//     CYCLE HEX...            one line per trace row: the value of every input column
// and writes one line per row to `observed`: the hex value of every output column.
// Clocking: `now` counts rising edges. A row for cycle c first clocks the previous inputs until
// now == c (gaps in the trace hold the inputs), then applies its inputs, settles with clk=0,
// samples the outputs and makes one rising edge. Without a clock a row is: apply, evaluate, sample.
#pragma once

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bf_rtl_ports.h"
#include "verilated.h"

namespace bfrt {

struct NamedPort {
  const char* name;
  PortRef ref;
  const char* dir;  // "in" | "out" | "inout"
};

// Hex digits (most significant first) into the port, 32 bits at a time.
inline void put_hex(const PortRef& p, const std::string& hex) {
  clear(p);
  const int n = static_cast<int>(hex.size());
  for (int end = n, lsb = 0; end > 0; end -= 8, lsb += 32) {
    const int begin = end > 8 ? end - 8 : 0;
    put_bits(p, lsb, 32, std::stoull(hex.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin)), nullptr, 16));
  }
}

inline std::string get_hex(const PortRef& p) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (int lsb = 0; lsb < p.bits; lsb += 4) s.insert(s.begin(), digits[get_bits(p, lsb, 4)]);
  return s;
}

template <class Model>
class TraceReplay {
 public:
  TraceReplay(Model& top, VerilatedContext& ctx, std::vector<NamedPort> ports, const char* clock)
      : top_(top), ctx_(ctx) {
    for (auto& p : ports) ports_[p.name] = p;
    if (clock && *clock) clock_ = ports_.at(clock).ref;
  }

  void run(std::istream& in, std::ostream& out) {
    std::vector<PortRef> ins = columns(in, "in"), outs = columns(in, "out");
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream row(line);
      long long cycle = 0;
      row >> cycle;
      while (clock_ && now_ < cycle) edge();
      for (const auto& p : ins) {
        std::string hex;
        row >> hex;
        put_hex(p, hex);
      }
      settle();
      for (std::size_t i = 0; i < outs.size(); ++i) out << (i ? " " : "") << get_hex(outs[i]);
      out << '\n';
      if (clock_) rise();
    }
  }

 private:
  std::vector<PortRef> columns(std::istream& in, const std::string& tag) {
    std::string line, word;
    std::getline(in, line);
    std::istringstream s(line);
    s >> word;
    if (word != tag) throw std::runtime_error("stimulus: expected a '" + tag + "' line");
    std::vector<PortRef> refs;
    while (s >> word) refs.push_back(ports_.at(word).ref);
    return refs;
  }
  void settle() {
    if (clock_) set_bit(clock_, false);
    top_.eval();
    ctx_.timeInc(1);
  }
  void rise() {
    set_bit(clock_, true);
    top_.eval();
    ctx_.timeInc(1);
    ++now_;
  }
  void edge() {
    settle();
    rise();
  }

  Model& top_;
  VerilatedContext& ctx_;
  std::map<std::string, NamedPort> ports_;
  PortRef clock_;
  long long now_ = 0;
};

template <class Model, class Bind>
int trace_main(int argc, char** argv, Bind bind, const char* clock) {
  auto ctx = std::make_unique<VerilatedContext>();
  ctx->commandArgs(argc, argv);  // +bf_mutant=N reaches $value$plusargs
  auto top = std::make_unique<Model>(ctx.get());
  if (argc == 2 && std::string(argv[1]) == "--ports") {
    for (const auto& p : bind(*top)) std::printf("%s %s %d\n", p.name, p.dir, p.ref.bits);
    return 0;
  }
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s --ports | <stimulus> <observed> [+plusargs]\n", argv[0]);
    return 64;
  }
  try {
    std::ifstream in(argv[1]);
    std::ofstream out(argv[2]);
    if (!in || !out) throw std::runtime_error("cannot open the stimulus or observed file");
    TraceReplay<Model>(*top, *ctx, bind(*top), clock).run(in, out);
    top->final();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bf_trace_driver: %s\n", e.what());
    return 2;
  }
  return 0;
}

}  // namespace bfrt
