// bugforge core — formatting of diagnostics.
#include "bugforge/core/diagnostic.h"

#include <fmt/format.h>

namespace bf {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::string Diagnostic::format() const {
  std::string where;
  if (!loc.file.empty()) {
    where = loc.file;
    if (loc.line > 0) where += fmt::format(":{}", loc.line);
    if (loc.line > 0 && loc.column > 0) where += fmt::format(":{}", loc.column);
    where += ": ";
  }
  return fmt::format("{}{}[{}]: {}", where, severity_name(severity), code, message);
}

Error::Error(Diagnostic d) : std::runtime_error(d.format()), diag_(std::move(d)) {}

Error::Error(std::string code, std::string message, SourceLoc loc)
    : Error(Diagnostic{std::move(code), Severity::Error, std::move(loc), std::move(message)}) {}

}  // namespace bf
