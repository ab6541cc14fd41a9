// bugforge mutators — RTL mutant schemata (see schema.h).
//
// Algorithm:
//   1. Sites. Walk Verilator's AST and turn verified nodes into byte ranges ("regions") that can
//      be guarded by a run-time selector without changing any other text's meaning:
//        stmt  a procedural assignment (from its left-hand side to `;`), a whole `if` statement
//              (through its else branch) or a whole `case` statement, inside always/initial;
//        cond  the parenthesised condition of a procedural `if`;
//        stmt  also a whole `for` loop (its header's edits, and the if/else branches inside that
//              Verilator has folded into `?:` assignments and so no longer names as an `if`);
//        expr  the right-hand side of a continuous assignment (`assign x = ...`, `wire x = ...`).
//      Functions and tasks are skipped: a constant function must stay constant.
//   2. Each schema_ok mutant goes to the smallest region that holds its whole edit. Mutants with
//      no region, regions that partly overlap an earlier region, and edits that cut through a
//      smaller region are excluded (with the reason), and so are BLK edits: the mutated arm's
//      `=` beside the original arm's `<=` on one variable is an error in Verilator. SIGN and
//      STUCK edits inside an `expr` region are excluded too: a `?:` is signed only when both arms
//      are, so a signedness change in one arm would change how the original arm is evaluated.
//   3. Render each file recursively: a region's original arm is its original bytes with the
//      regions it contains rendered in place; every mutated arm is the original bytes with one edit
//      (nested regions stay unguarded there: with the selector at that arm, their other arms are
//      dead, and copying them would multiply the schema's size). Arms are chained: stmt `if (sel == K) begin
//      M end else
//      ... begin O end` (always with a final else, so an outer `else` still binds outside), cond
//      `(sel == K) ? |(M) : ... |(O)` (reduction-or of a self-determined operand is exactly the
//      truth value the `if` tests), expr `(sel == K) ? (M) : ... (O)` (`?:` passes the context
//      width to both arms). Wrappers stay on one line so untouched code keeps its line numbers.
//   4. Every module holding a site declares `integer bf_mut_sel` and reads it from the plusarg in
//      an `initial` right after its header's `;`, so no port changes.
//   5. While rendering, each arm's bytes (selector test through the mutated text) are tracked
//      through the nesting and recorded as line:col ranges (Schema::arms), so that a build error
//      at file:line:col can be blamed on the innermost arm that holds it (mutants_at).
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "bugforge/mutators/schema.h"
#include "rtl/rtl_context.h"

