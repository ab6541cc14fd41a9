// bugforge golden — compute golden outputs of one kernel for a range of seeds, on the CPU or GPU,
// optionally filling the golden cache.
//
// Algorithm: parse --params (NAME=VALUE,...) and --seeds (A..B or A), validate with the kernel
// registry, then either fill/serve the cache (compute_golden: all misses in one batched call) or
// compute directly on the resolved backend. Prints one line per seed with a digest of each output
// (the values themselves with --values). Exit 2 on bad input, 1 when the backend fails.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>

#include "bugforge/core/diagnostic.h"
#include "bugforge/core/hash.h"
#include "bugforge/kernels/backend.h"
#include "bugforge/kernels/golden_cache.h"
#include "command.h"

namespace bf::cli {

namespace {

constexpr std::uint64_t kMaxSeeds = std::uint64_t{1} << 24;

std::int64_t parse_int(const std::string& s, const std::string& what) {
  try {
    std::size_t used = 0;
    const long long v = std::stoll(s, &used);
    if (used == s.size()) return v;
  } catch (const std::exception&) {
  }
  throw Error("BF-CLI-010", fmt::format("{}: '{}' is not an integer", what, s));
}

Params parse_params(const std::string& text) {
  Params p;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, end - start);
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error("BF-CLI-010", fmt::format("--params: '{}' is not NAME=VALUE", item));
    p[item.substr(0, eq)] = parse_int(item.substr(eq + 1), "--params " + item.substr(0, eq));
    start = end + 1;
  }
  return p;
}

std::vector<std::uint64_t> parse_seeds(const std::string& text) {
  const std::size_t dots = text.find("..");
  const std::int64_t a = parse_int(text.substr(0, dots), "--seeds");
  const std::int64_t b = dots == std::string::npos ? a : parse_int(text.substr(dots + 2), "--seeds");
  if (a < 0 || b < a || static_cast<std::uint64_t>(b - a) >= kMaxSeeds)
    throw Error("BF-CLI-010", fmt::format("--seeds '{}': expected A..B with 0 <= A <= B and at most {} seeds",
                                          text, kMaxSeeds));
  std::vector<std::uint64_t> seeds;
  for (std::int64_t s = a; s <= b; ++s) seeds.push_back(static_cast<std::uint64_t>(s));
  return seeds;
}

std::string describe(const Tensor& t, bool values) {
  Hasher h;
  for (const auto v : t.data) h.add(v);
  std::string s = fmt::format("{} {} [{}] xxh64={}", t.name, t.type.name(), fmt::join(t.shape, ","), h.hex());
  if (values) s += fmt::format(" = [{}]", fmt::join(t.data, ","));
  return s;
}

class GoldenCommand final : public Command {
 public:
  const char* name() const override { return "golden"; }
  const char* summary() const override { return "Compute golden kernel outputs for seeds (CPU or CUDA), fill the cache"; }
  const char* help() const override {
    return "Example: bugforge golden --kernel gemm_i8_i32 --params M=16,N=16,K=16 --seeds 0..999 \\\n"
           "           --backend auto --cache ~/.cache/bugforge\n"
           "Inputs come from the deterministic generator (kernels/README.md); seeds 0..3 are edge sets.\n"
           "--backend cpu|cuda|auto (default auto: CUDA when a GPU is present, else the CPU, noted once\n"
           "on stderr). With --cache DIR, results are read from and stored in DIR/golden/, each file\n"
           "recording the backend that produced it, and all misses are computed in one batch.\n"
           "Prints one line per seed: each output's name, type, shape and xxh64 of its values.\n"
           "Exit status: 0 ok, 1 backend failure, 2 bad input (unknown kernel, bad parameter).";
  }
  void setup(CLI::App& app) override {
    app.add_option("--kernel", kernel_, "Kernel name (see kernels/README.md)")->required();
    app.add_option("--params", params_, "Parameters NAME=VALUE,... e.g. M=16,N=16,K=16");
    app.add_option("--seeds", seeds_, "Seed range A..B (inclusive) or one seed")->required();
    app.add_option("--backend", backend_, "cpu, cuda or auto")->capture_default_str();
    app.add_option("--cache", cache_, "Golden cache directory (files under DIR/golden/)");
    app.add_flag("--values", values_, "Print every output value");
  }
  int execute() override {
    const Params p = parse_params(params_);
    const kernels::Kernel& k = kernels::require_kernel(kernel_, p);
    const auto seeds = parse_seeds(seeds_);
    const kernels::Backend requested = kernels::parse_backend(backend_);
    const auto outputs = cache_.empty() ? direct(k, p, seeds, requested) : cached(k, p, seeds, requested);
    for (std::size_t i = 0; i < seeds.size(); ++i) {
      std::cout << "seed " << seeds[i];
      for (const Tensor& t : outputs[i]) std::cout << "  " << describe(t, values_);
      std::cout << "\n";
    }
    return kOk;
  }

 private:
  std::vector<kernels::OutputSet> direct(const kernels::Kernel& k, const Params& p,
                                         const std::vector<std::uint64_t>& seeds, kernels::Backend b) {
    const kernels::Backend resolved = kernels::resolve_backend(b);
    std::cerr << fmt::format("{}: {} sets on {}\n", k.name, seeds.size(), kernels::backend_name(resolved));
    return kernels::run_batch(k, p, seeds, resolved);
  }
  std::vector<kernels::OutputSet> cached(const kernels::Kernel& k, const Params& p,
                                         const std::vector<std::uint64_t>& seeds, kernels::Backend b) {
    const kernels::GoldenCache cache(cache_);
    std::size_t hits = 0;
    for (const auto s : seeds) hits += cache.get(k.name, p, s).has_value();
    auto out = kernels::compute_golden(k, p, seeds, cache, b);
    std::cerr << fmt::format("{}: {} sets, {} from cache, {} computed on {} and stored in {}/golden\n", k.name,
                             seeds.size(), hits, seeds.size() - hits,
                             hits == seeds.size() ? "-" : kernels::backend_name(kernels::resolve_backend(b)),
                             cache_);
    return out;
  }

  std::string kernel_, params_, seeds_, backend_ = "auto", cache_;
  bool values_ = false;
};

}  // namespace

std::unique_ptr<Command> make_golden_command() { return std::make_unique<GoldenCommand>(); }

}  // namespace bf::cli
