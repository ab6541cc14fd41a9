// bugforge simulate — the schema runner (see schema_run.h).
//
// Algorithm:
//   1. Vector sets for the golden seeds and the extra seeds, their golden outputs, and the
//      original build's outputs on the golden sets (the reference for every schema's mutant 0).
//   2. group(ids): make the schema of those mutants; its excluded mutants go to the own-build list.
//      Build it; on failure blame the mutants whose arms hold the file:line:col of Verilator's
//      errors (Schema::arms) or, for HLS, whose function copy g++ names an error in, send exactly those to
//      their own builds (where the message becomes their label) and rebuild the rest; only when no error maps
//      to an arm split the included ids in halves and recurse (a single mutant whose schema does not build
//      gets its own build). On success run mutant 0 and compare it with the golden outputs and with the
//      original's outputs and cycles; a difference sends the whole group to own builds with the reason.
//      Otherwise run every included mutant with `+bf_mutant=K` and judge it like check_design.
//   3. Own builds: check_design with the mutant applied as a source override.
//   Oracles without vector sets (testbench, trace) use judge_oracle with the same plusarg.
#include "bugforge/simulate/schema_run.h"
#include "bugforge/core/io.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>

#include <set>
#include <sstream>

#include "bugforge/core/diagnostic.h"
#include "bugforge/simulate/oracle.h"
#include "bugforge/tools/messages.h"

namespace bf::sim {

namespace {

namespace fs = std::filesystem;
using mutators::Mutant;

double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string first_line(const std::string& text) {
  const auto b = text.find_first_not_of("\n ");
  return b == std::string::npos ? "" : text.substr(b, text.find('\n', b) - b);
}

struct VectorBatch {
  std::vector<std::uint64_t> seeds;
  std::vector<kernels::VectorSet> sets;
  std::vector<kernels::OutputSet> golden;
};

class Runner {
 public:
  Runner(const Design& d, const SchemaMaker& make, const SchemaRunOptions& opt)
      : d_(d), make_(make), opt_(opt) {}

  SchemaRun run(const std::vector<Mutant>& mutants) {
    const auto t0 = std::chrono::steady_clock::now();
    total_ = mutants.size();
    for (const auto& m : mutants) by_id_[m.id] = &m;
    if (uses_vectors(d_)) prepare_vectors();
    std::vector<std::uint32_t> own;
    std::map<std::uint32_t, std::string> why;
    if (opt_.use_schema && make_) {
      std::vector<std::uint32_t> ids;
      for (const auto& m : mutants) ids.push_back(m.id);
      group(ids, why);
    } else {
      for (const auto& m : mutants) why[m.id] = "per-mutant build requested";
    }
    for (const auto& [id, reason] : why) own_build(*by_id_.at(id), reason);
    SchemaRun out;
    for (const auto& m : mutants) out.sims.push_back(std::move(done_.at(m.id)));
    stats_.mutants = mutants.size();
    for (const auto& s : out.sims) {
      const bool pass = s.passed();
      ++(pass ? stats_.survived : stats_.killed);
    }
    stats_.seconds = since(t0);
    out.stats = stats_;
    return out;
  }

 private:
  CheckOptions check_options(std::size_t vectors, std::uint64_t first) const {
    CheckOptions o;
    o.vectors = vectors;
    o.seed = first;
    o.build.cache_dir = opt_.cache_dir;
    o.run.limits.wall_seconds = opt_.timeout;
    o.run.limits.cpu_seconds = cpu_budget(vectors);
    o.run.args = cycle_cap_args();
    o.golden_backend = kernels::Backend::cpu;
    return o;
  }

  VectorBatch batch(std::size_t n, std::uint64_t first) const {
    VectorBatch b;
    const auto& k = kernels::require_kernel(d_.golden.kernel, d_.golden.params);
    for (std::size_t i = 0; i < n; ++i) {
      b.seeds.push_back(first + i);
      b.sets.push_back(kernels::generate_inputs(k, d_.golden.params, b.seeds.back()));
    }
    b.golden = golden_outputs(d_, b.seeds, b.sets, check_options(n, first));
    return b;
  }

