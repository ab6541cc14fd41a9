// bugforge cli — the labelling options `gen` and `label` share (see label_options.h).
#include "label_options.h"

#include "bugforge/mutators/bug_class.h"

namespace bf::cli {

namespace {

// An old spelling that still works but is no longer listed in --help.
void hidden_alias(CLI::App& app, const std::string& name, double& target) {
  app.add_option(name, target)->check(CLI::NonNegativeNumber)->group("");
}

}  // namespace

void add_classes_option(CLI::App& app, std::vector<std::string>& classes) {
  app.add_option_function<std::string>(
      "--classes",
      [&classes](const std::string& csv) { classes = mutators::parse_class_list(csv, mutators::Lang::Both); },
      "Comma-separated bug classes, any case (default: every class of the design's language)");
}

void add_labelling_options(CLI::App& app, dataset::GenSettings& s) {
  add_classes_option(app, s.classes);
  app.add_option("--per-design", s.per_design, "At most N mutants per design (0 = all)")
      ->capture_default_str();
  app.add_option("--limit", s.per_design)->group("");  // label's old spelling of --per-design
  app.add_option("--vectors", s.vectors, "Golden vector sets per run")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  app.add_option("--extra-vectors", s.extra_vectors, "Further vector sets a passing mutant must pass")
      ->capture_default_str();
  app.add_option("--timeout", s.timeout, "Wall-time limit per run, seconds")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--own-builds", s.own_builds,
                 "Per design, at most N mutants that need their own build (no schema; 0 = no cap)")
      ->capture_default_str();
  app.add_option("--formal-timeout", s.formal_budget,
                 "Formal limit per RTL mutant that passes simulation, Yosys seconds (0 = no formal)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option(
         "--formal-design-timeout", s.formal_design_budget,
         "Formal limit for all survivors of one design, Yosys seconds; the rest stay unknown (0 = no cap)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  hidden_alias(app, "--formal-budget", s.formal_budget);
  hidden_alias(app, "--formal-design-budget", s.formal_design_budget);
}

}  // namespace bf::cli
