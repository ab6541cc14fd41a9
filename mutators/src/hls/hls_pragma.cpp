// bugforge mutators — `#pragma HLS` model (see hls_pragma.h for the algorithm).
#include "bugforge/mutators/hls_pragma.h"

#include <algorithm>
#include <cctype>

#include "sites.h"

namespace bf::mutators::hls {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Splits the text after `#pragma HLS` into words, joining `key = value` into one option.
std::vector<PragmaWord> split_words(const std::string& text, std::size_t base) {
  std::vector<std::pair<std::string, std::size_t>> raw;
  std::size_t i = 0;
  while (i < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[i])) || text[i] == '\\') {
      ++i;
      continue;
    }
    if (text[i] == '=') {
      raw.push_back({"=", base + i++});
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != '=') ++i;
    raw.push_back({text.substr(start, i - start), base + start});
  }
  std::vector<PragmaWord> out;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    if (k + 2 < raw.size() && raw[k + 1].first == "=") {
      out.push_back({lower(raw[k].first), raw[k + 2].first, raw[k].second, raw[k + 2].second});
      k += 2;
    } else if (raw[k].first != "=") {
      out.push_back({"", raw[k].first, raw[k].second, raw[k].second});
    }
  }
  return out;
}

bool is_loop(NodeKind k) {
  return k == NodeKind::For || k == NodeKind::While || k == NodeKind::Do;
}

// Innermost node of kind k (a Function, or a Compound) whose extent holds `offset`.
int innermost(const Unit& u, NodeKind k, std::size_t offset) {
  int best = -1;
  for (int i = 0; i < static_cast<int>(u.nodes().size()); ++i) {
    const Node& n = u.node(i);
    if (n.kind != k || !n.located || offset < n.begin || offset >= n.end) continue;
    if (best < 0 || n.begin >= u.node(best).begin) best = i;
  }
  return best;
}

int find_variable(const Unit& u, int fn, const std::string& name) {
  if (name.empty()) return -1;
  int global = -1;
  for (int i = 0; i < static_cast<int>(u.nodes().size()); ++i) {
    const Node& n = u.node(i);
    if ((n.kind != NodeKind::Var && n.kind != NodeKind::Param && n.kind != NodeKind::Field) || n.name != name)
      continue;
    if (fn >= 0 && u.inside(i, fn)) return i;
    if (u.ancestor(i, NodeKind::Function) < 0) global = i;
  }
  return global;
}

Pragma read_pragma(const Unit& u, std::size_t hash) {
  Pragma p;
  p.begin = u.tokens()[hash].offset;
  std::size_t end = p.begin;
  while (end < u.text().size() && u.text()[end] != '\n') {
    if (u.text()[end] == '\\' && end + 1 < u.text().size() && u.text()[end + 1] == '\n') ++end;
    ++end;
  }
  p.end = end;
  p.line = u.line_of(p.begin);
  const std::size_t body = u.tokens()[hash + 2].offset + u.tokens()[hash + 2].text.size();
  p.words = split_words(std::string(u.slice(body, end)), body);
  if (!p.words.empty() && p.words.front().key.empty()) {
    p.directive = lower(p.words.front().value);
    p.words.erase(p.words.begin());
  }
  return p;
}

void attach(const Unit& u, Pragma& p) {
  p.function = innermost(u, NodeKind::Function, p.begin);
  p.scope = innermost(u, NodeKind::Compound, p.begin);
  if (p.scope >= 0) {
    const int parent = u.node(p.scope).parent;
    if (parent >= 0 && is_loop(u.node(parent).kind)) p.loop = parent;
  }
  std::string name = p.get("variable");
  if (name.empty()) name = p.get("port");
  if (!name.empty()) {
    const PragmaWord* w = p.find("variable") ? p.find("variable") : p.find("port");
    p.variable = find_variable(u, p.function, w->value);
  }
}

std::optional<std::int64_t> trip_count(const Unit& u, const ForParts& fp) {
  if (fp.var < 0 || fp.cond < 0 || fp.inc < 0) return std::nullopt;
  const Node& var = u.node(fp.var);
  if (var.children.empty()) return std::nullopt;
  const Node& init = u.node(strip(u, var.children.back()));
  const Node& cond = u.node(strip(u, fp.cond));
  const Node& inc = u.node(strip(u, fp.inc));
  if (!init.value || cond.operands.size() != 2 || named_decl(u, cond.operands[0]) != fp.var)
    return std::nullopt;
  const Node& bound = u.node(strip(u, cond.operands[1]));
  if (!bound.value) return std::nullopt;
  std::int64_t step = 0;
  if (inc.kind == NodeKind::UnaryOp && inc.op == "++") step = 1;
  if (inc.kind == NodeKind::Assign && inc.op == "+=" && inc.operands.size() == 2)
    step = u.node(strip(u, inc.operands[1])).value.value_or(0);
  if (step <= 0) return std::nullopt;
  const std::int64_t span = *bound.value - *init.value + (cond.op == "<=" ? 1 : 0);
  if (cond.op != "<" && cond.op != "<=") return std::nullopt;
  return span <= 0 ? 0 : (span + step - 1) / step;
}

}  // namespace

