// bugforge export — write a dataset as training files for one task (chat, alpaca or hf).
//
// Algorithm: the exporter table (dataset/export.h) does the work; this lists it in --help and
// prints the files and rows written.
#include <fmt/format.h>

#include "bugforge/dataset/export.h"
#include "command.h"

namespace bf::cli {

namespace {

std::string formats_help() {
  std::string h;
  for (const auto& e : dataset::exporters()) h += fmt::format("  {:<7} {}\n          {}\n", e.name, e.summary, e.help);
  return h;
}

class ExportCommand final : public Command {
 public:
  const char* name() const override { return "export"; }
  const char* summary() const override { return "Export a dataset for a task: chat, alpaca or hf (Hugging Face)"; }
  const char* help() const override {
    static const std::string h =
        "Tasks: detect (buggy vs clean and equivalent samples), localize (line of the defect), classify (bug\n"
        "class), repair (the fixed file). Prompts never reveal the answer: no class names, no labels, no\n"
        "hints, and the code is shown as design.v / design.cpp. --out - writes chat/alpaca rows to stdout.\n"
        "Formats:\n" + formats_help();
    return h.c_str();
  }
  void setup(CLI::App& app) override {
    app.add_option("--db", db_, "Dataset (merged) database")->required()->check(CLI::ExistingFile);
    std::vector<std::string> names;
    for (const auto& e : dataset::exporters()) names.emplace_back(e.name);
    app.add_option("--format", format_, "Output format")->check(CLI::IsMember(names))->capture_default_str();
    app.add_option("--task", task_, "detect | localize | classify | repair")
        ->check(CLI::IsMember({"detect", "localize", "classify", "repair"}))->capture_default_str();
    app.add_option("-o,--out", out_, "Output folder, or - for stdout (chat, alpaca)")->required();
  }
  int execute() override {
    const auto r = dataset::export_dataset(db_, format_, *dataset::parse_task(task_), out_);
    if (out_ == "-") return kOk;
    for (const auto& f : r.files) fmt::print("wrote {}\n", f);
    for (const auto& [split, n] : r.rows) fmt::print("  {:<11} {} rows\n", split, n);
    return kOk;
  }

 private:
  std::string db_, format_ = "hf", task_ = "detect", out_;
};

}  // namespace

std::unique_ptr<Command> make_export_command() { return std::make_unique<ExportCommand>(); }

}  // namespace bf::cli
