// bugforge mutators — the bug class registry.
//
// Bug classes are data: a stable upper-case code, the languages it applies to, what earns its
// label and a one-line meaning (shared TAXONOMY.md). Code never spells a class as a
// scattered string: it looks the class up here.
//
// A class registers itself from its own mutator file (BF_HLS_CLASS in hls_mutator.h,
// BF_RTL_CLASS in rtl.h), at static initialisation: adding a class is one new file and its
// test. A class of both languages is entered by both files, with the same order and meaning.
// The table is ordered by `order` (TAXONOMY.md's order); nothing else lists the classes.
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

// One language's entry of a class, made by its mutator file.
struct BugClassEntry {
  std::string_view code;
  Lang lang;  // Hls or Rtl
  LabelledBy labelled_by;
  std::string_view meaning;
  int order;  // position in the table (TAXONOMY.md's order)
};

// Adds an entry; aborts at start-up on a code entered twice for one language, or entered by
// the two languages with another meaning, order or labeller. Returns true (for a static).
bool enter_bug_class(const BugClassEntry& e);

const std::vector<BugClass>& all_bug_classes();
const BugClass* find_bug_class(std::string_view code);  // nullptr when unknown
bool applies_to(const BugClass& c, Lang lang);

// Parses "OP,CMP" (case-insensitive) into codes; throws bf::Error BF-MUT-001 naming an unknown code.
std::vector<std::string> parse_class_list(const std::string& csv, Lang lang);

}  // namespace bf::mutators
