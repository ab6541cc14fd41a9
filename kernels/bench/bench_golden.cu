// bugforge kernels — the golden-kernel benchmark (see bench_golden.h).
//
// Method: inputs are generated on the device; each measurement is the median of several runs
// timed with CUDA events after a warm-up. Bandwidth counts the bytes a kernel must move (inputs
// read once, outputs written once) against a measured device-to-device copy (read + write).
// cuBLAS gets its preferred int8 layout (op(A)=T, op(B)=N, K contiguous for both operands), made
// untimed, and its output is compared bit for bit with ours. The CPU column runs the reference on
// all cores (one std::thread per core over disjoint seed ranges).
#include <cublas_v2.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include "../cuda/device.cuh"
#include "bench_golden.h"
#include "bugforge/kernels/backend.h"
#include "bugforge/kernels/kernel.h"
#include "bugforge/kernels/vector_gen.h"

namespace bf::kernels::bench {

namespace {

using cuda::check;

void check_blas(cublasStatus_t s, const char* what) {
  if (s != CUBLAS_STATUS_SUCCESS) throw std::runtime_error(std::string(what) + ": cuBLAS status " + std::to_string(s));
}

struct Buffer {
  void* p = nullptr;
  explicit Buffer(std::size_t bytes) { check(cudaMalloc(&p, std::max<std::size_t>(bytes, 1)), "cudaMalloc"); }
  ~Buffer() { cudaFree(p); }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  template <class T>
  T* as() const { return static_cast<T*>(p); }
};

// Median of `reps` event-timed runs after two warm-ups, in milliseconds.
template <class F>
double median_ms(F run, int reps = 7) {
  cudaEvent_t a, b;
  check(cudaEventCreate(&a), "cudaEventCreate");
  check(cudaEventCreate(&b), "cudaEventCreate");
  for (int i = 0; i < 2; ++i) run();
  std::vector<float> ms;
  for (int i = 0; i < reps; ++i) {
    check(cudaEventRecord(a), "cudaEventRecord");
    run();
    check(cudaEventRecord(b), "cudaEventRecord");
    check(cudaEventSynchronize(b), "cudaEventSynchronize");
    float t = 0;
    check(cudaEventElapsedTime(&t, a, b), "cudaEventElapsedTime");
    ms.push_back(t);
  }
  cudaEventDestroy(a);
  cudaEventDestroy(b);
  std::sort(ms.begin(), ms.end());
  check(cudaGetLastError(), "timed run");
  return ms[ms.size() / 2];
}

// Seeds first..first+batch-1 and their bases, on the device.
struct DeviceSeeds {
  Buffer seeds, bases;
  DeviceSeeds(const Kernel& k, const Params& p, std::int64_t batch)
      : seeds(batch * 8), bases(batch * 8) {
    std::vector<std::uint64_t> s(batch), b(batch);
    const std::uint64_t h = name_hash(k, p);
    for (std::int64_t i = 0; i < batch; ++i) b[i] = gen::set_base(h, s[i] = 1000 + i);
    check(cudaMemcpy(seeds.p, s.data(), batch * 8, cudaMemcpyHostToDevice), "cudaMemcpy");
    check(cudaMemcpy(bases.p, b.data(), batch * 8, cudaMemcpyHostToDevice), "cudaMemcpy");
  }
};

std::int64_t numel(const TensorSpec& s, const Params& p) {
  std::int64_t n = 1;
  for (auto d : s.shape(p)) n *= d;
  return n;
}

// All input and output tensors of a batch in device memory, inputs generated there.
struct DeviceBatch {
  const Kernel& k;
  Params p;
  std::int64_t batch;
  DeviceSeeds seeds;
  std::vector<std::unique_ptr<Buffer>> in, out;
  std::vector<const void*> in_ptrs;
  std::vector<void*> out_ptrs;
  std::int64_t bytes_in = 0, bytes_out = 0;