  void prepare_vectors() {
    main_ = batch(opt_.vectors, opt_.seed);
    if (opt_.extra_vectors > 0) extra_ = batch(opt_.extra_vectors, opt_.seed + opt_.vectors);
    BuildOptions bo;
    bo.cache_dir = opt_.cache_dir;
    const auto b = build_design(d_, bo);
    if (!b.ok)
      throw Error("BF-SCH-001",
                  fmt::format("the original of {} does not build: {}", d_.name, first_line(b.log)));
    original_ = run_design(d_, b, main_.sets, run_options(0));
  }

  RunOptions run_options(std::uint32_t id, std::size_t sets = 0) const {
    RunOptions r;
    r.limits.wall_seconds = opt_.timeout;
    r.limits.cpu_seconds = cpu_budget(sets);
    r.args = {mutators::schema_plusarg(id)};
    for (auto& a : cycle_cap_args()) r.args.push_back(std::move(a));
    return r;
  }

  // RTL: `+bf_max_cycles` at ten times the original's last output cycle plus a thousand, so a
  // hung mutant stops there rather than at the design's worst-case limit (same in own builds).
  std::vector<std::string> cycle_cap_args() const {
    if (d_.language != Language::Verilog || original_.cycles.empty()) return {};
    std::int64_t last = 0;
    for (const auto& set : original_.cycles)
      for (const auto& tensor : set)
        for (const auto c : tensor) last = std::max(last, c);
    return {fmt::format("+bf_max_cycles={}", 10 * last + 1000)};
  }

  // CPU seconds a mutant's run over `sets` vector sets may use: twenty times what the original
  // took per set, plus a second, never above --timeout. An endless loop then costs about a second
  // instead of the whole timeout; CPU time, unlike wall time, does not grow with the machine's load.
  double cpu_budget(std::size_t sets) const {
    if (sets == 0 || original_.seconds <= 0 || main_.sets.empty()) return 0;  // 0: wall limit only
    const double per_set = original_.seconds / static_cast<double>(main_.sets.size());
    return std::min(opt_.timeout, 1.0 + 20.0 * per_set * static_cast<double>(sets));
  }

  // Schema of `ids`; excluded and unbuildable mutants land in `why` for their own build.
  void group(const std::vector<std::uint32_t>& ids, std::map<std::uint32_t, std::string>& why) {
    std::vector<Mutant> ms;
    for (auto id : ids) ms.push_back(*by_id_.at(id));
    mutators::Schema s;
    try {
      s = make_(ms);
    } catch (const std::exception& e) {  // the design cannot be parsed: no schema, own builds
      for (auto id : ids) why[id] = std::string("no schema: ") + e.what();
      return;
    }
    for (std::size_t i = 0; i < s.excluded.size(); ++i) why[s.excluded[i]] = s.excluded_why[i];
    if (s.included.empty()) return;
    BuildOptions bo;
    bo.cache_dir = opt_.cache_dir;
    bo.source_overrides = s.overrides;
    const BuildResult b = build_design(d_, bo);
    ++stats_.schema_builds;
    stats_.build_seconds += b.seconds;
    if (!b.ok) return on_build_failure(s, b, why);
    if (const std::string bad = mutant0_problem(b); !bad.empty()) {
      stats_.schema_problem = bad;
      for (auto id : s.included) why[id] = "schema mutant 0 differs from the original: " + bad;
      return;
    }
    for (auto id : s.included) run_in_schema(id, b, s.included.size());
  }

