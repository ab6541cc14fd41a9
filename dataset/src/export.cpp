// bugforge dataset — chat, alpaca and hf exporters (see export.h).
#include "bugforge/dataset/export.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include <nlohmann/json.hpp>

#include "bugforge/core/diagnostic.h"
#include "bugforge/dataset/split.h"
#include "bugforge/dataset/store.h"

namespace bf::dataset {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

ordered_json chat_row(const Example& e) {
  return {{"messages", ordered_json::array({{{"role", "system"}, {"content", e.system}},
                                            {{"role", "user"}, {"content", e.prompt()}},
                                            {{"role", "assistant"}, {"content", e.output}}})}};
}

ordered_json alpaca_row(const Example& e) {
  return {{"instruction", e.system + "\n\n" + e.instruction}, {"input", e.input}, {"output", e.output}};
}

ordered_json hf_row(const Example& e, const Sample& s, Task t) {
  ordered_json row = {{"id", s.id},
                      {"task", task_name(t)},
                      {"design", s.design},
                      {"family", s.family},
                      {"language", s.language},
                      {"split", s.split},
                      {"label", label_name(s.label)},
                      {"bug_class", s.bug_class},
                      {"detected_by", detector_name(s.detected_by)},
                      {"evidence", evidence_name(s.evidence)},
                      {"system", e.system},
                      {"prompt", e.prompt()},
                      {"completion", e.output}};
  row["messages"] = chat_row(e)["messages"];
  return row;
}

std::ofstream open_out(const fs::path& p) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  if (!out) throw Error("BF-DS-050", fmt::format("cannot write '{}'", p.string()));
  return out;
}

// Writes one JSONL file per split (`name(split)` under `dir`), or everything to stdout for `-`.
template <typename RowFn>
ExportResult write_jsonl(const ExportInput& in, const std::string& dir, RowFn row,
                         const std::function<std::string(const std::string&)>& name) {
  ExportResult r;
  for (const auto& split : split_names()) {
    const auto it = in.splits.find(split);
    if (it == in.splits.end() || it->second.empty()) continue;
    std::ofstream file;
    if (dir != "-") {
      const fs::path p = fs::path(dir) / name(split);
      file = open_out(p);
      r.files.push_back(p.string());
    }
    std::ostream& out = dir == "-" ? std::cout : file;
    for (const Sample* s : it->second) out << row(make_example(in.task, *s), *s).dump() << "\n";
    r.rows[split] = it->second.size();
  }
  return r;
}

ExportResult write_chat(const ExportInput& in, const std::string& dir) {
  return write_jsonl(
      in, dir, [](const Example& e, const Sample&) { return chat_row(e); },
      [](const std::string& s) { return s + ".jsonl"; });
}

ExportResult write_alpaca(const ExportInput& in, const std::string& dir) {
  return write_jsonl(
      in, dir, [](const Example& e, const Sample&) { return alpaca_row(e); },
      [](const std::string& s) { return s + ".jsonl"; });
}

std::string count_table(const std::string& what,
                        const std::map<std::string, std::map<std::string, std::size_t>>& c) {
  std::set<std::string> cols;
  for (const auto& [_, row] : c)
    for (const auto& [k, __] : row) cols.insert(k);
  std::string t = "| " + what + " |";
  std::string rule = "|---|";
  for (const auto& col : cols) {
    t += " " + col + " |";
    rule += "---:|";
  }
  t += "\n" + rule + "\n";
  for (const auto& [name, row] : c) {
    t += "| " + name + " |";
    for (const auto& col : cols) t += fmt::format(" {} |", row.count(col) ? row.at(col) : 0);
    t += "\n";
  }
  return t;
}