namespace bf::mutators {

namespace {

namespace fs = std::filesystem;
constexpr std::size_t npos = std::string::npos;

enum class Kind { Stmt, Cond, Expr };

struct Region {
  const SrcFile* file = nullptr;
  std::size_t begin = 0, end = 0;
  Kind kind = Kind::Stmt;
  std::size_t module_insert = npos;    // where the selector of its module goes
  std::vector<const Mutant*> mutants;  // arms, in id order
  std::vector<Region*> children;       // active regions directly inside
  bool contains(std::size_t b, std::size_t e) const { return begin <= b && e <= end; }
};

bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

std::string_view word_at(const SrcFile& f, std::size_t p) {
  std::size_t e = p;
  while (e < f.text.size() && ident_char(f.text[e])) ++e;
  return std::string_view(f.text).substr(p, e - p);
}

// After the `endcase` matching the case keyword at `kw`.
std::size_t endcase_end(const SrcFile& f, std::size_t kw) {
  int depth = 0;
  for (std::size_t i = kw; i < f.text.size();) {
    const std::size_t s = RtlContext::skip_blank(f, i);
    if (s != i) {
      i = s;
      continue;
    }
    if (f.text[i] == '"') {
      i = RtlContext::stmt_end(f, i);
      if (i == npos) return npos;
      continue;
    }
    if (!ident_char(f.text[i])) {
      ++i;
      continue;
    }
    const auto w = word_at(f, i);
    if (w == "case" || w == "casez" || w == "casex") ++depth;
    if (w == "endcase" && --depth == 0) return i + w.size();
    i += w.size();
  }
  return npos;
}

// After the procedural statement starting at `pos` (begin-end, if-else, case, loops, simple).
// After the `)` closing a `for` header that opens at `open` (match_close stops at its `;`s).
std::size_t for_header_end(const SrcFile& f, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < f.text.size(); ++i) {
    if (f.text[i] == '(') ++depth;
    if (f.text[i] == ')' && --depth == 0) return i + 1;
  }
  return npos;
}

std::size_t skip_statement(const SrcFile& f, std::size_t pos) {
  const std::size_t p = RtlContext::skip_blank(f, pos);
  if (p >= f.text.size()) return npos;
  const auto w = word_at(f, p);
  if (w == "begin") return RtlContext::block_end(f, p);
  if (w == "case" || w == "casez" || w == "casex") return endcase_end(f, p);
  if (w == "if" || w == "for" || w == "while" || w == "repeat") {
    const std::size_t open = RtlContext::skip_blank(f, p + w.size());
    const std::size_t close = w == "for" ? for_header_end(f, open) : RtlContext::match_close(f, open);
    if (close == npos || f.text[open] != '(') return npos;
    std::size_t e = skip_statement(f, close);
    if (w != "if" || e == npos) return e;
    const std::size_t k = RtlContext::skip_blank(f, e);
    return k < f.text.size() && word_at(f, k) == "else" ? skip_statement(f, k + 4) : e;
  }
  if (w == "forever") return skip_statement(f, p + w.size());
  return RtlContext::stmt_end(f, p);
}

// Start of the left-hand side that ends just before `op` (identifier with selects, or a concat).
std::size_t lhs_start(const SrcFile& f, std::size_t op) {
  const std::string& t = f.text;
  std::size_t p = RtlContext::skip_blank_back(f, op);
  while (p > 0) {
    const char c = t[p - 1];
    if (c == ']' || c == '}') {
      const char open = c == ']' ? '[' : '{';
      int depth = 0;
      std::size_t q = p;
      while (q > 0) {
        --q;
        if (t[q] == c) ++depth;
        if (t[q] == open && --depth == 0) break;
      }
      if (depth != 0) return npos;
      if (open == '{') return q;
      p = RtlContext::skip_blank_back(f, q);
      continue;
    }
    if (!ident_char(c)) return npos;
    while (p > 0 && (ident_char(t[p - 1]) || t[p - 1] == '.')) --p;
    return p;
  }
  return npos;
}

// End of a continuous assignment's right-hand side starting at `b`: before `,` or `;` at depth 0.
std::size_t rhs_end(const SrcFile& f, std::size_t b) {
  for (std::size_t i = b; i < f.text.size();) {
    const std::size_t s = RtlContext::skip_blank(f, i);
    if (s != i) {
      i = s;
      continue;
    }
    const char c = f.text[i];
    if (c == ',' || c == ';') return RtlContext::skip_blank_back(f, i);
    if (c == '(' || c == '[' || c == '{') {
      i = RtlContext::match_close(f, i);
      if (i == npos) return npos;
      continue;
    }
    if (c == ')' || c == ']' || c == '}') return npos;
    ++i;
  }
  return npos;
}

bool procedural(const Ancestors& anc) {
  return std::any_of(anc.begin(), anc.end(), [](const VlNode* a) {
    return a->type == "always" || a->type == "initial" || a->type == "final";
  });
}

bool in_subprogram(const Ancestors& anc) {
  return std::any_of(anc.begin(), anc.end(),
                     [](const VlNode* a) { return a->type == "func" || a->type == "task"; });
}

// The candidate regions of one design, deduplicated by (file, begin, end).
class RegionFinder {
 public:
  explicit RegionFinder(const RtlContext& cx) : cx_(cx) {}

  std::vector<Region> find() {
    cx_.walk([&](const VlNode& n, const Ancestors& anc) { visit(n, anc); });
    std::vector<Region> out;
    for (auto& [key, r] : regions_) out.push_back(r);
    return out;
  }