  // Mutants blamed by the located errors of a failed build, each with the error's first line.
  // An error's other places count too: Verilator names the other places involved in its
  // continuation lines ("... Location of blocking assignment"); warnings (not fatal here) do not.
  static std::map<std::uint32_t, std::string> blamed(const mutators::Schema& s, const std::string& log) {
    std::map<std::uint32_t, std::string> out;
    for (const auto& e : tools::parse_messages(log)) {
      if (e.first_line.rfind("%Error", 0) != 0) continue;  // Verilator's errors name the arms
      std::vector<SourceLoc> places = e.others;
      places.insert(places.begin(), e.loc);
      for (const auto& p : places)
        if (p.column > 0)
          for (auto id : mutators::mutants_at(s, p.file, p.line, p.column)) out.try_emplace(id, e.first_line);
    }
    return out;
  }

  // HLS: g++ opens each error block with the function it is in ("x.cpp: In function 'int
  // f__bf_12(int)':"), and the schema's copy of a function for mutant K is named `<name>__bf_K`
  // (its `#line`s point at the original lines, which every copy shares).
  static std::map<std::uint32_t, std::string> blamed_copies(const mutators::Schema& s,
                                                            const std::string& log) {
    static const std::regex in_copy(R"(In function [^(]*__bf_(\d+)\()");  // quotes vary with the locale
    std::map<std::uint32_t, std::string> out;
    std::istringstream in(log);
    std::optional<std::uint32_t> copy;  // the mutant whose copy the current block is in
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (line.find(": In ") != std::string::npos || line.find(": At global scope") != std::string::npos)
        copy = std::regex_search(line, m, in_copy) ? std::optional<std::uint32_t>(std::stoul(m[1].str()))
                                                   : std::nullopt;
      else if (copy && line.find(" error: ") != std::string::npos &&
               std::find(s.included.begin(), s.included.end(), *copy) != s.included.end())
        out.try_emplace(*copy, line);
    }
    return out;
  }

  // A schema that does not build: exclude the blamed mutants and rebuild the rest; bisect only
  // when no error names a mutant's arm (RTL) or function copy (HLS).
  void on_build_failure(const mutators::Schema& s, const BuildResult& b,
                        std::map<std::uint32_t, std::string>& why) {
    ++stats_.schema_build_failures;
    auto guilty = blamed(s, b.log);
    for (auto& [id, error] : blamed_copies(s, b.log)) guilty.try_emplace(id, std::move(error));
    if (guilty.empty()) return bisect(s.included, b, why);
    std::vector<std::uint32_t> rest;
    for (auto id : s.included) {
      const auto it = guilty.find(id);
      if (it == guilty.end())
        rest.push_back(id);
      else
        why[id] = "breaks the schema build: " + it->second;
    }
    stats_.blamed += guilty.size();
    if (!rest.empty()) group(rest, why);
  }

  void bisect(const std::vector<std::uint32_t>& ids, const BuildResult& b,
              std::map<std::uint32_t, std::string>& why) {
    ++stats_.bisections;
    if (ids.size() == 1) {
      why[ids[0]] = "its schema does not build: " + first_line(b.log);
      return;
    }
    const auto mid = ids.begin() + static_cast<std::ptrdiff_t>(ids.size() / 2);
    group(std::vector<std::uint32_t>(ids.begin(), mid), why);
    group(std::vector<std::uint32_t>(mid, ids.end()), why);
  }

  // Empty when mutant 0 of the schema behaves as the original; else what differs.
  std::string mutant0_problem(const BuildResult& b) {
    if (!uses_vectors(d_)) {
      auto o = check_options(opt_.vectors, opt_.seed);
      o.run = run_options(0);
      const auto r = judge_oracle(d_, b, o);
      return r.status == CheckStatus::Pass ? "" : r.message;
    }
    const RunResult r = run_design(d_, b, main_.sets, run_options(0));
    stats_.run_seconds += r.seconds;
    if (r.status != RunStatus::Ok) return "mutant 0 run: " + first_line(r.log);
    if (const auto m = compare(main_.golden, r, main_.seeds)) return "vs golden: " + m->format();
    if (const auto m = compare(original_.outputs, r, main_.seeds)) return "vs the original: " + m->format();
    if (r.cycles != original_.cycles) return "vs the original: outputs appear at different cycles";
    return "";
  }

