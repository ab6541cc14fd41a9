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

namespace bf::mutators {

namespace {

struct Entered {
  BugClass cls;
  int order;
};

std::vector<Entered>& entries() {
  static std::vector<Entered> e;
  return e;
}

[[noreturn]] void bad_entry(std::string_view code, const char* why) {
  std::fprintf(stderr, "bugforge: bug class %.*s %s\n", static_cast<int>(code.size()), code.data(), why);
  std::abort();  // a programming error in a class file, found by every test run
}

}  // namespace

bool enter_bug_class(const BugClassEntry& e) {
  auto& all = entries();
  const auto it =
      std::find_if(all.begin(), all.end(), [&](const Entered& x) { return x.cls.code == e.code; });
  if (it == all.end()) {
    all.push_back({{e.code, e.lang, e.labelled_by, e.meaning}, e.order});
    return true;
  }
  if ((static_cast<unsigned>(it->cls.lang) & static_cast<unsigned>(e.lang)) != 0)
    bad_entry(e.code, "is entered twice for one language");
  if (it->cls.meaning != e.meaning || it->order != e.order || it->cls.labelled_by != e.labelled_by)
    bad_entry(e.code, "is entered by HLS and RTL with another meaning, order or labeller");
  it->cls.lang = static_cast<Lang>(static_cast<unsigned>(it->cls.lang) | static_cast<unsigned>(e.lang));
  return true;
}

const std::vector<BugClass>& all_bug_classes() {
  static const std::vector<BugClass> table = [] {
    auto e = entries();
    std::sort(e.begin(), e.end(), [](const Entered& a, const Entered& b) { return a.order < b.order; });
    std::vector<BugClass> t;
    for (const auto& x : e) t.push_back(x.cls);
    return t;
  }();
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