 private:
  void visit(const VlNode& n, const Ancestors& anc) {
    if (anc.empty() || in_subprogram(anc)) return;
    const std::size_t insert = module_insert(*anc.front());
    if (insert == npos) return;
    const Span s = cx_.span(n);
    if (!s) return;
    const SrcFile& f = *s.file;
    if (procedural(anc)) {
      if ((n.type == "assign" || n.type == "assigndly") && (s.text() == "=" || s.text() == "<="))
        add(f, lhs_start(f, s.begin), assignment_end(f, s.end), Kind::Stmt, insert);
      if (n.type == "if" && s.text() == "if") add_if(f, s, insert);
      if (n.type == "case" && s.text().substr(0, 4) == "case")
        add(f, s.begin, endcase_end(f, s.begin), Kind::Stmt, insert);
      // A whole `for` (Verilator's `while`): holds its header's edits and, since Verilator folds
      // an if/else of assignments into one `?:` assignment, the branches that no `if` node names.
      if (n.type == "while" && s.text() == "for")
        add(f, s.begin, skip_statement(f, s.begin), Kind::Stmt, insert);
      return;
    }
    if (n.type == "contassign" || n.type == "assignw") {
      // `assign x = e` is located at its `=`, a net declaration `wire x = e` at the net's name.
      const std::size_t eq = s.text() == "=" ? s.begin : declaration_eq(f, s);
      if (eq == npos) return;
      const std::size_t b = RtlContext::skip_blank(f, eq + 1);
      add(f, b, rhs_end(f, b), Kind::Expr, insert);
    }
  }

  // The `=` of a net declaration assignment whose name is `name`; npos when none follows it.
  static std::size_t declaration_eq(const SrcFile& f, const Span& name) {
    if (name.text().empty() || !std::all_of(name.text().begin(), name.text().end(), ident_char)) return npos;
    const std::size_t eq = RtlContext::skip_blank(f, name.end);
    return eq + 1 < f.text.size() && f.text[eq] == '=' && f.text[eq + 1] != '=' ? eq : npos;
  }

  // After the `;` of a procedural assignment whose operator ends at `op_end`; npos for the
  // assignments in a `for` header, which are not statements.
  static std::size_t assignment_end(const SrcFile& f, std::size_t op_end) {
    const std::size_t e = rhs_end(f, op_end);
    const std::size_t semi = e == npos ? npos : RtlContext::skip_blank(f, e);
    return semi < f.text.size() && f.text[semi] == ';' ? semi + 1 : npos;
  }

  void add_if(const SrcFile& f, const Span& kw, std::size_t insert) {
    const std::size_t open = RtlContext::skip_blank(f, kw.end);
    if (open >= f.text.size() || f.text[open] != '(') return;
    const std::size_t close = RtlContext::match_close(f, open);
    add(f, open, close, Kind::Cond, insert);
    add(f, kw.begin, skip_statement(f, kw.begin), Kind::Stmt, insert);
  }

  void add(const SrcFile& f, std::size_t b, std::size_t e, Kind k, std::size_t insert) {
    if (b == npos || e == npos || b >= e || f.rel != module_file_) return;
    const std::size_t before = RtlContext::skip_blank_back(f, b);
    if (k == Kind::Stmt && before > 0 && f.text[before - 1] == '(') return;  // a `for` header's init
    regions_.try_emplace({f.rel, b, e}, Region{&f, b, e, k, insert, {}, {}});
  }

  // After the `;` that ends the module header (ports and parameters), once per module node.
  std::size_t module_insert(const VlNode& module) {
    const auto it = headers_.find(&module);
    if (it != headers_.end()) {
      module_file_ = it->second.second;
      return it->second.first;
    }
    const Span s = cx_.span(module);
    const std::size_t at = s ? RtlContext::stmt_end(*s.file, s.end) : npos;
    headers_[&module] = {at, s ? s.file->rel : ""};
    module_file_ = s ? s.file->rel : "";
    return at;
  }

