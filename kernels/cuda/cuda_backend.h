// bugforge kernels — host-side entry to the CUDA golden kernels (plain C++, no CUDA types).
//
// The caller (backend.cpp) computes each vector set's generator base on the host; everything
// else happens on the device: inputs are generated there with vector_gen.h's formula, the kernel
// runs over the whole batch in one launch per stage, and only outputs come back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bugforge/core/tensor.h"

namespace bf::kernels::cuda {

// Storage and generator range of one tensor of one vector set.
struct TensorDesc {
  std::int64_t numel = 0;
  ElemType type;
  std::int64_t lo = 0, hi = 0;  // generator range (inputs only)
};

bool device_present();
std::string device_name();  // "" when none

// Per output tensor, the outputs of all sets back to back (set-major), as int64.
// Throws std::runtime_error (wrapped as BF-KERN-005 by the caller) on CUDA failures.
std::vector<std::vector<std::int64_t>> run(const std::string& kernel, const Params& p,
                                           const std::vector<TensorDesc>& inputs,
                                           const std::vector<TensorDesc>& outputs,
                                           const std::vector<std::uint64_t>& seeds,
                                           const std::vector<std::uint64_t>& bases);

}  // namespace bf::kernels::cuda
