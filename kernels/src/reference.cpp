// bugforge kernels — CPU reference: straightforward loops over row-major int64 element storage.
//
// Every kernel is a per-set function `one(params, inputs) -> outputs`, lifted over the batch by
// `each`. Loops follow the README's formulas literally (no tiling, no reordering) because this is
// the specification the CUDA kernels are checked against.
#include "reference.h"

#include <algorithm>

#include "bugforge/kernels/scalar_ops.h"

namespace bf::kernels::ref {

namespace {

using Data = std::vector<std::int64_t>;

Tensor out_tensor(const char* name, const char* type, std::vector<std::int64_t> shape) {
  Tensor t;
  t.name = name;
  t.type = ElemType::parse(type);
  t.shape = std::move(shape);
  t.data.assign(static_cast<std::size_t>(t.numel()), 0);
  return t;
}

template <class One>
std::vector<OutputSet> each(const Params& p, const std::vector<VectorSet>& sets, One one) {
  std::vector<OutputSet> out;
  out.reserve(sets.size());
  for (const auto& s : sets) out.push_back(one(p, s));
  return out;
}

// C[M,N] = A[M,K] · w[K,N], where w(k, n) decodes the second operand's element.
template <class W>
Tensor matmul(std::int64_t M, std::int64_t N, std::int64_t K, const Data& a, W w) {
  Tensor c = out_tensor("C", "i32", {M, N});
  for (std::int64_t m = 0; m < M; ++m)
    for (std::int64_t n = 0; n < N; ++n) {
      std::int64_t acc = 0;
      for (std::int64_t k = 0; k < K; ++k) acc += a[m * K + k] * w(k, n);
      c.data[m * N + n] = acc;
    }
  return c;
}

OutputSet gemm_one(const Params& p, const VectorSet& in) {
  const auto N = p.at("N");
  const Data& b = in[1].data;
  return {matmul(p.at("M"), N, p.at("K"), in[0].data,
                 [&](std::int64_t k, std::int64_t n) { return b[k * N + n]; })};
}

OutputSet gemv_one(const Params& p, const VectorSet& in) {
  const auto M = p.at("M"), K = p.at("K");
  const Data& x = in[1].data;
  Tensor c = matmul(M, 1, K, in[0].data, [&](std::int64_t k, std::int64_t) { return x[k]; });
  c.name = "y";
  c.shape = {M};
  return {c};
}

OutputSet mac_one(const Params& p, const VectorSet& in) {
  Tensor y = out_tensor("y", "i32", {p.at("N")});
  std::int64_t acc = 0;
  for (std::size_t i = 0; i < y.data.size(); ++i) y.data[i] = acc += in[0].data[i] * in[1].data[i];
  return {y};
}

OutputSet ternary_one(const Params& p, const VectorSet& in) {
  const auto N = p.at("N");
  const Data& wp = in[1].data;
  return {matmul(p.at("M"), N, p.at("K"), in[0].data, [&](std::int64_t k, std::int64_t n) {
    return ops::ternary_weight(static_cast<std::uint32_t>(wp[(k / 4) * N + n]), k);
  })};
}

OutputSet lut_one(const Params& p, const VectorSet& in) {
  const auto N = p.at("N");
  const int bits = static_cast<int>(p.at("BITS"));
  const std::int64_t per_byte = 8 / bits;
  const Data& wp = in[1].data;
  return {matmul(p.at("M"), N, p.at("K"), in[0].data, [&](std::int64_t k, std::int64_t n) {
    return ops::lut_weight(static_cast<std::uint32_t>(wp[(k / per_byte) * N + n]), k, bits);
  })};
}

OutputSet requant_one(const Params& p, const VectorSet& in) {
  Tensor y = out_tensor("Y", "i8", {p.at("N")});
  const std::int64_t mul = in[1].data[0];
  const int shift = static_cast<int>(p.at("SHIFT"));
  for (std::size_t i = 0; i < y.data.size(); ++i) y.data[i] = ops::requant(in[0].data[i], mul, shift);
  return {y};
}

OutputSet conv2d_one(const Params& p, const VectorSet& in) {
  const auto CIN = p.at("CIN"), H = p.at("H"), W = p.at("W"), KH = p.at("KH"), KW = p.at("KW");
  const auto OH = H - KH + 1, OW = W - KW + 1;
  Tensor y = out_tensor("Y", "i32", {p.at("COUT"), OH, OW});
  const Data& x = in[0].data;
  const Data& wt = in[1].data;
  for (std::int64_t co = 0; co < p.at("COUT"); ++co)
    for (std::int64_t oy = 0; oy < OH; ++oy)
      for (std::int64_t ox = 0; ox < OW; ++ox) {
        std::int64_t acc = 0;
        for (std::int64_t ci = 0; ci < CIN; ++ci)
          for (std::int64_t ky = 0; ky < KH; ++ky)
            for (std::int64_t kx = 0; kx < KW; ++kx)
              acc += x[(ci * H + oy + ky) * W + ox + kx] * wt[((co * CIN + ci) * KH + ky) * KW + kx];
        y.data[(co * OH + oy) * OW + ox] = acc;
      }
  return {y};
}

OutputSet fir_one(const Params& p, const VectorSet& in) {
  const auto N = p.at("N"), T = p.at("T");
  Tensor y = out_tensor("y", "i48", {N});
  for (std::int64_t n = 0; n < N; ++n) {
    std::int64_t acc = 0;
    for (std::int64_t t = 0; t <= std::min(T - 1, n); ++t) acc += in[1].data[t] * in[0].data[n - t];
    y.data[n] = acc;
  }
  return {y};
}

OutputSet identity_one(const Params& p, const VectorSet& in) {
  Tensor y = in[0];
  y.name = "y";
  return {y};
}

}  // namespace

std::vector<OutputSet> gemm(const Params& p, const std::vector<VectorSet>& s) { return each(p, s, gemm_one); }
std::vector<OutputSet> gemv(const Params& p, const std::vector<VectorSet>& s) { return each(p, s, gemv_one); }
std::vector<OutputSet> mac(const Params& p, const std::vector<VectorSet>& s) { return each(p, s, mac_one); }
std::vector<OutputSet> ternary_gemm(const Params& p, const std::vector<VectorSet>& s) { return each(p, s, ternary_one); }
std::vector<OutputSet> lut_gemm(const Params& p, const std::vector<VectorSet>& s) { return each(p, s, lut_one); }
std::vector<OutputSet> requant(const Params& p, const std::vector<VectorSet>& s) { return each(p, s, requant_one); }
std::vector<OutputSet> conv2d(const Params& p, const std::vector<VectorSet>& s) { return each(p, s, conv2d_one); }
std::vector<OutputSet> fir(const Params& p, const std::vector<VectorSet>& s) { return each(p, s, fir_one); }
std::vector<OutputSet> identity(const Params& p, const std::vector<VectorSet>& s) { return each(p, s, identity_one); }

}  // namespace bf::kernels::ref