  DeviceBatch(const Kernel& kernel, Params params, std::int64_t n)
      : k(kernel), p(std::move(params)), batch(n), seeds(kernel, p, n) {
    for (const auto& s : k.inputs) {
      const std::int64_t b = batch * numel(s, p) * cuda::storage_bytes(s.type_for(p));
      in.push_back(std::make_unique<Buffer>(b));
      in_ptrs.push_back(in.back()->p);
      bytes_in += b;
    }
    for (const auto& s : k.outputs) {
      const std::int64_t b = batch * numel(s, p) * cuda::storage_bytes(s.type_for(p));
      out.push_back(std::make_unique<Buffer>(b));
      out_ptrs.push_back(out.back()->p);
      bytes_out += b;
    }
  }
  void generate() {
    for (std::size_t t = 0; t < k.inputs.size(); ++t) {
      const auto [lo, hi] = k.inputs[t].range_for(p);
      cuda::generate(in[t]->p, cuda::storage_bytes(k.inputs[t].type_for(p)), numel(k.inputs[t], p), t, lo,
                     hi, seeds.seeds.as<std::uint64_t>(), seeds.bases.as<std::uint64_t>(), batch, nullptr);
    }
  }
  void compute() { cuda::compute(k.name, p, in_ptrs.data(), out_ptrs.data(), batch, nullptr); }
};

__global__ void transpose_bytes(const std::int8_t* B, std::int8_t* Bt, int K, int N, std::int64_t total) {
  for (std::int64_t i = blockIdx.x * std::int64_t{blockDim.x} + threadIdx.x; i < total;
       i += std::int64_t{gridDim.x} * blockDim.x) {
    const std::int64_t set = i / (std::int64_t{K} * N);
    const int r = static_cast<int>(i - set * K * N), k = r / N, n = r % N;
    Bt[set * K * N + std::int64_t{n} * K + k] = B[i];
  }
}

double copy_bandwidth_gbs() {
  const std::size_t bytes = std::size_t{1} << 31;
  Buffer a(bytes), b(bytes);
  check(cudaMemset(a.p, 1, bytes), "cudaMemset");
  const double ms = median_ms([&] { check(cudaMemcpyAsync(b.p, a.p, bytes, cudaMemcpyDeviceToDevice), "copy"); });
  return 2.0 * bytes / (ms * 1e6);
}

struct Shape {
  std::int64_t M, N, K, batch;
};

std::vector<Shape> gemm_shapes(bool quick) {
  const std::int64_t s = quick ? 16 : 1;
  return {{16, 16, 16, (1 << 20) / s}, {8, 8, 32, (1 << 20) / s}, {64, 64, 64, (1 << 16) / s},
          {4096, 4096, 4096, 1}};
}

std::string shape_name(const Shape& s) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%ldx%ldx%ld x%ld", long(s.M), long(s.N), long(s.K), long(s.batch));
  return buf;
}

void print(std::ostream& out, const char* fmt_str, auto... args) {
  char buf[512];
  std::snprintf(buf, sizeof buf, fmt_str, args...);
  out << buf;
}

// Ours vs cuBLAS on one shape; returns our time in ms (for the ternary/LUT ratios).
double gemm_row(std::ostream& out, cublasHandle_t h, const Shape& s, double bw) {
  const Params p{{"M", s.M}, {"N", s.N}, {"K", s.K}};
  DeviceBatch d(require_kernel("gemm_i8_i32", p), p, s.batch);
  d.generate();
  const double ours = median_ms([&] { d.compute(); });
  Buffer bt(s.batch * s.K * s.N), c(d.bytes_out);
  const std::int64_t total = s.batch * s.K * s.N;
  transpose_bytes<<<4096, 256>>>(static_cast<const std::int8_t*>(d.in_ptrs[1]), bt.as<std::int8_t>(),
                                 int(s.K), int(s.N), total);
  const int alpha = 1, beta = 0;
  const double blas = median_ms([&] {
    check_blas(cublasGemmStridedBatchedEx(h, CUBLAS_OP_T, CUBLAS_OP_N, int(s.N), int(s.M), int(s.K), &alpha,
                                          bt.p, CUDA_R_8I, int(s.K), s.N * s.K, d.in_ptrs[0], CUDA_R_8I,
                                          int(s.K), s.M * s.K, &beta, c.p, CUDA_R_32I, int(s.N), s.M * s.N,
                                          int(s.batch), CUBLAS_COMPUTE_32I, CUBLAS_GEMM_DEFAULT),
               "cublasGemmStridedBatchedEx");
  });
  std::vector<std::int32_t> ho(d.bytes_out / 4), hb(d.bytes_out / 4);
  check(cudaMemcpy(ho.data(), d.out_ptrs[0], d.bytes_out, cudaMemcpyDeviceToHost), "cudaMemcpy");
  check(cudaMemcpy(hb.data(), c.p, d.bytes_out, cudaMemcpyDeviceToHost), "cudaMemcpy");
  const double bytes = double(d.bytes_in + d.bytes_out), ops = 2.0 * s.M * s.N * s.K * s.batch;
  print(out, "%-22s %10.3f %10.3f %8.1f %9.1f %6.1f%% %7.2fx %s\n", shape_name(s).c_str(), ours, blas,
        ops / (ours * 1e9), bytes / (ours * 1e6), 100.0 * bytes / (ours * 1e6) / bw, blas / ours,
        ho == hb ? "yes" : "NO");
  return ours;
}

void weights_row(std::ostream& out, const Shape& s, double int8_ms, double bw) {
  for (const auto& [name, bits] : {std::pair{"ternary_gemm", 0}, std::pair{"lut_gemm", 2}, std::pair{"lut_gemm", 4}}) {
    Params p{{"M", s.M}, {"N", s.N}, {"K", s.K}};
    if (bits) p["BITS"] = bits;
    DeviceBatch d(require_kernel(name, p), p, s.batch);
    d.generate();
    const double ms = median_ms([&] { d.compute(); });
    const double bytes = double(d.bytes_in + d.bytes_out);
    const std::string label = bits ? std::string(name) + (bits == 2 ? "/2" : "/4") : name;
    print(out, "%-14s %-22s %10.3f %9.2fx %9.1f %6.1f%%\n", label.c_str(), shape_name(s).c_str(), ms,
          int8_ms / ms, bytes / (ms * 1e6), 100.0 * bytes / (ms * 1e6) / bw);
  }
}

struct KernelCase {
  const char* name;
  Params p;
  std::int64_t batch;
};

std::vector<KernelCase> kernel_cases(bool quick) {
  const std::int64_t s = quick ? 16 : 1;
  return {{"gemm_i8_i32", {{"M", 16}, {"N", 16}, {"K", 16}}, (1 << 20) / s},
          {"gemv_i8_i32", {{"M", 64}, {"K", 64}}, (1 << 18) / s},
          {"mac_i8_i32", {{"N", 256}}, (1 << 18) / s},
          {"ternary_gemm", {{"M", 16}, {"N", 16}, {"K", 16}}, (1 << 20) / s},
          {"lut_gemm", {{"M", 16}, {"N", 16}, {"K", 16}, {"BITS", 4}}, (1 << 20) / s},
          {"requant", {{"N", 1024}, {"SHIFT", 12}}, (1 << 16) / s},
          {"conv2d", {{"CIN", 4}, {"COUT", 8}, {"H", 16}, {"W", 16}, {"KH", 3}, {"KW", 3}}, (1 << 14) / s},
          {"fir", {{"N", 1024}, {"T", 16}}, (1 << 14) / s},
          {"identity", {{"N", 1024}, {"W", 12}}, (1 << 16) / s}};
}

// CPU reference on all cores: sets per second over `count` seeds.
double cpu_sets_per_s(const Kernel& k, const Params& p, std::int64_t count, int threads) {
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      const std::int64_t lo = count * t / threads, hi = count * (t + 1) / threads;
      run_cpu(k, p, 1000 + lo, static_cast<std::size_t>(hi - lo));
    });
  for (auto& th : pool) th.join();
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return count / s;
}

