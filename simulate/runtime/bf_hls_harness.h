// bugforge runtime — the C-simulation harness that every generated HLS testbench includes.
//
// Algorithm: the generated main.cpp lists one ArgSpec per argument of the top function (which
// tensor it carries, or the scalar it gets) and calls bfh::run(argc, argv, &top, specs, ...).
// run() deduces each parameter type from the function pointer and picks a holder for it:
//   T* / T[N][M] (decays to a pointer) / T (&)[N]  -> a buffer of numel elements of the base type,
//   hls::stream<T>&                                 -> a stream filled before the call (inputs) or
//                                                      drained after it (outputs),
//   T / T&                                          -> one scalar (a tensor of one element or a value).
// Values cross the boundary as int64: T(long long) builds an element (native ints, ap_int,
// ap_fixed), to_i64 reads it back (to_int64() where the type has it). Per vector set all holders
// are built, the top is called once, outputs are collected; the outputs file follows bf_vectors.h.
// An output stream that yields a number of elements other than numel gives set status 2 and keeps
// every element it yielded, so the comparison reports the first missing or extra one.
//
// Command line: <exe> <inputs.bin> <outputs.bin> [+bf_mutant=N] [other +plusargs, ignored].
// `bf_mutant` is declared before the design's sources, so mutant schemata can switch on it.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "bf_vectors.h"

// The mutant selected with +bf_mutant=N (0 = the original design).
inline long long bf_mutant = 0;

namespace bfh {

struct ArgSpec {
  enum Kind { Input, Output, Value };
  Kind kind;
  int tensor;          // index into the kernel's inputs (Input) or outputs (Output); -1 for Value
  std::int64_t numel;  // elements of the tensor; 1 for Value
  std::int64_t value;  // Value: the scalar (param:NAME or const:VALUE)
  const char* name;    // as written in design.toml, for messages
};

using Inputs = std::vector<std::vector<std::int64_t>>;

// Reported as a crash with a message naming the argument: the manifest does not fit the signature.
[[noreturn]] inline void fail(const ArgSpec& s, const char* what) {
  std::fprintf(stderr, "bugforge harness: argument '%s': %s\n", s.name, what);
  std::exit(3);
}

template <class T, class = void>
struct is_stream : std::false_type {};
template <class T>
struct is_stream<T, std::void_t<decltype(std::declval<T&>().empty()), decltype(std::declval<T&>().read())>>
    : std::true_type {};

template <class T, class = void>
struct has_to_int64 : std::false_type {};
template <class T>
struct has_to_int64<T, std::void_t<decltype(std::declval<const T&>().to_int64())>> : std::true_type {};

template <class T>
T from_i64(std::int64_t v) {
  if constexpr (std::is_same_v<T, bool>)
    return v != 0;
  else
    return T(static_cast<long long>(v));
}

template <class T>
std::int64_t to_i64(const T& v) {
  if constexpr (std::is_arithmetic_v<T>)
    return static_cast<std::int64_t>(v);
  else if constexpr (has_to_int64<T>::value)
    return static_cast<std::int64_t>(v.to_int64());
  else
    return static_cast<std::int64_t>(static_cast<long long>(v));
}

struct Context {
  const ArgSpec& spec;
  const Inputs& in;
};

inline const std::vector<std::int64_t>& input_values(const Context& c) {
  const auto& v = c.in.at(static_cast<std::size_t>(c.spec.tensor));
  if (static_cast<std::int64_t>(v.size()) != c.spec.numel) fail(c.spec, "inputs file has the wrong element count");
  return v;
}

// Arrays and pointers: a buffer of numel elements of type E.
template <class E>
class Buffer {
 public:
  explicit Buffer(const Context& c) : spec_(c.spec) {
    if (c.spec.kind == ArgSpec::Value) fail(c.spec, "an array/pointer argument needs a tensor, not a value");
    const std::size_t n = static_cast<std::size_t>(c.spec.numel);
    data_.reserve(n);
    if (c.spec.kind == ArgSpec::Input)
      for (const std::int64_t v : input_values(c)) data_.push_back(from_i64<E>(v));
    else
      data_.assign(n, from_i64<E>(0));
  }
  E* data() { return data_.data(); }
  void collect(std::vector<bfrt::TensorData>& outs, std::int64_t&) const {
    if (spec_.kind != ArgSpec::Output) return;
    auto& t = outs[static_cast<std::size_t>(spec_.tensor)];
    for (const E& e : data_) t.values.push_back(to_i64(e));
  }

 private:
  const ArgSpec& spec_;
  std::vector<E> data_;
};

// hls::stream<T>& arguments.
template <class S>
class Stream {
 public:
  explicit Stream(const Context& c) : spec_(c.spec) {
    if (c.spec.kind == ArgSpec::Value) fail(c.spec, "a stream argument needs a tensor, not a value");
    if (c.spec.kind == ArgSpec::Input)
      for (const std::int64_t v : input_values(c)) s_.write(from_i64<Elem>(v));
  }
  S& get() { return s_; }
  void collect(std::vector<bfrt::TensorData>& outs, std::int64_t& status) {
    if (spec_.kind == ArgSpec::Input) return;  // leftover input data: hls::stream warns on stderr
    auto& t = outs[static_cast<std::size_t>(spec_.tensor)];
    while (!s_.empty()) t.values.push_back(to_i64(s_.read()));
    if (static_cast<std::int64_t>(t.values.size()) != spec_.numel) status = 2;
  }

