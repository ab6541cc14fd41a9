// bugforge kernels — deterministic inputs (generate_inputs) and the CPU convenience runner.
//
// The per-element formula lives in vector_gen.h (shared with CUDA); here we only hash the
// kernel name and canonical parameter string into the set's base and fill each input tensor.
#include "bugforge/core/hash.h"
#include "bugforge/kernels/kernel.h"
#include "bugforge/kernels/vector_gen.h"

namespace bf::kernels {

std::uint64_t name_hash(const Kernel& k, const Params& p) {
  return hash64(k.name + "|" + params_to_string(p));
}

VectorSet generate_inputs(const Kernel& k, const Params& p, std::uint64_t seed) {
  const std::uint64_t base = gen::set_base(name_hash(k, p), seed);
  VectorSet set;
  set.reserve(k.inputs.size());
  for (std::size_t t = 0; t < k.inputs.size(); ++t) {
    const TensorSpec& spec = k.inputs[t];
    const auto [lo, hi] = spec.range_for(p);
    Tensor x{spec.name, spec.type_for(p), spec.shape(p), {}};
    x.data.resize(static_cast<std::size_t>(x.numel()));
    for (std::size_t i = 0; i < x.data.size(); ++i) x.data[i] = gen::element(base, seed, t, i, lo, hi);
    set.push_back(std::move(x));
  }
  return set;
}

std::vector<OutputSet> run_cpu(const Kernel& k, const Params& p, std::uint64_t first_seed,
                               std::size_t count) {
  std::vector<VectorSet> sets;
  sets.reserve(count);
  for (std::size_t i = 0; i < count; ++i) sets.push_back(generate_inputs(k, p, first_seed + i));
  return k.cpu(p, sets);
}

}  // namespace bf::kernels
