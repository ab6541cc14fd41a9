// bugforge designs — list the designs of a folder (default: the built-in corpus).
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "bugforge/core/design.h"
#include "command.h"

namespace bf::cli {

namespace {

class DesignsCommand final : public Command {
 public:
  const char* name() const override { return "designs"; }
  const char* summary() const override { return "List designs with family, language, top and golden kernel"; }
  const char* help() const override {
    return "Scans DIR (default: the built-in corpus) for subfolders holding a design.toml and prints\n"
           "one row per design. Manifests that do not load are reported on stderr with file, line and\n"
           "key, and make the exit status 2; the good ones are still listed.";
  }
  void setup(CLI::App& app) override {
    app.add_option("dir", dir_, "Folder of design folders")->check(CLI::ExistingDirectory);
    app.add_flag("--json", json_, "Print JSON instead of a table");
  }
  int execute() override {
    const auto scan = scan_designs(dir_.empty() ? builtin_designs_dir() : dir_);
    for (const auto& e : scan.errors) std::cerr << e << "\n";
    if (json_) {
      print_json(scan);
    } else {
      print_table(scan);
    }
    return scan.errors.empty() ? kOk : kBadInput;
  }

 private:
  static void print_table(const DesignScan& scan) {
    fmt::print("{:<22} {:<14} {:<8} {:<18} {}\n", "design", "family", "language", "top", "golden");
    for (const auto& d : scan.designs)
      fmt::print("{:<22} {:<14} {:<8} {:<18} {}({})\n", d.name, d.family, language_name(d.language), d.top,
                 d.golden.kernel, params_to_string(d.golden.params));
    fmt::print("{} designs\n", scan.designs.size());
  }
  static void print_json(const DesignScan& scan) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : scan.designs)
      out.push_back({{"name", d.name}, {"family", d.family}, {"language", language_name(d.language)},
                     {"top", d.top}, {"kernel", d.golden.kernel}, {"params", d.golden.params}, {"dir", d.dir}});
    std::cout << out.dump(2) << "\n";
  }
  std::string dir_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_designs_command() { return std::make_unique<DesignsCommand>(); }

}  // namespace bf::cli
