// bugforge core — integer tensors exchanged between golden kernels, harnesses and comparators.
//
// Every golden kernel is integer-valued, so a tensor stores its elements as int64 whatever the
// element type; the ElemType says how many bits the value really has and whether it is signed,
// which is what generators, harnesses and RTL drivers need to pack and sign-extend it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace bf {

struct ElemType {
  bool is_signed = true;
  int bits = 32;  // 1..64
  // "i8", "u4", "i40", ...
  std::string name() const;
  static ElemType parse(const std::string& s);  // throws bf::Error BF-TYPE-001
  std::int64_t min() const;
  std::int64_t max() const;
  // Reduce an arbitrary 64-bit value to this type (two's complement wrap), as hardware would.
  std::int64_t wrap(std::int64_t v) const;
  bool operator==(const ElemType&) const = default;
};

struct Tensor {
  std::string name;
  ElemType type;
  std::vector<std::int64_t> shape;  // row-major; empty = scalar
  std::vector<std::int64_t> data;   // product(shape) elements
  std::int64_t numel() const;
};

// Kernel parameters, e.g. {M:16, N:16, K:16}. Ordered so that hashing is canonical.
using Params = std::map<std::string, std::int64_t>;

std::string params_to_string(const Params& p);  // "K=16,M=16,N=16"

}  // namespace bf
