// bugforge kernels — backend choice and the batched dispatcher.
//
// The CPU path generates each set on the host and runs the reference; the CUDA path (when
// compiled in) generates on the device from per-set bases computed here, so both see the same
// inputs. Availability is probed once per process.
#include "bugforge/kernels/backend.h"

#include <fmt/format.h>

#include <iostream>
#include <mutex>

#include "bugforge/core/diagnostic.h"
#include "bugforge/kernels/vector_gen.h"

#ifdef BUGFORGE_HAVE_CUDA
#include "cuda_backend.h"
#endif

namespace bf::kernels {

const char* backend_name(Backend b) {
  switch (b) {
    case Backend::cpu: return "cpu";
    case Backend::cuda: return "cuda";
    case Backend::automatic: return "auto";
  }
  return "?";
}

Backend parse_backend(const std::string& name) {
  for (const Backend b : {Backend::cpu, Backend::cuda, Backend::automatic})
    if (name == backend_name(b)) return b;
  throw Error("BF-KERN-003", fmt::format("unknown backend '{}' (expected cpu, cuda or auto)", name));
}

bool cuda_compiled() {
#ifdef BUGFORGE_HAVE_CUDA
  return true;
#else
  return false;
#endif
}

bool cuda_available() {
#ifdef BUGFORGE_HAVE_CUDA
  static const bool present = cuda::device_present();
  return present;
#else
  return false;
#endif
}

Backend resolve_backend(Backend requested) {
  if (requested == Backend::cpu) return Backend::cpu;
  if (cuda_available()) return Backend::cuda;
  const char* why = cuda_compiled() ? "no CUDA GPU found" : "built without CUDA";
  if (requested == Backend::cuda)
    throw Error("BF-KERN-004", fmt::format("backend 'cuda' requested but {}", why));
  static std::once_flag noted;
  std::call_once(noted, [why] {
    std::cerr << "bugforge: note: backend 'auto' falls back to the CPU (" << why << ")\n";
  });
  return Backend::cpu;
}

namespace {

std::vector<OutputSet> run_on_cpu(const Kernel& k, const Params& p,
                                  const std::vector<std::uint64_t>& seeds) {
  std::vector<VectorSet> sets;
  sets.reserve(seeds.size());
  for (const auto s : seeds) sets.push_back(generate_inputs(k, p, s));
  return k.cpu(p, sets);
}

#ifdef BUGFORGE_HAVE_CUDA
std::vector<cuda::TensorDesc> describe(const std::vector<TensorSpec>& specs, const Params& p) {
  std::vector<cuda::TensorDesc> out;
  for (const TensorSpec& s : specs) {
    Tensor shape_only{s.name, s.type_for(p), s.shape(p), {}};
    const auto [lo, hi] = s.range_for(p);
    out.push_back({shape_only.numel(), shape_only.type, lo, hi});
  }
  return out;
}

// Splits the device's set-major output columns into one OutputSet per seed.
std::vector<OutputSet> run_on_cuda(const Kernel& k, const Params& p,
                                   const std::vector<std::uint64_t>& seeds) {
  std::vector<std::uint64_t> bases;
  const std::uint64_t hash = name_hash(k, p);
  for (const auto s : seeds) bases.push_back(gen::set_base(hash, s));
  std::vector<std::vector<std::int64_t>> flat;
  try {
    flat = cuda::run(k.name, p, describe(k.inputs, p), describe(k.outputs, p), seeds, bases);
  } catch (const std::runtime_error& e) {
    throw Error("BF-KERN-005", fmt::format("CUDA kernel '{}' failed: {}", k.name, e.what()));
  }
  std::vector<OutputSet> out(seeds.size());
  for (std::size_t o = 0; o < k.outputs.size(); ++o) {
    const TensorSpec& spec = k.outputs[o];
    const auto shape = spec.shape(p);
    const std::size_t n = flat[o].size() / seeds.size();
    for (std::size_t i = 0; i < seeds.size(); ++i) {
      const auto first = flat[o].begin() + static_cast<std::ptrdiff_t>(i * n);
      out[i].push_back(Tensor{spec.name, spec.type_for(p), shape, {first, first + static_cast<std::ptrdiff_t>(n)}});
    }
  }
  return out;
}
#endif

}  // namespace

std::vector<OutputSet> run_batch(const Kernel& k, const Params& p,
                                 const std::vector<std::uint64_t>& seeds, Backend resolved) {
  if (resolved == Backend::cpu || seeds.empty()) return run_on_cpu(k, p, seeds);
#ifdef BUGFORGE_HAVE_CUDA
  if (resolved == Backend::cuda) return run_on_cuda(k, p, seeds);
#endif
  throw Error("BF-KERN-004",
              fmt::format("backend '{}' cannot run here; resolve it first", backend_name(resolved)));
}

}  // namespace bf::kernels
