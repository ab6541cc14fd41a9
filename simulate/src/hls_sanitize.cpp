// bugforge simulate — the sanitizer pass over surviving HLS mutants (see hls_sanitize.h).
//
// Algorithm: groups of (build overrides, mutants selected in that build): the survivors' HLS
// schema (selected by `+bf_mutant=K`, its baseline is its own mutant 0) and one group per excluded
// survivor (its edited file as the override, its baseline the original design). For each tool —
// ASan+UBSan build flags, then valgrind as the run's command prefix on a plain build — check the
// baseline once, then every mutant of the group that has no finding yet with check_design: the
// group's build is compiled by the first check and reused from the build cache by the others.
#include "bugforge/simulate/hls_sanitize.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bugforge/core/io.h"
#include "bugforge/mutators/schema.h"
#include "bugforge/simulate/simulate.h"

namespace bf::sim {

namespace {

namespace fs = std::filesystem;
using mutators::Mutant;
using Overrides = std::vector<std::pair<std::string, std::string>>;

struct Tool {
  std::string name;
  std::vector<std::string> flags;    // build flags
  std::vector<std::string> wrapper;  // run prefix
};

const std::vector<Tool>& tools() {
  static const std::vector<Tool> t = {
      {"AddressSanitizer+UBSan", {"-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-g"}, {}},
      {"valgrind memcheck", {}, {"valgrind", "--error-exitcode=99", "--track-origins=no", "-q"}},
  };
  return t;
}

struct Group {
  Overrides overrides;
  std::vector<std::uint32_t> ids;
  bool schema = false;  // ids are selected with +bf_mutant=K; else the build is the mutant itself
};

std::string first_line(const std::string& s) {
  return s.substr(0, s.find('\n'));
}

CheckResult check(const Design& d, const Overrides& ov, const Tool& t, std::uint32_t id,
                  const SanitizeOptions& o) {
  CheckOptions c;
  c.vectors = o.vectors;
  c.seed = o.seed;
  c.build.cache_dir = o.cache_dir;
  c.build.source_overrides = ov;
  c.build.extra_flags = t.flags;
  c.run.limits.wall_seconds = o.timeout * 10;  // the tools slow the run down
  c.run.limits.memory_bytes = 0;               // ASan reserves terabytes of address space
  c.run.wrapper = t.wrapper;
  if (id != 0) c.run.args = {mutators::schema_plusarg(id)};
  c.golden_backend = kernels::Backend::cpu;
  return check_design(d, c);
}

// A crash, an error exit (ASan, UBSan and valgrind all exit non-zero) or a changed output.
bool is_finding(const CheckResult& r) {
  return r.status == CheckStatus::Crash || r.status == CheckStatus::Mismatch ||
         r.status == CheckStatus::Error;
}

// Empty when the baseline runs clean under the tool; else why the tool cannot judge the group.
std::string baseline_problem(const Design& d, const Group& g, const Tool& t, const SanitizeOptions& o) {
  const auto r = check(d, g.schema ? g.overrides : Overrides{}, t, 0, o);
  if (r.status == CheckStatus::Pass) return "";
  return fmt::format("{} not used: the {} fails under it: {}", t.name,
                     g.schema ? "schema's mutant 0" : "original", r.message);
}

void run_tool(const Design& d, const Group& g, const Tool& t, const SanitizeOptions& o,
              std::map<std::uint32_t, SanitizerResult>& out) {
  if (const auto bad = baseline_problem(d, g, t, o); !bad.empty()) {
    for (const auto id : g.ids) out[id].note += bad + "\n";
    return;
  }
  for (const auto id : g.ids) {
    auto& res = out[id];
    if (res.finding) continue;
    const auto r = check(d, g.overrides, t, g.schema ? id : 0, o);
    res.seconds += r.build.seconds / static_cast<double>(g.ids.size()) + r.run.seconds;
    if (r.status == CheckStatus::BuildError) res.note += t.name + " not used: the build fails\n";
    if (r.status == CheckStatus::Timeout) res.note += t.name + ": timeout, not judged\n";
    if (!is_finding(r)) continue;
    res.finding = true;
    res.tool = t.name;
    res.detail = r.message;
    res.log = r.run.log;
  }
}

std::vector<Group> groups(const Design& d, const std::vector<Mutant>& survivors) {
  mutators::Schema s;
  try {
    s = mutators::make_hls_schema(d, survivors);
  } catch (const std::exception&) {
    for (const auto& m : survivors) s.excluded.push_back(m.id);  // no schema: every survivor alone
  }
  std::vector<Group> out;
  if (!s.included.empty()) out.push_back({s.overrides, s.included, true});
  for (const auto id : s.excluded)
    for (const auto& m : survivors)
      if (m.id == id) {
        out.push_back({{mutant_override(d, m)}, {id}, false});
      }
  return out;
}

}  // namespace

std::map<std::uint32_t, SanitizerResult> sanitize_hls(const Design& d, const std::vector<Mutant>& survivors,
                                                      const SanitizeOptions& opt) {
  std::map<std::uint32_t, SanitizerResult> out;
  if (survivors.empty()) return out;
  for (const auto& g : groups(d, survivors)) {
    for (const auto id : g.ids) out[id].in_schema = g.schema;
    for (const auto& t : tools()) run_tool(d, g, t, opt, out);
  }
  for (auto& [id, r] : out)
    if (r.finding) r.detail = first_line(r.detail);
  return out;
}

}  // namespace bf::sim
