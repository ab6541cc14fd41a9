// Tests of the CPU reference: hand-computed examples for every kernel, fed through the registry.
#include <catch2/catch.hpp>

#include "bugforge/kernels/kernel.h"

using namespace bf;
using namespace bf::kernels;

namespace {

Tensor t(const char* name, const char* type, std::vector<std::int64_t> shape,
         std::vector<std::int64_t> data) {
  return Tensor{name, ElemType::parse(type), std::move(shape), std::move(data)};
}

OutputSet run1(const std::string& kernel, const Params& p, VectorSet in) {
  const Kernel& k = require_kernel(kernel, p);
  const auto out = k.cpu(p, {std::move(in)});
  REQUIRE(out.size() == 1);
  return out[0];
}

}  // namespace

TEST_CASE("gemm_i8_i32 2x3x2 by hand") {
  // A = [[1,-2,3],[4,5,-128]], B = [[1,2],[3,4],[-1,127]]
  const auto out = run1("gemm_i8_i32", {{"M", 2}, {"N", 2}, {"K", 3}},
                        {t("A", "i8", {2, 3}, {1, -2, 3, 4, 5, -128}),
                         t("B", "i8", {3, 2}, {1, 2, 3, 4, -1, 127})});
  REQUIRE(out[0].name == "C");
  CHECK(out[0].type.name() == "i32");
  CHECK(out[0].shape == std::vector<std::int64_t>{2, 2});
  // row0: 1-6-3=-8, 2-8+381=375; row1: 4+15+128=147, 8+20-16256=-16228
  CHECK(out[0].data == std::vector<std::int64_t>{-8, 375, 147, -16228});
}

TEST_CASE("gemv_i8_i32 and dot product by hand") {
  const auto y = run1("gemv_i8_i32", {{"M", 2}, {"K", 2}},
                      {t("A", "i8", {2, 2}, {1, 2, -3, 4}), t("x", "i8", {2}, {5, -6})});
  CHECK(y[0].data == std::vector<std::int64_t>{-7, -39});
  const auto dot = run1("gemv_i8_i32", {{"M", 1}, {"K", 3}},
                        {t("A", "i8", {1, 3}, {-128, -128, 1}), t("x", "i8", {3}, {-128, 127, 9})});
  CHECK(dot[0].data == std::vector<std::int64_t>{16384 - 16256 + 9});
}

TEST_CASE("mac_i8_i32 is a running sum") {
  const auto y = run1("mac_i8_i32", {{"N", 4}},
                      {t("a", "i8", {4}, {1, 2, -3, 127}), t("b", "i8", {4}, {5, 6, 7, -128})});
  CHECK(y[0].data == std::vector<std::int64_t>{5, 17, -4, -4 - 16256});
}

TEST_CASE("ternary_gemm decodes all four codes, including 10 -> 0") {
  // One packed byte holds k=0..3: codes 01(+1), 11(-1), 10(0), 00(0) -> 0b00'10'11'01 = 0x2D.
  const auto c = run1("ternary_gemm", {{"M", 1}, {"N", 1}, {"K", 4}},
                      {t("A", "i8", {1, 4}, {10, 20, 40, 80}), t("Wp", "u8", {1, 1}, {0x2D})});
  CHECK(c[0].data == std::vector<std::int64_t>{10 - 20});
  // Code 10 in every slot contributes nothing; code 11 everywhere negates the sum.
  const auto zero = run1("ternary_gemm", {{"M", 1}, {"N", 2}, {"K", 4}},
                         {t("A", "i8", {1, 4}, {1, 2, 3, 4}), t("Wp", "u8", {1, 2}, {0xAA, 0xFF})});
  CHECK(zero[0].data == std::vector<std::int64_t>{0, -10});
}

TEST_CASE("lut_gemm int2 sign extension") {
  // fields k=0..3 (low bits first): 01(+1), 10(-2), 11(-1), 00(0) -> 0b00'11'10'01 = 0x39
  const auto c = run1("lut_gemm", {{"M", 1}, {"N", 1}, {"K", 4}, {"BITS", 2}},
                      {t("A", "i8", {1, 4}, {3, 5, 7, 11}), t("Wp", "u8", {1, 1}, {0x39})});
  CHECK(c[0].data == std::vector<std::int64_t>{3 - 10 - 7});
}

TEST_CASE("lut_gemm int4 sign extension and layout across bytes") {
  // K=4, N=2: Wp [2,2]; column 0 bytes 0x87 (k0=7, k1=-8), 0xF1 (k2=1, k3=-1);
  // column 1 bytes 0x00, 0x80 (k2=0, k3=-8).
  const auto c = run1("lut_gemm", {{"M", 1}, {"N", 2}, {"K", 4}, {"BITS", 4}},
                      {t("A", "i8", {1, 4}, {1, 2, 3, -128}),
                       t("Wp", "u8", {2, 2}, {0x87, 0x00, 0xF1, 0x80})});
  CHECK(c[0].data == std::vector<std::int64_t>{7 - 16 + 3 + 128, 1024});
}

