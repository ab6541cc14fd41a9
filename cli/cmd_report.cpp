// bugforge report — one self-contained HTML page of charts about a dataset.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "bugforge/core/diagnostic.h"
#include "bugforge/dataset/report.h"
#include "bugforge/dataset/store.h"
#include "command.h"

namespace bf::cli {

namespace {

class ReportCommand final : public Command {
 public:
  const char* name() const override { return "report"; }
  const char* summary() const override { return "Write an HTML report (inline SVG charts) of a dataset"; }
  const char* help() const override {
    return "Samples by label and class, kill rate by design and class, which stage detected what, time per\n"
           "stage and samples per second by stage. The page is self-contained (no network, no script).\n"
           "--html - writes it to stdout.";
  }
  void setup(CLI::App& app) override {
    app.add_option("--db", db_, "Dataset or part database")->required()->check(CLI::ExistingFile);
    app.add_option("--html", html_, "Output HTML file, or -")->capture_default_str();
  }
  int execute() override {
    const auto store = dataset::Store::open(db_, false);
    const auto samples = store.samples();
    const std::string name = std::filesystem::path(db_).filename().string();
    const std::string settings = store.meta("settings").value_or("{}");
    if (html_ == "-") {
      dataset::write_report(samples, name, settings, std::cout);
      return kOk;
    }
    std::ofstream out(html_, std::ios::binary | std::ios::trunc);
    if (!out) throw Error("BF-DS-060", fmt::format("cannot write '{}'", html_));
    const auto st = dataset::write_report(samples, name, settings, out);
    fmt::print("wrote {} ({} samples)\n", html_, st.samples);
    return kOk;
  }

 private:
  std::string db_, html_ = "report.html";
};

}  // namespace

std::unique_ptr<Command> make_report_command() { return std::make_unique<ReportCommand>(); }

}  // namespace bf::cli
