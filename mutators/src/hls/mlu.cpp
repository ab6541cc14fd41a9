// bugforge mutators — MLU: manual loop-unroll error.
//
// Algorithm: a hand-unrolled body is a run of at least two consecutive statements of one block
// whose token sequences are equal once integer literals are masked, and whose literals differ.
// For each copy after the first, the mutant repeats the previous copy's offsets (a mis-offset,
// duplicated copy); the last copy is also dropped once (a missing copy; never run-time chosen).
#include "sites.h"

namespace bf::mutators::hls {

namespace {

struct Copy {
  int node;
  std::vector<std::size_t> tokens;  // token indices of the statement
  std::string shape;                // token texts, literals masked
};

Copy copy_of(const Unit& u, int s) {
  Copy c{s, {}, {}};
  const Node& n = u.node(s);
  for (std::size_t t = u.token_at(n.begin); t < u.tokens().size() && u.tokens()[t].offset < n.end; ++t) {
    c.tokens.push_back(t);
    c.shape += (u.tokens()[t].literal ? std::string("#") : u.tokens()[t].text) + " ";
  }
  return c;
}

void mis_offset(const Unit& u, const Copy& prev, const Copy& cur, std::vector<Edit>& out) {
  const Node& n = u.node(cur.node);
  std::string repl;
  std::size_t at = n.begin;
  for (std::size_t k = 0; k < cur.tokens.size(); ++k) {
    const Token& t = u.tokens()[cur.tokens[k]];
    repl += u.slice(at, t.offset);
    repl += t.literal ? u.tokens()[prev.tokens[k]].text : t.text;
    at = t.offset + t.text.size();
  }
  repl += u.slice(at, n.end);
  if (const auto e = replace_node(u, cur.node, repl, schema_site(u, cur.node))) out.push_back(*e);
}

void drop(const Unit& u, const Copy& last, std::vector<Edit>& out) {
  const Node& n = u.node(last.node);
  const std::size_t t = u.token_at(n.end);
  std::size_t end = n.end;
  if (t < u.tokens().size() && u.tokens()[t].text == ";" && u.tokens()[t].offset == n.end) end = n.end + 1;
  Edit e{n.begin, std::string(u.slice(n.begin, end)), "", "drop one unrolled copy", false};
  out.push_back(std::move(e));
}

void scan_block(const Unit& u, int block, std::vector<Edit>& out) {
  std::vector<Copy> run;
  auto flush = [&] {
    if (run.size() >= 2 && u.tokens()[run[0].tokens.front()].text != "}") {
      bool differ = false;
      for (std::size_t k = 1; k < run.size(); ++k)
        for (std::size_t t = 0; t < run[k].tokens.size(); ++t)
          differ = differ || u.tokens()[run[k].tokens[t]].text != u.tokens()[run[0].tokens[t]].text;
      if (differ) {
        for (std::size_t k = 1; k < run.size(); ++k) mis_offset(u, run[k - 1], run[k], out);
        drop(u, run.back(), out);
      }
    }
    run.clear();
  };
  for (int s : u.node(block).children) {
    if (!u.node(s).located) {
      flush();
      continue;
    }
    Copy c = copy_of(u, s);
    if (!run.empty() && run.back().shape != c.shape) flush();
    if (c.shape.find('#') == std::string::npos) {
      flush();
      continue;
    }
    run.push_back(std::move(c));
  }
  flush();
}

}  // namespace

std::vector<Edit> generate_mlu(const Source& src) {
  std::vector<Edit> out;
  for (int b : body_nodes(src.unit, NodeKind::Compound)) scan_block(src.unit, b, out);
  return out;
}

BF_HLS_CLASS(MLU, 6, Simulation, "manual loop-unroll error", generate_mlu);

}  // namespace bf::mutators::hls
