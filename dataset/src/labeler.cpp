// bugforge dataset — the labeler wired to the project's tools (see labeler.h).
//
// Algorithm, per design: check the original on the golden vector sets; then for each mutant:
//   pragma classes (oracle: pragma rule) -> parse the edited source, run the pragma checker;
//     a finding of the rule that guards that class earns buggy/pragma-rule, silence earns unknown;
//   every other class -> build and simulate the edited design through mutant schemata
//     (dataset/schema_run.h: RTL and HLS mutants share one build, excluded ones get their own):
//     build error, mismatch, crash and timeout each earn buggy with that detector;
//     a mutant that passes runs again on `extra_vectors` further sets; HLS mutants that still pass
//     go, together at the end of the design, to the sanitizer pass (hls_sanitize.h: one ASan+UBSan
//     schema build, then valgrind memcheck on the plain schema build; a finding earns
//     buggy/sanitizer, silence equivalent with evidence=vectors); a verdict is emitted as soon as
//     the schema runner finishes that mutant, so a killed run keeps what it finished; RTL mutants
//     that still pass go, together at the end of the design, to Yosys (equivalence/check_survivors,
//     one long-lived process per design): a proof earns equivalent/proof, a counterexample
//     buggy/formal (a testbench escape), anything else unknown with the solver's reason.
#include "bugforge/dataset/labeler.h"
#include "bugforge/core/io.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "bugforge/core/diagnostic.h"
#include "bugforge/equivalence/equivalence.h"
#include "bugforge/mutators/bug_class.h"
#include "bugforge/mutators/hls_mutator.h"
#include "bugforge/mutators/hls_pragma.h"
#include "bugforge/mutators/hls_unit.h"
#include "bugforge/mutators/rtl.h"
#include "bugforge/mutators/schema.h"
#include "bugforge/simulate/hls_sanitize.h"
#include "bugforge/simulate/schema_run.h"
#include "bugforge/simulate/simulate.h"

namespace bf::dataset {

namespace fs = std::filesystem;
using mutators::Mutant;

nlohmann::json GenSettings::to_json() const {
  return {{"seed", seed},
          {"per_design", per_design},
          {"classes", classes},
          {"vectors", vectors},
          {"extra_vectors", extra_vectors},
          {"timeout", timeout},
          {"formal_budget", formal_budget},
          {"formal_design_budget", formal_design_budget},
          {"own_builds", own_builds}};
}

namespace {

double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// First line of `TOOL --version`, run once per process.
std::string tool_version(const std::string& tool) {
  tools::Limits l;
  l.wall_seconds = 20;
  const auto r = tools::run_process({tool, "--version"}, l);
  const std::string out = r.out.empty() ? r.err : r.out;
  return r.ok() ? out.substr(0, out.find('\n')) : "unavailable";
}

const nlohmann::json& tools_for(Language lang) {
  static const nlohmann::json rtl = {{"verilator", tool_version("verilator")}};
  static const nlohmann::json hls = {{"c++", tool_version("c++")}, {"libclang", "pragma checker"}};
  return lang == Language::Verilog ? rtl : hls;
}

std::string log_excerpt(const std::string& log, std::size_t max_lines = 12) {
  std::istringstream in(log);
  std::string line, out;
  std::size_t n = 0;
  while (n < max_lines && std::getline(in, line)) {
    if (line.find("rror") == std::string::npos && n == 0) continue;  // start at the first error
    out += line + "\n";
    ++n;
  }
  return out.empty() ? log.substr(0, 2000) : out;
}

std::vector<std::uint64_t> seeds(std::uint64_t first, std::size_t n) {
  std::vector<std::uint64_t> s(n);
  for (std::size_t i = 0; i < n; ++i) s[i] = first + i;
  return s;
}

nlohmann::json mismatch_json(const sim::Mismatch& m) {
  return {{"kind", "mismatch"}, {"vector", m.vector},     {"seed", m.seed}, {"output", m.output},
          {"index", m.index},   {"expected", m.expected}, {"got", m.got},   {"cycle", m.cycle},
          {"detail", m.detail}, {"text", m.format()}};
}

// Buggy verdicts from a failed check; nullopt when it passed.
std::optional<Verdict> failure(const sim::CheckResult& r) {
  Verdict v;
  v.label = Label::Buggy;
  switch (r.status) {
    case sim::CheckStatus::Pass: return std::nullopt;
    case sim::CheckStatus::BuildError:
      v.detected_by = Detector::Build;
      v.symptom = {{"kind", "build"},
                   {"file", r.build.error_file},
                   {"line", r.build.error_line},
                   {"log", log_excerpt(r.build.log)}};
      break;
    case sim::CheckStatus::Mismatch:
      v.detected_by = Detector::Sim;
      v.symptom =
          r.mismatch ? mismatch_json(*r.mismatch) : nlohmann::json{{"kind", "mismatch"}, {"text", r.message}};
      break;
    case sim::CheckStatus::Timeout:
      v.detected_by = Detector::Timeout;
      v.symptom = {{"kind", "timeout"}, {"detail", r.message}};
      break;
    case sim::CheckStatus::Crash:
    case sim::CheckStatus::Error:
      v.detected_by = Detector::Crash;
      v.symptom = {{"kind", "crash"}, {"detail", r.message}, {"log", log_excerpt(r.run.log)}};
      break;
  }
  v.evidence = evidence_of(v.detected_by);
  return v;
}

class ToolLabeler final : public Labeler {
 public:
  std::string name() const override { return "tools-v1"; }

