// bugforge cli — a subcommand is a self-describing object: name, one-line summary, long help and
// a way to fill a CLI11 subcommand and run it. All of them are listed in commands.cpp.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace bf::cli {

// Exit codes shared by every subcommand.
enum Exit : int { kOk = 0, kFail = 1, kBadInput = 2 };

class Command {
 public:
  virtual ~Command() = default;
  virtual const char* name() const = 0;
  virtual const char* summary() const = 0;  // one line
  virtual const char* help() const = 0;     // long help shown by `bugforge NAME --help`
  // Declare options on `app` (already named and described).
  virtual void setup(CLI::App& app) = 0;
  // Run after parsing; returns the process exit code.
  virtual int execute() = 0;
};

// The one table of subcommands (commands.cpp).
std::vector<std::unique_ptr<Command>> make_commands();

}  // namespace bf::cli
