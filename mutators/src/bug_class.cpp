// bugforge mutators — the bug class registry, filled by the class files (see bug_class.h);
// tests/mutators/test_bug_class.cpp keeps it in step with shared TAXONOMY.md.
#include "bugforge/mutators/bug_class.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "bugforge/core/diagnostic.h"
#include "entries.h"

namespace bf::mutators {

namespace {

KeyedEntries<BugClass>& entries() {  // key: the table order
  static KeyedEntries<BugClass> e;
  return e;
}

[[noreturn]] void bad_entry(std::string_view code, const char* why) {
  std::fprintf(stderr, "bugforge: bug class %.*s %s\n", static_cast<int>(code.size()), code.data(), why);
  std::abort();  // a programming error in a class file, found by every test run
}

}  // namespace

bool enter_bug_class(const BugClassEntry& e) {
  auto* it = entries().find([&](const BugClass& c) { return c.code == e.code; });
  if (!it) {
    entries().add(e.order, {e.code, e.lang, e.labelled_by, e.meaning});
    return true;
  }
  BugClass& c = it->second;
  if ((static_cast<unsigned>(c.lang) & static_cast<unsigned>(e.lang)) != 0)
    bad_entry(e.code, "is entered twice for one language");
  if (c.meaning != e.meaning || it->first != e.order || c.labelled_by != e.labelled_by)
    bad_entry(e.code, "is entered by HLS and RTL with another meaning, order or labeller");
  c.lang = static_cast<Lang>(static_cast<unsigned>(c.lang) | static_cast<unsigned>(e.lang));
  return true;
}

const std::vector<BugClass>& all_bug_classes() {
  static const std::vector<BugClass> table = entries().by_key();
  return table;
}

const BugClass* find_bug_class(std::string_view code) {
  const auto& t = all_bug_classes();
  const auto it = std::find_if(t.begin(), t.end(), [&](const BugClass& c) { return c.code == code; });
  return it == t.end() ? nullptr : &*it;
}

bool applies_to(const BugClass& c, Lang lang) {
  return (static_cast<unsigned>(c.lang) & static_cast<unsigned>(lang)) != 0;
}

std::vector<std::string> parse_class_list(const std::string& csv, Lang lang) {
  std::vector<std::string> out;
  std::stringstream ss(csv);
  std::string item;
  while (std::getline(ss, item, ',')) {
    std::transform(item.begin(), item.end(), item.begin(), [](unsigned char ch) { return std::toupper(ch); });
    item.erase(std::remove_if(item.begin(), item.end(), [](unsigned char ch) { return std::isspace(ch); }),
               item.end());
    if (item.empty()) continue;
    const BugClass* c = find_bug_class(item);
    if (!c || !applies_to(*c, lang))
      throw Error("BF-MUT-001", fmt::format("unknown bug class '{}' for this language", item));
    out.push_back(item);
  }
  return out;
}

}  // namespace bf::mutators
