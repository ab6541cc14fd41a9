// bugforge dataset — the HTML report: one self-contained page with inline SVG charts.
//
// Algorithm: count the samples by label, by class and label, by design (kill rate: buggy among
// the design's mutants), by detecting stage, and sum the recorded stage timings; render each as
// an SVG bar chart drawn here (no script, no stylesheet or font from the network), plus the
// dataset's settings and split table. The page has no JavaScript, so it cannot raise a console error.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "bugforge/dataset/sample.h"

namespace bf::dataset {

struct ReportStats {
  std::size_t samples = 0;
  double stage_seconds_total = 0;
};

// Writes the page for `samples` (title mentions `db_name`); returns what it counted.
ReportStats write_report(const std::vector<Sample>& samples, const std::string& db_name,
                         const std::string& settings_json, std::ostream& out);

}  // namespace bf::dataset
