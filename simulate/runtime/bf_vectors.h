// bugforge runtime — the vector file format shared by the host and every simulation binary.
//
// Header-only and dependency-free: it is compiled into generated HLS testbenches and Verilator
// drivers. All integers are little-endian int64.
//
//   inputs file : "BFVI" u32-version(1) | nsets | ntensors | per set, per tensor: numel, values...
//   outputs file: "BFVO" u32-version(1) | nsets | ntensors | per set: status, cycles,
//                 per tensor: numel, values..., then numel cycle stamps (-1 = no cycle)
//
// status per set: 0 ok, 1 protocol timeout (max_cycles reached), 2 protocol error (e.g. too many
// output beats). A set whose status is not 0 still carries whatever outputs were collected.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace bfrt {

struct TensorData {
  std::vector<std::int64_t> values;
  std::vector<std::int64_t> cycles;  // outputs only; same length as values
};

struct SetData {
  std::int64_t status = 0;
  std::int64_t cycles = 0;  // cycles the set took (RTL), 0 for C simulation
  std::vector<TensorData> tensors;
};

inline void write_i64(std::FILE* f, std::int64_t v) {
  if (std::fwrite(&v, sizeof v, 1, f) != 1) throw std::runtime_error("bf_vectors: write failed");
}

inline std::int64_t read_i64(std::FILE* f) {
  std::int64_t v = 0;
  if (std::fread(&v, sizeof v, 1, f) != 1) throw std::runtime_error("bf_vectors: truncated file");
  return v;
}

inline void write_magic(std::FILE* f, const char* magic) {
  std::fwrite(magic, 1, 4, f);
  const std::uint32_t version = 1;
  std::fwrite(&version, sizeof version, 1, f);
}

inline void read_magic(std::FILE* f, const char* magic) {
  char m[4];
  std::uint32_t version = 0;
  if (std::fread(m, 1, 4, f) != 4 || std::memcmp(m, magic, 4) != 0 ||
      std::fread(&version, sizeof version, 1, f) != 1 || version != 1)
    throw std::runtime_error(std::string("bf_vectors: not a ") + magic + " v1 file");
}

// inputs: sets[set][tensor] = values
inline void write_inputs(const std::string& path, const std::vector<std::vector<std::vector<std::int64_t>>>& sets) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw std::runtime_error("bf_vectors: cannot write " + path);
  write_magic(f, "BFVI");
  write_i64(f, static_cast<std::int64_t>(sets.size()));
  write_i64(f, sets.empty() ? 0 : static_cast<std::int64_t>(sets[0].size()));
  for (const auto& set : sets)
    for (const auto& t : set) {
      write_i64(f, static_cast<std::int64_t>(t.size()));
      for (auto v : t) write_i64(f, v);
    }
  std::fclose(f);
}

inline std::vector<std::vector<std::vector<std::int64_t>>> read_inputs(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw std::runtime_error("bf_vectors: cannot read " + path);
  read_magic(f, "BFVI");
  const auto nsets = read_i64(f), ntensors = read_i64(f);
  std::vector<std::vector<std::vector<std::int64_t>>> sets(nsets);
  for (auto& set : sets) {
    set.resize(ntensors);
    for (auto& t : set) {
      t.resize(read_i64(f));
      for (auto& v : t) v = read_i64(f);
    }
  }
  std::fclose(f);
  return sets;
}

inline void write_outputs(const std::string& path, const std::vector<SetData>& sets) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw std::runtime_error("bf_vectors: cannot write " + path);
  write_magic(f, "BFVO");
  write_i64(f, static_cast<std::int64_t>(sets.size()));
  write_i64(f, sets.empty() ? 0 : static_cast<std::int64_t>(sets[0].tensors.size()));
  for (const auto& s : sets) {
    write_i64(f, s.status);
    write_i64(f, s.cycles);
    for (const auto& t : s.tensors) {
      write_i64(f, static_cast<std::int64_t>(t.values.size()));
      for (auto v : t.values) write_i64(f, v);
      for (std::size_t i = 0; i < t.values.size(); ++i) write_i64(f, i < t.cycles.size() ? t.cycles[i] : -1);
    }
  }
  std::fclose(f);
}

inline std::vector<SetData> read_outputs(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw std::runtime_error("bf_vectors: cannot read " + path);
  read_magic(f, "BFVO");
  const auto nsets = read_i64(f), ntensors = read_i64(f);
  std::vector<SetData> sets(nsets);
  for (auto& s : sets) {
    s.status = read_i64(f);
    s.cycles = read_i64(f);
    s.tensors.resize(ntensors);
    for (auto& t : s.tensors) {
      t.values.resize(read_i64(f));
      for (auto& v : t.values) v = read_i64(f);
      t.cycles.resize(t.values.size());
      for (auto& c : t.cycles) c = read_i64(f);
    }
  }
  std::fclose(f);
  return sets;
}

}  // namespace bfrt
