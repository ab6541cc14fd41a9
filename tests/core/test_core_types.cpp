// Tests of the small shared types: element types, hashing, diagnostics formatting.
#include <catch2/catch.hpp>

#include "bugforge/core/diagnostic.h"
#include "bugforge/core/hash.h"
#include "bugforge/core/tensor.h"

TEST_CASE("element types parse, bound and wrap like hardware", "[core]") {
  const auto i8 = bf::ElemType::parse("i8");
  CHECK(i8.is_signed);
  CHECK(i8.bits == 8);
  CHECK(i8.min() == -128);
  CHECK(i8.max() == 127);
  CHECK(i8.wrap(128) == -128);
  CHECK(i8.wrap(-129) == 127);
  const auto u4 = bf::ElemType::parse("u4");
  CHECK(u4.max() == 15);
  CHECK(u4.wrap(-1) == 15);
  CHECK(u4.wrap(16) == 0);
  CHECK(bf::ElemType::parse("i48").wrap(std::int64_t{1} << 47) == -(std::int64_t{1} << 47));
  CHECK(bf::ElemType::parse("i64").wrap(-5) == -5);
  CHECK(u4.name() == "u4");
  CHECK_THROWS_AS(bf::ElemType::parse("f32"), bf::Error);
  CHECK_THROWS_AS(bf::ElemType::parse("i0"), bf::Error);
  CHECK_THROWS_AS(bf::ElemType::parse("i65"), bf::Error);
  CHECK_THROWS_AS(bf::ElemType::parse("i8x"), bf::Error);
}

TEST_CASE("params print canonically", "[core]") {
  CHECK(bf::params_to_string({{"N", 4}, {"M", 2}, {"K", 8}}) == "K=8,M=2,N=4");
}

TEST_CASE("hashing separates parts and is stable", "[core]") {
  bf::Hasher a, b, c;
  a.add("ab").add("c");
  b.add("a").add("bc");
  c.add("ab").add("c");
  CHECK(a.digest() != b.digest());
  CHECK(a.digest() == c.digest());
  CHECK(a.hex().size() == 16);
  // xxh64 of the empty string with seed 0 is a published constant.
  CHECK(bf::hash64("") == 0xEF46DB3751D8E999ull);
  CHECK(bf::hex64(255) == "00000000000000ff");
}

TEST_CASE("diagnostics format with what is known", "[core]") {
  const bf::Error e("BF-X-001", "bad thing", bf::SourceLoc{"a.toml", 3, 7});
  CHECK(std::string(e.what()) == "a.toml:3:7: error[BF-X-001]: bad thing");
  const bf::Error noloc("BF-X-002", "no place");
  CHECK(std::string(noloc.what()) == "error[BF-X-002]: no place");
  CHECK(e.diagnostic().loc.line == 3);
}