  std::vector<Mutant> propose(const Design& d, const GenSettings& s, double& seconds) override {
    const auto t0 = std::chrono::steady_clock::now();
    const auto classes = classes_for(d, s);
    if (!s.classes.empty() && classes.empty()) return {};  // none of the chosen classes applies here
    std::vector<Mutant> out;
    if (d.language == Language::Verilog) {
      mutators::RtlMutateOptions o;
      o.classes = classes;
      o.seed = s.seed;
      o.limit = s.per_design;
      out = mutators::mutate_rtl(d, o);
    } else {
      mutators::HlsMutateOptions o;
      o.classes = classes;
      o.seed = s.seed;
      o.limit = s.per_design;
      out = mutators::mutate_hls(d, o);
    }
    seconds = since(t0);
    return cap_own_builds(std::move(out), d, s);
  }

  bool label(const Design& d, const std::vector<Mutant>& mutants, const GenSettings& s,
             const Emit& emit) override {
    Verdict original = run_sim(d, {}, s);
    const bool ok = original.label != Label::Buggy;
    if (ok) {
      original.label = Label::Clean;
      original.evidence = Evidence::Original;
      original.symptom = {{"kind", "none"}};
    }
    emit(Mutant{}, original);
    if (!ok) return false;
    std::vector<std::pair<Mutant, Verdict>> survivors;
    auto route = [&](const Mutant& m, Verdict v) {
      if (v.label == Label::Unknown && !is_pragma(m))
        survivors.emplace_back(m, std::move(v));
      else
        emit(m, v);
    };
    // Schema builds shared by many mutants (schema_run.h); each verdict is routed as its run ends.
    const auto simulated = simulate_schema(
        d, mutants, s, [&](const Mutant& m, const sim::MutantSim& r) { route(m, sim_verdict(d, r, s)); });
    Reparsers parsers;  // pragma mutants: one libclang preamble per source file
    for (const auto& m : mutants)
      if (!simulated.count(m.id)) route(m, label_one(d, m, s, parsers));
    std::sort(survivors.begin(), survivors.end(),
              [](const auto& a, const auto& b) { return a.first.id < b.first.id; });
    if (d.language == Language::HlsCpp)
      run_sanitizers(d, s, survivors, emit);
    else if (!survivors.empty() && s.formal_budget > 0)
      run_formal(d, s, survivors, emit);
    else
      for (const auto& [m, v] : survivors) emit(m, v);  // formal_budget 0: no formal step
    return true;
  }

