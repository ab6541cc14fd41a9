// bugforge mutators — the bug class registry.
//
// Bug classes are data: a stable upper-case code, the languages it applies to, what earns its
// label and a one-line meaning (shared TAXONOMY.md). Code never spells a class as a
// scattered string: it looks the class up here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bf::mutators {

enum class Lang : unsigned { Hls = 1, Rtl = 2, Both = 3 };

// What earns a class's label ("oracle" is only a design's [oracle] kind: how it is judged).
enum class LabelledBy { Simulation, PragmaRule };

struct BugClass {
  std::string_view code;     // "OOB", "OP", ...
  Lang lang;                 // where it applies
  LabelledBy labelled_by;    // what earns the label
  std::string_view meaning;  // one line, from TAXONOMY.md
};

const std::vector<BugClass>& all_bug_classes();
const BugClass* find_bug_class(std::string_view code);  // nullptr when unknown
bool applies_to(const BugClass& c, Lang lang);

// Parses "OP,CMP" (case-insensitive) into codes; throws bf::Error BF-MUT-001 naming an unknown code.
std::vector<std::string> parse_class_list(const std::string& csv, Lang lang);

}  // namespace bf::mutators
