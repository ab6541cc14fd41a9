// bugforge kernels — golden kernels: a registry of functions from input tensors to output tensors.
//
// A kernel is described by data (name, summary, parameter names, input/output tensor specs) plus
// a CPU reference. Inputs are generated deterministically from (kernel, params, seed) with the
// project's own PRNG and integer arithmetic so they are identical on every machine and on the GPU.
// The interface is batched: one call computes many vector sets, so a CUDA backend slots in.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bugforge/core/tensor.h"

namespace bf::kernels {

// One vector set: the input tensors of one kernel invocation, in the kernel's input order.
using VectorSet = std::vector<Tensor>;
// The output tensors of one invocation, in the kernel's output order.
using OutputSet = std::vector<Tensor>;

struct TensorSpec {
  std::string name;  // e.g. "A"
  ElemType type;     // e.g. i8
  // Shape as a function of the parameters, e.g. {M, K}.
  std::function<std::vector<std::int64_t>(const Params&)> shape;
  // Optional: element type that depends on the parameters (identity's u<W>); overrides `type`.
  std::function<ElemType(const Params&)> type_fn;
  // Optional: generated values lie in [lo, hi], narrower than the type (requant's X and Mul).
  std::optional<std::int64_t> lo, hi;

  // The element type for these parameters (type_fn if set, else type).
  ElemType type_for(const Params& p) const;
  // The generator's range [lo, hi] for these parameters (the type's range unless narrowed).
  std::pair<std::int64_t, std::int64_t> range_for(const Params& p) const;
};

struct Kernel {
  std::string name;     // stable, e.g. "gemm_i8_i32"
  std::string summary;  // one line
  std::string help;     // exact semantics, layouts, parameter ranges
  std::vector<std::string> param_names;  // required parameters
  std::vector<TensorSpec> inputs;
  std::vector<TensorSpec> outputs;
  // CPU reference over a batch of vector sets. Validates nothing: call check_params first.
  std::function<std::vector<OutputSet>(const Params&, const std::vector<VectorSet>&)> cpu;
};

// All kernels, in a fixed order.
const std::vector<Kernel>& all_kernels();
// nullptr when unknown.
const Kernel* find_kernel(const std::string& name);
// Throws bf::Error (BF-KERN-001 unknown kernel, BF-KERN-002 missing/bad parameter).
const Kernel& require_kernel(const std::string& name, const Params& params);

// xxh64(name + "|" + params_to_string(params)): the generator's per-(kernel, params) hash.
std::uint64_t name_hash(const Kernel& k, const Params& p);

// Deterministic inputs of one vector set. Seeds 0..3 are edge sets (zeros, all-min, all-max,
// alternating extremes); other seeds are pseudo-random over each input's range (range_for).
// The exact formula is in kernels/README.md and vector_gen.h.
VectorSet generate_inputs(const Kernel& k, const Params& p, std::uint64_t seed);

// Convenience: generate + cpu over seeds [first, first+count).
std::vector<OutputSet> run_cpu(const Kernel& k, const Params& p, std::uint64_t first_seed,
                               std::size_t count);

}  // namespace bf::kernels
