// bugforge runtime — protocol drivers for Verilated designs (block, stream, custom).
//
// The generated driver (sim_rtl.cpp) fills a Harness — a table of PortRefs plus tensor indices —
// and calls bfrt::rtl_main. Every vector set is run on the same model: the driver re-applies
// reset, drives the set and collects outputs with the cycle each element was produced.
//
// Clocking: a cycle is "drive inputs, eval with clk=0 (settle), sample the handshakes, eval with
// clk=1 (rising edge), commit". Cycle k is the k-th rising edge after reset is released; a memory
// write, a stream beat or `done` sampled at edge k carries k (the edge that samples start is 1).
// Memories behave like block RAMs clocked by the design clock (also during reset): rdata shows
// mem[addr sampled at the previous rising edge]; a write lands when we=1 at a rising edge.
// Stream bubbles and back-pressure come from a splitmix64 generator seeded by the set index, so
// every run of a binary on the same file is cycle-for-cycle identical.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "bf_rtl_ports.h"
#include "bf_vectors.h"
#include "verilated.h"

namespace bfrt {

using Inputs = std::vector<std::vector<std::int64_t>>;  // one set: values per kernel input

// What a custom driver may rely on (see simulate/README.md, "custom driver").
struct DriveLimits {
  std::int64_t max_cycles = 1000000;
  int reset_cycles = 2;
  double stall = 0.25;
  std::uint64_t set_index = 0;
};

// `+bf_max_cycles=N` lowers every set's cycle limit below the design's own (a schema run bounds a
// hung mutant by a multiple of the original's cycles instead of the design's worst case).
inline std::int64_t cycle_cap = 0;  // 0: the design's own limit
inline std::int64_t cycle_limit(std::int64_t design_limit) {
  return cycle_cap > 0 && cycle_cap < design_limit ? cycle_cap : design_limit;
}

inline void read_cycle_cap(int argc, char** argv) {
  for (int i = 3; i < argc; ++i)
    if (std::strncmp(argv[i], "+bf_max_cycles=", 15) == 0) cycle_cap = std::atoll(argv[i] + 15);
}

struct FlatPort {  // packed bus: element i at bits [i*width +: width]
  int tensor = 0;  // kernel input index (inputs) or output index (outputs)
  PortRef port;
  int width = 8;
  bool is_signed = true;
};
struct MemIn {
  int tensor = 0;
  PortRef addr, rdata;
  int width = 8;
};
struct MemOut {
  int tensor = 0;
  PortRef we, addr, wdata;
  int width = 8;
  bool is_signed = true;
};
struct StreamPort {  // input or output stream, `lanes` elements per beat
  int tensor = 0;
  PortRef valid, ready, data, last;
  int lanes = 1, width = 8;
  bool is_signed = true;
};

struct Harness {
  bool stream = false;  // false = block protocol
  PortRef clock, reset, start, done;
  bool reset_active_low = false;
  DriveLimits limits;
  std::vector<FlatPort> flat_in, flat_out;
  std::vector<MemIn> mem_in;
  std::vector<MemOut> mem_out;
  std::vector<StreamPort> stream_in, stream_out;
  std::vector<std::int64_t> out_numel;  // per kernel output
};

constexpr std::int64_t kGraceCycles = 16;  // stream: cycles watched for extra beats after the last

inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

inline std::uint64_t stall_threshold(double stall) {
  const double s = stall < 0 ? 0 : stall > 0.95 ? 0.95 : stall;  // always-stall would hang
  return static_cast<std::uint64_t>(s * 18446744073709551616.0);
}

inline SetData blank_outputs(const std::vector<std::int64_t>& numel) {
  SetData s;
  for (const auto n : numel) {
    s.tensors.push_back({std::vector<std::int64_t>(n, 0), std::vector<std::int64_t>(n, -1)});
  }
  return s;
}

inline std::int64_t value_at(const Inputs& in, int tensor, std::int64_t i) {
  const auto& t = in.at(static_cast<std::size_t>(tensor));
  return i >= 0 && i < static_cast<std::int64_t>(t.size()) ? t[static_cast<std::size_t>(i)] : 0;
}

template <class Model>
class Driver {
 public:
  Driver(Model& top, VerilatedContext& ctx, Harness h) : top_(top), ctx_(ctx), h_(std::move(h)) {
    stall_ = stall_threshold(h_.limits.stall);
  }

