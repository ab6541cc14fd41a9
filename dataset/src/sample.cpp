// bugforge dataset — sample ids, labels and normalised content hashes (see sample.h).
#include "bugforge/dataset/sample.h"

#include <array>
#include <cctype>

#include "bugforge/core/hash.h"

namespace bf::dataset {

namespace {
constexpr std::array<const char*, 4> kLabelNames = {"clean", "buggy", "equivalent", "unknown"};
}

const char* label_name(Label l) { return kLabelNames[static_cast<std::size_t>(l)]; }

std::optional<Label> parse_label(std::string_view s) {
  for (const Label l : all_labels())
    if (s == label_name(l)) return l;
  return std::nullopt;
}

const std::vector<Label>& all_labels() {
  static const std::vector<Label> labels = {Label::Clean, Label::Buggy, Label::Equivalent, Label::Unknown};
  return labels;
}

std::string sample_id(std::string_view design, std::string_view file, std::string_view file_hash,
                      std::size_t offset, std::string_view original, std::string_view replacement) {
  Hasher h;
  h.add("bugforge-sample-v1").add(design).add(file).add(file_hash);
  h.add(static_cast<std::int64_t>(offset)).add(original).add(replacement);
  return h.hex();
}

std::string normalised_hash(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  bool space = false;
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !folded.empty();
      continue;
    }
    if (space) folded += ' ';
    space = false;
    folded += c;
  }
  return hex64(hash64(folded));
}

std::size_t shard_of(std::string_view id, std::size_t count) {
  const std::uint64_t v = std::stoull(std::string(id), nullptr, 16);
  return count == 0 ? 0 : static_cast<std::size_t>(v % count);
}

}  // namespace bf::dataset
