// bugforge mutators — Verilator's AST as plain data, read from `--xml-only` or `--json-only`.
//
// Algorithm: run Verilator on the design's sources (with -I dirs, top and -G parameters) asking
// for its AST dump; which dump is asked for is decided once by probing `verilator --help`
// (`--json-only` where listed, else `--xml-only`). Both readers normalise to one tree: lower-case
// node types ("add", "assigndly", "varref"), a `loc` (file id + 1-based line/byte-column range,
// end column exclusive), string attributes and children in Verilator's operand order
// (assignments: rhs then lhs; `if`: condition, then-block, else-block). The file table maps ids
// to the paths Verilator opened. Readers reject malformed input with bf::Error, never crash.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bugforge/core/design.h"
#include "bugforge/core/diagnostic.h"

namespace bf::mutators {

struct VlLoc {
  std::string file;    // Verilator's file id ("c", "d", ...)
  int first_line = 0;  // 1-based; 0 = no location
  int first_col = 0;   // 1-based byte column
  int last_line = 0;
  int last_col = 0;  // exclusive
  bool valid() const { return first_line > 0 && first_col > 0 && last_line >= first_line; }
};

struct VlNode {
  std::string type;  // lower-case Verilator node type
  VlLoc loc;
  std::map<std::string, std::string> attrs;  // "name", "dtype_id", "dir", "param", ...
  std::vector<VlNode> children;
  const std::string& attr(const std::string& key) const;  // "" when absent
};

struct VlAst {
  std::string format;                                // "xml" | "json"
  std::map<std::string, std::string> files;          // file id -> path as Verilator printed it
  VlNode netlist;                                    // children: modules, then the type table
  const VlNode* dtype(const std::string& id) const;  // nullptr when unknown
  std::map<std::string, const VlNode*> dtypes;       // filled by index_dtypes()
  void index_dtypes();
};

enum class VlAstFormat { Xml, Json };

// Parse a dump; `origin` names it in diagnostics. Throw bf::Error BF-VLAST-xxx on bad input.
VlAst parse_vl_xml(std::string_view text, const std::string& origin);
VlAst parse_vl_json(std::string_view tree, std::string_view meta, const std::string& origin);

// Which dump the installed Verilator writes (probes `verilator --help` once per process).
VlAstFormat probe_vl_ast_format();

// What Verilator is asked to read: sources, include folders, a top (empty: every module no one
// instantiates stays in the tree), -G parameters and further flags (e.g. `--timing`).
struct VlSources {
  std::vector<std::string> sources, include_dirs, flags;
  std::string top;
  std::vector<std::pair<std::string, std::string>> parameters;
};

// Runs Verilator on the sources in the sandbox and reads its AST. Errors as read_design_ast.
VlAst read_sources_ast(const VlSources& in);

// Runs Verilator on the design and reads its AST. A Verilator %Error becomes bf::Error
// BF-VLAST-010 naming Verilator's file and line and its message.
VlAst read_design_ast(const Design& d);

// The first "%Error: FILE:LINE:COL: MSG" of a Verilator log as a bf::Error (BF-VLAST-010).
Error verilator_log_error(const std::string& log);

}  // namespace bf::mutators