const PragmaWord* Pragma::find(std::string_view key) const {
  for (const PragmaWord& w : words)
    if (w.key == key) return &w;
  return nullptr;
}

std::string Pragma::get(std::string_view key) const {
  const PragmaWord* w = find(key);
  return w ? lower(w->value) : "";
}

const PragmaWord* Pragma::choice(std::string_view key, const std::vector<std::string_view>& choices) const {
  if (const PragmaWord* w = find(key)) return w;
  for (const PragmaWord& w : words)
    if (w.key.empty() && std::find(choices.begin(), choices.end(), lower(w.value)) != choices.end())
      return &w;
  return nullptr;
}

std::optional<std::int64_t> Pragma::number(std::string_view key) const {
  const std::string v = get(key);
  if (v.empty() || !std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); }))
    return std::nullopt;
  return std::stoll(v);
}

int PragmaModel::loop_of(int node) const {
  for (std::size_t i = 0; i < loops.size(); ++i)
    if (loops[i].node == node) return static_cast<int>(i);
  return -1;
}

const Pragma* PragmaModel::loop_pragma(int loop, std::string_view directive) const {
  if (loop < 0) return nullptr;
  for (int p : loops[static_cast<std::size_t>(loop)].pragmas) {
    const Pragma& pr = pragmas[static_cast<std::size_t>(p)];
    const bool off =
        std::any_of(pr.words.begin(), pr.words.end(),
                    [](const PragmaWord& w) { return lower(w.value) == "off" && w.key.empty(); }) ||
        pr.get("off") == "true";
    if (pr.directive == directive && !off) return &pr;
  }
  return nullptr;
}

bool PragmaModel::pipelined(int loop) const {
  return loop_pragma(loop, "pipeline") != nullptr;
}

bool PragmaModel::fully_unrolled(int loop) const {
  const Pragma* p = loop_pragma(loop, "unroll");
  if (!p) return false;
  const auto factor = p->number("factor");
  const auto& trip = loops[static_cast<std::size_t>(loop)].trip;
  return !factor || (trip && *factor >= *trip);
}

bool PragmaModel::parallel(int loop) const {
  if (loop < 0) return false;
  if (loop_pragma(loop, "unroll")) return true;
  for (int p = loops[static_cast<std::size_t>(loop)].parent; p >= 0;
       p = loops[static_cast<std::size_t>(p)].parent)
    if (pipelined(p)) return true;
  return false;
}

PragmaModel build_pragma_model(const Unit& u) {
  PragmaModel m;
  for (int i = 0; i < static_cast<int>(u.nodes().size()); ++i) {
    const Node& n = u.node(i);
    if (!is_loop(n.kind)) continue;
    Loop l;
    l.node = i;
    if (!n.children.empty() && u.node(n.children.back()).kind == NodeKind::Compound)
      l.body = n.children.back();
    if (n.kind == NodeKind::Do && !n.children.empty() &&
        u.node(n.children.front()).kind == NodeKind::Compound)
      l.body = n.children.front();
    if (n.kind == NodeKind::For) {
      const ForParts fp = for_parts(u, i);
      l.var = fp.var;
      l.trip = trip_count(u, fp);
    }
    m.loops.push_back(std::move(l));
  }
  for (auto& l : m.loops) {
    for (int p = u.node(l.node).parent; p >= 0 && l.parent < 0; p = u.node(p).parent)
      if (is_loop(u.node(p).kind)) l.parent = m.loop_of(p);
  }
  const auto& toks = u.tokens();
  for (std::size_t t = 0; t + 2 < toks.size(); ++t) {
    if (toks[t].text != "#" || toks[t + 1].text != "pragma" || lower(toks[t + 2].text) != "hls") continue;
    Pragma p = read_pragma(u, t);
    attach(u, p);
    const int loop = m.loop_of(p.loop);
    if (loop >= 0)
      m.loops[static_cast<std::size_t>(loop)].pragmas.push_back(static_cast<int>(m.pragmas.size()));
    m.pragmas.push_back(std::move(p));
  }
  return m;
}

}  // namespace bf::mutators::hls
