// bugforge show — one sample in the terminal: where it comes from, its label, symptom and diff.
//
// Algorithm: look the id (or a unique prefix) up in the dataset and print it; on a terminal the
// label and the diff are coloured (added lines green, removed red, hunks cyan), never in a pipe.
#include <fmt/format.h>
#include <unistd.h>

#include <sstream>

#include "bugforge/dataset/store.h"
#include "command.h"

namespace bf::cli {

namespace {

struct Paint {
  bool on;
  std::string operator()(const char* code, const std::string& s) const {
    return on ? fmt::format("\033[{}m{}\033[0m", code, s) : s;
  }
};

const char* label_colour(dataset::Label l) {
  switch (l) {
    case dataset::Label::Buggy: return "1;31";
    case dataset::Label::Clean: return "1;32";
    case dataset::Label::Equivalent: return "1;34";
    case dataset::Label::Unknown: return "1;33";
  }
  return "0";
}

std::string coloured_diff(const std::string& diff, const Paint& paint) {
  std::istringstream in(diff);
  std::string line, out;
  while (std::getline(in, line)) {
    const bool header = line.rfind("+++", 0) == 0 || line.rfind("---", 0) == 0;
    const char* c = header                     ? "1"
                    : line.rfind("@@", 0) == 0 ? "36"
                    : line.rfind('+', 0) == 0  ? "32"
                    : line.rfind('-', 0) == 0  ? "31"
                                               : nullptr;
    out += (c ? paint(c, line) : line) + "\n";
  }
  return out;
}

class ShowCommand final : public Command {
 public:
  const char* name() const override { return "show"; }
  const char* summary() const override { return "Print one sample: label, symptom and diff"; }
  const char* help() const override {
    return "SAMPLE_ID is a sample id or a unique prefix of one. Colours on a terminal only.";
  }
  void setup(CLI::App& app) override {
    app.add_option("id", id_, "Sample id (or unique prefix)")->required();
    app.add_option("--db", db_, "Dataset or part database")->required()->check(CLI::ExistingFile);
  }
  int execute() override {
    const auto s = dataset::Store::open(db_, false).find(id_);
    const Paint paint{isatty(STDOUT_FILENO) != 0};
    fmt::print("{} {}\n", paint("1", "sample"), s.id);
    fmt::print("design   {} (family {}, {}){}\n", s.design, s.family, s.language,
               s.split.empty() ? "" : ", split " + s.split);
    fmt::print("file     {}{}\n", s.file, s.line ? fmt::format(":{}", s.line) : "");
    if (!s.bug_class.empty()) fmt::print("class    {}\n", s.bug_class);
    fmt::print("label    {}{}\n", paint(label_colour(s.label), dataset::label_name(s.label)),
               s.detected_by == dataset::Detector::None
                   ? fmt::format(" (evidence: {})", dataset::evidence_name(s.evidence))
                   : fmt::format(" (detected by {})", dataset::detector_name(s.detected_by)));
    fmt::print("symptom  {}\n", s.symptom.dump(2));
    fmt::print("tools    {}\n", s.tools.dump());
    fmt::print("timings  {}\n", s.timings.dump());
    if (!s.diff.empty()) fmt::print("\n{}", coloured_diff(s.diff, paint));
    return kOk;
  }

 private:
  std::string id_, db_;
};

}  // namespace

std::unique_ptr<Command> make_show_command() {
  return std::make_unique<ShowCommand>();
}

}  // namespace bf::cli
