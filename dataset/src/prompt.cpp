// bugforge dataset — task prompts (see prompt.h).
#include "bugforge/dataset/prompt.h"

#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <sstream>

namespace bf::dataset {

namespace {

constexpr std::array<const char*, 4> kTaskNames = {"detect", "localize", "classify", "repair"};

bool is_verilog(const Sample& s) { return s.language == "verilog"; }

std::string fence(const Sample& s) { return is_verilog(s) ? "verilog" : "cpp"; }

std::string code_block(const Sample& s, const std::string& text) {
  return fmt::format("```{}\n{}{}```", fence(s), text, text.empty() || text.back() == '\n' ? "" : "\n");
}

std::string line_text(const std::string& text, int line) {
  std::istringstream in(text);
  std::string l;
  for (int i = 1; std::getline(in, l); ++i)
    if (i == line) return l;
  return "";
}

std::string question(Task t) {
  switch (t) {
    case Task::Detect:
      return "Does the code below implement this specification correctly? Answer with exactly one word: "
             "`buggy` or `correct`.";
    case Task::Localize:
      return "The code below has exactly one defect: it does not implement this specification. Give the "
             "number of the defective line as `line N: <text of that line>`.";
    case Task::Classify:
      return "The code below has exactly one defect: it does not implement this specification. Classify the "
             "defect with one upper-case code of the HLS/RTL functional-verification bug taxonomy.";
    case Task::Repair:
      return "The code below has exactly one defect: it does not implement this specification. Reply with the "
             "corrected file, complete, in one code block.";
  }
  return "";
}

std::string answer(Task t, const Sample& s) {
  switch (t) {
    case Task::Detect: return s.label == Label::Buggy ? "buggy" : "correct";
    case Task::Localize: return fmt::format("line {}: {}", s.line, line_text(s.source, s.line));
    case Task::Classify: return s.bug_class;
    case Task::Repair: return code_block(s, s.fixed_source);
  }
  return "";
}

}  // namespace

const char* task_name(Task t) { return kTaskNames[static_cast<std::size_t>(t)]; }

std::optional<Task> parse_task(std::string_view s) {
  for (const Task t : all_tasks())
    if (s == task_name(t)) return t;
  return std::nullopt;
}

const std::vector<Task>& all_tasks() {
  static const std::vector<Task> tasks = {Task::Detect, Task::Localize, Task::Classify, Task::Repair};
  return tasks;
}

bool task_uses(Task t, const Sample& s) {
  if (t == Task::Detect) return s.label != Label::Unknown;
  return s.label == Label::Buggy;
}

std::string neutral_file_name(const Sample& s) {
  const std::string ext = std::filesystem::path(s.file).extension().string();
  return "design" + (ext.empty() ? std::string(is_verilog(s) ? ".v" : ".cpp") : ext);
}

Example make_example(Task t, const Sample& s) {
  Example e;
  e.system = fmt::format("You are a hardware verification engineer reviewing {} designs.",
                         is_verilog(s) ? "Verilog RTL" : "HLS C++");
  e.instruction = fmt::format("Specification:\n{}\n\n{}", s.description, question(t));
  e.input = fmt::format("File {}:\n{}", neutral_file_name(s), code_block(s, s.source));
  e.output = answer(t, s);
  return e;
}

}  // namespace bf::dataset
