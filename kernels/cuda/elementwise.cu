// bugforge kernels — CUDA input generation and the non-GEMM kernels, plus compute() dispatch.
//
// generate(): one thread per element of the flattened (set, element) index, writing the value of
// vector_gen.h's formula into the element's storage width. The remaining kernels use one thread
// per output element (mac: one per set, it is a sequential scan) with a grid-stride loop over the
// whole batch; gemv is the GEMM family with N = 1.
#include <algorithm>

#include "bugforge/kernels/scalar_ops.h"
#include "bugforge/kernels/vector_gen.h"
#include "device.cuh"

namespace bf::kernels::cuda {

void check(cudaError_t err, const char* what) {
  if (err != cudaSuccess)
    throw std::runtime_error(std::string(what) + ": " + cudaGetErrorString(err));
}

namespace {

#define BF_GRID_STRIDE(i, total)                                                               \
  for (std::int64_t i = blockIdx.x * std::int64_t{blockDim.x} + threadIdx.x; i < (total); \
       i += std::int64_t{gridDim.x} * blockDim.x)

int grid_for(std::int64_t total) {
  static const int cap = [] {
    int dev = 0, sms = 0;
    check(cudaGetDevice(&dev), "cudaGetDevice");
    check(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, dev), "cudaDeviceGetAttribute");
    return sms * 32;
  }();
  return static_cast<int>(std::max<std::int64_t>(1, std::min<std::int64_t>((total + 255) / 256, cap)));
}

template <class T>
__global__ void gen_kernel(T* out, std::int64_t numel, std::uint64_t t, std::int64_t lo,
                           std::int64_t hi, const std::uint64_t* seeds, const std::uint64_t* bases,
                           std::int64_t total) {
  BF_GRID_STRIDE(idx, total) {
    const std::int64_t set = idx / numel, i = idx - set * numel;
    out[idx] = static_cast<T>(gen::element(bases[set], seeds[set], t, static_cast<std::uint64_t>(i), lo, hi));
  }
}

__global__ void mac_kernel(const std::int8_t* a, const std::int8_t* b, std::int32_t* y, int N,
                           std::int64_t batch) {
  BF_GRID_STRIDE(set, batch) {
    const std::int64_t off = set * N;
    int acc = 0;
    for (int i = 0; i < N; ++i) y[off + i] = acc += int{a[off + i]} * int{b[off + i]};
  }
}

__global__ void requant_kernel(const std::int32_t* x, const std::int16_t* mul, std::int8_t* y,
                               int N, int shift, std::int64_t total) {
  BF_GRID_STRIDE(idx, total) {
    y[idx] = static_cast<std::int8_t>(ops::requant(x[idx], mul[idx / N], shift));
  }
}

struct ConvShape {
  int CIN, COUT, H, W, KH, KW, OH, OW;
};

__global__ void conv2d_kernel(ConvShape s, const std::int8_t* x, const std::int8_t* wt,
                              std::int32_t* y, std::int64_t total) {
  const std::int64_t per_set = std::int64_t{s.COUT} * s.OH * s.OW;
  BF_GRID_STRIDE(idx, total) {
    const std::int64_t set = idx / per_set;
    const int r = static_cast<int>(idx - set * per_set);
    const int co = r / (s.OH * s.OW), oy = (r / s.OW) % s.OH, ox = r % s.OW;
    const std::int8_t* xs = x + set * s.CIN * s.H * std::int64_t{s.W};
    const std::int8_t* ws = wt + (set * s.COUT + co) * std::int64_t{s.CIN} * s.KH * s.KW;
    int acc = 0;
    for (int ci = 0; ci < s.CIN; ++ci)
      for (int ky = 0; ky < s.KH; ++ky)
        for (int kx = 0; kx < s.KW; ++kx)
          acc += int{xs[(ci * s.H + oy + ky) * s.W + ox + kx]} * int{ws[(ci * s.KH + ky) * s.KW + kx]};
    y[idx] = acc;
  }
}

__global__ void fir_kernel(const std::int16_t* x, const std::int16_t* h, std::int64_t* y, int N,
                           int T, std::int64_t total) {
  BF_GRID_STRIDE(idx, total) {
    const std::int64_t set = idx / N;
    const int n = static_cast<int>(idx - set * N);
    const std::int16_t* xs = x + set * N;
    const std::int16_t* hs = h + set * T;
    std::int64_t acc = 0;
    for (int t = 0; t <= min(T - 1, n); ++t) acc += std::int64_t{hs[t]} * xs[n - t];
    y[idx] = acc;
  }
}

int param(const Params& p, const char* name) { return static_cast<int>(p.at(name)); }

template <class T>
const T* as(const void* p) { return static_cast<const T*>(p); }
template <class T>
T* as(void* p) { return static_cast<T*>(p); }

void gemm_like(WeightKind w, const Params& p, const void* const* in, void* const* out,
               std::int64_t batch, cudaStream_t stream) {
  gemm_family(w, p.at("M"), p.at("N"), p.at("K"), as<std::int8_t>(in[0]), as<std::uint8_t>(in[1]),
              as<std::int32_t>(out[0]), batch, stream);
}

void conv2d(const Params& p, const void* const* in, void* const* out, std::int64_t batch,
            cudaStream_t stream) {
  ConvShape s{param(p, "CIN"), param(p, "COUT"), param(p, "H"), param(p, "W"), param(p, "KH"),
              param(p, "KW"), 0, 0};
  s.OH = s.H - s.KH + 1;
  s.OW = s.W - s.KW + 1;
  const std::int64_t total = batch * s.COUT * s.OH * std::int64_t{s.OW};
  conv2d_kernel<<<grid_for(total), 256, 0, stream>>>(s, as<std::int8_t>(in[0]), as<std::int8_t>(in[1]),
                                                     as<std::int32_t>(out[0]), total);
}

}  // namespace