bool parity_spot_check(const Kernel& k, const Params& p) {
  std::vector<std::uint64_t> seeds = {0, 1, 2, 3, 4, 99, 12345};
  const auto g = run_batch(k, p, seeds, Backend::cuda), c = run_batch(k, p, seeds, Backend::cpu);
  for (std::size_t i = 0; i < seeds.size(); ++i)
    for (std::size_t o = 0; o < g[i].size(); ++o)
      if (g[i][o].data != c[i][o].data) return false;
  return true;
}

void kernel_rows(std::ostream& out, bool quick, int threads) {
  for (const KernelCase& kc : kernel_cases(quick)) {
    const Kernel& k = require_kernel(kc.name, kc.p);
    DeviceBatch d(k, kc.p, kc.batch);
    const double gen_ms = median_ms([&] { d.generate(); }, 5);
    const double comp_ms = median_ms([&] { d.compute(); }, 5);
    const double gpu_rate = kc.batch / ((gen_ms + comp_ms) * 1e-3);
    // Size the CPU run to about a quarter second on this machine's cores.
    const double probe = cpu_sets_per_s(k, kc.p, threads * 4, threads);
    const auto cpu_count = std::max<std::int64_t>(threads, static_cast<std::int64_t>(probe * 0.25));
    const double cpu_rate = cpu_sets_per_s(k, kc.p, cpu_count, threads);
    print(out, "%-13s %-40s %8ld %9.3f %9.3f %12.3g %12.3g %9.0fx %s\n", kc.name, params_to_string(kc.p).c_str(),
          long(kc.batch), gen_ms, comp_ms, gpu_rate, cpu_rate, gpu_rate / cpu_rate,
          parity_spot_check(k, kc.p) ? "yes" : "NO");
  }
}

}  // namespace

