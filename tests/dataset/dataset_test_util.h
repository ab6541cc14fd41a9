// bugforge tests — helpers for the dataset tests: temp folders, a copied corpus, a scripted
// labeler for the pipeline mechanics (shards, resume, merge), and running the bugforge binary.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "bugforge/core/design.h"
#include "bugforge/core/hash.h"
#include "bugforge/dataset/labeler.h"

namespace bft {

namespace fs = std::filesystem;

inline fs::path temp_dir(const std::string& tag) {
  const fs::path p = fs::temp_directory_path() / ("bf-dataset-" + tag + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Copies built-in designs into `dir`; `renamed` = {from, new name, new family} makes a twin.
inline void copy_designs(const fs::path& dir, const std::vector<std::string>& names) {
  fs::create_directories(dir);
  for (const auto& n : names)
    fs::copy(fs::path(bf::builtin_designs_dir()) / n, dir / n, fs::copy_options::recursive);
}

inline void twin_design(const fs::path& dir, const std::string& from, const std::string& name,
                        const std::string& family) {
  fs::copy(fs::path(bf::builtin_designs_dir()) / from, dir / name, fs::copy_options::recursive);
  std::string toml = slurp(dir / name / "design.toml");
  toml = std::regex_replace(toml, std::regex("name\\s*=\\s*\"[^\"]*\""), "name = \"" + name + "\"",
                            std::regex_constants::format_first_only);
  toml = std::regex_replace(toml, std::regex("family\\s*=\\s*\"[^\"]*\""), "family = \"" + family + "\"",
                            std::regex_constants::format_first_only);
  std::ofstream(dir / name / "design.toml") << toml;
}

// Proposes real text edits (each decimal digit of the first source bumped by one) and labels
// them by a deterministic rule; throws after `fail_after` verdicts to simulate a crash.
class ScriptedLabeler final : public bf::dataset::Labeler {
 public:
  explicit ScriptedLabeler(std::size_t fail_after = 0) : fail_after_(fail_after) {}
  std::string name() const override { return "scripted-test"; }
  std::vector<bf::mutators::Mutant> propose(const bf::Design& d, const bf::dataset::GenSettings& s,
                                            double& seconds) override {
    seconds = 0.001;
    const std::string file = fs::relative(d.sources.front(), d.dir).generic_string();
    const std::string text = slurp(d.sources.front());
    std::vector<bf::mutators::Mutant> out;
    for (std::size_t i = 0; i < text.size() && out.size() < s.per_design; ++i) {
      if (text[i] < '0' || text[i] > '9') continue;
      bf::mutators::Mutant m;
      m.id = static_cast<std::uint32_t>(out.size() + 1);
      m.bug_class = "CONST";
      m.file = file;
      m.offset = i;
      m.original = std::string(1, text[i]);
      m.replacement = std::string(1, static_cast<char>('0' + (text[i] - '0' + 1) % 10));
      m.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(i), '\n'));
      out.push_back(m);
    }
    return out;
  }
  bool label(const bf::Design&, const std::vector<bf::mutators::Mutant>& mutants,
             const bf::dataset::GenSettings&, const Emit& emit) override {
    bf::dataset::Verdict clean;
    clean.label = bf::dataset::Label::Clean;
    clean.evidence = bf::dataset::Evidence::Original;
    count(emit, bf::mutators::Mutant{}, clean);
    for (const auto& m : mutants) {
      bf::dataset::Verdict v;
      const auto h = bf::hash64(m.file + std::to_string(m.offset));
      v.label = h % 5 == 0   ? bf::dataset::Label::Equivalent
                : h % 7 == 0 ? bf::dataset::Label::Unknown
                             : bf::dataset::Label::Buggy;
      v.detected_by =
          v.label == bf::dataset::Label::Buggy ? bf::dataset::Detector::Sim : bf::dataset::Detector::None;
      v.evidence =
          v.label == bf::dataset::Label::Buggy ? bf::dataset::Evidence::Sim : bf::dataset::Evidence::Vectors;
      v.timings = {{"build", 0.5}, {"sim", 0.25}};
      count(emit, m, v);
    }
    return true;
  }
  std::size_t labelled() const { return labelled_; }

 private:
  void count(const Emit& emit, const bf::mutators::Mutant& m, const bf::dataset::Verdict& v) {
    if (fail_after_ && labelled_ >= fail_after_) throw std::runtime_error("scripted crash");
    ++labelled_;
    emit(m, v);
  }
  std::size_t fail_after_;
  std::atomic<std::size_t> labelled_{0};
};

// Path of the bugforge binary under test.
inline std::string bugforge_bin() {
  const char* b = std::getenv("BUGFORGE_BIN");
  return b ? b : "bugforge";
}

inline std::string shell_quote(const std::string& s) {
  std::string o = "'";
  for (const char c : s) o += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return o + "'";
}

// Runs a shell command line; returns its exit status and (merged) output.
inline std::pair<int, std::string> run(const std::string& cmd) {
  const fs::path out = temp_dir("run-out") / "out.txt";
  const int rc = std::system((cmd + " > " + shell_quote(out.string()) + " 2>&1").c_str());
  const std::string text = slurp(out);
  fs::remove_all(out.parent_path());
  return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, text};
}

}  // namespace bft
