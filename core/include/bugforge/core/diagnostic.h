// bugforge core — diagnostics as data.
//
// A Diagnostic carries a stable code (e.g. "BF-TOML-002"), a severity, a source location and a
// message a person can act on. Errors that stop an operation are thrown as bf::Error, which
// carries the Diagnostic so callers can report it, store it or turn it into JSON.
#pragma once

#include <stdexcept>
#include <string>

namespace bf {

struct SourceLoc {
  std::string file;
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based; 0 = unknown
};

struct SourceSpan {
  std::string file;
  std::size_t offset = 0;  // byte offset of the first byte
  std::size_t length = 0;  // bytes
  int line = 0;            // 1-based line of the first byte
  int column = 0;          // 1-based column of the first byte
};

enum class Severity { Note, Warning, Error };

struct Diagnostic {
  std::string code;  // stable, e.g. "BF-TOML-002"
  Severity severity = Severity::Error;
  SourceLoc loc;
  std::string message;

  // "file:line:col: error[CODE]: message" (parts that are unknown are left out).
  std::string format() const;
};

const char* severity_name(Severity s);

class Error : public std::runtime_error {
 public:
  explicit Error(Diagnostic d);
  Error(std::string code, std::string message, SourceLoc loc = {});
  const Diagnostic& diagnostic() const { return diag_; }

 private:
  Diagnostic diag_;
};

}  // namespace bf
