// bugforge — the executable: builds the CLI11 app from the command table and dispatches.
#include <fmt/format.h>

#include <iostream>

#include "bugforge/core/diagnostic.h"
#include "command.h"

#ifndef BUGFORGE_VERSION
#define BUGFORGE_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  CLI::App app{
      "bugforge — verified datasets of buggy and clean hardware designs (HLS C++ and Verilog),\n"
      "labelled by running them: C simulation, Verilator, Yosys equivalence.",
      "bugforge"};
  app.set_version_flag("--version", std::string("bugforge ") + BUGFORGE_VERSION);
  app.require_subcommand(1);
  app.footer("Run 'bugforge COMMAND --help' for the options of one command.");

  auto commands = bf::cli::make_commands();
  bf::cli::Command* chosen = nullptr;
  for (auto& cmd : commands) {
    CLI::App* sub = app.add_subcommand(cmd->name(), cmd->summary());
    sub->footer(cmd->help());
    cmd->setup(*sub);
    sub->callback([&chosen, c = cmd.get()] { chosen = c; });
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : bf::cli::kBadInput;
  }
  try {
    return chosen ? chosen->execute() : bf::cli::kBadInput;
  } catch (const bf::Error& e) {
    std::cerr << "bugforge: " << e.diagnostic().format() << "\n";
    return bf::cli::kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "bugforge: error: " << e.what() << "\n";
    return bf::cli::kFail;
  }
}