void run_golden_bench(std::ostream& out, const Options& opt) {
  cudaDeviceProp prop{};
  check(cudaGetDeviceProperties(&prop, 0), "cudaGetDeviceProperties");
  const int threads = opt.cpu_threads > 0 ? opt.cpu_threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const double bw = copy_bandwidth_gbs();
  print(out, "GPU: %s, %d SMs; measured device copy bandwidth %.0f GB/s (read+write); CPU threads: %d%s\n\n",
        prop.name, prop.multiProcessorCount, bw, threads, opt.quick ? " [quick: reduced batches]" : "");
  cublasHandle_t h;
  check_blas(cublasCreate(&h), "cublasCreate");
  out << "int8 GEMM (C i32 = A i8 . B i8), ours vs cuBLAS (cublasGemmStridedBatchedEx, COMPUTE_32I)\n";
  print(out, "%-22s %10s %10s %8s %9s %7s %8s %s\n", "shape MxNxK xbatch", "ours ms", "cuBLAS ms", "TOPS",
        "GB/s", "of BW", "vs cuBLAS", "same");
  std::vector<double> int8_ms;
  for (const Shape& s : gemm_shapes(opt.quick)) int8_ms.push_back(gemm_row(out, h, s, bw));
  cublasDestroy(h);
  out << "\nternary / LUT weights vs our int8 GEMM of the same shape (bytes: A + packed W + C)\n";
  print(out, "%-14s %-22s %10s %10s %9s %7s\n", "kernel", "shape", "ms", "vs int8", "GB/s", "of BW");
  const auto shapes = gemm_shapes(opt.quick);
  for (std::size_t i = 0; i < shapes.size(); ++i) weights_row(out, shapes[i], int8_ms[i], bw);
  out << "\nevery kernel: GPU (device-side generation + compute) vs CPU reference (generate + compute, all cores)\n";
  print(out, "%-13s %-40s %8s %9s %9s %12s %12s %10s %s\n", "kernel", "params", "batch", "gen ms", "comp ms",
        "GPU sets/s", "CPU sets/s", "speedup", "bit-exact");
  kernel_rows(out, opt.quick, threads);
}

}  // namespace bf::kernels::bench
