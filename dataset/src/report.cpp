// bugforge dataset — the HTML report (see report.h).
#include "bugforge/dataset/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace bf::dataset {

namespace {

std::string esc(const std::string& s) {
  std::string o;
  for (const char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

const std::map<std::string, std::string>& label_colours() {
  static const std::map<std::string, std::string> c = {
      {"clean", "#4c9f70"}, {"buggy", "#d1495b"}, {"equivalent", "#3a7ca5"}, {"unknown", "#9a8c98"}};
  return c;
}

// One row of a stacked horizontal bar chart: name and (segment, value) pairs.
struct Bar {
  std::string name;
  std::vector<std::pair<std::string, double>> parts;
  std::string note;  // printed after the bar
};

std::string colour_of(const std::string& key, std::size_t i) {
  static const std::vector<std::string> palette = {"#3a7ca5", "#d1495b", "#edae49", "#4c9f70",
                                                   "#7b5ea7", "#00798c", "#9a8c98", "#f18f01"};
  const auto& lc = label_colours();
  return lc.count(key) ? lc.at(key) : palette[i % palette.size()];
}

std::string chart(const std::string& id, const std::string& title, const std::vector<Bar>& bars,
                  const std::string& unit, double max_value = 0) {
  for (const auto& b : bars) {
    double sum = 0;
    for (const auto& [_, v] : b.parts) sum += v;
    max_value = std::max(max_value, sum);
  }
  if (max_value <= 0) max_value = 1;
  std::vector<std::string> keys;
  for (const auto& b : bars)
    for (const auto& [k, _] : b.parts)
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  const int row = 22, label_w = 170, bar_w = 420, top = 34;
  const int height = top + row * static_cast<int>(bars.size()) + 30;
  std::string svg = fmt::format(
      R"(<svg id="{}" class="chart" xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img" aria-label="{}">)"
      "\n<text x=\"0\" y=\"16\" class=\"title\">{}</text>\n",
      id, label_w + bar_w + 160, height, esc(title), esc(title));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const int y = top + row * static_cast<int>(i);
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", label_w - 6, y + 14,
                       esc(bars[i].name));
    double x = label_w, total = 0;
    for (const auto& [k, v] : bars[i].parts) {
      const double w = v / max_value * bar_w;
      const auto ki = static_cast<std::size_t>(std::find(keys.begin(), keys.end(), k) - keys.begin());
      svg += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"16\" fill=\"{}\"><title>{}: "
          "{}</title></rect>",
          x, y + 2, w, colour_of(k, ki), esc(k), v);
      x += w;
      total += v;
    }
    const std::string note = bars[i].note.empty() ? fmt::format("{:g}{}", total, unit) : bars[i].note;
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\">{}</text>\n", x + 4, y + 14, esc(note));
  }
  if (keys.size() > 1 || (keys.size() == 1 && !keys[0].empty())) {
    int lx = label_w;
    const int ly = height - 12;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      svg += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>",
          lx, ly - 9, colour_of(keys[i], i), lx + 14, ly, esc(keys[i]));
      lx += 20 + 8 * static_cast<int>(keys[i].size());
    }
  }
  return svg + "</svg>\n";
}

std::string table(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows) {
  std::string t = "<table><tr>";
  for (const auto& h : head) t += "<th>" + esc(h) + "</th>";
  t += "</tr>\n";
  for (const auto& r : rows) {
    t += "<tr>";
    for (const auto& c : r) t += "<td>" + esc(c) + "</td>";
    t += "</tr>\n";
  }
  return t + "</table>\n";
}

using Counts = std::map<std::string, std::map<std::string, double>>;

std::vector<Bar> stacked(const Counts& c) {
  std::vector<Bar> bars;
  for (const auto& [name, parts] : c) bars.push_back({name, {parts.begin(), parts.end()}, ""});
  return bars;
}

