// bugforge cli — `bugforge label DESIGN...`: label every mutant of each design by running tools,
// then print a kill-rate table per design and bug class.
//
// Algorithm: for each design, the project's labeler (dataset/labeler.h, the same one `gen` uses)
// proposes the mutants (capped by --limit, then --per-class by a seeded rank), labels the original
// and then every mutant (simulation through mutant schemata; then RTL survivors go to formal, HLS
// survivors to the sanitizer pass; pragma classes to the pragma checker). --jobs designs are
// labelled at once, each on its own thread. Each verdict is counted under (design, class) by label
// and detector. A design whose original fails is reported and skipped; the run goes on.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <map>
#include <mutex>

#include "bugforge/core/design.h"
#include "bugforge/core/diagnostic.h"
#include "bugforge/dataset/gen.h"
#include "bugforge/dataset/labeler.h"
#include "bugforge/dataset/progress.h"
#include "bugforge/mutators/bug_class.h"
#include "command.h"
#include "label_options.h"

namespace bf::cli {

namespace {

using dataset::Label;

struct Tally {
  std::size_t made = 0, killed = 0, survived = 0, equivalent = 0;
  std::map<std::string, std::size_t> by_detector;  // build, sim, crash, timeout, formal, ...
  void add(const dataset::Verdict& v) {
    ++made;
    if (v.label == Label::Buggy) {
      ++killed;
      ++by_detector[dataset::detector_name(v.detected_by)];
    } else if (v.label == Label::Equivalent) {
      ++equivalent;
    } else {
      ++survived;
    }
  }
  void add(const Tally& t) {
    made += t.made;
    killed += t.killed;
    survived += t.survived;
    equivalent += t.equivalent;
    for (const auto& [k, n] : t.by_detector) by_detector[k] += n;
  }
  double kill_rate() const {
    return made ? 100.0 * static_cast<double>(killed) / static_cast<double>(made) : 0;
  }
};

const std::vector<std::string> kDetectors = {"build",  "sim",       "crash",      "timeout",
                                             "formal", "sanitizer", "pragma-rule"};

std::string row(const std::string& design, const std::string& cls, const Tally& t) {
  std::string s = fmt::format("{:<18} {:<6} {:>5} {:>6}", design, cls, t.made, t.killed);
  for (const auto& d : kDetectors) {
    const auto it = t.by_detector.find(d);
    s += fmt::format(" {:>7}", it == t.by_detector.end() ? 0 : it->second);
  }
  return s + fmt::format(" {:>8} {:>5} {:>6.1f}%\n", t.survived, t.equivalent, t.kill_rate());
}

std::string header() {
  std::string s = fmt::format("{:<18} {:<6} {:>5} {:>6}", "design", "class", "made", "killed");
  for (const auto& d : kDetectors) s += fmt::format(" {:>7}", d == "pragma-rule" ? "pragma" : d);
  return s + fmt::format(" {:>8} {:>5} {:>7}\n", "survived", "equiv", "kill");
}

class LabelCommand final : public Command {
 public:
  const char* name() const override { return "label"; }
  const char* summary() const override {
    return "Label every mutant of designs by running tools; print kill rates";
  }
  const char* help() const override {
    return "Labels every mutant of each DESIGN (a design folder or a built-in design name): buggy with the\n"
           "detector (build, sim, crash, timeout, formal, ...), equivalent, or unknown (survived). RTL\n"
           "and HLS mutants are simulated through mutant schemata (one build for all selectable mutants);\n"
           "RTL survivors then go to formal equivalence unless --no-formal, HLS survivors to ASan/UBSan and\n"
           "valgrind. Prints a kill-rate table per design and class, with totals; --json prints every\n"
           "verdict and the table as JSON instead. --own-builds caps, per design, the mutants that no\n"
           "schema can select (each costs a whole build).";
  }
  void setup(CLI::App& app) override {
    app.add_option("designs", designs_, "design folders or built-in design names")->required();
    app.add_option("--seed", settings_.seed, "sampling and vector seed")->capture_default_str();
    app.add_option("--per-class", per_class_, "at most N mutants per class and design (0 = no cap)")
        ->capture_default_str();
    settings_.per_design = 0;  // label's default: every mutant
    add_labelling_options(app, settings_);
    app.add_option("-j,--jobs", jobs_, "designs labelled at once")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    app.add_flag("--json", json_, "print verdicts and the table as JSON");
    app.add_flag("--no-formal", no_formal_, "skip formal equivalence of survivors (they stay unknown)");
  }
  int execute() override {
    if (no_formal_) settings_.formal_budget = 0;
    auto labeler = dataset::make_labeler();
    std::vector<std::pair<Design, std::vector<mutators::Mutant>>> work;
    std::size_t total = 0;
    for (const auto& name : designs_) {
      const Design d = find_design(name);
      double seconds = 0;
      mutators::SampleOptions cap;
      cap.seed = settings_.seed;
      cap.cap_per_class = per_class_;
      auto ms = mutators::sample(labeler->propose(d, settings_, seconds), cap);
      total += ms.size();
      work.emplace_back(d, std::move(ms));
    }
    dataset::Progress progress(dataset::progress_mode(false, false), total, 0, std::cerr);
    std::atomic<bool> all_ok = true;
    dataset::parallel_for(work.size(), jobs_, [&](std::size_t i) {
      if (!label_design(*labeler, work[i].first, work[i].second, progress)) all_ok = false;
    });
    progress.finish();
    print();
    return all_ok ? kOk : kFail;
  }

