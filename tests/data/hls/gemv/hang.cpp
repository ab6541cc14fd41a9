// Test design: never returns (a volatile counter keeps the loop from being optimised away).
#include <cstdint>

void hang(const int8_t A[32], const int8_t x[8], int32_t y[4]) {
  for (volatile int i = 0; i >= 0; i = 0) {
  }
}
