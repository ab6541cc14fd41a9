// bugforge mutators — applying a mutant to a file's text and showing it as a unified diff.
//
// Algorithm (sample): sort (rank, input index) pairs, so equal ranks keep input order, take
// in that order under the caps, then restore input order.
// Algorithm (diff): a mutant edits one contiguous byte span, so the diff is one hunk: the lines
// that the span touches before and after the edit, with `context` unchanged lines either side.
#include "bugforge/mutators/mutant.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "bugforge/core/hash.h"

namespace bf::mutators {

std::string apply_mutant(const std::string& text, const Mutant& m) {
  if (m.offset > text.size() || text.compare(m.offset, m.original.size(), m.original) != 0)
    throw Error("BF-MUT-002",
                fmt::format("stale mutant {}: the text at byte {} is not '{}'", m.id, m.offset, m.original),
                SourceLoc{m.file, m.line});
  std::string out = text;
  out.replace(m.offset, m.original.size(), m.replacement);
  return out;
}

namespace {

std::uint64_t rank(const Mutant& m, std::uint64_t seed) {
  return Hasher()
      .add(static_cast<std::int64_t>(seed))
      .add(m.file)
      .add(static_cast<std::int64_t>(m.offset))
      .add(m.replacement)
      .digest();
}

}  // namespace

std::vector<Mutant> sample(std::vector<Mutant> all, const SampleOptions& opt) {
  if (opt.limit == 0 && opt.cap_per_class == 0) return all;
  std::vector<std::pair<std::uint64_t, std::size_t>> order;
  for (std::size_t i = 0; i < all.size(); ++i) order.emplace_back(rank(all[i], opt.seed), i);
  std::sort(order.begin(), order.end());
  std::map<std::string, std::size_t> per_class;
  std::vector<std::size_t> kept;
  for (const auto& [r, i] : order) {
    if (opt.limit && kept.size() >= opt.limit) break;
    if (opt.cap_per_class && per_class[all[i].bug_class] >= opt.cap_per_class) continue;
    ++per_class[all[i].bug_class];
    kept.push_back(i);
  }
  std::sort(kept.begin(), kept.end());
  std::vector<Mutant> out;
  out.reserve(kept.size());
  for (const std::size_t i : kept) out.push_back(std::move(all[i]));
  return out;
}

void number_in_source_order(std::vector<Mutant>& ms) {
  std::sort(ms.begin(), ms.end(), [](const Mutant& a, const Mutant& b) {
    return std::tie(a.file, a.offset, a.bug_class, a.replacement) <
           std::tie(b.file, b.offset, b.bug_class, b.replacement);
  });
  for (std::size_t i = 0; i < ms.size(); ++i) ms[i].id = static_cast<std::uint32_t>(i + 1);
}

namespace {

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < s.size()) {
    const std::size_t nl = s.find('\n', start);
    const std::size_t end = nl == std::string::npos ? s.size() : nl;
    lines.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

int line_of(const std::string& s, std::size_t offset) {
  return 1 + static_cast<int>(std::count(s.begin(), s.begin() + static_cast<long>(offset), '\n'));
}

}  // namespace

std::string mutant_diff(const std::string& original_text, const Mutant& m, int context) {
  const std::string edited = apply_mutant(original_text, m);
  const auto before = split_lines(original_text);
  const auto after = split_lines(edited);
  const int first = line_of(original_text, m.offset);  // 1-based, first changed line
  const int last_old = line_of(original_text, m.offset + m.original.size());
  const int last_new = line_of(edited, m.offset + m.replacement.size());
  const int from = std::max(1, first - context);
  const int to_old = std::min(static_cast<int>(before.size()), last_old + context);
  const int to_new = to_old + (last_new - last_old);

  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", m.file, m.file);
  out += fmt::format("@@ -{},{} +{},{} @@\n", from, to_old - from + 1, from, to_new - from + 1);
  for (int l = from; l < first; ++l) out += " " + before[l - 1] + "\n";
  for (int l = first; l <= last_old; ++l) out += "-" + before[l - 1] + "\n";
  for (int l = first; l <= last_new; ++l) out += "+" + after[l - 1] + "\n";
  for (int l = last_old + 1; l <= to_old; ++l) out += " " + before[l - 1] + "\n";
  return out;
}

}  // namespace bf::mutators
