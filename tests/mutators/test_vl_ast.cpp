// bugforge tests — Verilator AST readers (XML and JSON), Verilator errors, the odd-design corpus
// and a corpus of truncated/garbled dumps (a bf::Error or a tree, never a crash).
#include <catch2/catch.hpp>

#include <set>

#include "bugforge/core/diagnostic.h"
#include "bugforge/mutators/rtl.h"
#include "bugforge/mutators/vl_ast.h"
#include "rtl_test_util.h"

using namespace bf::mutators;

namespace {

const std::string kXml = R"(<?xml version="1.0" ?>
<verilator_xml>
  <files>
    <file id="a" filename="&lt;built-in&gt;" language="1800-2017"/>
    <file id="c" filename="t.v" language="1800-2017"/>
  </files>
  <netlist>
    <module loc="c,1,8,1,9" name="t" origName="t" topModule="1">
      <var loc="c,1,23,1,24" name="a" dtype_id="1" dir="input" vartype="logic" origName="a"/>
      <contassign loc="c,2,12,2,13" dtype_id="1">
        <add loc="c,2,16,2,17" dtype_id="1">
          <varref loc="c,2,14,2,15" name="a" dtype_id="1"/>
          <const loc="c,2,18,2,19" name="8'h1" dtype_id="1"/>
        </add>
        <varref loc="c,2,10,2,11" name="y" dtype_id="1"/>
      </contassign>
    </module>
    <typetable loc="a,0,0,0,0">
      <basicdtype loc="c,1,13,1,14" id="1" name="logic" left="7" right="0"/>
    </typetable>
  </netlist>
</verilator_xml>
)";

// Shaped like Verilator's --json-only output (tree + meta).
const std::string kJsonTree = R"J({"type":"NETLIST","name":"$root","addr":"(B)","loc":"a,0:0,0:0","modulesp":[
 {"type":"MODULE","name":"t","addr":"(E)","loc":"c,1:8,1:9","origName":"t","stmtsp":[
  {"type":"VAR","name":"a","addr":"(F)","loc":"c,1:23,1:24","dtypep":"(G)","origName":"a","direction":"INPUT","varType":"PORT","childDTypep":[],"valuep":[]},
  {"type":"IF","name":"","addr":"(H)","loc":"c,3,3,3,5","condp":[{"type":"VARREF","name":"a","addr":"(I)","loc":"c,3:7,3:8","dtypep":"(G)"}],
   "thensp":[{"type":"ASSIGNDLY","name":"","addr":"(J)","loc":"c,4:7,4:9","dtypep":"(G)",
     "rhsp":[{"type":"ADD","name":"","addr":"(K)","loc":"c,4:12,4:13","dtypep":"(G)",
       "lhsp":[{"type":"VARREF","name":"a","addr":"(L)","loc":"c,4:10,4:11","dtypep":"(G)"}],
       "rhsp":[{"type":"CONST","name":"8'h1","addr":"(M)","loc":"c,4:14,4:15","dtypep":"(G)"}]}],
     "lhsp":[{"type":"VARREF","name":"y","addr":"(N)","loc":"c,4:5,4:6","dtypep":"(G)"}]}],
   "elsesp":[]}]}],
 "miscsp":[{"type":"TYPETABLE","name":"","addr":"(C)","loc":"a,0:0,0:0","typesp":[
  {"type":"BASICDTYPE","name":"logic","addr":"(G)","loc":"c,1:13,1:14","keyword":"logic","range":"7:0","left":7,"right":0}]}]})J";
const std::string kJsonMeta = R"J({"files":{"a":{"filename":"<built-in>","realpath":"<built-in>","language":"1800-2023"},
 "c":{"filename":"t.v","realpath":"/x/t.v","language":"1800-2023"}}})J";

const VlNode* find_type(const VlNode& n, const std::string& type) {
  if (n.type == type) return &n;
  for (const auto& c : n.children)
    if (const VlNode* f = find_type(c, type)) return f;
  return nullptr;
}

}  // namespace

TEST_CASE("XML reader keeps types, locations, attributes, operand order and files", "[mutators][vlast]") {
  const VlAst ast = parse_vl_xml(kXml, "t.xml");
  CHECK(ast.format == "xml");
  CHECK(ast.files.at("c") == "t.v");
  const VlNode* add = find_type(ast.netlist, "add");
  REQUIRE(add);
  CHECK(add->loc.file == "c");
  CHECK(add->loc.first_line == 2);
  CHECK(add->loc.first_col == 16);
  CHECK(add->loc.last_col == 17);
  REQUIRE(add->children.size() == 2);
  CHECK(add->children[0].type == "varref");
  CHECK(add->children[1].attr("name") == "8'h1");
  const VlNode* dt = ast.dtype("1");
  REQUIRE(dt);
  CHECK(dt->attr("left") == "7");
}

