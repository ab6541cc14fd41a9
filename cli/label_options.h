// bugforge cli — the labelling options `gen` and `label` share (vectors, limits, build and
// formal budgets), declared once so both commands read them the same way.
#pragma once

#include <CLI/CLI.hpp>

#include "bugforge/dataset/labeler.h"

namespace bf::cli {

// --per-design, --vectors, --extra-vectors, --timeout (the per-run wall limit, as in every command),
// --own-builds, --formal-timeout, --formal-design-timeout; the old spellings --limit (label),
// --formal-budget and --formal-design-budget still work, unlisted.
void add_labelling_options(CLI::App& app, dataset::GenSettings& s);

}  // namespace bf::cli
