// bugforge core — xxHash64 wrappers.
#include "bugforge/core/hash.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <fstream>
#include <sstream>

#include "bugforge/core/diagnostic.h"

namespace bf {

namespace {
XXH64_state_t* st(void* p) { return static_cast<XXH64_state_t*>(p); }
}  // namespace

Hasher::Hasher() : state_(XXH64_createState()) { XXH64_reset(st(state_), 0); }
Hasher::~Hasher() { XXH64_freeState(st(state_)); }

Hasher& Hasher::add(std::string_view part) {
  const std::uint64_t n = part.size();
  XXH64_update(st(state_), &n, sizeof n);  // length prefix separates parts
  XXH64_update(st(state_), part.data(), part.size());
  return *this;
}

Hasher& Hasher::add(std::int64_t v) {
  XXH64_update(st(state_), &v, sizeof v);
  return *this;
}

Hasher& Hasher::add_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("BF-IO-001", "cannot read file", SourceLoc{path});
  std::ostringstream ss;
  ss << in.rdbuf();
  return add(path).add(ss.str());
}

std::uint64_t Hasher::digest() const { return XXH64_digest(st(state_)); }
std::string Hasher::hex() const { return hex64(digest()); }

std::uint64_t hash64(std::string_view data) { return XXH64(data.data(), data.size(), 0); }
std::string hex64(std::uint64_t v) { return fmt::format("{:016x}", v); }

}  // namespace bf
