// bugforge dataset — sample ids, labels and normalised content hashes (see sample.h).
#include "bugforge/dataset/sample.h"

#include <array>
#include <cctype>

#include "bugforge/core/hash.h"

namespace bf::dataset {

namespace {
constexpr std::array<const char*, 4> kLabelNames = {"clean", "buggy", "equivalent", "unknown"};
}

const char* label_name(Label l) {
  return kLabelNames[static_cast<std::size_t>(l)];
}

std::optional<Label> parse_label(std::string_view s) {
  for (const Label l : all_labels())
    if (s == label_name(l)) return l;
  return std::nullopt;
}

const std::vector<Label>& all_labels() {
  static const std::vector<Label> labels = {Label::Clean, Label::Buggy, Label::Equivalent, Label::Unknown};
  return labels;
}

namespace {

constexpr const char* kDetectorNames[] = {"",        "build",     "sim",    "crash",
                                          "timeout", "sanitizer", "formal", "pragma-rule"};
constexpr const char* kEvidenceNames[] = {"",
                                          "original",
                                          "build",
                                          "sim",
                                          "crash",
                                          "timeout",
                                          "sanitizer",
                                          "formal",
                                          "pragma-rule",
                                          "vectors",
                                          "proof",
                                          "formal-inconclusive",
                                          "soundness-bug"};

template <typename E, std::size_t N>
std::optional<E> parse_name(std::string_view s, const char* const (&names)[N]) {
  for (std::size_t i = 0; i < N; ++i)
    if (s == names[i]) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace

const char* detector_name(Detector d) {
  return kDetectorNames[static_cast<std::size_t>(d)];
}
std::optional<Detector> parse_detector(std::string_view s) {
  return parse_name<Detector>(s, kDetectorNames);
}
const char* evidence_name(Evidence e) {
  return kEvidenceNames[static_cast<std::size_t>(e)];
}
std::optional<Evidence> parse_evidence(std::string_view s) {
  return parse_name<Evidence>(s, kEvidenceNames);
}

Evidence evidence_of(Detector d) {
  switch (d) {
    case Detector::None: break;
    case Detector::Build: return Evidence::Build;
    case Detector::Sim: return Evidence::Sim;
    case Detector::Crash: return Evidence::Crash;
    case Detector::Timeout: return Evidence::Timeout;
    case Detector::Sanitizer: return Evidence::Sanitizer;
    case Detector::Formal: return Evidence::Formal;
    case Detector::PragmaRule: return Evidence::PragmaRule;
  }
  return Evidence::None;
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
