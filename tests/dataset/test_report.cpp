// bugforge tests — the HTML report: self-contained, has its charts, and loads in headless
// Chromium without a console error (when Chromium is installed: scripts/install-deps.sh).
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "bugforge/dataset/gen.h"
#include "bugforge/dataset/report.h"
#include "bugforge/dataset/store.h"
#include "dataset_test_util.h"

using namespace bf::dataset;
namespace fs = std::filesystem;

namespace {

std::string report_html(const fs::path& dir) {
  bft::copy_designs(dir / "designs", {"fir_rtl", "fir_hls", "fifo_rtl"});
  GenOptions o;
  o.designs_dir = (dir / "designs").string();
  o.out_dir = (dir / "parts").string();
  o.settings.per_design = 8;
  bft::ScriptedLabeler l;
  const auto sum = generate(o, l);
  std::ostringstream html;
  write_report(Store::open(sum.db_path, false).samples(), "part.db", "{\"seed\": 1}", html);
  return html.str();
}

std::string chromium() {
  for (const char* c : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
    if (fs::exists(c)) return c;
  return "";
}

}  // namespace

TEST_CASE("report is one self-contained page with its SVG charts", "[dataset]") {
  const auto dir = bft::temp_dir("report");
  const std::string html = report_html(dir);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  for (const char* id : {"chart-labels", "chart-classes", "chart-kill-design", "chart-kill-class", "chart-stages",
                         "chart-time"})
    CHECK(html.find(std::string("<svg id=\"") + id + "\"") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  // The only URL is the SVG namespace: nothing is fetched.
  const std::regex url("(https?:)?//[a-z0-9.-]+");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), url); it != std::sregex_iterator(); ++it)
    CHECK(it->str() == "http://www.w3.org");
  CHECK(html.find("fifo_rtl") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("report loads in headless Chromium with no console error and shows its charts", "[dataset][chromium]") {
  const std::string chrome = chromium();
  if (chrome.empty()) {
    WARN("chromium is not installed (scripts/install-deps.sh installs it); browser check not run");
    return;
  }
  const auto dir = bft::temp_dir("report-chromium");
  const fs::path page = dir / "report.html";
  std::ofstream(page) << report_html(dir);
  const std::string cmd = chrome + " --headless --no-sandbox --disable-gpu --disable-background-networking "
                          "--disable-component-update --disable-sync --no-first-run --user-data-dir=" +
                          (dir / "profile").string() + " --enable-logging=stderr --v=0 --dump-dom file://" +
                          page.string();
  const auto [rc, out] = bft::run("timeout 120 " + cmd);
  INFO(out.substr(0, 4000));
  REQUIRE(rc == 0);
  std::size_t svgs = 0;
  for (auto p = out.find("<svg"); p != std::string::npos; p = out.find("<svg", p + 1)) ++svgs;
  CHECK(svgs >= 6);
  CHECK(out.find("Uncaught") == std::string::npos);
  CHECK(out.find(":CONSOLE(") == std::string::npos);
  fs::remove_all(dir);
}