  SetData run(const Inputs& in, std::uint64_t set_index) {
    in_ = &in;
    rng_ = set_index * 0xD1B54A32D192ED03ull + 1;
    SetData s = blank_outputs(h_.out_numel);
    reset();
    apply_flat_inputs();
    if (h_.stream)
      run_stream(s);
    else
      run_block(s);
    if (ctx_.gotFinish()) {  // $finish inside the design ends the set as a protocol error
      s.status = 2;
      ctx_.gotFinish(false);
    }
    return s;
  }

 private:
  struct Pending {  // memory traffic sampled before the edge, applied after it
    std::vector<std::int64_t> read_addr;
    std::vector<char> write;
    std::vector<std::int64_t> write_addr, write_data;
  };

  void settle() {
    set_bit(h_.clock, false);
    top_.eval();
    ctx_.timeInc(1);
  }
  void rise() {
    set_bit(h_.clock, true);
    top_.eval();
    ctx_.timeInc(1);
  }

  bool stalled() { return splitmix64(rng_) < stall_; }

  void clear_driven() {
    set_bit(h_.start, false);
    for (const auto& m : h_.mem_in) clear(m.rdata);
    for (const auto& p : h_.stream_in) {
      set_bit(p.valid, false);
      set_bit(p.last, false);
      clear(p.data);
    }
    for (const auto& p : h_.stream_out) set_bit(p.ready, false);
  }

  // Reset for reset_cycles rising edges with every driven input idle, then release it.
  void reset() {
    clear_driven();
    set_bit(h_.reset, !h_.reset_active_low);
    for (int i = 0; i < h_.limits.reset_cycles; ++i) {
      settle();
      sample_memories();
      rise();
      commit_memories(nullptr, 0);
    }
    set_bit(h_.reset, h_.reset_active_low);
    cycle_ = 0;
  }

  void apply_flat_inputs() {
    for (const auto& f : h_.flat_in) {
      clear(f.port);
      const auto n = static_cast<std::int64_t>(in_->at(static_cast<std::size_t>(f.tensor)).size());
      for (std::int64_t i = 0; i < n; ++i)
        put_bits(f.port, static_cast<int>(i * f.width), f.width,
                 static_cast<std::uint64_t>(value_at(*in_, f.tensor, i)));
    }
  }

  void read_flat_outputs(SetData& s, std::int64_t stamp) {
    for (const auto& f : h_.flat_out) {
      auto& t = s.tensors.at(static_cast<std::size_t>(f.tensor));
      for (std::size_t i = 0; i < t.values.size(); ++i) {
        const auto raw = get_bits(f.port, static_cast<int>(i) * f.width, f.width);
        t.values[i] = extend(raw, f.width, f.is_signed);
        t.cycles[i] = stamp;
      }
    }
  }

  void sample_memories() {
    pending_.read_addr.resize(h_.mem_in.size());
    for (std::size_t i = 0; i < h_.mem_in.size(); ++i)
      pending_.read_addr[i] = static_cast<std::int64_t>(get_bits(h_.mem_in[i].addr, 0, 63));
    pending_.write.resize(h_.mem_out.size());
    pending_.write_addr.resize(h_.mem_out.size());
    pending_.write_data.resize(h_.mem_out.size());
    for (std::size_t i = 0; i < h_.mem_out.size(); ++i) {
      const auto& m = h_.mem_out[i];
      pending_.write[i] = get_bit(m.we);
      pending_.write_addr[i] = static_cast<std::int64_t>(get_bits(m.addr, 0, 63));
      pending_.write_data[i] = extend(get_bits(m.wdata, 0, m.width), m.width, m.is_signed);
    }
  }

