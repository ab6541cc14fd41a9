// bugforge dataset — the four tasks and the prompt each sample becomes.
//
// Algorithm: a prompt is the design's specification (its design.toml description), the task's
// question and the edited file under a neutral name (design.v / design.cpp). Nothing else about
// the sample reaches it: not the bug class, not the label, not the mutator's description, not the
// design or file name; the code is exactly the file the tools ran. So a buggy and a clean sample of
// one design differ only inside the code block — which is what the leak tests check.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bugforge/dataset/sample.h"

namespace bf::dataset {

enum class Task { Detect, Localize, Classify, Repair };

const char* task_name(Task t);
std::optional<Task> parse_task(std::string_view s);
const std::vector<Task>& all_tasks();

struct Example {
  std::string system, instruction, input, output;
  std::string prompt() const { return instruction + "\n\n" + input; }  // the user turn
};

// detect: buggy, clean and equivalent samples (hard negatives); the others: buggy samples only.
bool task_uses(Task t, const Sample& s);

Example make_example(Task t, const Sample& s);

// "design.v" or "design.cpp"/"design.h": the name the code is shown under.
std::string neutral_file_name(const Sample& s);

}  // namespace bf::dataset