 private:
  static std::vector<std::string> classes_for(const Design& d, const GenSettings& s) {
    const auto lang = d.language == Language::Verilog ? mutators::Lang::Rtl : mutators::Lang::Hls;
    std::vector<std::string> out;
    for (const auto& c : s.classes)
      if (const auto* bc = mutators::find_bug_class(c); bc && mutators::applies_to(*bc, lang))
        out.push_back(c);
    return out;
  }

  static bool is_pragma(const Mutant& m) {
    const auto* cls = mutators::find_bug_class(m.bug_class);
    return cls && cls->labelled_by == mutators::LabelledBy::PragmaRule;
  }

  // HLS mutants the design's schema can select (one libclang parse per file; none when it fails).
  static std::set<std::uint32_t> hls_schema_ids(const Design& d, const std::vector<Mutant>& all) {
    if (d.language != Language::HlsCpp) return {};
    try {
      const auto s = mutators::make_hls_schema(d, all);
      return {s.included.begin(), s.included.end()};
    } catch (const std::exception&) {
      return {};
    }
  }

  // A mutant that cannot share a build: no schema can select it and no static checker labels it.
  // HLS: inclusion is decided by make_hls_schema alone (`in_schema`); RTL: by schema_ok.
  static bool needs_own_build(const Mutant& m, const Design& d, const std::set<std::uint32_t>& in_schema) {
    if (is_pragma(m)) return false;
    return d.language == Language::Verilog ? !m.schema_ok : in_schema.count(m.id) == 0;
  }

  // Keeps every cheap mutant and a seeded choice of at most `own_builds` that need their own build.
  static std::vector<Mutant> cap_own_builds(std::vector<Mutant> all, const Design& d, const GenSettings& s) {
    if (s.own_builds == 0) return all;
    const auto in_schema = hls_schema_ids(d, all);
    std::vector<Mutant> own, out;
    for (auto& m : all) (needs_own_build(m, d, in_schema) ? own : out).push_back(std::move(m));
    mutators::SampleOptions capped;
    capped.seed = s.seed;
    capped.limit = s.own_builds;
    for (auto& m : mutators::sample(std::move(own), capped)) out.push_back(std::move(m));
    std::sort(out.begin(), out.end(), [](const Mutant& a, const Mutant& b) { return a.id < b.id; });
    return out;
  }

  using Reparsers = std::map<std::string, std::unique_ptr<mutators::hls::Reparser>>;  // by source path

  Verdict label_one(const Design& d, const Mutant& m, const GenSettings& s, Reparsers& parsers) const {
    const auto* cls = mutators::find_bug_class(m.bug_class);
    if (cls && cls->labelled_by == mutators::LabelledBy::PragmaRule) return run_pragma(d, m, parsers);
    return run_sim(d, {sim::mutant_override(d, m)}, s);  // HLS survivors then go to the sanitizer pass
  }

  // Every mutant but the pragma classes' goes through mutant schemata (schema_run.h), each
  // result handed to `done` as soon as it is final; returns the ids simulated.
  static std::set<std::uint32_t> simulate_schema(
      const Design& d, const std::vector<Mutant>& all, const GenSettings& s,
      const std::function<void(const Mutant&, const sim::MutantSim&)>& done) {
    std::set<std::uint32_t> out;
    std::vector<Mutant> ms;
    std::copy_if(all.begin(), all.end(), std::back_inserter(ms),
                 [](const Mutant& m) { return !is_pragma(m); });
    if (ms.empty()) return out;
    std::map<std::uint32_t, const Mutant*> by_id;
    for (const auto& m : ms) by_id[m.id] = &m;
    sim::SchemaRunOptions o;
    o.vectors = s.vectors;
    o.seed = s.seed;
    o.extra_vectors = s.extra_vectors;
    o.timeout = s.timeout;
    o.on_mutant = [&](const sim::MutantSim& r) {
      out.insert(r.id);
      done(*by_id.at(r.id), r);
    };
    sim::simulate_mutants(d, ms, o);
    return out;
  }

