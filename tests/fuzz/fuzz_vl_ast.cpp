// bugforge fuzz — libFuzzer target for the Verilator AST readers (XML and JSON).
//
// The first byte picks the reader; for JSON the rest is split at the first NUL into tree and meta.
// Any bf::Error is an accepted outcome; anything else (crash, other exception) is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bugforge/core/diagnostic.h"
#include "bugforge/mutators/vl_ast.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    if (data[0] & 1) {
      const auto nul = in.find('\0');
      const std::string_view tree = in.substr(0, nul);
      const std::string_view meta = nul == std::string_view::npos ? std::string_view("{}") : in.substr(nul + 1);
      bf::mutators::parse_vl_json(tree, meta, "fuzz.json");
    } else {
      bf::mutators::parse_vl_xml(in, "fuzz.xml");
    }
  } catch (const bf::Error&) {
  }
  return 0;
}