TEST_CASE("requant rounds half to even and saturates both sides") {
  // Mul=1, SHIFT=1: x/2 with ties to even.
  const auto y = run1("requant", {{"N", 8}, {"SHIFT", 1}},
                      {t("X", "i32", {8}, {1, 3, 5, -1, -3, 7, 1000, -1000}), t("Mul", "i16", {1}, {1})});
  CHECK(y[0].data == std::vector<std::int64_t>{0, 2, 2, 0, -2, 4, 127, -128});
  // Mul=3, SHIFT=2: 5*3/4 = 3.75 -> 4; -2*3/4 = -1.5 -> -2; 2*3/4 = 1.5 -> 2; 1*3/4 = 0.75 -> 1
  const auto z = run1("requant", {{"N", 4}, {"SHIFT", 2}},
                      {t("X", "i32", {4}, {5, -2, 2, 1}), t("Mul", "i16", {1}, {3})});
  CHECK(z[0].data == std::vector<std::int64_t>{4, -2, 2, 1});
  // Extremes: with SHIFT=20 the largest products saturate high and low; with SHIFT=40 they round to 0.
  const auto e = run1("requant", {{"N", 2}, {"SHIFT", 20}},
                      {t("X", "i32", {2}, {1 << 20, -(1 << 20)}), t("Mul", "i16", {1}, {32767})});
  CHECK(e[0].data == std::vector<std::int64_t>{127, -128});
  const auto f = run1("requant", {{"N", 2}, {"SHIFT", 40}},
                      {t("X", "i32", {2}, {1 << 20, -(1 << 20)}), t("Mul", "i16", {1}, {32767})});
  CHECK(f[0].data == std::vector<std::int64_t>{0, 0});
}

TEST_CASE("conv2d one channel 3x3 input, 2x2 kernel") {
  // X = 1..9 row-major, kernel [[1,0],[0,-1]] -> x[y][x] - x[y+1][x+1] = -4 everywhere
  const auto y = run1("conv2d", {{"CIN", 1}, {"COUT", 1}, {"H", 3}, {"W", 3}, {"KH", 2}, {"KW", 2}},
                      {t("X", "i8", {1, 3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9}),
                       t("Wt", "i8", {1, 1, 2, 2}, {1, 0, 0, -1})});
  CHECK(y[0].shape == std::vector<std::int64_t>{1, 2, 2});
  CHECK(y[0].data == std::vector<std::int64_t>{-4, -4, -4, -4});
}

TEST_CASE("conv2d two input channels sum, two output channels") {
  const auto y = run1("conv2d", {{"CIN", 2}, {"COUT", 2}, {"H", 1}, {"W", 2}, {"KH", 1}, {"KW", 1}},
                      {t("X", "i8", {2, 1, 2}, {1, 2, 3, 4}), t("Wt", "i8", {2, 2, 1, 1}, {1, 10, -1, 2})});
  CHECK(y[0].data == std::vector<std::int64_t>{31, 42, 5, 6});
}

TEST_CASE("fir with zero history") {
  const auto y = run1("fir", {{"N", 4}, {"T", 3}},
                      {t("x", "i16", {4}, {1, 2, 3, 4}), t("h", "i16", {3}, {1, -1, 2})});
  // y0=1, y1=2-1=1, y2=3-2+2=3, y3=4-3+4=5
  CHECK(y[0].data == std::vector<std::int64_t>{1, 1, 3, 5});
  const auto big = run1("fir", {{"N", 2}, {"T", 2}},
                        {t("x", "i16", {2}, {-32768, -32768}), t("h", "i16", {2}, {-32768, -32768})});
  CHECK(big[0].type.name() == "i48");
  CHECK(big[0].data == std::vector<std::int64_t>{1LL << 30, 1LL << 31});
}

TEST_CASE("identity copies and carries the W-bit type") {
  const Params p{{"N", 3}, {"W", 5}};
  const Kernel& k = require_kernel("identity", p);
  CHECK(k.inputs[0].type_for(p).name() == "u5");
  CHECK(k.outputs[0].type_for(p).name() == "u5");
  const auto y = run1("identity", p, {t("x", "u5", {3}, {0, 31, 17})});
  CHECK(y[0].name == "y");
  CHECK(y[0].data == std::vector<std::int64_t>{0, 31, 17});
}

TEST_CASE("batched cpu call keeps set order") {
  const Params p{{"N", 2}};
  const Kernel& k = require_kernel("mac_i8_i32", p);
  const auto out = k.cpu(p, {{t("a", "i8", {2}, {1, 1}), t("b", "i8", {2}, {2, 3})},
                             {t("a", "i8", {2}, {-1, 0}), t("b", "i8", {2}, {4, 9})}});
  REQUIRE(out.size() == 2);
  CHECK(out[0][0].data == std::vector<std::int64_t>{2, 5});
  CHECK(out[1][0].data == std::vector<std::int64_t>{-4, -4});
}
