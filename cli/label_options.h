// bugforge cli — the labelling options `gen` and `label` share (vectors, limits, build and
// formal budgets), declared once so both commands read them the same way.
#pragma once

#include <CLI/CLI.hpp>

#include "bugforge/dataset/labeler.h"

namespace bf::cli {

// --vectors, --extra-vectors, --timeout, --own-builds, --formal-budget, --formal-design-budget.
void add_labelling_options(CLI::App& app, dataset::GenSettings& s);

}  // namespace bf::cli
