// bugforge cli — the labelling options `gen` and `label` share (see label_options.h).
#include "label_options.h"

namespace bf::cli {

void add_labelling_options(CLI::App& app, dataset::GenSettings& s) {
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
  app.add_option("--formal-budget", s.formal_budget,
                 "Yosys seconds per RTL mutant that passes (0 = no formal)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("--formal-design-budget", s.formal_design_budget,
                 "Yosys seconds for all survivors of one design; the rest stay unknown (0 = no cap)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
}

}  // namespace bf::cli
