// Minimal stand-ins for the Vitis HLS types, enough for libclang to type the test kernels.
#pragma once
#include <cstdint>

enum ap_q_mode { AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV, AP_TRN, AP_TRN_ZERO };
enum ap_o_mode { AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP, AP_WRAP_SM };

template <int W> struct ap_int {
  long long v = 0;
  ap_int(long long x = 0) : v(x) {}
  ap_int operator+(ap_int o) const { return ap_int(v + o.v); }
  bool operator[](int i) const { return (v >> i) & 1; }
};
template <int W> struct ap_uint {
  unsigned long long v = 0;
  ap_uint(unsigned long long x = 0) : v(x) {}
};
template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int NB = 0> struct ap_fixed {
  double v = 0;
  ap_fixed(double x = 0) : v(x) {}
  int to_int() const { return static_cast<int>(v); }
};

namespace hls {
template <typename T> struct stream {
  T read() { return T(); }
  void read(T& x) { x = T(); }
  void write(const T&) {}
};
}  // namespace hls
