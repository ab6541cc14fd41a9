// bugforge tools — the messages of Verilator and of the C++ compiler, as data.
//
// Algorithm: one pass over the log, a line at a time. A line that opens a message is either
// Verilator's `%Error[-CODE]: [file:line:[col:]] text` / `%Warning-CODE: ...` or the compiler's
// `file:line:[col:] (fatal error|error|warning|note): text`. Indented lines after a Verilator
// message are its continuation; the `file:line:col:` places they name (Verilator's "... Location
// of ..." lines) are kept as the message's other places. Every stage that reads a tool's log for a
// location (build failures, schema blame, AST-dump errors) reads it through here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bugforge/core/diagnostic.h"

namespace bf::tools {

enum class MessageKind { Error, Warning, Note };

struct ToolMessage {
  MessageKind kind = MessageKind::Error;
  std::string tool_code;          // Verilator's code (`BLKANDNBLK`, `WIDTH`); empty for the compiler
  SourceLoc loc;                  // file empty when the message names no place
  std::string text;               // the message after its location
  std::string first_line;         // the whole opening line, as the tool printed it
  std::vector<SourceLoc> others;  // further places named by its continuation lines
};

// Every message of a Verilator or compiler log, in order.
std::vector<ToolMessage> parse_messages(const std::string& log);

// The first error that names a place; without one, the first error of any kind.
std::optional<ToolMessage> first_error(const std::string& log);

}  // namespace bf::tools
