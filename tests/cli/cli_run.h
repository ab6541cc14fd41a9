// Test helper for the end-to-end CLI tests: run a shell command line and collect its output.
#pragma once

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace bf::test {

struct CliRun {
  int status = -1;  // exit status; -1 when killed by a signal
  std::string out;  // what the command line wrote to stdout (redirect stderr in `cmd` to get it too)
};

inline CliRun run_shell(const std::string& cmd) {
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::array<char, 4096> buf{};
  for (std::size_t n; (n = fread(buf.data(), 1, buf.size(), p)) > 0;) r.out.append(buf.data(), n);
  const int w = pclose(p);
  r.status = WIFEXITED(w) ? WEXITSTATUS(w) : -1;
  return r;
}

// The bugforge binary under test (CTest sets BUGFORGE_BIN).
inline std::string bugforge_bin() {
  const char* bin = std::getenv("BUGFORGE_BIN");
  REQUIRE(bin);
  return bin;
}

}  // namespace bf::test
