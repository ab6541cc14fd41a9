// bugforge mutators — STRM: stream misuse.
//
// Algorithm: every `s.read()`, `s.read(x)` and `s.write(v)` on an hls::stream in a function body
// is performed twice in one expression (one read or write too many per iteration); a read is
// also redirected to another stream of the same type in the function that this function writes
// (a read nobody feeds: it deadlocks or drains the wrong FIFO).
#include <map>

#include "sites.h"

namespace bf::mutators::hls {

namespace {

struct StreamCall {
  int call;
  int object;  // the stream expression (stripped)
  std::string method;
};

std::vector<StreamCall> stream_calls(const Unit& u) {
  std::vector<StreamCall> out;
  for (int c : body_nodes(u, NodeKind::Call)) {
    const Node& n = u.node(c);
    if ((n.name != "read" && n.name != "write") || n.children.empty()) continue;
    const int member = strip(u, n.children.front());
    if (u.node(member).kind != NodeKind::Member || u.node(member).children.empty()) continue;
    const int obj = strip(u, u.node(member).children.front());
    if (is_stream_type(u.node(obj).type) && n.located && u.node(obj).located) out.push_back({c, obj, n.name});
  }
  return out;
}

}  // namespace

std::vector<Edit> generate_strm(const Source& src) {
  const Unit& u = src.unit;
  std::vector<Edit> out;
  const auto calls = stream_calls(u);
  for (const StreamCall& sc : calls) {
    const std::string text(u.source(u.node(sc.call)));
    if (const auto e = replace_node(u, sc.call, "(" + text + ", " + text + ")", schema_site(u, sc.call)))
      out.push_back(*e);
    if (sc.method != "read") continue;
    const int fn = u.ancestor(sc.call, NodeKind::Function);
    const int mine = named_decl(u, sc.object);
    for (const StreamCall& other : calls) {
      const int theirs = named_decl(u, other.object);
      if (other.method != "write" || theirs < 0 || theirs == mine ||
          u.ancestor(other.call, NodeKind::Function) != fn)
        continue;
      if (u.node(theirs).type != u.node(mine < 0 ? theirs : mine).type) continue;
      if (const auto e = replace_node(u, sc.object, u.node(theirs).name, schema_site(u, sc.call)))
        out.push_back(*e);
      break;
    }
  }
  return out;
}

BF_HLS_CLASS(STRM, 10, Simulation, "stream misuse", generate_strm);

}  // namespace bf::mutators::hls
