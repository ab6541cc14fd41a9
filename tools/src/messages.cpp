// bugforge tools — Verilator and compiler messages as data (see messages.h).
//
// Algorithm: match each line against the two opening forms; a Verilator message stays open
// while the following lines are indented, and each `file:line:col:` in them is one more place.
#include "bugforge/tools/messages.h"

#include <regex>
#include <sstream>

namespace bf::tools {

namespace {

MessageKind kind_of(const std::string& word) {
  if (word.find("rror") != std::string::npos) return MessageKind::Error;
  return word == "note" ? MessageKind::Note : MessageKind::Warning;
}

int number(const std::ssub_match& m) {
  return m.matched ? std::stoi(m.str()) : 0;
}

std::optional<SourceLoc> place_in(const std::string& line) {
  static const std::regex re(R"(([^\s:]+):(\d+):(\d+):)");
  std::smatch m;
  if (!std::regex_search(line, m, re)) return std::nullopt;
  return SourceLoc{m[1].str(), std::stoi(m[2].str()), std::stoi(m[3].str())};
}

std::optional<ToolMessage> verilator_message(const std::string& line) {
  static const std::regex re(
      R"(^%(Error|Warning)(?:-([A-Za-z0-9_]+))?: (?:([^\s:][^:\n]*):(\d+):(?:(\d+):)? *)?(.*)$)");
  std::smatch m;
  if (!std::regex_search(line, m, re)) return std::nullopt;
  ToolMessage msg;
  msg.kind = kind_of(m[1].str());
  msg.tool_code = m[2].str();
  if (m[3].matched) msg.loc = {m[3].str(), number(m[4]), number(m[5])};
  msg.text = m[6].str();
  msg.first_line = line;
  if (!m[3].matched)  // "%Error: Internal Error: x.v:3:4: ...": the place follows a prefix
    if (auto p = place_in(msg.text)) msg.others.push_back(*p);
  return msg;
}

std::optional<ToolMessage> compiler_message(const std::string& line) {
  static const std::regex re(
      R"(^([^\s:][^:\n]*):(\d+):(?:(\d+):)? *(fatal error|error|warning|note): *(.*)$)");
  std::smatch m;
  if (!std::regex_search(line, m, re)) return std::nullopt;
  ToolMessage msg;
  msg.kind = kind_of(m[4].str());
  msg.loc = {m[1].str(), number(m[2]), number(m[3])};
  msg.text = m[5].str();
  msg.first_line = line;
  return msg;
}

}  // namespace

std::vector<ToolMessage> parse_messages(const std::string& log) {
  std::vector<ToolMessage> out;
  bool open = false;  // the last message is Verilator's and may continue on indented lines
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) {
    if (auto v = verilator_message(line)) {
      out.push_back(std::move(*v));
      open = true;
    } else if (auto c = compiler_message(line)) {
      out.push_back(std::move(*c));
      open = false;
    } else if (open && !line.empty() && std::isspace(static_cast<unsigned char>(line[0]))) {
      if (auto p = place_in(line)) out.back().others.push_back(*p);
    } else {
      open = false;
    }
  }
  return out;
}

std::optional<ToolMessage> first_error(const std::string& log) {
  std::optional<ToolMessage> any;
  for (auto& m : parse_messages(log)) {
    if (m.kind != MessageKind::Error) continue;
    if (!m.loc.file.empty()) return m;
    if (!any) any = std::move(m);
  }
  return any;
}

}  // namespace bf::tools
