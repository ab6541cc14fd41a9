// Tests for the libclang front end: exact spans, macro handling, constant contexts.
#include <catch2/catch.hpp>

#include "hls_test_util.h"

using namespace bf::mutators::hls;

namespace {

int find_node(const Unit& u, NodeKind k, const std::string& text) {
  for (int i = 0; i < static_cast<int>(u.nodes().size()); ++i)
    if (u.node(i).kind == k && u.node(i).located && u.source(u.node(i)) == text) return i;
  return -1;
}

}  // namespace

TEST_CASE("hls unit: spans are exact and operators are located", "[mutators][hls]") {
  const std::string code = "int f(int a, int b) {\n  return a * 3 + b;\n}\n";
  const Unit u = bf::test::parse_hls(code);
  CHECK(u.errors().empty());
  const int add = find_node(u, NodeKind::BinOp, "a * 3 + b");
  REQUIRE(add >= 0);
  CHECK(u.node(add).op == "+");
  REQUIRE(u.node(add).op_offset);
  CHECK(code.substr(*u.node(add).op_offset, 1) == "+");
  CHECK(u.node(add).line == 2);
}

TEST_CASE("hls unit: a literal behind an object-like macro maps to its #define", "[mutators][hls]") {
  const std::string code = "#define N 8\nint f(int i) { return i < N; }\n";
  const Unit u = bf::test::parse_hls(code);
  int lit = -1;
  for (int i = 0; i < static_cast<int>(u.nodes().size()); ++i)
    if (u.node(i).kind == NodeKind::IntLit) lit = i;
  REQUIRE(lit >= 0);
  REQUIRE(u.node(lit).op_offset);
  CHECK(*u.node(lit).op_offset == code.find('8'));
  CHECK_FALSE(u.node(lit).located);  // the node itself is the macro use: no whole-node edits
}

TEST_CASE("hls unit: nodes inside function-like macro expansions are not located", "[mutators][hls]") {
  const std::string code = "#define ADD(x, y) x + y\nint f(int a, int b) { return ADD(a, b) * 2; }\n";
  const Unit u = bf::test::parse_hls(code);
  for (const Node& n : u.nodes()) {
    if (n.kind == NodeKind::BinOp && n.op == "+") FAIL("the '+' of the macro body must not be located");
    if (n.kind == NodeKind::BinOp && n.op == "*") CHECK(u.source(n) == "ADD(a, b) * 2");
  }
}

TEST_CASE("hls unit: template arguments and array sizes are constant contexts", "[mutators][hls]") {
  const std::string code =
      "#include \"hls_min.h\"\nvoid f() {\n  ap_int<12> x = 5;\n  int a[7];\n  a[0] = x.v;\n}\n";
  const Unit u = bf::test::parse_hls(code);
  for (int i = 0; i < static_cast<int>(u.nodes().size()); ++i) {
    const Node& n = u.node(i);
    if (n.kind != NodeKind::IntLit || !n.value) continue;
    if (*n.value == 12 || *n.value == 7) CHECK(u.constant_context(i));
    if (*n.value == 5 || *n.value == 0) CHECK_FALSE(u.constant_context(i));
  }
}

TEST_CASE("hls unit: sites in included headers are not part of the unit", "[mutators][hls]") {
  const Unit u = bf::test::parse_hls("#include \"hls_min.h\"\nint g;\n");
  for (const Node& n : u.nodes()) CHECK(n.name != "ap_int");
}

TEST_CASE("hls unit: a reparse with a new text gives what a fresh parse of that text gives",
          "[mutators][hls]") {
  const std::string path = bf::test::hls_data_dir() + "/inline.cpp";
  const std::vector<std::string> texts = {
      "#include \"ap_int.h\"\nint f(ap_int<8> a) {\n#pragma HLS inline\n  return a * 3;\n}\n",
      "#include \"ap_int.h\"\nint f(ap_int<8> a) {\n#pragma HLS pipeline II=2\n  return a + 3 - a;\n}\n",
      "#include \"ap_int.h\"\nint f(ap_int<8> a) {\n  return a < 3 ? undeclared : 1;\n}\n",  // an error too
  };
  Reparser p(path, {});
  for (const auto& text : texts) {
    const Unit again = p.parse(text);
    const Unit fresh = Unit::parse(path, {}, text);
    CHECK(again.text() == text);
    CHECK(again.errors() == fresh.errors());
    REQUIRE(again.nodes().size() == fresh.nodes().size());
    for (std::size_t i = 0; i < fresh.nodes().size(); ++i) {
      INFO(i);
      CHECK(again.nodes()[i].kind == fresh.nodes()[i].kind);
      CHECK(again.nodes()[i].begin == fresh.nodes()[i].begin);
      CHECK(again.nodes()[i].end == fresh.nodes()[i].end);
    }
    CHECK(again.tokens().size() == fresh.tokens().size());
  }
}
