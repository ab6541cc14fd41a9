// bugforge core — whole-file text I/O, one place for every stage.
#pragma once

#include <filesystem>
#include <string>

namespace bf {

// The file's bytes. Throws bf::Error BF-IO-001 naming the file when it cannot be read.
std::string read_text(const std::filesystem::path& p);

// Writes `text` (creating parent folders). Throws bf::Error BF-IO-002 naming the file on failure.
void write_text(const std::filesystem::path& p, const std::string& text);

}  // namespace bf