  // The verdict of the judge's answer (golden sets, then the extra sets); Unknown with
  // evidence=vectors when every set passes.
  static Verdict sim_verdict(const Design& d, const sim::Judgement& r, const GenSettings& s) {
    Verdict v;
    v.tools = tools_for(d.language);
    v.golden_seeds = seeds(s.seed, s.vectors);
    v.timings = {{"build", r.main.build.seconds}, {"sim", r.main.run.seconds}};
    if (auto f = failure(r.main)) return with_context(std::move(*f), v);
    if (!r.extra) return finish_pass(std::move(v));
    const auto extra = seeds(s.seed + s.vectors, s.extra_vectors);
    v.golden_seeds.insert(v.golden_seeds.end(), extra.begin(), extra.end());
    v.timings["sim"] = r.main.run.seconds + r.extra->run.seconds;
    if (auto f = failure(*r.extra)) return with_context(std::move(*f), v);
    return finish_pass(std::move(v));
  }

  // The judge on the design (no overrides: the golden sets only) or on one variant of it.
  static Verdict run_sim(const Design& d, const std::vector<std::pair<std::string, std::string>>& overrides,
                         const GenSettings& s) {
    sim::CheckOptions o;
    o.vectors = s.vectors;
    o.seed = s.seed;
    o.run.limits.wall_seconds = s.timeout;
    o.golden_backend = kernels::Backend::cpu;
    o.build.source_overrides = overrides;
    return sim_verdict(d, sim::judge_design(d, o, overrides.empty() ? 0 : s.extra_vectors), s);
  }

  static Verdict with_context(Verdict failed, const Verdict& ctx) {
    failed.tools = ctx.tools;
    failed.timings = ctx.timings;
    failed.golden_seeds = ctx.golden_seeds;
    return failed;
  }

  static Verdict finish_pass(Verdict v) {
    v.label = Label::Unknown;
    v.evidence = Evidence::Vectors;
    v.symptom = {{"kind", "none"}, {"detail", fmt::format("passes {} vector sets", v.golden_seeds.size())}};
    return v;
  }

  // Survivors of every vector set, run under ASan+UBSan and valgrind: the last chance to see them.
  static void run_sanitizers(const Design& d, const GenSettings& s,
                             std::vector<std::pair<Mutant, Verdict>>& survivors, const Emit& emit) {
    std::vector<Mutant> ms;
    for (const auto& [m, _] : survivors) ms.push_back(m);
    sim::SanitizeOptions o;
    o.vectors = s.vectors;
    o.seed = s.seed;
    o.timeout = s.timeout;
    std::map<std::uint32_t, sim::SanitizerResult> found;
    std::string failure;
    try {
      found = sim::sanitize_hls(d, ms, o);
    } catch (const std::exception& e) {
      failure = e.what();  // the pass could not run: the survivors keep their vector evidence
    }
    for (auto& [m, v] : survivors) {
      const auto f = found.find(m.id);
      apply_sanitizer(
          v, f != found.end() ? f->second : sim::SanitizerResult{false, "", "", "", "not run: " + failure});
      emit(m, v);
    }
  }

  static void apply_sanitizer(Verdict& v, const sim::SanitizerResult& r) {
    v.timings["sanitizer"] = r.seconds;
    v.tools["sanitizer"] = "AddressSanitizer+UBSan (c++ -fsanitize=address,undefined), valgrind memcheck";
    if (!r.finding) {
      v.label = Label::Equivalent;
      if (!r.note.empty()) v.symptom["sanitizer_note"] = r.note;
      return;
    }
    v.label = Label::Buggy;
    v.detected_by = Detector::Sanitizer;
    v.evidence = Evidence::Sanitizer;
    v.symptom = {
        {"kind", "sanitizer"}, {"tool", r.tool}, {"detail", r.detail}, {"log", log_excerpt(r.log, 16)}};
  }