  // After the edge: rdata follows the sampled address; writes land with the edge's cycle stamp.
  // A write outside the tensor is a protocol error (s == nullptr during reset: ignored).
  void commit_memories(SetData* s, std::int64_t stamp) {
    for (std::size_t i = 0; i < h_.mem_in.size(); ++i) {
      const auto& m = h_.mem_in[i];
      put_bits(m.rdata, 0, m.width,
               static_cast<std::uint64_t>(value_at(*in_, m.tensor, pending_.read_addr[i])));
    }
    if (!s) return;
    for (std::size_t i = 0; i < h_.mem_out.size(); ++i) {
      if (!pending_.write[i]) continue;
      auto& t = s->tensors.at(static_cast<std::size_t>(h_.mem_out[i].tensor));
      const auto a = pending_.write_addr[i];
      if (a < 0 || a >= static_cast<std::int64_t>(t.values.size())) {
        s->status = 2;
        continue;
      }
      t.values[static_cast<std::size_t>(a)] = pending_.write_data[i];
      t.cycles[static_cast<std::size_t>(a)] = stamp;
    }
  }

  // One clock cycle with the inputs as currently driven.
  void cycle(SetData& s) {
    sample_memories();
    rise();
    ++cycle_;
    commit_memories(&s, cycle_);
  }

  // `done` is sampled at rising edges like everything else; the edge that samples start does not
  // count, so a registered done answers at edge 2 at the earliest. Flat outputs are read with done.
  void run_block(SetData& s) {
    set_bit(h_.start, true);
    for (;;) {
      settle();
      if (cycle_ >= cycle_limit(h_.limits.max_cycles) || ctx_.gotFinish()) {
        s.status = 1;
        s.cycles = cycle_;
        read_flat_outputs(s, -1);
        return;
      }
      const bool done = cycle_ > 0 && get_bit(h_.done);
      if (done) read_flat_outputs(s, cycle_ + 1);
      cycle(s);
      set_bit(h_.start, false);
      if (done) break;
    }
    s.cycles = cycle_;
  }

  // ---- stream ----
  struct InState {
    std::int64_t beat = 0, beats = 0;
    bool valid = false;
  };

  void drive_stream_inputs(std::vector<InState>& st) {
    for (std::size_t i = 0; i < h_.stream_in.size(); ++i) {
      const auto& p = h_.stream_in[i];
      auto& s = st[i];
      if (s.valid) continue;  // a presented beat stays until it is taken
      s.valid = s.beat < s.beats && !stalled();
      set_bit(p.valid, s.valid);
      if (!s.valid) continue;
      for (int l = 0; l < p.lanes; ++l)
        put_bits(p.data, l * p.width, p.width,
                 static_cast<std::uint64_t>(value_at(*in_, p.tensor, s.beat * p.lanes + l)));
      set_bit(p.last, s.beat + 1 == s.beats);
    }
  }

  // Collects one output beat (sampled before the edge); false on a protocol error.
  bool take_beat(const StreamPort& p, TensorData& t, std::int64_t& count, std::int64_t stamp) {
    const auto n = static_cast<std::int64_t>(t.values.size());
    if (count >= n) return false;  // beat beyond the tensor
    bool ok = true;
    if (p.last) ok = get_bit(p.last) == (count + p.lanes >= n);
    for (int l = 0; l < p.lanes && count < n; ++l, ++count) {
      t.values[static_cast<std::size_t>(count)] =
          extend(get_bits(p.data, l * p.width, p.width), p.width, p.is_signed);
      t.cycles[static_cast<std::size_t>(count)] = stamp;
    }
    return ok;
  }

  void run_stream(SetData& s) {
    std::vector<InState> in(h_.stream_in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
      const auto& p = h_.stream_in[i];
      const auto n = static_cast<std::int64_t>(in_->at(static_cast<std::size_t>(p.tensor)).size());
      in[i].beats = (n + p.lanes - 1) / p.lanes;
    }
    std::vector<std::int64_t> count(h_.stream_out.size(), 0);
    std::vector<char> ready(h_.stream_out.size(), 0), fired(in.size(), 0);
    std::int64_t complete_at = -1;
    for (;;) {
      drive_stream_inputs(in);
      for (std::size_t o = 0; o < h_.stream_out.size(); ++o) {
        ready[o] = complete_at >= 0 || !stalled();
        set_bit(h_.stream_out[o].ready, ready[o]);
      }
      settle();
      if (complete_at < 0 && (cycle_ >= cycle_limit(h_.limits.max_cycles) || ctx_.gotFinish())) {
        s.status = 1;
        s.cycles = cycle_;
        read_flat_outputs(s, -1);
        break;
      }
      for (std::size_t i = 0; i < in.size(); ++i) fired[i] = in[i].valid && get_bit(h_.stream_in[i].ready);
      for (std::size_t o = 0; o < h_.stream_out.size(); ++o) {
        const auto& p = h_.stream_out[o];
        if (!ready[o] || !get_bit(p.valid)) continue;
        if (!take_beat(p, s.tensors.at(static_cast<std::size_t>(p.tensor)), count[o], cycle_ + 1))
          s.status = 2;
      }
      cycle(s);
      for (std::size_t i = 0; i < in.size(); ++i) {
        if (!fired[i]) continue;
        in[i].valid = false;
        ++in[i].beat;
        set_bit(h_.stream_in[i].valid, false);
      }
      if (complete_at < 0 && all_collected(s, count)) {
        complete_at = cycle_;
        s.cycles = cycle_;
        read_flat_outputs(s, cycle_);
      }
      if (complete_at >= 0 && cycle_ - complete_at >= kGraceCycles) break;
    }
  }

