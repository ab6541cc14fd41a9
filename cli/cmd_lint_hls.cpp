// bugforge cli — `bugforge lint-hls FILE...`: the HLS pragma rule checker on any C++ file.
//
// Algorithm: parse each file with libclang (runtime HLS headers on the include path, plus -I/-D
// from the command line; `-` reads stdin), build its pragma model, run the rules and print one
// line per finding, `file:line: warning[CODE]: message`, or a JSON array. Exit 1 when anything
// was found, 2 when a file could not be read or parsed.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <iterator>

#include "bugforge/core/diagnostic.h"
#include "bugforge/mutators/hls_pragma.h"
#include "bugforge/mutators/hls_unit.h"
#include "command.h"

namespace bf::cli {

namespace {

namespace hls = mutators::hls;

struct FileFindings {
  std::string file;
  std::vector<hls::PragmaFinding> findings;
};

FileFindings lint_one(const std::string& file, const hls::ParseOptions& po) {
  std::optional<std::string> text;
  std::string path = file;
  if (file == "-") {
    text = std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    path = "stdin.cpp";
  }
  const hls::Unit u = hls::Unit::parse(path, po, text);
  return {file == "-" ? "<stdin>" : file, hls::check_pragmas(u, hls::build_pragma_model(u))};
}

class LintHlsCommand final : public Command {
 public:
  const char* name() const override { return "lint-hls"; }
  const char* summary() const override {
    return "Check #pragma HLS use in HLS C++ files (stable rule codes)";
  }
  const char* help() const override {
    return "Parses each FILE ('-' = stdin) with libclang and checks its #pragma HLS directives against the\n"
           "access patterns and loop structure of the code: partition factor/dim/type, nested pipelines,\n"
           "unroll of outer loops, dataflow regions and interface modes. Prints\n"
           "  file:line: warning[BF-HLS-NNN]: message\n"
           "per finding. Exit status: 0 clean, 1 findings, 2 unreadable input.";
  }
  void setup(CLI::App& app) override {
    app.add_option("files", files_, "HLS C++ files ('-' reads stdin)")->required();
    app.add_option("-I,--include", includes_, "extra include directory");
    app.add_option("-D,--define", defines_, "macro NAME=VALUE (integer)");
    app.add_flag("--json", json_, "print findings as a JSON array");
  }
  int execute() override {
    hls::ParseOptions po;
    po.include_dirs = includes_;
    for (const auto& d : defines_) {
      const auto eq = d.find('=');
      if (eq == std::string::npos) throw Error("BF-CLI-010", fmt::format("-D '{}' is not NAME=VALUE", d));
      po.defines.emplace_back(d.substr(0, eq), std::stoll(d.substr(eq + 1)));
    }
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    std::size_t total = 0;
    for (const auto& f : files_) {
      const FileFindings ff = lint_one(f, po);
      total += ff.findings.size();
      for (const auto& x : ff.findings) {
        if (json_)
          arr.push_back({{"file", ff.file},
                         {"line", x.line},
                         {"code", x.code},
                         {"class", x.bug_class},
                         {"message", x.message}});
        else
          std::cout << fmt::format("{}:{}: warning[{}]: {}\n", ff.file, x.line, x.code, x.message);
      }
    }
    if (json_) std::cout << arr.dump(2) << "\n";
    return total ? kFail : kOk;
  }

 private:
  std::vector<std::string> files_, includes_, defines_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_lint_hls_command() {
  return std::make_unique<LintHlsCommand>();
}

}  // namespace bf::cli