 private:
  bool label_design(dataset::Labeler& labeler, const Design& d, const std::vector<mutators::Mutant>& ms,
                    dataset::Progress& progress) {
    const bool ok =
        labeler.label(d, ms, settings_, [&](const mutators::Mutant& m, const dataset::Verdict& v) {
          const std::lock_guard lock(mu_);  // designs run on several threads
          if (m.id == 0) {
            if (v.label != Label::Clean)
              progress.note(fmt::format("{}: original does not pass ({}); skipped", d.name,
                                        dataset::detector_name(v.detected_by)));
            return;
          }
          tallies_[d.name][m.bug_class].add(v);
          verdicts_.push_back({{"design", d.name},
                               {"id", m.id},
                               {"class", m.bug_class},
                               {"file", m.file},
                               {"line", m.line},
                               {"description", m.description},
                               {"label", dataset::label_name(v.label)},
                               {"detected_by", dataset::detector_name(v.detected_by)},
                               {"evidence", dataset::evidence_name(v.evidence)},
                               {"symptom", v.symptom}});
          progress.step(fmt::format("{}#{}", d.name, m.id), dataset::label_name(v.label));
        });
    if (!ok) {
      const std::lock_guard lock(mu_);
      failed_.push_back(d.name);
    }
    return ok;
  }

  void print() const {
    Tally all;
    std::map<std::string, Tally> per_class;
    std::string table = header();
    for (const auto& [design, classes] : tallies_) {
      Tally dt;
      for (const auto& [cls, t] : classes) {
        table += row(design, cls, t);
        dt.add(t);
        per_class[cls].add(t);
      }
      table += row(design, "all", dt);
      all.add(dt);
    }
    for (const auto& [cls, t] : per_class) table += row("TOTAL", cls, t);
    table += row("TOTAL", "all", all);
    if (!json_) {
      std::cout << table;
      std::cout << fmt::format("{} mutants labelled in {} designs, {} classes; {} killed ({:.1f}%)\n",
                               all.made, tallies_.size(), per_class.size(), all.killed, all.kill_rate());
      for (const auto& f : failed_) std::cout << fmt::format("{}: original does not pass; not labelled\n", f);
      return;
    }
    nlohmann::ordered_json summary = nlohmann::ordered_json::object();
    for (const auto& [cls, t] : per_class)
      summary[cls] = {{"made", t.made},         {"killed", t.killed},         {"by_detector", t.by_detector},
                      {"survived", t.survived}, {"equivalent", t.equivalent}, {"kill_rate", t.kill_rate()}};
    nlohmann::ordered_json out = {
        {"verdicts", verdicts_}, {"per_class", summary}, {"table", table}, {"failed_designs", failed_}};
    std::cout << out.dump(2) << "\n";
  }

  std::vector<std::string> designs_;
  std::size_t per_class_ = 0, jobs_ = 1;
  std::mutex mu_;
  bool json_ = false, no_formal_ = false;
  dataset::GenSettings settings_;
  std::map<std::string, std::map<std::string, Tally>> tallies_;
  nlohmann::ordered_json verdicts_ = nlohmann::ordered_json::array();
  std::vector<std::string> failed_;
};

}  // namespace

std::unique_ptr<Command> make_label_command() {
  return std::make_unique<LabelCommand>();
}

}  // namespace bf::cli
