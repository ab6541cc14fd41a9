// bugforge kernels — device-side launch API shared by the backend and the benchmark.
//
// Tensors of a batch live in device memory set-major (set s's tensor at s·numel), each element in
// the narrowest of 1/2/4/8 bytes for its type. generate() fills one input tensor for all sets;
// compute() runs one kernel over all sets. Both are asynchronous on `stream`.
#pragma once

#include <cuda_runtime.h>

#include <cstdint>
#include <stdexcept>
#include <string>

#include "bugforge/core/tensor.h"

namespace bf::kernels::cuda {

// Throws std::runtime_error naming the failed call.
void check(cudaError_t err, const char* what);

inline int storage_bytes(const ElemType& t) {
  return t.bits <= 8 ? 1 : t.bits <= 16 ? 2 : t.bits <= 32 ? 4 : 8;
}

// Input tensor t (0-based) for `batch` sets whose seeds and bases are device arrays.
void generate(void* out, int bytes, std::int64_t numel, std::uint64_t t, std::int64_t lo,
              std::int64_t hi, const std::uint64_t* seeds, const std::uint64_t* bases,
              std::int64_t batch, cudaStream_t stream);

// Kernel `name` over `batch` sets: inputs/outputs in the kernel's order. Scratch for kernels that
// need it (B transposed for the tensor-core GEMM) is allocated and freed inside.
void compute(const std::string& name, const Params& p, const void* const* in, void* const* out,
             std::int64_t batch, cudaStream_t stream);

// The int8 GEMM family (gemm, ternary, lut), exposed for the benchmark's variants.
enum class WeightKind { int8, ternary, lut2, lut4 };
void gemm_family(WeightKind w, std::int64_t M, std::int64_t N, std::int64_t K,
                 const std::int8_t* A, const std::uint8_t* W, std::int32_t* C, std::int64_t batch,
                 cudaStream_t stream);

}  // namespace bf::kernels::cuda
