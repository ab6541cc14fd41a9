// bugforge bench — performance tables; `bench golden` times the CUDA golden kernels against
// cuBLAS, the GPU's memory bandwidth and the CPU reference on all cores (kernels/bench/).
// Needs a CUDA build and a GPU; otherwise it says which is missing and exits 1.
// `bench label` (schemata vs per-mutant rebuilds) lives in cmd_bench_label.cpp.
#include <iostream>

#include "bench_equiv.h"
#include "bench_label.h"
#include "bugforge/kernels/backend.h"
#include "command.h"

#ifdef BUGFORGE_HAVE_CUDA
#include "bench_golden.h"
#endif

namespace bf::cli {

namespace {

class BenchCommand final : public Command {
 public:
  const char* name() const override { return "bench"; }
  const char* summary() const override { return "Performance tables (bench golden: CUDA kernels vs cuBLAS and CPU)"; }
  const char* help() const override {
    return "bench golden: batched int8 GEMM vs cuBLAS (16x16x16 and 8x8x32 x 1M sets, 64^3 x 64K,\n"
           "4096^3), ternary/LUT vs int8 GEMM and as a fraction of the measured memory bandwidth, and\n"
           "every kernel on the GPU vs the CPU reference on all cores, each with a bit-exactness check.\n"
           "--quick uses 16x smaller batches (a smoke run). Needs a CUDA build and a GPU.";
  }
  void setup(CLI::App& app) override {
    CLI::App* golden = app.add_subcommand("golden", "Golden kernels: CUDA vs cuBLAS, memory bandwidth and CPU");
    golden->add_flag("--quick", quick_, "Smaller batches (smoke run, not for reported numbers)");
    golden->add_option("--cpu-threads", cpu_threads_, "CPU threads for the reference (default: all cores)");
    equiv_ = setup_bench_equiv(app);  // bench equiv (cmd_equiv.cpp)
    label_sub_ = app.add_subcommand("label", "Labelling: mutant schemata vs per-mutant rebuilds (seconds per mutant)");
    label_.setup(label_sub_);
    app.require_subcommand(1);
  }
  int execute() override {
    if (label_sub_->parsed()) return label_.run();
    if (equiv_->parsed()) return run_bench_equiv();
    if (!kernels::cuda_available()) {
      std::cerr << "bugforge bench golden: "
                << (kernels::cuda_compiled() ? "no CUDA GPU found" : "this build has no CUDA (BUGFORGE_CUDA=ON and nvcc needed)")
                << "\n";
      return kFail;
    }
#ifdef BUGFORGE_HAVE_CUDA
    kernels::bench::run_golden_bench(std::cout, {quick_, cpu_threads_});
#endif
    return kOk;
  }

 private:
  CLI::App* equiv_ = nullptr;
  bool quick_ = false;
  int cpu_threads_ = 0;
  BenchLabel label_;
  CLI::App* label_sub_ = nullptr;
};

}  // namespace

std::unique_ptr<Command> make_bench_command() { return std::make_unique<BenchCommand>(); }

}  // namespace bf::cli
