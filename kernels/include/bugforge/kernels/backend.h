// bugforge kernels — choosing where golden outputs are computed: the CPU reference or CUDA.
//
// `automatic` resolves to CUDA when this build has it and a GPU answers, else to the CPU with a
// one-time note on stderr. Asking for `cuda` explicitly where it is unavailable is an error, so a
// batch job never silently runs a hundred times slower than planned.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bugforge/kernels/kernel.h"

namespace bf::kernels {

enum class Backend { cpu, cuda, automatic };

const char* backend_name(Backend b);            // "cpu" | "cuda" | "auto"
Backend parse_backend(const std::string& name);  // throws bf::Error BF-KERN-003

// Whether this build includes the CUDA kernels (BUGFORGE_HAVE_CUDA).
bool cuda_compiled();
// Whether CUDA kernels can run here: compiled in and at least one GPU present.
bool cuda_available();
// cpu stays cpu; cuda throws BF-KERN-004 when unavailable; automatic picks cuda when available,
// else cpu, printing the fallback note to stderr once per process.
Backend resolve_backend(Backend requested);

// Outputs for the given seeds, in order, computed in one batched call on a resolved backend
// (cpu or cuda). Parameters must already have passed require_kernel.
std::vector<OutputSet> run_batch(const Kernel& k, const Params& p,
                                 const std::vector<std::uint64_t>& seeds, Backend resolved);

}  // namespace bf::kernels
