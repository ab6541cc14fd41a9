// bugforge core — whole-file text I/O, one place for every stage.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace bf {

// The file's bytes. Throws bf::Error BF-IO-001 naming the file when it cannot be read.
std::string read_text(const std::filesystem::path& p);

// Writes `text` (creating parent folders). Throws bf::Error BF-IO-002 naming the file on failure.
void write_text(const std::filesystem::path& p, const std::string& text);

// A scratch folder, the one helper every stage makes them with: the folder `requested` when one is
// given (created if missing, never removed), else a fresh `<temp>/<prefix>-XXXXXX` removed on
// destruction unless keep() was called. Throws bf::Error BF-IO-003 when it cannot be made.
class ScratchDir {
 public:
  explicit ScratchDir(std::string_view prefix, const std::string& requested = {});
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }
  void keep() { owned_ = false; }

 private:
  std::string path_;
  bool owned_ = false;
};

}  // namespace bf