  CheckResult run_batch(std::uint32_t id, const BuildResult& b, const VectorBatch& v, std::size_t vectors,
                        std::uint64_t first) {
    if (!uses_vectors(d_)) {
      auto o = check_options(vectors, first);
      o.run = run_options(id);
      return judge_oracle(d_, b, o);
    }
    try {
      const auto run = run_design(d_, b, v.sets, run_options(id, v.sets.size()));
      stats_.run_seconds += run.seconds;
      return judge_run(d_, run, v.golden, v.seeds);
    } catch (const std::exception& e) {
      CheckResult r;
      r.status = CheckStatus::Error;
      r.message = e.what();
      return r;
    }
  }

  void run_in_schema(std::uint32_t id, const BuildResult& b, std::size_t group_size) {
    MutantSim s;
    s.id = id;
    s.in_schema = true;
    s.main = run_batch(id, b, main_, opt_.vectors, opt_.seed);
    s.main.build = b;
    s.main.build.seconds = b.seconds / static_cast<double>(group_size);  // the build is shared
    if (s.main.status == CheckStatus::Pass && opt_.extra_vectors > 0)
      s.extra = run_batch(id, b, extra_, opt_.extra_vectors, opt_.seed + opt_.vectors);
    ++stats_.in_schema;
    finish(std::move(s));
  }

  void own_build(const Mutant& m, const std::string& why) {
    const auto t0 = std::chrono::steady_clock::now();
    auto o = check_options(opt_.vectors, opt_.seed);
    o.build.source_overrides = {mutant_override(d_, m)};
    MutantSim s;
    static_cast<Judgement&>(s) = judge_design(d_, o, opt_.extra_vectors);
    s.id = m.id;
    s.own_build_why = why;
    stats_.build_seconds += s.main.build.seconds;
    stats_.run_seconds += s.main.run.seconds + (s.extra ? s.extra->run.seconds : 0);
    ++stats_.own_builds;
    stats_.own_build_seconds += since(t0);
    finish(std::move(s));
  }

  void finish(MutantSim s) {
    const auto id = s.id;
    const auto& done = done_.emplace(id, std::move(s)).first->second;
    if (opt_.on_mutant) opt_.on_mutant(done);
    if (opt_.progress) opt_.progress(done_.size(), total_);
  }

  const Design& d_;
  const SchemaMaker& make_;
  const SchemaRunOptions& opt_;
  std::map<std::uint32_t, const Mutant*> by_id_;
  std::map<std::uint32_t, MutantSim> done_;
  std::size_t total_ = 0;
  VectorBatch main_, extra_;
  RunResult original_;
  SchemaRunStats stats_;
};

}  // namespace

std::string SchemaRun::dump() const {
  std::string out;
  for (const auto& s : sims) {
    const auto& last = s.last();
    out += fmt::format("{}\t{}\t{}\t{}\n", s.id, s.in_schema ? "schema" : "own-build: " + s.own_build_why,
                       check_status_name(last.status), last.message);
  }
  return out;
}

SchemaRun run_schema(const Design& d, const std::vector<Mutant>& mutants, const SchemaMaker& make_schema,
                     const SchemaRunOptions& opt) {
  return Runner(d, make_schema, opt).run(mutants);
}

SchemaRun simulate_mutants(const Design& d, const std::vector<Mutant>& mutants, const SchemaRunOptions& opt) {
  SchemaMaker make;
  if (d.language == Language::Verilog)
    make = [&d](const std::vector<Mutant>& ms) { return mutators::make_rtl_schema(d, ms); };
  else if (d.language == Language::HlsCpp)
    make = [&d](const std::vector<Mutant>& ms) { return mutators::make_hls_schema(d, ms); };
  return run_schema(d, mutants, make, opt);
}

}  // namespace bf::sim