  static void run_formal(const Design& d, const GenSettings& s,
                         std::vector<std::pair<Mutant, Verdict>>& survivors, const Emit& emit) {
    std::vector<Mutant> ms;
    for (const auto& [m, _] : survivors) ms.push_back(m);
    equivalence::EquivOptions o;
    o.budget_seconds = s.formal_budget;
    o.total_budget_seconds = s.formal_design_budget;
    std::vector<equivalence::FormalResult> verdicts;
    std::string failure;
    try {
      verdicts = equivalence::check_survivors(d, ms, o);
    } catch (const std::exception& e) {
      failure = e.what();  // the design cannot be prepared: every survivor stays unknown
    }
    for (auto& [m, v] : survivors) {
      const auto f =
          std::find_if(verdicts.begin(), verdicts.end(), [&](const auto& x) { return x.mutant_id == m.id; });
      if (f != verdicts.end())
        apply_formal(v, *f);
      else
        v.symptom = {{"kind", "none"}, {"detail", "formal check not run: " + failure}};
      emit(m, v);
    }
  }

  static void apply_formal(Verdict& v, const equivalence::FormalResult& f) {
    v.timings["formal"] = f.seconds;
    v.tools["yosys"] = f.tool;
    switch (f.outcome) {
      case equivalence::Outcome::Equivalent:
        v.label = Label::Equivalent;
        v.evidence = Evidence::Proof;
        v.symptom = {{"kind", "none"}, {"detail", f.reason}, {"recheck", f.recheck.detail}};
        break;
      case equivalence::Outcome::Buggy:
        v.label = Label::Buggy;
        v.detected_by = Detector::Formal;
        v.evidence = Evidence::Formal;
        v.symptom = {{"kind", "counterexample"},
                     {"detail", f.reason},
                     {"table", f.trace ? equivalence::format_trace(*f.trace) : ""},
                     {"replayed", f.replay.reproduced}};
        break;
      case equivalence::Outcome::Unknown:
        // A refuted proof is no label: unknown, marked so that gen fails and reports it.
        v.evidence = f.soundness_bug ? Evidence::SoundnessBug : Evidence::FormalInconclusive;
        v.symptom = {{"kind", "none"}, {"detail", f.reason}};
        break;
    }
  }

  static Verdict run_pragma(const Design& d, const Mutant& m, Reparsers& parsers) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::string path = (fs::path(d.dir) / m.file).string();
    auto& parser = parsers[path];
    if (!parser)
      parser = std::make_unique<mutators::hls::Reparser>(path, mutators::hls::design_parse_options(d));
    const auto unit = parser->parse(mutators::apply_mutant(read_text(path), m));
    const auto findings = mutators::hls::check_pragmas(unit, mutators::hls::build_pragma_model(unit));
    Verdict v;
    v.tools = {{"pragma-checker", "bugforge hls_pragma"}, {"libclang", "libclang"}};
    v.timings = {{"pragma", since(t0)}};
    const auto hit =
        std::find_if(findings.begin(), findings.end(), [](const auto& f) { return !f.code.empty(); });
    if (hit == findings.end()) {
      v.evidence = Evidence::PragmaRule;
      v.symptom = {{"kind", "none"}, {"detail", "no pragma rule fires"}};
      return v;
    }
    v.label = Label::Buggy;
    v.detected_by = Detector::PragmaRule;
    v.evidence = Evidence::PragmaRule;
    v.symptom = {
        {"kind", "pragma-rule"}, {"rule", hit->code}, {"line", hit->line}, {"message", hit->message}};
    return v;
  }
};

}  // namespace

std::unique_ptr<Labeler> make_labeler() {
  return std::make_unique<ToolLabeler>();
}

}  // namespace bf::dataset
