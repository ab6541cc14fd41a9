// bugforge check — build and simulate designs on N vector sets and compare with golden outputs.
//
// Algorithm: resolve the designs (names, folders, or the whole corpus), then for each design
// build once (cached by content hash), run N vector sets in a sandboxed child and compare with
// the golden kernel. One failing design never stops the others. Exit 1 on any failure, 2 on bad
// input (unknown design, bad manifest).
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "bugforge/core/design.h"
#include "bugforge/core/diagnostic.h"
#include "bugforge/simulate/simulate.h"
#include "command.h"

namespace bf::cli {

namespace {

struct Row {
  std::string design;
  sim::CheckResult result;
};

nlohmann::json row_json(const Row& r) {
  nlohmann::json j = {{"design", r.design},
                      {"result", sim::check_status_name(r.result.status)},
                      {"build_seconds", r.result.build.seconds},
                      {"build_cached", r.result.build.cached},
                      {"sim_seconds", r.result.run.seconds},
                      {"message", r.result.message}};
  if (r.result.mismatch) {
    const auto& m = *r.result.mismatch;
    j["mismatch"] = {{"vector", m.vector}, {"seed", m.seed}, {"output", m.output}, {"index", m.index},
                     {"expected", m.expected}, {"got", m.got}, {"cycle", m.cycle}, {"detail", m.detail}};
  }
  if (r.result.status == sim::CheckStatus::BuildError)
    j["error"] = {{"file", r.result.build.error_file}, {"line", r.result.build.error_line}};
  return j;
}

class CheckCommand final : public Command {
 public:
  const char* name() const override { return "check"; }
  const char* summary() const override { return "Build and simulate designs, compare with golden outputs"; }
  const char* help() const override {
    return "Each DESIGN is a design folder or the name of a built-in design; with none, every design\n"
           "in --designs (default: the built-in corpus) is checked. Each design is built once (builds\n"
           "are cached by content hash under $BUGFORGE_CACHE, default ~/.cache/bugforge, and a reused\n"
           "build says 'cached'), run on --vectors vector sets made from seeds --seed.. and compared\n"
           "with its golden kernel. The first mismatch is printed: vector, output, element, expected,\n"
           "got and, for RTL, the cycle.\n"
           "Exit status: 0 all pass, 1 a design failed (mismatch, build error, crash, timeout),\n"
           "2 bad input (unknown design, bad design.toml).";
  }
  void setup(CLI::App& app) override {
    app.add_option("design", names_, "Design folders or built-in design names");
    app.add_option("--designs", designs_dir_, "Folder of designs to use when none is named")
        ->check(CLI::ExistingDirectory);
    app.add_option("-n,--vectors", vectors_, "Vector sets per design")->check(CLI::Range(1, 1000000));
    app.add_option("-s,--seed", seed_, "First seed");
    app.add_option("--timeout", timeout_, "Wall-time limit per simulation run, seconds")->check(CLI::PositiveNumber);
    app.add_flag("--json", json_, "Print JSON instead of a table");
  }
  int execute() override {
    int bad_input = 0;
    const auto designs = resolve(bad_input);
    std::vector<Row> rows;
    if (!json_ && !designs.empty()) print_header();
    for (const auto& d : designs) {
      rows.push_back({d.name, sim::check_design(d, options())});
      if (!json_) print_row(rows.back());
    }
    if (json_) print_json(rows);
    const bool failed = std::any_of(rows.begin(), rows.end(),
                                    [](const Row& r) { return r.result.status != sim::CheckStatus::Pass; });
    if (!json_) print_summary(rows);
    if (bad_input) return kBadInput;
    return failed ? kFail : kOk;
  }

 private:
  std::vector<Design> resolve(int& bad_input) const {
    std::vector<Design> out;
    if (names_.empty()) {
      const auto scan = scan_designs(designs_dir_.empty() ? builtin_designs_dir() : designs_dir_);
      for (const auto& e : scan.errors) std::cerr << "bugforge: " << e << "\n";
      bad_input += static_cast<int>(scan.errors.size());
      return scan.designs;
    }
    for (const auto& n : names_) {
      try {
        out.push_back(find_design(n, designs_dir_));
      } catch (const bf::Error& e) {
        std::cerr << "bugforge: " << e.diagnostic().format() << "\n";
        ++bad_input;
      }
    }
    return out;
  }
  sim::CheckOptions options() const {
    sim::CheckOptions o;
    o.vectors = vectors_;
    o.seed = seed_;
    o.run.limits.wall_seconds = timeout_;
    return o;
  }
  static void print_header() {
    fmt::print("{:<22} {:>12} {:>9}  {:<10} {}\n", "design", "build", "sim", "result", "detail");
    std::fflush(stdout);
  }
  static void print_row(const Row& r) {
    const auto& b = r.result.build;
    const std::string build = b.cached ? fmt::format("{:.2f}s cached", b.seconds) : fmt::format("{:.2f}s", b.seconds);
    fmt::print("{:<22} {:>12} {:>8.2f}s  {:<10} {}\n", r.design, build, r.result.run.seconds,
               sim::check_status_name(r.result.status), r.result.message);
    std::fflush(stdout);
  }
  static void print_summary(const std::vector<Row>& rows) {
    std::size_t pass = 0, cached = 0;
    double build = 0, simt = 0;
    for (const auto& r : rows) {
      pass += r.result.status == sim::CheckStatus::Pass;
      cached += r.result.build.cached;
      build += r.result.build.seconds;
      simt += r.result.run.seconds;
    }
    fmt::print("{} of {} designs pass; {} builds reused from cache; build {:.1f}s, sim {:.1f}s\n", pass,
               rows.size(), cached, build, simt);
  }
  static void print_json(const std::vector<Row>& rows) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : rows) out.push_back(row_json(r));
    std::cout << out.dump(2) << "\n";
  }

  std::vector<std::string> names_;
  std::string designs_dir_;
  std::size_t vectors_ = 8;
  std::uint64_t seed_ = 0;
  double timeout_ = 60;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_check_command() { return std::make_unique<CheckCommand>(); }

}  // namespace bf::cli
