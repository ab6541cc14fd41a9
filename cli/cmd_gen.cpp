// bugforge gen — generate one part (shard) of a dataset: mutate, simulate, label, store.
//
// Algorithm: resolve the shard (flags or a scheduler's environment), run the dataset pipeline
// (dataset/gen.h) into OUT/part-IIIII-of-NNNNN.db, then print what the part holds and the time
// spent per stage. Rerunning the same command resumes an interrupted part. Exit 0 when the part
// is complete (its done.json was written), 1 when it is not, 2 on bad input.
#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <thread>

#include "bugforge/core/design.h"
#include "bugforge/dataset/gen.h"
#include "bugforge/mutators/bug_class.h"
#include "command.h"
#include "label_options.h"

namespace bf::cli {

namespace {

class GenCommand final : public Command {
 public:
  const char* name() const override { return "gen"; }
  const char* summary() const override {
    return "Generate a labelled dataset part (one shard) from a folder of designs";
  }
  const char* help() const override {
    return "Mutates every design in --designs, labels the original and each mutant by running the tools\n"
           "(build, simulation against golden outputs, sanitizers, pragma checker) and stores the samples "
           "in\n"
           "OUT/part-IIIII-of-NNNNN.db (SQLite, WAL), one transaction per sample. A sample belongs to shard\n"
           "(id mod N); its id and content do not depend on N. Rerun the same command after an interruption\n"
           "(even kill -9): it skips the samples already stored. A finished part writes part-….done.json\n"
           "(counts and a checksum) for `bugforge merge`.\n"
           "Shards: --shard-index I --shard-count N, or --shard-from-env slurm (SLURM_ARRAY_TASK_ID minus\n"
           "SLURM_ARRAY_TASK_MIN of SLURM_ARRAY_TASK_COUNT) or k8s (JOB_COMPLETION_INDEX of --shard-count "
           "or\n"
           "$BUGFORGE_SHARD_COUNT). Progress goes to stderr on a terminal; --log-json prints JSON lines.\n"
           "Exit status: 0 part complete, 1 incomplete, 2 bad input.";
  }
  void setup(CLI::App& app) override {
    app.add_option("--designs", designs_, "Folder of design folders (default: the built-in corpus)")
        ->check(CLI::ExistingDirectory);
    app.add_option("--out", out_, "Output folder for the part")->required();
    app.add_option("-j,--jobs", jobs_, "Designs labelled in parallel")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    app.add_option("-s,--seed", s_.seed, "Seed for mutant sampling and the first golden vector set")
        ->capture_default_str();
    add_labelling_options(app, s_);
    auto* idx = app.add_option("--shard-index", index_, "This shard's index, 0-based");
    app.add_option("--shard-count", count_, "Number of shards")->check(CLI::Range(1, 1000000));
    app.add_option("--shard-from-env", env_, "Read the shard from the scheduler: slurm | k8s")
        ->check(CLI::IsMember({"slurm", "k8s"}))
        ->excludes(idx);
    app.add_flag("-q,--quiet", quiet_, "No progress output");
    app.add_flag("--log-json", log_json_, "Progress as JSON lines on stderr");
  }
  int execute() override {
    dataset::GenOptions o;
    o.designs_dir = designs_.empty() ? builtin_designs_dir() : designs_;
    o.out_dir = out_;
    o.jobs = jobs_;
    o.settings = s_;
    o.shard = shard();
    o.progress = dataset::progress_mode(quiet_, log_json_);
    const auto labeler = dataset::make_labeler();
    const auto sum = dataset::generate(o, *labeler);
    print(sum);
    for (const auto& b : sum.soundness_bugs)
      fmt::print(stderr, "bugforge gen: error: soundness bug: {}\n", b);
    if (!sum.soundness_bugs.empty())
      fmt::print(stderr,
                 "bugforge gen: {} proof(s) of the formal stage were refuted by simulation; they are stored "
                 "as unknown, not equivalent. Please report them with the lines above.\n",
                 sum.soundness_bugs.size());
    return sum.complete && sum.soundness_bugs.empty() ? kOk : kFail;
  }

 private:
  dataset::Shard shard() const {
    if (!env_.empty())
      return dataset::shard_from_env(env_, count_, [](const char* n) { return std::getenv(n); });
    const dataset::Shard s{index_.value_or(0), count_.value_or(1)};
    if (s.index >= s.count)
      throw Error("BF-DS-020",
                  fmt::format("--shard-index {} is not below --shard-count {}", s.index, s.count));
    return s;
  }
  void print(const dataset::GenSummary& s) const {
    if (quiet_) return;
    fmt::print("part      {}\n", s.db_path);
    fmt::print("designs   {} ({} skipped)\n", s.designs, s.skipped.size());
    fmt::print("samples   {} assigned to this shard, {} were stored before, {} labelled now in {:.1f} s\n",
               s.assigned, s.resumed, s.labelled, s.seconds);
    for (const auto& [label, n] : s.labels) fmt::print("  {:<11} {}\n", label, n);
    for (const auto& [stage, secs] : s.stage_seconds) fmt::print("  stage {:<10} {:8.1f} s\n", stage, secs);
    for (const auto& e : s.skipped) fmt::print(stderr, "bugforge gen: skipped: {}\n", e);
    fmt::print("{}\n",
               s.complete ? "complete: " + s.done_path : "incomplete: rerun the same command to finish");
  }

  std::string designs_, out_, env_;
  std::size_t jobs_ = std::max(1u, std::thread::hardware_concurrency());
  dataset::GenSettings s_;
  std::optional<std::size_t> index_, count_;
  bool quiet_ = false, log_json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_gen_command() {
  return std::make_unique<GenCommand>();
}

}  // namespace bf::cli
