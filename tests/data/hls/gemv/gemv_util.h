// Test design helper: one 8x8-bit product, in a sibling header so that tests can mutate a file
// that is reached only through #include.
#pragma once
#include <cstdint>

inline int32_t mul8(int8_t a, int8_t b) { return int32_t(a) * int32_t(b); }
