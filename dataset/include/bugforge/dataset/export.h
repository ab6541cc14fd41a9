// bugforge dataset — exporters: the merged dataset as training files for one task.
//
// Algorithm: read the samples in id order (ids are hashes, so this is a stable shuffle), keep
// those the task uses (prompt.h), turn each into an Example and hand the rows of each split to
// the chosen exporter. Exporters are self-describing entries of one table:
//   chat   — {"messages": [system, user, assistant]} JSONL per split (OpenAI fine-tuning, TRL);
//   alpaca — {"instruction", "input", "output"} JSONL per split;
//   hf     — Hugging Face layout data/{split}-00000-of-00001.jsonl plus a README.md dataset card.
// chat and alpaca write every split to stdout, one row per line, when the output is `-`.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "bugforge/dataset/prompt.h"
#include "bugforge/dataset/sample.h"

namespace bf::dataset {

struct ExportInput {
  Task task = Task::Detect;
  std::map<std::string, std::vector<const Sample*>> splits;  // split -> samples used, in id order
  std::map<std::string, std::string> meta;                    // the dataset's meta table
  std::vector<const Sample*> all;                             // every sample (for the card)
};

struct ExportResult {
  std::map<std::string, std::size_t> rows;  // per split
  std::vector<std::string> files;
};

struct Exporter {
  const char* name;
  const char* summary;
  const char* help;
  ExportResult (*write)(const ExportInput& in, const std::string& out_dir);
};

const std::vector<Exporter>& exporters();
const Exporter* find_exporter(const std::string& name);  // nullptr when unknown

// Reads `db`, exports with `format` for `task` into `out` (a folder, or `-`). Throws BF-DS-050.
ExportResult export_dataset(const std::string& db, const std::string& format, Task task, const std::string& out);

}  // namespace bf::dataset
