// bugforge core — element types and tensor helpers.
#include "bugforge/core/tensor.h"

#include <fmt/format.h>

#include "bugforge/core/diagnostic.h"

namespace bf {

std::string ElemType::name() const { return fmt::format("{}{}", is_signed ? 'i' : 'u', bits); }

ElemType ElemType::parse(const std::string& s) {
  ElemType t;
  if (s.size() >= 2 && (s[0] == 'i' || s[0] == 'u')) {
    t.is_signed = s[0] == 'i';
    try {
      std::size_t used = 0;
      t.bits = std::stoi(s.substr(1), &used);
      if (used == s.size() - 1 && t.bits >= 1 && t.bits <= 64) return t;
    } catch (const std::exception&) {
    }
  }
  throw Error("BF-TYPE-001",
              fmt::format("bad element type '{}': expected i<bits> or u<bits> with 1..64 bits", s));
}

std::int64_t ElemType::min() const {
  if (!is_signed) return 0;
  return bits == 64 ? INT64_MIN : -(std::int64_t{1} << (bits - 1));
}

std::int64_t ElemType::max() const {
  if (bits == 64) return is_signed ? INT64_MAX : -1;  // u64 max does not fit; callers avoid u64
  if (is_signed) return (std::int64_t{1} << (bits - 1)) - 1;
  return (std::int64_t{1} << bits) - 1;
}

std::int64_t ElemType::wrap(std::int64_t v) const {
  if (bits == 64) return v;
  const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
  std::uint64_t u = static_cast<std::uint64_t>(v) & mask;
  if (is_signed && (u >> (bits - 1)) & 1) u |= ~mask;
  return static_cast<std::int64_t>(u);
}

std::int64_t Tensor::numel() const {
  std::int64_t n = 1;
  for (auto d : shape) n *= d;
  return n;
}

std::string params_to_string(const Params& p) {
  std::string s;
  for (const auto& [k, v] : p) {
    if (!s.empty()) s += ',';
    s += fmt::format("{}={}", k, v);
  }
  return s;
}

}  // namespace bf
