// bugforge mutators — the HLS classes' generators (entered by their files) and the driver that turns edits
// into mutants (see hls_mutator.h for the algorithm).
#include "bugforge/mutators/hls_mutator.h"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <set>
#include <tuple>

#include "../entries.h"
#include "bugforge/mutators/bug_class.h"
#include "sites.h"

namespace bf::mutators {

namespace hls {

namespace {

KeyedEntries<HlsMutator>& hls_entries() {  // key: the class table order
  static KeyedEntries<HlsMutator> e;
  return e;
}

}  // namespace

bool enter_hls_class(const BugClassEntry& e, Generator g) {
  hls_entries().add(e.order, {e.code, g});
  return enter_bug_class(e);
}

const std::vector<HlsMutator>& hls_mutators() {
  static const std::vector<HlsMutator> table = hls_entries().by_key();
  return table;
}

namespace {

bool selected(std::string_view code, const std::vector<std::string>& classes) {
  return classes.empty() || std::find(classes.begin(), classes.end(), code) != classes.end();
}

}  // namespace

std::vector<Mutant> mutate_source(const Source& src, const std::string& file,
                                  const std::vector<std::string>& classes, std::uint32_t first_id) {
  std::vector<Mutant> out;
  std::set<std::tuple<std::size_t, std::string, std::string>> seen;
  const Unit& u = src.unit;
  for (const HlsMutator& m : hls_mutators()) {
    if (!selected(m.code, classes)) continue;
    std::vector<Edit> edits = m.generate(src);
    std::stable_sort(edits.begin(), edits.end(),
                     [](const Edit& a, const Edit& b) { return a.offset < b.offset; });
    for (Edit& e : edits) {
      // Never misplace: the span must hold exactly the original text.
      if (e.original == e.replacement || u.slice(e.offset, e.offset + e.original.size()) != e.original)
        continue;
      if (!seen.insert({e.offset, e.original, e.replacement}).second) continue;
      Mutant mu;
      mu.id = first_id++;
      mu.bug_class = std::string(m.code);
      mu.file = file;
      mu.offset = e.offset;
      mu.original = std::move(e.original);
      mu.replacement = std::move(e.replacement);
      mu.line = u.line_of(mu.offset);
      mu.description = std::move(e.description);
      mu.schema_ok = e.schema_ok;
      out.push_back(std::move(mu));
    }
  }
  return out;
}

}  // namespace hls

std::vector<Mutant> hls_candidates(const Design& d, const std::vector<std::string>& classes) {
  const hls::ParseOptions po = hls::design_parse_options(d);
  std::vector<Mutant> all;
  for (const std::string& src : d.sources) {
    const hls::Unit u = hls::Unit::parse(src, po);
    const hls::PragmaModel pm = hls::build_pragma_model(u);
    const std::string rel = std::filesystem::relative(src, d.dir).generic_string();
    auto part = hls::mutate_source({u, pm}, rel, classes, static_cast<std::uint32_t>(all.size() + 1));
    all.insert(all.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  return all;
}

std::vector<Mutant> mutate_hls(const Design& d, const HlsMutateOptions& opt) {
  for (const auto& c : opt.classes) parse_class_list(c, Lang::Hls);  // rejects unknown codes
  return sample_mutants(hls_candidates(d, opt.classes), opt);
}

}  // namespace bf::mutators
