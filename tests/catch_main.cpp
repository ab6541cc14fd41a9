// The one Catch2 main, compiled once and linked into every test executable.
//
// CTest runs every test case as its own process, many at once. Tests write scratch files under
// std::filesystem::temp_directory_path(); so that two processes never share a scratch path, each
// process points TMPDIR at a fresh directory of its own (children such as the bugforge CLI inherit
// it) and removes it on exit.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

int main(int argc, char* argv[]) {
  namespace fs = std::filesystem;
  std::string pattern = (fs::temp_directory_path() / "bf-test-XXXXXX").string();
  const char* dir = ::mkdtemp(pattern.data());
  if (dir != nullptr) ::setenv("TMPDIR", dir, 1);
  const int status = Catch::Session().run(argc, argv);
  if (dir != nullptr && std::getenv("BF_KEEP_TMP") == nullptr) {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  return status;
}
