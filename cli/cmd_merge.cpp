// bugforge merge — merge the parts of a sharded `gen` run into one dataset with splits.
//
// Algorithm: dataset/merge.h does the work (checks, dedupe, splits); this prints the summary.
#include <fmt/format.h>

#include "bugforge/dataset/merge.h"
#include "command.h"

namespace bf::cli {

namespace {

class MergeCommand final : public Command {
 public:
  const char* name() const override { return "merge"; }
  const char* summary() const override { return "Merge dataset parts into one dataset with train/validation/test splits"; }
  const char* help() const override {
    return "PARTS are part-….db files or folders holding them. Every part must be complete (its done.json\n"
           "present and matching), made with the same settings, and together they must be shards 0..N-1 of\n"
           "one run; otherwise merge refuses and says which part and why. Samples whose edited file is the\n"
           "same up to whitespace are kept once. Families are assigned to splits (--split train,val,test\n"
           "ratios; stable across runs; families sharing a source file stay together).\n"
           "Exit status: 0 merged, 2 refused or bad input.";
  }
  void setup(CLI::App& app) override {
    app.add_option("parts", o_.parts, "Part databases or folders of parts")->required();
    app.add_option("-o,--out", o_.out, "Merged dataset (SQLite)")->required();
    app.add_option("--split", split_, "Split ratios train,validation,test")->capture_default_str();
  }
  int execute() override {
    o_.ratios = dataset::SplitRatios::parse(split_);
    const auto s = dataset::merge_parts(o_);
    fmt::print("merged {} parts: {} samples in, {} duplicates removed, {} samples in {}\n", s.parts, s.samples_in,
               s.duplicates, s.samples_out, o_.out);
    for (const auto& [split, n] : s.per_split) fmt::print("  {:<11} {}\n", split, n);
    for (const auto& [label, n] : s.per_label) fmt::print("  {:<11} {}\n", label, n);
    return kOk;
  }

 private:
  dataset::MergeOptions o_;
  std::string split_ = "0.8,0.1,0.1";
};

}  // namespace

std::unique_ptr<Command> make_merge_command() { return std::make_unique<MergeCommand>(); }

}  // namespace bf::cli
