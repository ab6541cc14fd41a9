// bugforge cli — `bugforge explain CODE`: what a diagnostic code means and what to do about it.
//
// Algorithm: look CODE up in the catalogue (core/codes.h); with --list, print every entry.
#include <fmt/format.h>

#include <iostream>

#include "bugforge/core/codes.h"
#include "command.h"

namespace bf::cli {

namespace {

void print_entry(const CodeInfo& c) {
  std::cout << fmt::format("{}: {}\n  what to do: {}\n", c.code, c.meaning, c.action);
}

class ExplainCommand final : public Command {
 public:
  const char* name() const override { return "explain"; }
  const char* summary() const override { return "Explain a diagnostic code (BF-AREA-NNN)"; }
  const char* help() const override {
    return "Prints what the diagnostic CODE means and what to do about it. Every error and finding\n"
           "bugforge prints carries such a code, e.g. `error[BF-EQV-003]`. --list prints the whole\n"
           "catalogue. Exit status: 0 known code, 2 unknown code.";
  }
  void setup(CLI::App& app) override {
    app.add_option("code", code_, "a code such as BF-EQV-003 (case does not matter)");
    app.add_flag("--list", list_, "print every code");
  }
  int execute() override {
    if (list_) {
      for (const auto& c : code_catalogue()) print_entry(c);
      return kOk;
    }
    if (code_.empty()) {
      std::cerr << "explain: give a CODE (e.g. BF-EQV-003) or --list\n";
      return kBadInput;
    }
    const CodeInfo* c = find_code(code_);
    if (!c) {
      std::cerr << fmt::format(
          "explain: no code '{}' in the catalogue (`bugforge explain --list` shows them)\n", code_);
      return kBadInput;
    }
    print_entry(*c);
    return kOk;
  }

 private:
  std::string code_;
  bool list_ = false;
};

}  // namespace

std::unique_ptr<Command> make_explain_command() {
  return std::make_unique<ExplainCommand>();
}

}  // namespace bf::cli