 private:
  using Elem = std::remove_cv_t<std::remove_reference_t<decltype(std::declval<S&>().read())>>;
  const ArgSpec& spec_;
  S s_;
};

// Scalars by value or by reference.
template <class T>
class Scalar {
 public:
  explicit Scalar(const Context& c) : spec_(c.spec), v_(from_i64<T>(initial(c))) {}
  T& get() { return v_; }
  void collect(std::vector<bfrt::TensorData>& outs, std::int64_t&) const {
    if (spec_.kind == ArgSpec::Output) outs[static_cast<std::size_t>(spec_.tensor)].values.push_back(to_i64(v_));
  }

 private:
  static std::int64_t initial(const Context& c) {
    if (c.spec.kind == ArgSpec::Value) return c.spec.value;
    if (c.spec.numel != 1) fail(c.spec, "a scalar argument needs a one-element tensor");
    return c.spec.kind == ArgSpec::Input ? input_values(c)[0] : 0;
  }
  const ArgSpec& spec_;
  T v_;
};

// Holder<P>: the storage for one parameter of type P and the expression that passes it.
template <class P, class = void>
struct Holder : Scalar<std::remove_cv_t<P>> {
  explicit Holder(const Context& c) : Scalar<std::remove_cv_t<P>>(c) {
    if (c.spec.kind == ArgSpec::Output) fail(c.spec, "an output cannot be passed by value");
  }
  P arg() { return this->get(); }
};

template <class P>
struct Holder<P, std::enable_if_t<std::is_pointer_v<P>>>
    : Buffer<std::remove_cv_t<std::remove_all_extents_t<std::remove_pointer_t<P>>>> {
  using Base = Buffer<std::remove_cv_t<std::remove_all_extents_t<std::remove_pointer_t<P>>>>;
  using Base::Base;
  P arg() { return reinterpret_cast<P>(this->data()); }
};

template <class P>
struct Holder<P, std::enable_if_t<std::is_lvalue_reference_v<P> && std::is_array_v<std::remove_reference_t<P>>>>
    : Buffer<std::remove_cv_t<std::remove_all_extents_t<std::remove_reference_t<P>>>> {
  using Base = Buffer<std::remove_cv_t<std::remove_all_extents_t<std::remove_reference_t<P>>>>;
  using Base::Base;
  P arg() { return *reinterpret_cast<std::remove_reference_t<P>*>(this->data()); }
};

template <class P>
struct Holder<P, std::enable_if_t<std::is_lvalue_reference_v<P> && is_stream<std::remove_reference_t<P>>::value>>
    : Stream<std::remove_cv_t<std::remove_reference_t<P>>> {
  using Stream<std::remove_cv_t<std::remove_reference_t<P>>>::Stream;
  P arg() { return this->get(); }
};

template <class P>
struct Holder<P, std::enable_if_t<std::is_lvalue_reference_v<P> && !std::is_array_v<std::remove_reference_t<P>> &&
                                  !is_stream<std::remove_reference_t<P>>::value>>
    : Scalar<std::remove_cv_t<std::remove_reference_t<P>>> {
  using Scalar<std::remove_cv_t<std::remove_reference_t<P>>>::Scalar;
  P arg() { return this->get(); }
};

template <class R, class... P, std::size_t N, std::size_t... I>
bfrt::SetData run_set(R (*top)(P...), const std::array<ArgSpec, N>& specs, const Inputs& in, std::size_t n_outputs,
                      std::index_sequence<I...>) {
  std::tuple<Holder<P>...> holders(Context{specs[I], in}...);
  top(std::get<I>(holders).arg()...);
  bfrt::SetData set;
  set.tensors.resize(n_outputs);
  (std::get<I>(holders).collect(set.tensors, set.status), ...);
  return set;
}

inline void parse_plusargs(int argc, char** argv) {
  for (int i = 3; i < argc; ++i)
    if (std::strncmp(argv[i], "+bf_mutant=", 11) == 0) bf_mutant = std::atoll(argv[i] + 11);
}

template <class R, class... P, std::size_t N>
int run(int argc, char** argv, R (*top)(P...), const std::array<ArgSpec, N>& specs, std::size_t n_outputs) {
  static_assert(sizeof...(P) == N, "design.toml [protocol] args must list one entry per top-function argument");
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s <inputs.bin> <outputs.bin> [+bf_mutant=N]\n", argv[0]);
    return 64;
  }
  parse_plusargs(argc, argv);
  try {
    std::vector<bfrt::SetData> out;
    for (const Inputs& in : bfrt::read_inputs(argv[1]))
      out.push_back(run_set(top, specs, in, n_outputs, std::index_sequence_for<P...>{}));
    bfrt::write_outputs(argv[2], out);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bugforge harness: %s\n", e.what());
    return 70;
  }
  return 0;
}

}  // namespace bfh
