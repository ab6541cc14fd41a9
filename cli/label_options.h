// bugforge cli — the labelling options `gen` and `label` share (vectors, limits, build and
// formal budgets), declared once so both commands read them the same way.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "bugforge/dataset/labeler.h"

namespace bf::cli {

// --classes, read by the one class-list parser (mutators::parse_class_list: an unknown code is
// BF-MUT-001); the stage that knows the design's language checks the codes apply to it.
void add_classes_option(CLI::App& app, std::vector<std::string>& classes);

// --classes, --per-design, --vectors, --extra-vectors, --timeout (the per-run wall limit, as in every
// command),
// --own-builds, --formal-timeout, --formal-design-timeout; the old spellings --limit (label),
// --formal-budget and --formal-design-budget still work, unlisted.
void add_labelling_options(CLI::App& app, dataset::GenSettings& s);

}  // namespace bf::cli
