// bugforge core — the catalogue of diagnostic codes.
//
// Every code bugforge raises (bf::Error, lint findings, stored symptoms) is one entry here: its
// meaning in one line and what the user should do. Codes have one shape, BF-<AREA>-NNN, and never
// change meaning once released; `bugforge explain CODE` prints the entry. A test scans the sources
// and fails when a raised code is missing here or an entry is raised nowhere.
#pragma once

#include <span>
#include <string_view>

namespace bf {

struct CodeInfo {
  std::string_view code;     // BF-<AREA>-NNN
  std::string_view meaning;  // what went wrong, one line
  std::string_view action;   // what to do about it
};

// Every entry, sorted by code.
std::span<const CodeInfo> code_catalogue();

// The entry of `code` (case-insensitive), or nullptr.
const CodeInfo* find_code(std::string_view code);

// True when `code` has the shape BF-<AREA>-NNN (AREA: capital letters).
bool well_formed_code(std::string_view code);

}  // namespace bf
