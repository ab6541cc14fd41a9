// bugforge kernels — golden cache files and the fill-the-misses driver.
//
// File layout (little-endian): magic "BFGOLD1\n", then length-prefixed strings kernel, params,
// backend, u64 seed, u32 output count, and per output: name, type name, u32 rank, i64 dims,
// elements in the narrowest of 1/2/4/8 bytes for the type (sign/zero-extended on read).
// Writes go to "<file>.tmp.<pid>.<n>" first and are renamed into place (atomic on POSIX).
#include "bugforge/kernels/golden_cache.h"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bugforge/core/diagnostic.h"
#include "bugforge/core/hash.h"

namespace bf::kernels {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[] = "BFGOLD1\n";

int elem_bytes(const ElemType& t) { return t.bits <= 8 ? 1 : t.bits <= 16 ? 2 : t.bits <= 32 ? 4 : 8; }

void put_u64(std::string& out, std::uint64_t v, int bytes = 8) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void put_str(std::string& out, const std::string& s) {
  put_u64(out, s.size(), 4);
  out += s;
}

// Bounds-checked reader over a file's bytes; any overrun marks it bad.
struct Reader {
  const std::string& buf;
  std::size_t pos = 0;
  bool ok = true;

  std::uint64_t u64(int bytes = 8) {
    if (pos + bytes > buf.size()) return ok = false, 0;
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= std::uint64_t{static_cast<unsigned char>(buf[pos + i])} << (8 * i);
    pos += bytes;
    return v;
  }
  std::string str() {
    const std::uint64_t n = u64(4);
    if (!ok || pos + n > buf.size()) return ok = false, "";
    std::string s = buf.substr(pos, n);
    pos += n;
    return s;
  }
};

std::string encode(const std::string& kernel, const Params& p, std::uint64_t seed,
                   const GoldenEntry& e) {
  std::string out = kMagic;
  put_str(out, kernel);
  put_str(out, params_to_string(p));
  put_str(out, e.backend);
  put_u64(out, seed);
  put_u64(out, e.outputs.size(), 4);
  for (const Tensor& t : e.outputs) {
    put_str(out, t.name);
    put_str(out, t.type.name());
    put_u64(out, t.shape.size(), 4);
    for (const auto d : t.shape) put_u64(out, static_cast<std::uint64_t>(d));
    const int nb = elem_bytes(t.type);
    for (const auto v : t.data) put_u64(out, static_cast<std::uint64_t>(v), nb);
  }
  return out;
}

std::optional<Tensor> decode_tensor(Reader& r) {
  Tensor t;
  t.name = r.str();
  try {
    t.type = ElemType::parse(r.str());
  } catch (const Error&) {
    return std::nullopt;
  }
  const std::uint64_t rank = r.u64(4);
  for (std::uint64_t i = 0; r.ok && i < rank; ++i) t.shape.push_back(static_cast<std::int64_t>(r.u64()));
  const std::int64_t n = t.numel();
  const int nb = elem_bytes(t.type);
  if (!r.ok || n < 0 || static_cast<std::uint64_t>(n) * nb > r.buf.size() - r.pos) return std::nullopt;
  t.data.resize(static_cast<std::size_t>(n));
  for (auto& v : t.data) v = t.type.wrap(static_cast<std::int64_t>(r.u64(nb)));
  return t;
}

std::optional<GoldenEntry> decode(const std::string& buf, const std::string& kernel,
                                  const Params& p, std::uint64_t seed) {
  const std::size_t magic_len = std::strlen(kMagic);
  if (buf.compare(0, magic_len, kMagic) != 0) return std::nullopt;
  Reader r{buf, magic_len};
  if (r.str() != kernel || r.str() != params_to_string(p)) return std::nullopt;
  GoldenEntry e;
  e.backend = r.str();
  if (r.u64() != seed) return std::nullopt;
  const std::uint64_t count = r.u64(4);
  for (std::uint64_t i = 0; r.ok && i < count; ++i) {
    auto t = decode_tensor(r);
    if (!t) return std::nullopt;
    e.outputs.push_back(std::move(*t));
  }
  if (!r.ok || r.pos != buf.size()) return std::nullopt;
  return e;
}

void write_atomically(const std::string& path, const std::string& bytes) {
  static std::atomic<unsigned> counter{0};
  const std::string tmp = fmt::format("{}.tmp.{}.{}", path, ::getpid(), counter++);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) throw Error("BF-KERN-006", "cannot write golden cache file", SourceLoc{tmp});
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw Error("BF-KERN-006", "cannot move golden cache file into place", SourceLoc{path});
  }
}

}  // namespace

GoldenCache::GoldenCache(std::string dir) : dir_(std::move(dir)) {}

std::string GoldenCache::path_for(const std::string& kernel, const Params& p,
                                  std::uint64_t seed) const {
  Hasher h;
  h.add("golden-v1").add(kernel).add(params_to_string(p)).add(static_cast<std::int64_t>(seed));
  return (fs::path(dir_) / "golden" / (h.hex() + ".bin")).string();
}

std::optional<GoldenEntry> GoldenCache::get(const std::string& kernel, const Params& p,
                                            std::uint64_t seed) const {
  std::ifstream in(path_for(kernel, p, seed), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return decode(ss.str(), kernel, p, seed);
}

void GoldenCache::put(const std::string& kernel, const Params& p, std::uint64_t seed,
                      const GoldenEntry& entry) const {
  const std::string path = path_for(kernel, p, seed);
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) throw Error("BF-KERN-006", "cannot create golden cache directory", SourceLoc{path});
  write_atomically(path, encode(kernel, p, seed, entry));
}

std::vector<OutputSet> compute_golden(const Kernel& k, const Params& p,
                                      const std::vector<std::uint64_t>& seeds,
                                      const GoldenCache& cache, Backend backend) {
  std::vector<OutputSet> out(seeds.size());
  std::vector<std::uint64_t> missing;
  std::vector<std::size_t> where;
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    if (auto hit = cache.get(k.name, p, seeds[i])) {
      out[i] = std::move(hit->outputs);
    } else {
      missing.push_back(seeds[i]);
      where.push_back(i);
    }
  }
  if (missing.empty()) return out;
  const Backend resolved = resolve_backend(backend);
  auto computed = run_batch(k, p, missing, resolved);
  for (std::size_t j = 0; j < missing.size(); ++j) {
    cache.put(k.name, p, missing[j], GoldenEntry{computed[j], backend_name(resolved)});
    out[where[j]] = std::move(computed[j]);
  }
  return out;
}

}  // namespace bf::kernels