void generate(void* out, int bytes, std::int64_t numel, std::uint64_t t, std::int64_t lo,
              std::int64_t hi, const std::uint64_t* seeds, const std::uint64_t* bases,
              std::int64_t batch, cudaStream_t stream) {
  const std::int64_t total = batch * numel;
  const int g = grid_for(total);
  switch (bytes) {
    case 1: gen_kernel<<<g, 256, 0, stream>>>(as<std::uint8_t>(out), numel, t, lo, hi, seeds, bases, total); break;
    case 2: gen_kernel<<<g, 256, 0, stream>>>(as<std::uint16_t>(out), numel, t, lo, hi, seeds, bases, total); break;
    case 4: gen_kernel<<<g, 256, 0, stream>>>(as<std::uint32_t>(out), numel, t, lo, hi, seeds, bases, total); break;
    default: gen_kernel<<<g, 256, 0, stream>>>(as<std::uint64_t>(out), numel, t, lo, hi, seeds, bases, total); break;
  }
  check(cudaGetLastError(), "generate launch");
}

void compute(const std::string& name, const Params& p, const void* const* in, void* const* out,
             std::int64_t batch, cudaStream_t stream) {
  if (name == "gemm_i8_i32") {
    gemm_like(WeightKind::int8, p, in, out, batch, stream);
  } else if (name == "ternary_gemm") {
    gemm_like(WeightKind::ternary, p, in, out, batch, stream);
  } else if (name == "lut_gemm") {
    gemm_like(p.at("BITS") == 2 ? WeightKind::lut2 : WeightKind::lut4, p, in, out, batch, stream);
  } else if (name == "gemv_i8_i32") {
    gemm_family(WeightKind::int8, p.at("M"), 1, p.at("K"), as<std::int8_t>(in[0]),
                as<std::uint8_t>(in[1]), as<std::int32_t>(out[0]), batch, stream);
  } else if (name == "mac_i8_i32") {
    mac_kernel<<<grid_for(batch), 256, 0, stream>>>(as<std::int8_t>(in[0]), as<std::int8_t>(in[1]),
                                                    as<std::int32_t>(out[0]), param(p, "N"), batch);
  } else if (name == "requant") {
    const std::int64_t total = batch * p.at("N");
    requant_kernel<<<grid_for(total), 256, 0, stream>>>(as<std::int32_t>(in[0]), as<std::int16_t>(in[1]),
                                                        as<std::int8_t>(out[0]), param(p, "N"),
                                                        param(p, "SHIFT"), total);
  } else if (name == "conv2d") {
    conv2d(p, in, out, batch, stream);
  } else if (name == "fir") {
    const std::int64_t total = batch * p.at("N");
    fir_kernel<<<grid_for(total), 256, 0, stream>>>(as<std::int16_t>(in[0]), as<std::int16_t>(in[1]),
                                                    as<std::int64_t>(out[0]), param(p, "N"), param(p, "T"), total);
  } else if (name == "identity") {
    const int bytes = storage_bytes(ElemType{false, param(p, "W")});
    check(cudaMemcpyAsync(out[0], in[0], batch * p.at("N") * bytes, cudaMemcpyDeviceToDevice, stream),
          "identity copy");
  } else {
    throw std::runtime_error("no CUDA implementation of kernel '" + name + "'");
  }
  check(cudaGetLastError(), "kernel launch");
}

}  // namespace bf::kernels::cuda
