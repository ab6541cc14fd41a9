// bugforge core — whole-file text I/O (see io.h).
#include "bugforge/core/io.h"

#include <fstream>
#include <sstream>

#include "bugforge/core/diagnostic.h"

namespace bf {

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw Error("BF-IO-001", "expected a readable file", SourceLoc{p.string()});
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_text(const fs::path& p, const std::string& text) {
  if (p.has_parent_path()) fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
  if (!out) throw Error("BF-IO-002", "expected to write the file", SourceLoc{p.string()});
}

}  // namespace bf