TEST_CASE("JSON reader normalises to the XML shape", "[mutators][vlast]") {
  const VlAst ast = parse_vl_json(kJsonTree, kJsonMeta, "t.tree.json");
  CHECK(ast.format == "json");
  CHECK(ast.files.at("c") == "t.v");
  const VlNode* var = find_type(ast.netlist, "var");
  REQUIRE(var);
  CHECK(var->attr("dir") == "input");
  CHECK(var->attr("dtype_id") == "(G)");
  REQUIRE(ast.dtype("(G)"));
  CHECK(ast.dtype("(G)")->attr("left") == "7");
  const VlNode* iff = find_type(ast.netlist, "if");
  REQUIRE(iff);
  REQUIRE(iff->children.size() == 2);  // condition + then-block; empty else left out
  CHECK(iff->children[1].type == "begin");
  CHECK_FALSE(iff->loc.valid());  // "c,3,3,3,5" is not JSON's loc shape: treated as absent
  const VlNode* asg = find_type(ast.netlist, "assigndly");
  REQUIRE(asg);
  REQUIRE(asg->children.size() == 2);
  CHECK(asg->children[0].type == "add");  // rhs first, like XML
  CHECK(asg->children[1].attr("name") == "y");
  CHECK(asg->children[0].loc.first_col == 12);
}

TEST_CASE("Truncated and garbled dumps give bf::Error or a tree, never a crash", "[mutators][vlast][fuzz]") {
  std::size_t errors = 0, trees = 0;
  const auto feed = [&](auto&& parse) {
    try {
      parse();
      ++trees;
    } catch (const bf::Error& e) {
      CHECK(e.diagnostic().code.rfind("BF-VLAST-", 0) == 0);
      ++errors;
    }
  };
  for (std::size_t cut = 0; cut < kXml.size(); cut += 7) {
    feed([&] { parse_vl_xml(kXml.substr(0, cut), "cut.xml"); });
    std::string g = kXml;
    g[cut] = static_cast<char>(g[cut] ^ 0x5a);
    feed([&] { parse_vl_xml(g, "garbled.xml"); });
  }
  for (std::size_t cut = 0; cut < kJsonTree.size(); cut += 7) {
    feed([&] { parse_vl_json(kJsonTree.substr(0, cut), kJsonMeta, "cut.json"); });
    std::string g = kJsonTree;
    g[cut] = static_cast<char>(g[cut] ^ 0x21);
    feed([&] { parse_vl_json(g, kJsonMeta, "garbled.json"); });
  }
  feed([&] { parse_vl_xml(std::string(5000, '<'), "deep.xml"); });
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<add loc=\"c,1,1,1,2\">";
  std::string closers;
  for (int i = 0; i < 5000; ++i) closers += "</add>";
  CHECK_THROWS_AS(parse_vl_xml("<verilator_xml><netlist>" + deep + closers + "</netlist></verilator_xml>", "deep.xml"),
                  bf::Error);
  CHECK(errors > 10);
  CHECK(trees > 0);
}

TEST_CASE("Verilator errors name the file and line", "[mutators][vlast]") {
  const bf::Design d = bf::test::scratch_design("module t(input a;\nendmodule\n", "t");
  try {
    read_design_ast(d);
    FAIL("a syntax error was accepted");
  } catch (const bf::Error& e) {
    CHECK(e.diagnostic().code == "BF-VLAST-010");
    CHECK(e.diagnostic().loc.file.find("t.v") != std::string::npos);
    CHECK(e.diagnostic().loc.line == 1);
  }
  const bf::Design junk = bf::test::scratch_design(std::string("\x7f\x45LF\x01\x00garbage", 12), "t");
  CHECK_THROWS_AS(read_design_ast(junk), bf::Error);
}

TEST_CASE("The odd-Verilog corpus mutates in every class, deterministically", "[mutators][rtl][corpus]") {
  const bf::Design d = bf::load_design(std::string(BUGFORGE_SOURCE_DIR) + "/tests/data/verilog_odd");
  const VlAst ast = read_design_ast(d);
  const auto all = rtl_candidates(d, ast, {});
  std::set<std::string> classes;
  for (const auto& m : all) classes.insert(m.bug_class);
  CHECK(classes.size() >= 12);
  // Every candidate is anchored: its file holds `original` at `offset`.
  for (const auto& m : all) {
    std::ifstream in(std::filesystem::path(d.dir) / m.file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    INFO(m.bug_class << " " << m.description << " at " << m.file << ":" << m.line);
    CHECK(text.compare(m.offset, m.original.size(), m.original) == 0);
  }
  RtlMutateOptions opt;
  opt.seed = 7;
  opt.cap_per_class = 3;
  opt.limit = 25;
  const auto a = sample_mutants(all, opt), b = sample_mutants(all, opt);
  REQUIRE(a.size() == 25);
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].id == i + 1);
    CHECK(a[i].offset == b[i].offset);
    CHECK(a[i].replacement == b[i].replacement);
  }
  opt.seed = 8;
  const auto c = sample_mutants(all, opt);
  bool differs = false;
  for (std::size_t i = 0; i < c.size(); ++i) differs |= c[i].offset != a[i].offset || c[i].replacement != a[i].replacement;
  CHECK(differs);
}