  const RtlContext& cx_;
  std::map<std::tuple<std::string, std::size_t, std::size_t>, Region> regions_;
  std::map<const VlNode*, std::pair<std::size_t, std::string>> headers_;  // insert offset, file
  std::string module_file_;  // the current module's file: sites in included files are skipped
};

// Assigns mutants to their smallest regions; returns why each excluded mutant was excluded.
std::map<std::uint32_t, std::string> assign(std::vector<Region>& regions,
                                            const std::vector<Mutant>& mutants) {
  std::map<std::uint32_t, std::string> why;
  for (const auto& m : mutants) {
    if (!m.schema_ok) {
      why[m.id] = "not selectable at run time (schema_ok=false)";
      continue;
    }
    if (m.bug_class == "BLK") {  // its arm and the original arm would mix `=` and `<=` on one variable
      why[m.id] = "blocking and non-blocking assignments to one variable cannot share a build";
      continue;
    }
    const std::size_t b = m.offset, e = m.offset + m.original.size();
    Region* best = nullptr;
    for (auto& r : regions)
      if (r.file->rel == m.file && r.contains(b, e) && (!best || r.end - r.begin < best->end - best->begin))
        best = &r;
    if (!best) {
      why[m.id] = "edit outside any procedural statement or continuous assignment";
      continue;
    }
    if (best->kind == Kind::Expr && (m.bug_class == "SIGN" || m.bug_class == "STUCK")) {
      why[m.id] = "may change signedness inside a ?: arm";
      continue;
    }
    if (best->file->text.compare(b, m.original.size(), m.original) != 0) {
      why[m.id] = "stale edit";
      continue;
    }
    best->mutants.push_back(&m);
  }
  return why;
}

bool overlaps(const Region& a, const Region& b) {
  return a.file == b.file && a.begin < b.end && b.begin < a.end;
}

// Drops arms that break nesting: a region partly overlapping an earlier one, an edit cutting
// through a region inside its own. Returns the active regions, outermost first.
std::vector<Region*> make_laminar(std::vector<Region>& regions, std::map<std::uint32_t, std::string>& why) {
  std::vector<Region*> active;
  for (auto& r : regions)
    if (!r.mutants.empty()) active.push_back(&r);
  std::sort(active.begin(), active.end(), [](const Region* a, const Region* b) {
    return std::tie(a->file->rel, a->begin, b->end) < std::tie(b->file->rel, b->begin, a->end);
  });
  std::vector<Region*> kept;
  for (Region* r : active) {
    const bool crosses = std::any_of(kept.begin(), kept.end(), [&](const Region* k) {
      return overlaps(*k, *r) && !k->contains(r->begin, r->end) && !r->contains(k->begin, k->end);
    });
    if (!crosses) {
      kept.push_back(r);
      continue;
    }
    for (const Mutant* m : r->mutants) why[m->id] = "site overlaps another site";
    r->mutants.clear();
  }
  for (Region* r : kept) {
    std::erase_if(r->mutants, [&](const Mutant* m) {
      const std::size_t b = m->offset, e = m->offset + m->original.size();
      for (const Region* q : kept) {
        if (q == r || !r->contains(q->begin, q->end) || !(q->begin < e && b < q->end)) continue;
        if (b <= q->begin && q->end <= e) continue;  // the edit removes the inner site whole
        why[m->id] = "edit cuts through a nested site";
        return true;
      }
      return false;
    });
  }
  std::erase_if(kept, [](const Region* r) { return r->mutants.empty(); });
  return kept;
}

// Links each kept region to the kept regions directly inside it; returns the top-level ones.
std::vector<Region*> build_tree(const std::vector<Region*>& kept) {
  std::vector<Region*> top, stack;
  for (Region* r : kept) {  // outermost first within a file
    while (!stack.empty() && !(stack.back()->file == r->file && stack.back()->contains(r->begin, r->end)))
      stack.pop_back();
    (stack.empty() ? top : stack.back()->children).push_back(r);
    stack.push_back(r);
  }
  return top;
}

std::string selector_decl() {
  return " integer bf_mut_sel; initial if (!$value$plusargs(\"bf_mutant=%d\", bf_mut_sel)) bf_mut_sel = 0;";
}

// An arm's bytes [begin, end) in the text being rendered.
struct ArmBytes {
  std::uint32_t mutant;
  std::size_t begin, end;
};
using Arms = std::vector<ArmBytes>;

// Appends `text` (with its arms, relative to it) to `out` (with its arms).
void append(std::string& out, Arms& arms, const std::string& text, const Arms& text_arms) {
  for (const auto& a : text_arms) arms.push_back({a.mutant, out.size() + a.begin, out.size() + a.end});
  out += text;
}

std::string render_region(const Region& r, Arms& arms);

// Bytes [b, e) of `f` with child regions rendered, insertions made and (optionally) one edit;
// the arms of the rendered children go to `arms`, relative to the result.
std::string render_range(const SrcFile& f, std::size_t b, std::size_t e, const std::vector<Region*>& children,
                         const Mutant* edit, const std::set<std::size_t>& inserts, Arms& arms) {
  struct Piece {
    std::size_t begin, end;
    std::string text;
    Arms arms;
  };
  std::vector<Piece> pieces;
  const std::size_t eb = edit ? edit->offset : npos, ee = edit ? edit->offset + edit->original.size() : npos;
  if (edit) pieces.push_back({eb, ee, edit->replacement, {}});
  for (const Region* c : children) {
    if (edit && eb <= c->begin && c->end <= ee) continue;
    Piece p{c->begin, c->end, "", {}};
    p.text = render_region(*c, p.arms);
    pieces.push_back(std::move(p));
  }
  for (std::size_t at : inserts)
    if (b <= at && at <= e) pieces.push_back({at, at, selector_decl(), {}});
  std::sort(pieces.begin(), pieces.end(), [](const Piece& x, const Piece& y) { return x.begin < y.begin; });
  std::string out;
  std::size_t pos = b;
  for (const auto& p : pieces) {
    out.append(f.text, pos, p.begin - pos);
    append(out, arms, p.text, p.arms);
    pos = p.end;
  }
  out.append(f.text, pos, e - pos);
  return out;
}

// Arms are chained `?:`/`if-else`s ending in the original; each arm's wrapper and text is
// recorded in `arms`, as are the arms of regions nested in the original arm (relative to the result).
std::string render_region(const Region& r, Arms& arms) {
  const bool stmt = r.kind == Kind::Stmt, cond = r.kind == Kind::Cond;
  std::string out = stmt ? "" : "(";
  for (const Mutant* m : r.mutants) {
    // Inside a mutated arm the selector equals m, so every nested arm would be dead: the nested
    // regions stay plain original text. This keeps the schema linear in the number of mutants
    // (copying nested arms into every outer arm multiplies them) and blames errors there on m.
    Arms none;  // no nested arms: see above
    const std::string arm = render_range(*r.file, r.begin, r.end, {}, m, {}, none);
    const std::string sel = fmt::format("(bf_mut_sel == 32'd{})", m->id);
    const std::size_t begin = out.size();
    out += stmt ? fmt::format("if {} begin ", sel) : sel + (cond ? " ? |" : " ? (");
    out += arm;
    out += stmt ? " end" : cond ? "" : ")";
    arms.push_back({m->id, begin, out.size()});
    out += stmt ? " else " : " : ";
  }
  Arms orig_arms;
  const std::string orig = render_range(*r.file, r.begin, r.end, r.children, nullptr, {}, orig_arms);
  out += stmt ? "begin " : cond ? "|" : "(";
  append(out, arms, orig, orig_arms);
  return out + (stmt ? " end" : cond ? ")" : "))");
}

// 1-based line and byte column of offset `off`, given the text's line starts.
std::pair<std::size_t, std::size_t> line_col(const std::vector<std::size_t>& line_starts, std::size_t off) {
  const auto it = std::upper_bound(line_starts.begin(), line_starts.end(), off);
  const std::size_t line = static_cast<std::size_t>(it - line_starts.begin());
  return {line, off - line_starts[line - 1] + 1};
}

std::vector<std::size_t> line_starts(const std::string& text) {
  std::vector<std::size_t> out = {0};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') out.push_back(i + 1);
  return out;
}

// Records `arms` of override `index` by line and column.
void add_arms(Schema& s, std::size_t index, const Arms& arms) {
  const auto starts = line_starts(s.overrides[index].second);
  for (const auto& a : arms) {
    const auto [l0, c0] = line_col(starts, a.begin);
    const auto [l1, c1] = line_col(starts, a.end - 1);
    s.arms.push_back({a.mutant, index, l0, c0, l1, c1});
  }
}

// Whether `a` holds line:col (col 0: touches the line).
bool holds(const SchemaArm& a, std::size_t line, std::size_t col) {
  if (line < a.first_line || line > a.last_line) return false;
  if (col == 0) return true;
  return std::make_pair(a.first_line, a.first_col) <= std::make_pair(line, col) &&
         std::make_pair(line, col) <= std::make_pair(a.last_line, a.last_col);
}

// Whether `inner` lies inside `outer` (and is not the same arm).
bool nested(const SchemaArm& inner, const SchemaArm& outer) {
  return &inner != &outer &&
         std::make_pair(outer.first_line, outer.first_col) <=
             std::make_pair(inner.first_line, inner.first_col) &&
         std::make_pair(inner.last_line, inner.last_col) <= std::make_pair(outer.last_line, outer.last_col);
}

}  // namespace

