// bugforge core — whole-file text I/O (see io.h).
#include "bugforge/core/io.h"

#include <iostream>

#include <stdlib.h>

#include <fstream>
#include <sstream>

#include "bugforge/core/diagnostic.h"

namespace bf {

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
  if (p == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
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

ScratchDir::ScratchDir(std::string_view prefix, const std::string& requested) {
  if (!requested.empty()) {
    std::error_code ec;
    fs::create_directories(requested, ec);
    if (!fs::is_directory(requested))
      throw Error("BF-IO-003", "expected to create a scratch folder", SourceLoc{requested});
    path_ = requested;
    return;
  }
  std::string tmpl = (fs::temp_directory_path() / (std::string(prefix) + "-XXXXXX")).string();
  if (!mkdtemp(tmpl.data())) throw Error("BF-IO-003", "expected to create a scratch folder", SourceLoc{tmpl});
  path_ = tmpl;
  owned_ = true;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  if (owned_) fs::remove_all(path_, ec);
}

}  // namespace bf
