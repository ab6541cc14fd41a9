// bugforge kernels — the registry: each kernel's description, tensor specs and parameter rules.
//
// A kernel's parameters are checked against a table of inclusive ranges plus, where the README
// requires it, one cross-parameter rule (K % 4 = 0, KH ≤ H, ...). Reduction lengths are capped at
// kMaxReduce so that the worst-case sum of products cannot overflow the output type: the CPU and
// CUDA versions then agree without relying on wrap-around.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "bugforge/core/diagnostic.h"
#include "bugforge/kernels/kernel.h"
#include "reference.h"

namespace bf::kernels {

namespace {

// Largest reduction length whose worst case fits: 16384·131071 < 2^31 (i8·i8 into i32) and
// 2^30·131071 < 2^47 (i16·i16 into i48).
constexpr std::int64_t kMaxReduce = 131071;
// Largest single dimension or tensor, so device indices fit in 32 bits per vector set.
constexpr std::int64_t kMaxDim = std::int64_t{1} << 30;

struct ParamRange {
  const char* name;
  std::int64_t lo, hi;
};

// A cross-parameter rule: returns "" when satisfied, else the broken constraint in words.
using Rule = std::function<std::string(const Params&)>;

struct Entry {
  Kernel kernel;
  std::vector<ParamRange> ranges;
  Rule rule;
};

using Shape = std::vector<std::int64_t>;

TensorSpec spec(const char* name, const char* type, std::function<Shape(const Params&)> shape) {
  TensorSpec s;
  s.name = name;
  s.type = ElemType::parse(type);
  s.shape = std::move(shape);
  return s;
}

TensorSpec narrowed(TensorSpec s, std::int64_t lo, std::int64_t hi) {
  s.lo = lo;
  s.hi = hi;
  return s;
}

TensorSpec width_typed(TensorSpec s) {
  s.type_fn = [](const Params& p) { return ElemType{false, static_cast<int>(p.at("W"))}; };
  return s;
}

Shape dims(const Params& p, std::initializer_list<const char*> names) {
  Shape s;
  for (const char* n : names) s.push_back(p.at(n));
  return s;
}

std::vector<std::string> names_of(const std::vector<ParamRange>& ranges) {
  std::vector<std::string> out;
  for (const auto& r : ranges) out.emplace_back(r.name);
  return out;
}

Entry make(std::string name, std::string summary, std::string help,
           std::vector<ParamRange> ranges, std::vector<TensorSpec> in,
           std::vector<TensorSpec> out, ref::Fn cpu, Rule rule = {}) {
  Kernel k;
  k.name = std::move(name);
  k.summary = std::move(summary);
  k.help = std::move(help);
  k.param_names = names_of(ranges);
  k.inputs = std::move(in);
  k.outputs = std::move(out);
  k.cpu = std::move(cpu);
  return Entry{std::move(k), std::move(ranges), std::move(rule)};
}

std::string mult_rule(const Params& p, std::int64_t prod, std::int64_t div, const char* what) {
  return prod % div == 0 ? "" : fmt::format("{} must be a multiple of {}", what, div);
}

Entry gemm() {
  return make("gemm_i8_i32", "int8 matrix product with int32 result: C = A·B",
              "C[m,n] = sum_k A[m,k]*B[k,n]; A i8 [M,K], B i8 [K,N], C i32 [M,N], row-major.",
              {{"M", 1, kMaxDim}, {"N", 1, kMaxDim}, {"K", 1, kMaxReduce}},
              {spec("A", "i8", [](auto& p) { return dims(p, {"M", "K"}); }),
               spec("B", "i8", [](auto& p) { return dims(p, {"K", "N"}); })},
              {spec("C", "i32", [](auto& p) { return dims(p, {"M", "N"}); })}, ref::gemm);
}

Entry gemv() {
  return make("gemv_i8_i32", "int8 matrix-vector product with int32 result: y = A·x",
              "y[m] = sum_k A[m,k]*x[k]; A i8 [M,K], x i8 [K], y i32 [M]. M=1 is a dot product.",
              {{"M", 1, kMaxDim}, {"K", 1, kMaxReduce}},
              {spec("A", "i8", [](auto& p) { return dims(p, {"M", "K"}); }),
               spec("x", "i8", [](auto& p) { return dims(p, {"K"}); })},
              {spec("y", "i32", [](auto& p) { return dims(p, {"M"}); })}, ref::gemv);
}

Entry mac() {
  return make("mac_i8_i32", "int8 multiply-accumulate, running int32 sum",
              "y[n] = sum_{i<=n} a[i]*b[i]; a, b i8 [N], y i32 [N].", {{"N", 1, kMaxReduce}},
              {spec("a", "i8", [](auto& p) { return dims(p, {"N"}); }),
               spec("b", "i8", [](auto& p) { return dims(p, {"N"}); })},
              {spec("y", "i32", [](auto& p) { return dims(p, {"N"}); })}, ref::mac);
}

Entry ternary() {
  return make(
      "ternary_gemm", "int8 activations times 2-bit ternary weights, int32 result",
      "w[k,n] = 2-bit code at bits [2i+1:2i] of Wp[k/4,n], i = k%4: 00->0, 01->+1, 11->-1, "
      "10->0; C = A·w. A i8 [M,K], Wp u8 [K/4,N], C i32 [M,N]; K % 4 = 0.",
      {{"M", 1, kMaxDim}, {"N", 1, kMaxDim}, {"K", 4, kMaxReduce}},
      {spec("A", "i8", [](auto& p) { return dims(p, {"M", "K"}); }),
       spec("Wp", "u8", [](auto& p) { return Shape{p.at("K") / 4, p.at("N")}; })},
      {spec("C", "i32", [](auto& p) { return dims(p, {"M", "N"}); })}, ref::ternary_gemm,
      [](const Params& p) { return mult_rule(p, p.at("K"), 4, "K"); });
}

Entry lut() {
  return make(
      "lut_gemm", "int8 activations times packed signed 2/4-bit weights, int32 result",
      "w[k,n] = signed BITS-bit field i = k % (8/BITS) at bits [i*BITS +: BITS] of "
      "Wp[k/(8/BITS), n]; C = A·w. A i8 [M,K], Wp u8 [K*BITS/8, N], C i32 [M,N]; BITS in {2,4}, "
      "K*BITS % 8 = 0.",
      {{"M", 1, kMaxDim}, {"N", 1, kMaxDim}, {"K", 1, kMaxReduce}, {"BITS", 2, 4}},
      {spec("A", "i8", [](auto& p) { return dims(p, {"M", "K"}); }),
       spec("Wp", "u8", [](auto& p) { return Shape{p.at("K") * p.at("BITS") / 8, p.at("N")}; })},
      {spec("C", "i32", [](auto& p) { return dims(p, {"M", "N"}); })}, ref::lut_gemm,
      [](const Params& p) -> std::string {
        if (p.at("BITS") == 3) return "BITS must be 2 or 4";
        return mult_rule(p, p.at("K") * p.at("BITS"), 8, "K*BITS");
      });
}

Entry requant() {
  return make(
      "requant", "int32 to int8 requantisation: multiply, shift with ties-to-even, saturate",
      "Y[i] = clamp(round_half_even(X[i]*Mul / 2^SHIFT), -128, 127); X i32 [N] in "
      "[-2^20, 2^20], Mul i16 [1] in [0, 32767], Y i8 [N]; SHIFT in 1..40.",
      {{"N", 1, kMaxDim}, {"SHIFT", 1, 40}},
      {narrowed(spec("X", "i32", [](auto& p) { return dims(p, {"N"}); }), -(1 << 20), 1 << 20),
       narrowed(spec("Mul", "i16", [](auto&) { return Shape{1}; }), 0, 32767)},
      {spec("Y", "i8", [](auto& p) { return dims(p, {"N"}); })}, ref::requant);
}

Entry conv2d() {
  return make(
      "conv2d", "int8 2-D valid convolution (cross-correlation), stride 1, int32 result",
      "Y[co,y,x] = sum_{ci,ky,kx} X[ci,y+ky,x+kx]*Wt[co,ci,ky,kx]; X i8 [CIN,H,W], Wt i8 "
      "[COUT,CIN,KH,KW], Y i32 [COUT,H-KH+1,W-KW+1]; KH <= H, KW <= W.",
      {{"CIN", 1, kMaxReduce}, {"COUT", 1, kMaxDim}, {"H", 1, kMaxDim}, {"W", 1, kMaxDim},
       {"KH", 1, kMaxReduce}, {"KW", 1, kMaxReduce}},
      {spec("X", "i8", [](auto& p) { return dims(p, {"CIN", "H", "W"}); }),
       spec("Wt", "i8", [](auto& p) { return dims(p, {"COUT", "CIN", "KH", "KW"}); })},
      {spec("Y", "i32",
            [](auto& p) {
              return Shape{p.at("COUT"), p.at("H") - p.at("KH") + 1, p.at("W") - p.at("KW") + 1};
            })},
      ref::conv2d, [](const Params& p) -> std::string {
        if (p.at("KH") > p.at("H") || p.at("KW") > p.at("W")) return "KH <= H and KW <= W";
        if (p.at("CIN") * p.at("KH") * p.at("KW") > kMaxReduce)
          return fmt::format("CIN*KH*KW <= {}", kMaxReduce);
        return "";
      });
}

Entry fir() {
  return make("fir", "int16 FIR filter with zero history, 48-bit result",
              "y[n] = sum_{t=0}^{min(T-1,n)} h[t]*x[n-t]; x i16 [N], h i16 [T], y i48 [N].",
              {{"N", 1, kMaxDim}, {"T", 1, kMaxReduce}},
              {spec("x", "i16", [](auto& p) { return dims(p, {"N"}); }),
               spec("h", "i16", [](auto& p) { return dims(p, {"T"}); })},
              {spec("y", "i48", [](auto& p) { return dims(p, {"N"}); })}, ref::fir);
}

Entry identity() {
  return make("identity", "copy of an unsigned W-bit vector",
              "y = x; x, y u<W> [N]; W in 1..32.", {{"N", 1, kMaxDim}, {"W", 1, 32}},
              {width_typed(spec("x", "u32", [](auto& p) { return dims(p, {"N"}); }))},
              {width_typed(spec("y", "u32", [](auto& p) { return dims(p, {"N"}); }))},
              ref::identity);
}

const std::vector<Entry>& entries() {
  static const std::vector<Entry> all = {gemm(),    gemv(),    mac(), ternary(), lut(),
                                         requant(), conv2d(), fir(), identity()};
  return all;
}

const Entry* find_entry(const std::string& name) {
  for (const auto& e : entries())
    if (e.kernel.name == name) return &e;
  return nullptr;
}

[[noreturn]] void bad_param(const Kernel& k, const std::string& what) {
  throw Error("BF-KERN-002", fmt::format("kernel '{}': {}", k.name, what));
}

// Saturates just past kMaxDim so that products of many large dimensions cannot overflow.
std::int64_t numel(const Shape& s) {
  std::int64_t n = 1;
  for (const auto d : s) n = std::min(n * d, kMaxDim + 1);
  return n;
}

// Products of in-range dimensions can still be huge; cap every tensor like a single dimension.
void check_sizes(const Kernel& k, const Params& p) {
  for (const auto* specs : {&k.inputs, &k.outputs})
    for (const auto& s : *specs)
      if (numel(s.shape(p)) > kMaxDim)
        bad_param(k, fmt::format("tensor {} would have more than {} elements", s.name, kMaxDim));
}

void check_params(const Entry& e, const Params& p) {
  const Kernel& k = e.kernel;
  for (const auto& [name, v] : p)
    if (std::find(k.param_names.begin(), k.param_names.end(), name) == k.param_names.end())
      bad_param(k, fmt::format("unknown parameter '{}' (parameters: {})", name,
                               fmt::join(k.param_names, ", ")));
  for (const auto& r : e.ranges) {
    const auto it = p.find(r.name);
    if (it == p.end()) bad_param(k, fmt::format("missing parameter '{}'", r.name));
    if (it->second < r.lo || it->second > r.hi)
      bad_param(k, fmt::format("parameter {}={} out of range: {} must be in {}..{}", r.name,
                               it->second, r.name, r.lo, r.hi));
  }
  if (e.rule)
    if (const std::string broken = e.rule(p); !broken.empty())
      bad_param(k, fmt::format("parameters {} break the constraint: {}", params_to_string(p),
                               broken));
  check_sizes(k, p);
}

}  // namespace

ElemType TensorSpec::type_for(const Params& p) const { return type_fn ? type_fn(p) : type; }

std::pair<std::int64_t, std::int64_t> TensorSpec::range_for(const Params& p) const {
  const ElemType t = type_for(p);
  return {lo.value_or(t.min()), hi.value_or(t.max())};
}

const std::vector<Kernel>& all_kernels() {
  static const std::vector<Kernel> all = [] {
    std::vector<Kernel> ks;
    for (const auto& e : entries()) ks.push_back(e.kernel);
    return ks;
  }();
  return all;
}

const Kernel* find_kernel(const std::string& name) {
  for (const auto& k : all_kernels())
    if (k.name == name) return &k;
  return nullptr;
}

const Kernel& require_kernel(const std::string& name, const Params& params) {
  const Entry* e = find_entry(name);
  if (!e) {
    std::vector<std::string> known;
    for (const auto& k : all_kernels()) known.push_back(k.name);
    throw Error("BF-KERN-001",
                fmt::format("unknown kernel '{}' (known: {})", name, fmt::join(known, ", ")));
  }
  check_params(*e, params);
  return *find_kernel(name);
}

}  // namespace bf::kernels