std::vector<std::uint32_t> mutants_at(const Schema& s, const std::string& path, std::size_t line,
                                      std::size_t col) {
  std::vector<const SchemaArm*> hits;
  for (const auto& a : s.arms) {
    const std::string& p = s.overrides.at(a.override_index).first;
    if (path.size() >= p.size() && path.compare(path.size() - p.size(), p.size(), p) == 0 &&
        holds(a, line, col))
      hits.push_back(&a);
  }
  std::vector<std::uint32_t> out;
  for (const SchemaArm* a : hits)
    if (std::none_of(hits.begin(), hits.end(), [&](const SchemaArm* b) { return nested(*b, *a); }))
      out.push_back(a->mutant);
  return out;
}

std::string schema_plusarg(std::uint32_t id) {
  return fmt::format("+bf_mutant={}", id);
}

Schema make_rtl_schema(const Design& d, const std::vector<Mutant>& mutants) {
  const VlAst ast = read_design_ast(d);
  const RtlContext cx(d, ast);
  std::vector<Region> regions = RegionFinder(cx).find();
  auto why = assign(regions, mutants);
  const std::vector<Region*> kept = make_laminar(regions, why);
  const std::vector<Region*> top = build_tree(kept);
  Schema s;
  std::map<const SrcFile*, std::pair<std::vector<Region*>, std::set<std::size_t>>> files;
  for (Region* r : top) files[r->file].first.push_back(r);
  for (const Region* r : kept) files[r->file].second.insert(r->module_insert);
  for (const auto& [f, parts] : files) {
    const std::string path = (fs::absolute(d.dir) / f->rel).lexically_normal().string();
    Arms arms;
    s.overrides.emplace_back(path,
                             render_range(*f, 0, f->text.size(), parts.first, nullptr, parts.second, arms));
    add_arms(s, s.overrides.size() - 1, arms);
  }
  for (const Region* r : kept) {
    ++s.sites;
    for (const Mutant* m : r->mutants) s.included.push_back(m->id);
  }
  std::sort(s.included.begin(), s.included.end());
  for (const auto& [id, reason] : why) {
    s.excluded.push_back(id);
    s.excluded_why.push_back(reason);
  }
  return s;
}

}  // namespace bf::mutators