std::string dataset_card(const ExportInput& in, const ExportResult& r) {
  std::string yaml = "---\npretty_name: bugforge hardware bug dataset (" + std::string(task_name(in.task)) +
                     ")\nlanguage:\n- en\ntags:\n- hardware\n- verilog\n- hls\n- bug-detection\n"
                     "task_categories:\n- text-generation\nconfigs:\n- config_name: default\n  data_files:\n";
  for (const auto& [split, _] : r.rows)
    yaml += fmt::format("  - split: {}\n    path: data/{}-00000-of-00001.jsonl\n", split, split);
  yaml += "---\n\n";

  std::map<std::string, std::map<std::string, std::size_t>> labels, classes, earned, families;
  std::map<std::string, std::set<std::string>> fam_split;
  std::map<std::string, std::set<std::string>> tools;
  for (const auto& [split, rows] : in.splits)
    for (const Sample* s : rows) {
      ++labels[split][label_name(s->label)];
      if (!s->bug_class.empty()) ++classes[s->bug_class][split];
    }
  for (const Sample* s : in.all) {
    ++earned[std::string(label_name(s->label))]
            [s->detected_by == Detector::None ? evidence_name(s->evidence) : detector_name(s->detected_by)];
    fam_split[s->split].insert(s->family);
    for (const auto& [tool, version] : s->tools.items()) tools[tool].insert(version.get<std::string>());
  }
  std::string md = yaml + fmt::format("# bugforge dataset — task `{}`\n\n", task_name(in.task));
  md +=
      "Buggy and clean hardware designs (Verilog RTL and HLS C++) made by bugforge: bugs are injected "
      "by AST-based mutators and **every label is earned by running tools** on the edited design.\n\n";
  md += "## Rows per split and label\n\n" + count_table("split", labels) + "\n";
  md += "## Bug classes (rows per split)\n\n" + count_table("class", classes) + "\n";
  md +=
      "## Families per split\n\nSplits are by family (designs computing the same function); families that "
      "share a source file are kept together, so no near-duplicate straddles two splits.\n\n";
  for (const auto& [split, fams] : fam_split) {
    std::string list;
    for (const auto& f : fams) list += (list.empty() ? "" : ", ") + f;
    md += fmt::format("- **{}**: {}\n", split, list);
  }
  md += "\n## How labels were earned (all samples of the dataset)\n\n" + count_table("label", earned);
  md +=
      "\n- `clean`: the original design, passing its golden check.\n"
      "- `buggy`: `build` (does not compile/elaborate), `sim` (output differs from the golden kernel), "
      "`timeout`, `crash`, `sanitizer` (AddressSanitizer/UBSan), `formal` (counterexample), "
      "`pragma-rule` (static HLS pragma checker).\n"
      "- `equivalent`: proven equivalent (`proof`) or, for C++, no difference on the extended vector set "
      "(`vectors`).\n- `unknown`: every test passes and no stronger verdict was earned (left out of "
      "the detect task).\n\n";
  md += "## Tool versions\n\n";
  for (const auto& [tool, versions] : tools)
    for (const auto& v : versions) md += fmt::format("- {}: {}\n", tool, v);
  md +=
      "\n## Fields\n\n`id`, `task`, `design`, `family`, `language`, `split`, `label`, `bug_class`, "
      "`detected_by`, `evidence` (metadata, never shown in prompts), `system`, `prompt`, `completion` and "
      "`messages` (the same example as chat messages).\n";
  if (in.meta.count("settings"))
    md += "\n## Generation settings\n\n```json\n" + in.meta.at("settings") + "\n```\n";
  return md;
}

ExportResult write_hf(const ExportInput& in, const std::string& dir) {
  if (dir == "-") throw Error("BF-DS-050", "the hf format writes a folder; give --out DIR");
  const Task t = in.task;
  auto r = write_jsonl(
      in, dir, [t](const Example& e, const Sample& s) { return hf_row(e, s, t); },
      [](const std::string& s) { return "data/" + s + "-00000-of-00001.jsonl"; });
  const fs::path card = fs::path(dir) / "README.md";
  open_out(card) << dataset_card(in, r);
  r.files.push_back(card.string());
  return r;
}

}  // namespace

const std::vector<Exporter>& exporters() {
  static const std::vector<Exporter> table = {
      {"chat", "OpenAI fine-tuning messages JSONL (TRL reads it)",
       "One file per split, {split}.jsonl; each line {\"messages\": [system, user, assistant]}.", write_chat},
      {"alpaca", "instruction / input / output JSONL",
       "One file per split, {split}.jsonl; each line {\"instruction\", \"input\", \"output\"}.",
       write_alpaca},
      {"hf", "Hugging Face dataset folder with a dataset card",
       "data/{split}-00000-of-00001.jsonl with metadata columns plus README.md (YAML configs, counts, "
       "families per split, how labels were earned, tool versions).",
       write_hf},
  };
  return table;
}

const Exporter* find_exporter(const std::string& name) {
  for (const auto& e : exporters())
    if (name == e.name) return &e;
  return nullptr;
}

ExportResult export_dataset(const std::string& db, const std::string& format, Task task,
                            const std::string& out) {
  const Exporter* ex = find_exporter(format);
  if (!ex) throw Error("BF-DS-050", fmt::format("unknown export format '{}' (chat, alpaca, hf)", format));
  const Store store = Store::open(db, false);
  const auto samples = store.samples();
  ExportInput in;
  in.task = task;
  in.meta = store.all_meta();
  for (const auto& s : samples) {
    in.all.push_back(&s);
    if (task_uses(task, s)) in.splits[s.split.empty() ? "train" : s.split].push_back(&s);
  }
  return ex->write(in, out);
}

}  // namespace bf::dataset
