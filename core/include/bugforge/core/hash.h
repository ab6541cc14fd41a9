// bugforge core — content hashing (xxHash64) for build caches, golden caches and sample ids.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bf {

// Incremental 64-bit hash; feed parts with a separator so ("ab","c") != ("a","bc").
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;
  Hasher& add(std::string_view part);
  Hasher& add(std::int64_t v);
  Hasher& add_file(const std::string& path);  // throws bf::Error if unreadable
  std::uint64_t digest() const;
  std::string hex() const;  // 16 lowercase hex digits

 private:
  void* state_;
};

std::uint64_t hash64(std::string_view data);
std::string hex64(std::uint64_t v);

}  // namespace bf
