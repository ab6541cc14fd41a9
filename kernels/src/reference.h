// bugforge kernels — CPU reference implementations (private to the library).
//
// Each function maps a batch of vector sets to a batch of output sets, one set at a time, with
// exact int64 arithmetic; the registry checks parameters before these run.
#pragma once

#include "bugforge/kernels/kernel.h"

namespace bf::kernels::ref {

using Fn = std::function<std::vector<OutputSet>(const Params&, const std::vector<VectorSet>&)>;

std::vector<OutputSet> gemm(const Params& p, const std::vector<VectorSet>& sets);
std::vector<OutputSet> gemv(const Params& p, const std::vector<VectorSet>& sets);
std::vector<OutputSet> mac(const Params& p, const std::vector<VectorSet>& sets);
std::vector<OutputSet> ternary_gemm(const Params& p, const std::vector<VectorSet>& sets);
std::vector<OutputSet> lut_gemm(const Params& p, const std::vector<VectorSet>& sets);
std::vector<OutputSet> requant(const Params& p, const std::vector<VectorSet>& sets);
std::vector<OutputSet> conv2d(const Params& p, const std::vector<VectorSet>& sets);
std::vector<OutputSet> fir(const Params& p, const std::vector<VectorSet>& sets);
std::vector<OutputSet> identity(const Params& p, const std::vector<VectorSet>& sets);

}  // namespace bf::kernels::ref
