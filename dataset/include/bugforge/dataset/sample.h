// bugforge dataset — a sample: one design source, edited or not, with the label a tool run earned.
//
// Algorithm: a sample's id is the xxHash64 of what defines it — the design name, the edited file,
// the hash of that file's original text and the edit (offset, original, replacement) — so it is
// the same on every machine and for every shard count. `content_hash` hashes the edited file's
// text with all whitespace runs folded to one space: the key merge uses to find duplicates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace bf::dataset {

enum class Label { Clean, Buggy, Equivalent, Unknown };

const char* label_name(Label l);                       // "clean" | "buggy" | "equivalent" | "unknown"
std::optional<Label> parse_label(std::string_view s);  // nullopt when unknown text
const std::vector<Label>& all_labels();

// The tool run that found a buggy sample; None for every other label. Stored as its name.
enum class Detector { None, Build, Sim, Crash, Timeout, Sanitizer, Formal, PragmaRule };
// What a label rests on. Stored as its name.
enum class Evidence {
  None,
  Original,  // clean: the unedited design passes
  Build,     // buggy: as the detector
  Sim,
  Crash,
  Timeout,
  Sanitizer,
  Formal,
  PragmaRule,
  Vectors,             // equivalent or unknown: passes every vector set
  Proof,               // equivalent: a formal proof, re-checked by simulation
  FormalInconclusive,  // unknown: formal ran out of budget or could not model the edit
  SoundnessBug,        // unknown: a proof that simulation refuted (reported, never a label)
};

const char* detector_name(Detector d);  // "" | "build" | "sim" | "crash" | "timeout" | "sanitizer" | ...
std::optional<Detector> parse_detector(std::string_view s);  // nullopt when unknown text
const char* evidence_name(Evidence e);  // "" | "original" | ... | "formal-inconclusive" | "soundness-bug"
std::optional<Evidence> parse_evidence(std::string_view s);
Evidence evidence_of(Detector d);  // a buggy sample's evidence is the run that found it

struct Sample {
  std::string id;  // 16 hex digits (sample_id)
  std::string design, family, language, top, description;
  std::string bug_class;   // registry code; empty for clean samples
  std::string file;        // edited (or shown) file, relative to the design folder
  std::size_t offset = 0;  // byte offset of the edit in the original file
  int line = 0;            // 1-based line of the edit (0 for clean samples)
  std::string original, replacement;
  std::string diff;          // unified diff; empty for clean samples
  std::string source;        // full text of `file` after the edit
  std::string fixed_source;  // full text of `file` before the edit
  Label label = Label::Unknown;
  Detector detected_by = Detector::None;  // buggy only
  Evidence evidence = Evidence::None;
  nlohmann::json symptom = nlohmann::json::object();
  std::vector<std::uint64_t> golden_seeds;
  nlohmann::json tools = nlohmann::json::object();    // tool name -> version
  nlohmann::json timings = nlohmann::json::object();  // stage -> seconds
  std::string content_hash;                           // normalised_hash(source)
  std::string split;                                  // train|validation|test after merge; empty in parts
};

// Id of the edit (offset, original, replacement) of `file` (whose original text hashes to
// `file_hash`) in design `design`; an empty edit is the clean sample of that file.
std::string sample_id(std::string_view design, std::string_view file, std::string_view file_hash,
                      std::size_t offset, std::string_view original, std::string_view replacement);

// Hash of `text` with whitespace runs folded to one space and trimmed (16 hex digits).
std::string normalised_hash(std::string_view text);

// The shard that owns a sample id: id (as a 64-bit number) mod count.
std::size_t shard_of(std::string_view id, std::size_t count);

}  // namespace bf::dataset