  bool all_collected(const SetData& s, const std::vector<std::int64_t>& count) const {
    for (std::size_t o = 0; o < h_.stream_out.size(); ++o)
      if (count[o] < static_cast<std::int64_t>(
                         s.tensors.at(static_cast<std::size_t>(h_.stream_out[o].tensor)).values.size()))
        return false;
    return true;
  }

  Model& top_;
  VerilatedContext& ctx_;
  Harness h_;
  const Inputs* in_ = nullptr;
  std::uint64_t rng_ = 0, stall_ = 0;
  std::int64_t cycle_ = 0;
  Pending pending_;
};

// `<exe> <inputs.bin> <outputs.bin> [+plusargs]`: one model, every set in order, outputs file.
// make_runner(Model&, VerilatedContext&) returns a callable (const Inputs&, set index) -> SetData.
template <class Model, class MakeRunner>
int rtl_main(int argc, char** argv, MakeRunner make_runner) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s <inputs.bin> <outputs.bin> [+plusargs]\n", argv[0]);
    return 64;
  }
  try {
    const auto sets = read_inputs(argv[1]);
    auto ctx = std::make_unique<VerilatedContext>();
    ctx->commandArgs(argc, argv);  // +bf_mutant=N reaches $value$plusargs
    read_cycle_cap(argc, argv);
    auto top = std::make_unique<Model>(ctx.get());
    auto run = make_runner(*top, *ctx);
    std::vector<SetData> out;
    out.reserve(sets.size());
    for (std::size_t i = 0; i < sets.size(); ++i) out.push_back(run(sets[i], i));
    top->final();
    write_outputs(argv[2], out);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bf_rtl_driver: %s\n", e.what());
    return 2;
  }
  return 0;
}

// The block and stream protocols: bind(Model&) returns the design's Harness.
template <class Model, class Bind>
int protocol_main(int argc, char** argv, Bind bind) {
  return rtl_main<Model>(argc, argv, [&](Model& top, VerilatedContext& ctx) {
    auto drv = std::make_shared<Driver<Model>>(top, ctx, bind(top));
    return [drv](const Inputs& in, std::uint64_t i) { return drv->run(in, i); };
  });
}

// The custom protocol: drive(Model&, VerilatedContext&, const Inputs&, const DriveLimits&) runs one
// set (reset included) and returns its outputs, one TensorData per kernel output.
template <class Model, class Drive>
int custom_main(int argc, char** argv, Drive drive, DriveLimits limits, std::vector<std::int64_t> out_numel) {
  return rtl_main<Model>(argc, argv, [=](Model& top, VerilatedContext& ctx) {
    return [=, &top, &ctx](const Inputs& in, std::uint64_t i) {
      DriveLimits l = limits;
      l.max_cycles = cycle_limit(l.max_cycles);
      l.set_index = i;
      SetData s = drive(top, ctx, in, l);
      if (s.tensors.size() != out_numel.size())
        throw std::runtime_error("custom driver returned " + std::to_string(s.tensors.size()) +
                                 " tensors, expected " + std::to_string(out_numel.size()));
      for (std::size_t t = 0; t < s.tensors.size(); ++t) {
        auto& d = s.tensors[t];
        d.values.resize(static_cast<std::size_t>(out_numel[t]), 0);
        d.cycles.resize(d.values.size(), -1);
      }
      return s;
    };
  });
}

}  // namespace bfrt
