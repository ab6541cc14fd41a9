// bugforge cli — `bugforge mutate DESIGN`: RTL bug injection from Verilator's AST.
//
// Algorithm: resolve DESIGN (a folder, a manifest, or a built-in design name), read its AST,
// sample mutants per the options (mutators/rtl.h) and print them as unified diffs or JSON.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "bugforge/core/design.h"
#include "bugforge/core/diagnostic.h"
#include "bugforge/core/io.h"
#include "bugforge/mutators/bug_class.h"
#include "bugforge/mutators/hls_mutator.h"
#include "bugforge/mutators/rtl.h"
#include "bugforge/mutators/schema.h"
#include "command.h"
#include "label_options.h"

namespace bf::cli {

namespace {

namespace fs = std::filesystem;

std::string as_json(const std::vector<mutators::Mutant>& ms, const Design& d) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto& m : ms)
    arr.push_back({{"id", m.id},
                   {"design", d.name},
                   {"class", m.bug_class},
                   {"file", m.file},
                   {"line", m.line},
                   {"offset", m.offset},
                   {"original", m.original},
                   {"replacement", m.replacement},
                   {"description", m.description},
                   {"schema_ok", m.schema_ok}});
  return arr.dump(2) + "\n";
}

std::string as_diffs(const std::vector<mutators::Mutant>& ms, const Design& d) {
  std::map<std::string, std::string> texts;
  std::string out;
  for (const auto& m : ms) {
    auto [it, fresh] = texts.try_emplace(m.file);
    if (fresh) it->second = read_text(fs::path(d.dir) / m.file);
    out += fmt::format("# mutant {} [{}] {}:{} {}{}\n", m.id, m.bug_class, m.file, m.line, m.description,
                       m.schema_ok ? "" : " (own build)");
    out += mutators::mutant_diff(it->second, m);
  }
  return out;
}

// Writes the schema of `ms` under `dir`: each overridden source at its path relative to the
// design folder, and schema.json with the included mutants and each excluded one's reason.
void dump_schema(const std::vector<mutators::Mutant>& ms, const Design& d, const std::string& dir) {
  const auto s =
      d.language == Language::HlsCpp ? mutators::make_hls_schema(d, ms) : mutators::make_rtl_schema(d, ms);
  for (const auto& [path, text] : s.overrides) {
    const fs::path out = fs::path(dir) / fs::relative(path, d.dir);
    fs::create_directories(out.parent_path());
    std::ofstream(out, std::ios::binary) << text;
  }
  nlohmann::ordered_json j = {
      {"design", d.name}, {"included", s.included}, {"excluded", nlohmann::json::array()}};
  for (std::size_t i = 0; i < s.excluded.size(); ++i)
    j["excluded"].push_back({{"id", s.excluded[i]}, {"why", s.excluded_why[i]}});
  std::ofstream(fs::path(dir) / "schema.json") << j.dump(2) << "\n";
  std::cerr << fmt::format("{}: schema with {} mutants ({} excluded) written to {}\n", d.name,
                           s.included.size(), s.excluded.size(), dir);
}

class MutateCommand final : public Command {
 public:
  const char* name() const override { return "mutate"; }
  const char* summary() const override {
    return "Inject bugs into a design (Verilog: Verilator's AST; HLS C++: libclang)";
  }
  const char* help() const override {
    return "Prints mutants of DESIGN (a design folder or a built-in design name) as unified diffs or JSON.\n"
           "Sampling is deterministic from --seed; --limit caps the total, --per-class caps each class.\n"
           "Mutants marked '(own build)' cannot be selected at run time in a mutant schema.\n"
           "--schema DIR also writes the mutant schema of the printed mutants (the sources one build\n"
           "uses to run them all, selected by +bf_mutant=K) and DIR/schema.json (included mutants,\n"
           "excluded ones with the reason).";
  }
  void setup(CLI::App& app) override {
    app.add_option("design", design_, "design folder or built-in design name")->required();
    add_classes_option(app, classes_);
    app.add_option("--seed", seed_, "sampling seed")->capture_default_str();
    app.add_option("--per-design", limit_, "at most N mutants (0 = all)")->capture_default_str();
    app.add_option("--limit", limit_)->group("");  // old spelling of --per-design
    app.add_option("--per-class", per_class_, "at most N mutants per class (0 = no cap)")
        ->capture_default_str();
    app.add_option("--format", format_, "diff | json")
        ->check(CLI::IsMember({"diff", "json"}))
        ->capture_default_str();
    app.add_option("-o,--output", output_, "output file, '-' for stdout")->capture_default_str();
    app.add_option("--schema", schema_dir_, "also write the mutants' schema sources to this folder");
  }
  int execute() override {
    const Design d = find_design(design_);
    mutators::RtlMutateOptions opt;
    const bool hls = d.language == Language::HlsCpp;  // HLS C++ sites come from libclang
    opt.classes = classes_;  // mutate_hls / mutate_rtl reject a class of the other language
    opt.seed = seed_;
    opt.limit = limit_;
    opt.cap_per_class = per_class_;
    const auto ms = hls ? mutators::mutate_hls(d, opt) : mutators::mutate_rtl(d, opt);
    const std::string text = format_ == "json" ? as_json(ms, d) : as_diffs(ms, d);
    if (output_ == "-") {
      std::cout << text;
    } else {
      write_text(output_, text);
    }
    std::cerr << fmt::format("{}: {} mutants\n", d.name, ms.size());
    if (!schema_dir_.empty()) dump_schema(ms, d, schema_dir_);
    return kOk;
  }

 private:
  std::vector<std::string> classes_;
  std::string design_, format_ = "diff", output_ = "-", schema_dir_;
  std::uint64_t seed_ = 1;
  std::size_t limit_ = 0, per_class_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_mutate_command() {
  return std::make_unique<MutateCommand>();
}

}  // namespace bf::cli
