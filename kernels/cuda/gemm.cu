// bugforge kernels — CUDA int8 GEMM family: gemm_i8_i32, ternary_gemm, lut_gemm.
//
// Three paths, all bit-exact (integer sums cannot overflow within the registry's limits):
//  * small: when one set's A and decoded W fit in a few KB of shared memory (the tiny batched
//    shapes designs use), a persistent block stages S whole sets (A rows, W decoded to int8 and
//    transposed to [n][k], rows padded to an odd word count so the inner loop is bank-conflict
//    free) and computes every output with dp4a. Global traffic is one coalesced pass.
//  * large, aligned (M,N % 128 = 0, K % 64 = 0): W is decoded+transposed once to Bt [N,K], then a
//    tensor-core kernel (mma.sync m16n8k32 s8, 128x128x64 tiles, 8 warps, cp.async double buffer).
//  * otherwise: the same decode+transpose, then one thread per output.
#include <algorithm>

#include "bugforge/kernels/scalar_ops.h"
#include "device.cuh"

namespace bf::kernels::cuda {

namespace {

constexpr int kThreads = 256;
constexpr int kSmallSmemBudget = 40 * 1024;  // per block, leaves room for 5 blocks per SM
constexpr int kTargetOutputs = 4096;          // outputs per block iteration in the small path

// k-values per packed byte of W.
__host__ __device__ constexpr int per_byte(WeightKind w) {
  return w == WeightKind::int8 ? 1 : (w == WeightKind::lut4 ? 2 : 4);
}

// Weight j (0-based within its byte) of packed byte b, as int8 bits.
template <WeightKind W>
__device__ __forceinline__ std::uint32_t weight_bits(std::uint32_t b, int j) {
  if constexpr (W == WeightKind::int8) return b & 0xFFu;
  if constexpr (W == WeightKind::ternary) return static_cast<std::uint8_t>(ops::ternary_weight(b, j));
  if constexpr (W == WeightKind::lut2) return static_cast<std::uint8_t>(ops::lut_weight(b, j, 2));
  return static_cast<std::uint8_t>(ops::lut_weight(b, j, 4));
}

// All weights of packed byte b, packed little-endian as int8 lanes (1, 2 or 4 bytes).
template <WeightKind W>
__device__ __forceinline__ std::uint32_t expand(std::uint32_t b) {
  std::uint32_t v = 0;
#pragma unroll
  for (int j = 0; j < per_byte(W); ++j) v |= weight_bits<W>(b, j) << (8 * j);
  return v;
}

template <int P>
__device__ __forceinline__ void store_lanes(std::uint8_t* dst, std::uint32_t v) {
  if constexpr (P == 1) *dst = static_cast<std::uint8_t>(v);
  if constexpr (P == 2) *reinterpret_cast<std::uint16_t*>(dst) = static_cast<std::uint16_t>(v);
  if constexpr (P == 4) *reinterpret_cast<std::uint32_t*>(dst) = v;
}

struct SmallShape {
  int M, N, K, K4, rs, S;  // rs: row stride in words (odd); S: sets per block iteration
};

// Stage `rows` rows of A (row length K bytes, rows contiguous across sets) as padded words.
__device__ void stage_a(const std::int8_t* src, int rows, const SmallShape& s, std::uint32_t* As) {
  if (s.K % 4 == 0) {
    const auto* w = reinterpret_cast<const std::uint32_t*>(src);
    for (int j = threadIdx.x; j < rows * s.K4; j += blockDim.x) {
      const int r = j / s.K4;
      As[r * s.rs + (j - r * s.K4)] = __ldg(w + j);
    }
    return;
  }
  for (int r = threadIdx.x; r < rows; r += blockDim.x) As[r * s.rs + s.K4 - 1] = 0;  // pad lanes
  __syncthreads();
  auto* bytes = reinterpret_cast<std::uint8_t*>(As);
  for (int j = threadIdx.x; j < rows * s.K; j += blockDim.x) {
    const int r = j / s.K;
    bytes[r * s.rs * 4 + (j - r * s.K)] = static_cast<std::uint8_t>(__ldg(src + j));
  }
}

// Stage W of `ns` sets decoded and transposed: Bs row (set*N + n) holds w[.., n] over k.
template <WeightKind W>
__device__ void stage_w(const std::uint8_t* src, int ns, const SmallShape& s, std::uint32_t* Bs) {
  constexpr int P = per_byte(W);
  const int wrows = s.K / P;
  auto* bytes = reinterpret_cast<std::uint8_t*>(Bs);
  if (s.K % 4 != 0)
    for (int r = threadIdx.x; r < ns * s.N; r += blockDim.x) Bs[r * s.rs + s.K4 - 1] = 0;
  __syncthreads();
  if (s.N % 4 == 0) {
    const auto* w = reinterpret_cast<const std::uint32_t*>(src);
    const int N4 = s.N / 4;
    for (int j = threadIdx.x; j < ns * wrows * N4; j += blockDim.x) {
      const int R = j / N4, set = R / wrows, pr = R - set * wrows, n0 = (j - R * N4) * 4;
      const std::uint32_t word = __ldg(w + j);
#pragma unroll
      for (int b = 0; b < 4; ++b)
        store_lanes<P>(bytes + ((set * s.N + n0 + b) * s.rs) * 4 + pr * P, expand<W>(word >> (8 * b)));
    }
    return;
  }
  for (int j = threadIdx.x; j < ns * wrows * s.N; j += blockDim.x) {
    const int R = j / s.N, set = R / wrows, pr = R - set * wrows, n = j - R * s.N;
    store_lanes<P>(bytes + ((set * s.N + n) * s.rs) * 4 + pr * P, expand<W>(__ldg(src + j)));
  }
}

template <WeightKind W>
__global__ void __launch_bounds__(kThreads) small_gemm(SmallShape s, const std::int8_t* A,
                                                       const std::uint8_t* Wp, std::int32_t* C,
                                                       std::int64_t batch) {
  extern __shared__ std::uint32_t smem[];
  std::uint32_t* As = smem;
  std::uint32_t* Bs = smem + s.S * s.M * s.rs;
  const std::int64_t a_set = std::int64_t{s.M} * s.K, c_set = std::int64_t{s.M} * s.N;
  const std::int64_t w_set = std::int64_t{s.K / per_byte(W)} * s.N;
  for (std::int64_t s0 = std::int64_t{blockIdx.x} * s.S; s0 < batch; s0 += std::int64_t{gridDim.x} * s.S) {
    const int ns = static_cast<int>(min(std::int64_t{s.S}, batch - s0));
    stage_a(A + s0 * a_set, ns * s.M, s, As);
    stage_w<W>(Wp + s0 * w_set, ns, s, Bs);
    __syncthreads();
    const int MN = s.M * s.N;
    for (int o = threadIdx.x; o < ns * MN; o += blockDim.x) {
      const int set = o / MN, r = o - set * MN, m = r / s.N, n = r - m * s.N;
      const std::uint32_t* a = As + (set * s.M + m) * s.rs;
      const std::uint32_t* b = Bs + (set * s.N + n) * s.rs;
      int acc = 0;
      for (int kw = 0; kw < s.K4; ++kw) acc = __dp4a(static_cast<int>(a[kw]), static_cast<int>(b[kw]), acc);
      C[s0 * c_set + o] = acc;
    }
    __syncthreads();
  }
}

// Bt[set][n][k] = decoded w[k][n], 32x32 tiles through shared memory so both sides coalesce.
template <WeightKind W>
__global__ void decode_transpose(const std::uint8_t* Wp, std::int8_t* Bt, int N, int K) {
  __shared__ std::int8_t tile[32][33];
  constexpr int P = per_byte(W);
  const std::int64_t set = blockIdx.z;
  const int n0 = blockIdx.x * 32, k0 = blockIdx.y * 32;
  const std::uint8_t* src = Wp + set * (std::int64_t{K / P} * N);
  for (int ky = threadIdx.y; ky < 32; ky += blockDim.y) {
    const int k = k0 + ky, n = n0 + threadIdx.x;
    if (k < K && n < N)
      tile[ky][threadIdx.x] = static_cast<std::int8_t>(weight_bits<W>(__ldg(src + (k / P) * N + n), k % P));
  }
  __syncthreads();
  std::int8_t* dst = Bt + set * (std::int64_t{N} * K);
  for (int ny = threadIdx.y; ny < 32; ny += blockDim.y) {
    const int n = n0 + ny, k = k0 + threadIdx.x;
    if (k < K && n < N) dst[std::int64_t{n} * K + k] = tile[threadIdx.x][ny];
  }
}

// One thread per output over A [M,K] and Bt [N,K] (any shape).
__global__ void simple_gemm(int M, int N, int K, const std::int8_t* A, const std::int8_t* Bt,
                            std::int32_t* C, std::int64_t total) {
  for (std::int64_t idx = blockIdx.x * std::int64_t{blockDim.x} + threadIdx.x; idx < total;
       idx += std::int64_t{gridDim.x} * blockDim.x) {
    const std::int64_t set = idx / (std::int64_t{M} * N);
    const int r = static_cast<int>(idx - set * M * N), m = r / N, n = r - m * N;
    const std::int8_t* a = A + (set * M + m) * std::int64_t{K};
    const std::int8_t* b = Bt + (set * N + n) * std::int64_t{K};
    int acc = 0;
    for (int k = 0; k < K; ++k) acc += int{a[k]} * int{b[k]};
    C[idx] = acc;
  }
}

// ---- tensor-core path -------------------------------------------------------------------
constexpr int BM = 128, BN = 128, BK = 64, LDS = 80;  // LDS: smem row bytes (conflict-free frags)

__device__ __forceinline__ void cp_async16(void* smem, const void* gmem) {
  const auto addr = static_cast<unsigned>(__cvta_generic_to_shared(smem));
  asm volatile("cp.async.cg.shared.global [%0], [%1], 16;\n" ::"r"(addr), "l"(gmem));
}

__device__ __forceinline__ void mma_s8(int* c, const unsigned* a, const unsigned* b) {
  asm volatile(
      "mma.sync.aligned.m16n8k32.row.col.s32.s8.s8.s32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, "
      "{%0,%1,%2,%3};\n"
      : "+r"(c[0]), "+r"(c[1]), "+r"(c[2]), "+r"(c[3])
      : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b[0]), "r"(b[1]));
}

// Copy a 128x64-byte tile (rows of K bytes starting at src) into smem rows of LDS bytes.
__device__ __forceinline__ void load_tile(std::int8_t* dst, const std::int8_t* src, int K) {
#pragma unroll
  for (int i = 0; i < 2; ++i) {
    const int chunk = threadIdx.x + i * kThreads, row = chunk / 4, c16 = (chunk % 4) * 16;
    cp_async16(dst + row * LDS + c16, src + std::int64_t{row} * K + c16);
  }
}

__device__ __forceinline__ unsigned lds32(const std::int8_t* p) { return *reinterpret_cast<const unsigned*>(p); }

__global__ void __launch_bounds__(kThreads) mma_gemm(const std::int8_t* A, const std::int8_t* Bt,
                                                     std::int32_t* C, int M, int N, int K,
                                                     std::int64_t set0) {
  __shared__ __align__(16) std::int8_t As[2][BM * LDS];
  __shared__ __align__(16) std::int8_t Bs[2][BN * LDS];
  const std::int64_t set = set0 + blockIdx.z;
  const int m0 = blockIdx.y * BM, n0 = blockIdx.x * BN;
  const std::int8_t* a_src = A + set * M * std::int64_t{K} + std::int64_t{m0} * K;
  const std::int8_t* b_src = Bt + set * N * std::int64_t{K} + std::int64_t{n0} * K;
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32, g = lane / 4, tq = lane % 4;
  const int wm = (warp / 4) * 64, wn = (warp % 4) * 32;
  int acc[4][4][4] = {};
  const int tiles = K / BK;
  load_tile(As[0], a_src, K);
  load_tile(Bs[0], b_src, K);
  asm volatile("cp.async.commit_group;\n");
  for (int kt = 0; kt < tiles; ++kt) {
    const int cur = kt & 1;
    if (kt + 1 < tiles) {
      load_tile(As[cur ^ 1], a_src + (kt + 1) * BK, K);
      load_tile(Bs[cur ^ 1], b_src + (kt + 1) * BK, K);
      asm volatile("cp.async.commit_group;\n");
      asm volatile("cp.async.wait_group 1;\n");
    } else {
      asm volatile("cp.async.wait_group 0;\n");
    }
    __syncthreads();
#pragma unroll
    for (int ks = 0; ks < BK; ks += 32) {
      unsigned af[4][4], bf[4][2];
#pragma unroll
      for (int mi = 0; mi < 4; ++mi) {
        const std::int8_t* p = As[cur] + (wm + mi * 16 + g) * LDS + ks + tq * 4;
        af[mi][0] = lds32(p);
        af[mi][1] = lds32(p + 8 * LDS);
        af[mi][2] = lds32(p + 16);
        af[mi][3] = lds32(p + 8 * LDS + 16);
      }
#pragma unroll
      for (int ni = 0; ni < 4; ++ni) {
        const std::int8_t* p = Bs[cur] + (wn + ni * 8 + g) * LDS + ks + tq * 4;
        bf[ni][0] = lds32(p);
        bf[ni][1] = lds32(p + 16);
      }
#pragma unroll
      for (int mi = 0; mi < 4; ++mi)
#pragma unroll
        for (int ni = 0; ni < 4; ++ni) mma_s8(acc[mi][ni], af[mi], bf[ni]);
    }
    __syncthreads();
  }
  std::int32_t* c = C + set * M * std::int64_t{N};
#pragma unroll
  for (int mi = 0; mi < 4; ++mi)
#pragma unroll
    for (int ni = 0; ni < 4; ++ni) {
      const int row = m0 + wm + mi * 16 + g, col = n0 + wn + ni * 8 + tq * 2;
      *reinterpret_cast<int2*>(c + std::int64_t{row} * N + col) = make_int2(acc[mi][ni][0], acc[mi][ni][1]);
      *reinterpret_cast<int2*>(c + std::int64_t{row + 8} * N + col) = make_int2(acc[mi][ni][2], acc[mi][ni][3]);
    }
}

int sm_count() {
  static const int n = [] {
    int dev = 0, v = 0;
    check(cudaGetDevice(&dev), "cudaGetDevice");
    check(cudaDeviceGetAttribute(&v, cudaDevAttrMultiProcessorCount, dev), "cudaDeviceGetAttribute");
    return v;
  }();
  return n;
}

// Shared-memory plan for the small path; S = 0 when one set does not fit.
SmallShape small_shape(int M, int N, int K) {
  SmallShape s{M, N, K, (K + 3) / 4, 0, 0};
  s.rs = s.K4 % 2 == 0 ? s.K4 + 1 : s.K4;
  const int per_set = (M + N) * s.rs * 4;
  if (per_set > kSmallSmemBudget) return s;
  s.S = std::max(1, std::min(kSmallSmemBudget / per_set, (kTargetOutputs + M * N - 1) / (M * N)));
  return s;
}

template <WeightKind W>
void launch_small(const SmallShape& s, const std::int8_t* A, const std::uint8_t* Wp,
                  std::int32_t* C, std::int64_t batch, cudaStream_t stream) {
  const int smem = s.S * (s.M + s.N) * s.rs * 4;
  const std::int64_t groups = (batch + s.S - 1) / s.S;
  const int blocks = static_cast<int>(std::min<std::int64_t>(groups, std::int64_t{sm_count()} * 16));
  small_gemm<W><<<blocks, kThreads, smem, stream>>>(s, A, Wp, C, batch);
}

template <WeightKind W>
void launch_large(int M, int N, int K, const std::int8_t* A, const std::uint8_t* Wp,
                  std::int32_t* C, std::int64_t batch, cudaStream_t stream) {
  std::int8_t* Bt = nullptr;
  check(cudaMallocAsync(&Bt, static_cast<std::size_t>(batch) * N * K, stream), "cudaMallocAsync Bt");
  const bool tensor_cores = M % BM == 0 && N % BN == 0 && K % BK == 0;
  for (std::int64_t s0 = 0; s0 < batch; s0 += 65535) {
    const unsigned z = static_cast<unsigned>(std::min<std::int64_t>(65535, batch - s0));
    const std::int64_t w_off = s0 * (K / per_byte(W)) * std::int64_t{N};
    decode_transpose<W><<<dim3((N + 31) / 32, (K + 31) / 32, z), dim3(32, 8), 0, stream>>>(
        Wp + w_off, Bt + s0 * N * std::int64_t{K}, N, K);
    if (tensor_cores)
      mma_gemm<<<dim3(N / BN, M / BM, z), kThreads, 0, stream>>>(A, Bt, C, M, N, K, s0);
  }
  if (!tensor_cores) {
    const std::int64_t total = batch * M * std::int64_t{N};
    const int blocks = static_cast<int>(std::min<std::int64_t>((total + 255) / 256, std::int64_t{sm_count()} * 32));
    simple_gemm<<<blocks, 256, 0, stream>>>(M, N, K, A, Bt, C, total);
  }
  check(cudaFreeAsync(Bt, stream), "cudaFreeAsync Bt");
}

template <WeightKind W>
void launch(int M, int N, int K, const std::int8_t* A, const std::uint8_t* Wp, std::int32_t* C,
            std::int64_t batch, cudaStream_t stream) {
  const SmallShape s = small_shape(M, N, K);
  if (s.S > 0)
    launch_small<W>(s, A, Wp, C, batch, stream);
  else
    launch_large<W>(M, N, K, A, Wp, C, batch, stream);
  check(cudaGetLastError(), "gemm launch");
}

}  // namespace

void gemm_family(WeightKind w, std::int64_t M, std::int64_t N, std::int64_t K, const std::int8_t* A,
                 const std::uint8_t* Wp, std::int32_t* C, std::int64_t batch, cudaStream_t stream) {
  const int m = static_cast<int>(M), n = static_cast<int>(N), k = static_cast<int>(K);
  switch (w) {
    case WeightKind::int8: return launch<WeightKind::int8>(m, n, k, A, Wp, C, batch, stream);
    case WeightKind::ternary: return launch<WeightKind::ternary>(m, n, k, A, Wp, C, batch, stream);
    case WeightKind::lut2: return launch<WeightKind::lut2>(m, n, k, A, Wp, C, batch, stream);
    case WeightKind::lut4: return launch<WeightKind::lut4>(m, n, k, A, Wp, C, batch, stream);
  }
}

}  // namespace bf::kernels::cuda