// Kill rate: buggy share of the mutants (clean samples are not mutants).
std::vector<Bar> kill_rates(const Counts& by_label) {
  std::vector<Bar> bars;
  for (const auto& [name, labels] : by_label) {
    double mutants = 0;
    for (const auto& [l, n] : labels) mutants += l == "clean" ? 0 : n;
    if (mutants == 0) continue;
    const double buggy = labels.count("buggy") ? labels.at("buggy") : 0;
    const double pct = 100.0 * buggy / mutants;
    bars.push_back({name, {{"", pct}}, fmt::format("{:.0f}% of {:g}", pct, mutants)});
  }
  return bars;
}

}  // namespace

ReportStats write_report(const std::vector<Sample>& samples, const std::string& db_name,
                         const std::string& settings_json, std::ostream& out) {
  Counts by_label, by_class, by_design, by_stage, by_split;
  std::map<std::string, double> stage_time;
  std::map<std::string, std::size_t> stage_n;
  for (const auto& s : samples) {
    const std::string l = label_name(s.label);
    by_label["all"][l] += 1;
    if (!s.bug_class.empty()) by_class[s.bug_class][l] += 1;
    by_design[s.design][l] += 1;
    if (s.label == Label::Buggy) by_stage[detector_name(s.detected_by)][s.language] += 1;
    by_split[s.split.empty() ? "(unsplit)" : s.split][l] += 1;
    for (const auto& [stage, secs] : s.timings.items()) {
      stage_time[stage] += secs.get<double>();
      ++stage_n[stage];
    }
  }
  ReportStats st;
  st.samples = samples.size();
  std::vector<Bar> time_bars;
  std::vector<std::vector<std::string>> time_rows;
  for (const auto& [stage, secs] : stage_time) {
    st.stage_seconds_total += secs;
    time_bars.push_back({stage, {{"", secs}}, fmt::format("{:.1f} s", secs)});
    time_rows.push_back({stage, std::to_string(stage_n[stage]), fmt::format("{:.1f}", secs),
                         fmt::format("{:.3f}", secs / static_cast<double>(stage_n[stage])),
                         secs > 0 ? fmt::format("{:.2f}", static_cast<double>(stage_n[stage]) / secs) : "-"});
  }
  std::vector<std::vector<std::string>> split_rows;
  for (const auto& [split, labels] : by_split) {
    std::vector<std::string> r = {split};
    for (const Label l : all_labels())
      r.push_back(fmt::format("{:g}", labels.count(label_name(l)) ? labels.at(label_name(l)) : 0.0));
    split_rows.push_back(r);
  }

  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>bugforge report — "
      << esc(db_name) << "</title>\n<style>body{font:14px sans-serif;margin:24px;color:#222}"
      << "svg.chart{display:block;margin:12px 0 28px}svg text{font:12px sans-serif}svg text.title{font:bold "
         "14px sans-serif}"
      << "table{border-collapse:collapse;margin:8px 0 24px}td,th{border:1px solid #ccc;padding:3px "
         "8px;text-align:right}"
      << "td:first-child,th:first-child{text-align:left}pre{background:#f4f4f4;padding:8px}</style></"
         "head>\n<body>\n";
  out << "<h1>bugforge dataset report</h1>\n<p>" << esc(db_name) << ": " << samples.size()
      << " samples.</p>\n";
  out << "<h2>Splits</h2>\n" << table({"split", "clean", "buggy", "equivalent", "unknown"}, split_rows);
  out << chart("chart-labels", "Samples by label", stacked(by_label), "");
  out << chart("chart-classes", "Samples by bug class and label", stacked(by_class), "");
  out << chart("chart-kill-design", "Kill rate by design (buggy share of its mutants)", kill_rates(by_design),
               "%", 100);
  out << chart("chart-kill-class", "Kill rate by bug class", kill_rates(by_class), "%", 100);
  out << chart("chart-stages", "Which stage detected the buggy samples", stacked(by_stage), "");
  out << chart("chart-time", "Time per stage (seconds, summed over samples)", time_bars, " s");
  out << "<h2>Throughput by stage</h2>\n"
      << table({"stage", "samples", "seconds", "s/sample", "samples/s"}, time_rows);
  out << "<h2>Settings</h2>\n<pre>" << esc(settings_json) << "</pre>\n</body></html>\n";
  return st;
}

}  // namespace bf::dataset
