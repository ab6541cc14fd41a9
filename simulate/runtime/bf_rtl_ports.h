// bugforge runtime — type-erased access to the ports of a Verilated model.
//
// Verilator declares a top-level port as CData (1-8 bits), SData (9-16), IData (17-32), QData
// (33-64) or VlWide<N> (65+ bits, N 32-bit words, least significant word first). The generated
// driver binds each port the protocol names with `bfrt::port(top.name, bits)`; the overloads
// record the storage kind so the protocol drivers stay generic. Fields of up to 64 bits are read
// and written at any bit offset; writes never touch bits above the port's width because Verilator
// requires the unused upper bits of an input to stay zero.
#pragma once

#include <cstdint>
#include <cstring>

#include "verilated.h"

namespace bfrt {

struct PortRef {
  void* ptr = nullptr;  // nullptr = not bound (optional port absent)
  int bytes = 0;        // 1, 2, 4 or 8 for scalar storage; 0 for VlWide
  int bits = 0;         // declared width of the port
  explicit operator bool() const { return ptr != nullptr; }
};

inline PortRef port(CData& v, int bits) { return {&v, 1, bits}; }
inline PortRef port(SData& v, int bits) { return {&v, 2, bits}; }
inline PortRef port(IData& v, int bits) { return {&v, 4, bits}; }
inline PortRef port(QData& v, int bits) { return {&v, 8, bits}; }
template <std::size_t N>
PortRef port(VlWide<N>& v, int bits) {
  return {v.data(), 0, bits};
}

inline std::uint64_t low_mask(int width) {
  return width >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << width) - 1;
}

inline std::uint64_t load_scalar(const PortRef& p) {
  switch (p.bytes) {
    case 1: return *static_cast<const std::uint8_t*>(p.ptr);
    case 2: return *static_cast<const std::uint16_t*>(p.ptr);
    case 4: return *static_cast<const std::uint32_t*>(p.ptr);
    default: return *static_cast<const std::uint64_t*>(p.ptr);
  }
}

inline void store_scalar(const PortRef& p, std::uint64_t v) {
  switch (p.bytes) {
    case 1: *static_cast<std::uint8_t*>(p.ptr) = static_cast<std::uint8_t>(v); break;
    case 2: *static_cast<std::uint16_t*>(p.ptr) = static_cast<std::uint16_t>(v); break;
    case 4: *static_cast<std::uint32_t*>(p.ptr) = static_cast<std::uint32_t>(v); break;
    default: *static_cast<std::uint64_t*>(p.ptr) = v; break;
  }
}

// Bits [lsb, lsb+width) of the port, zero-extended; bits beyond the port read as zero.
inline std::uint64_t get_bits(const PortRef& p, int lsb, int width) {
  if (!p || lsb >= p.bits) return 0;
  if (lsb + width > p.bits) width = p.bits - lsb;
  if (p.bytes) return (load_scalar(p) >> lsb) & low_mask(width);
  const auto* words = static_cast<const std::uint32_t*>(p.ptr);
  std::uint64_t v = 0;
  for (int got = 0; got < width;) {
    const int bit = lsb + got, off = bit & 31;
    const int take = width - got < 32 - off ? width - got : 32 - off;
    v |= ((std::uint64_t{words[bit >> 5]} >> off) & low_mask(take)) << got;
    got += take;
  }
  return v;
}

// Writes the low `width` bits of v at [lsb, lsb+width); bits beyond the port are dropped.
inline void put_bits(const PortRef& p, int lsb, int width, std::uint64_t v) {
  if (!p || lsb >= p.bits) return;
  if (lsb + width > p.bits) width = p.bits - lsb;
  v &= low_mask(width);
  if (p.bytes) {
    const std::uint64_t m = low_mask(width) << lsb;
    store_scalar(p, (load_scalar(p) & ~m) | (v << lsb));
    return;
  }
  auto* words = static_cast<std::uint32_t*>(p.ptr);
  for (int done = 0; done < width;) {
    const int bit = lsb + done, off = bit & 31;
    const int take = width - done < 32 - off ? width - done : 32 - off;
    const std::uint32_t m = static_cast<std::uint32_t>(low_mask(take) << off);
    auto& w = words[bit >> 5];
    w = (w & ~m) | (static_cast<std::uint32_t>((v >> done) << off) & m);
    done += take;
  }
}

inline void set_bit(const PortRef& p, bool v) { put_bits(p, 0, 1, v ? 1 : 0); }
inline bool get_bit(const PortRef& p) { return get_bits(p, 0, 1) != 0; }

inline void clear(const PortRef& p) {
  if (!p) return;
  if (p.bytes) store_scalar(p, 0);
  else std::memset(p.ptr, 0, static_cast<std::size_t>((p.bits + 31) / 32) * 4);
}

// Sign- or zero-extends the low `width` bits of v to int64 (an element read off a bus).
inline std::int64_t extend(std::uint64_t v, int width, bool is_signed) {
  if (width >= 64) return static_cast<std::int64_t>(v);
  v &= low_mask(width);
  if (is_signed && ((v >> (width - 1)) & 1)) v |= ~low_mask(width);
  return static_cast<std::int64_t>(v);
}

}  // namespace bfrt
