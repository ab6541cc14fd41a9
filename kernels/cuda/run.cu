// bugforge kernels — the CUDA backend's host entry: allocate, generate on device, compute, copy back.
//
// Only the per-set seeds and bases travel to the GPU; outputs come back in their storage width
// and are widened to int64 on the host with the output type's sign.
#include <memory>

#include "cuda_backend.h"
#include "device.cuh"

namespace bf::kernels::cuda {

namespace {

struct DeviceFree {
  void operator()(void* p) const { cudaFree(p); }
};
using DevicePtr = std::unique_ptr<void, DeviceFree>;

DevicePtr device_alloc(std::size_t bytes) {
  void* p = nullptr;
  check(cudaMalloc(&p, bytes == 0 ? 1 : bytes), "cudaMalloc");
  return DevicePtr(p);
}

DevicePtr upload(const std::vector<std::uint64_t>& v) {
  DevicePtr d = device_alloc(v.size() * sizeof(std::uint64_t));
  check(cudaMemcpy(d.get(), v.data(), v.size() * sizeof(std::uint64_t), cudaMemcpyHostToDevice),
        "cudaMemcpy seeds");
  return d;
}

// Widens `count` stored elements to int64 with the type's sign.
std::vector<std::int64_t> widen(const std::vector<unsigned char>& raw, const ElemType& t,
                                std::size_t count) {
  const int nb = storage_bytes(t);
  std::vector<std::int64_t> out(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::uint64_t v = 0;
    for (int b = 0; b < nb; ++b) v |= std::uint64_t{raw[i * nb + b]} << (8 * b);
    out[i] = t.wrap(static_cast<std::int64_t>(v));
  }
  return out;
}

}  // namespace

bool device_present() {
  int n = 0;
  return cudaGetDeviceCount(&n) == cudaSuccess && n > 0;
}

std::string device_name() {
  cudaDeviceProp prop{};
  if (!device_present() || cudaGetDeviceProperties(&prop, 0) != cudaSuccess) return "";
  return prop.name;
}

std::vector<std::vector<std::int64_t>> run(const std::string& kernel, const Params& p,
                                           const std::vector<TensorDesc>& inputs,
                                           const std::vector<TensorDesc>& outputs,
                                           const std::vector<std::uint64_t>& seeds,
                                           const std::vector<std::uint64_t>& bases) {
  const auto batch = static_cast<std::int64_t>(seeds.size());
  const DevicePtr d_seeds = upload(seeds), d_bases = upload(bases);
  std::vector<DevicePtr> ins, outs;
  std::vector<const void*> in_ptrs;
  std::vector<void*> out_ptrs;
  for (std::size_t t = 0; t < inputs.size(); ++t) {
    const TensorDesc& d = inputs[t];
    const int nb = storage_bytes(d.type);
    ins.push_back(device_alloc(static_cast<std::size_t>(batch * d.numel * nb)));
    generate(ins.back().get(), nb, d.numel, t, d.lo, d.hi, static_cast<const std::uint64_t*>(d_seeds.get()),
             static_cast<const std::uint64_t*>(d_bases.get()), batch, nullptr);
    in_ptrs.push_back(ins.back().get());
  }
  for (const TensorDesc& d : outputs) {
    outs.push_back(device_alloc(static_cast<std::size_t>(batch * d.numel * storage_bytes(d.type))));
    out_ptrs.push_back(outs.back().get());
  }
  compute(kernel, p, in_ptrs.data(), out_ptrs.data(), batch, nullptr);
  check(cudaDeviceSynchronize(), kernel.c_str());
  std::vector<std::vector<std::int64_t>> result;
  for (std::size_t o = 0; o < outputs.size(); ++o) {
    const std::size_t count = static_cast<std::size_t>(batch * outputs[o].numel);
    std::vector<unsigned char> raw(count * storage_bytes(outputs[o].type));
    check(cudaMemcpy(raw.data(), out_ptrs[o], raw.size(), cudaMemcpyDeviceToHost), "cudaMemcpy outputs");
    result.push_back(widen(raw, outputs[o].type, count));
  }
  return result;
}

}  // namespace bf::kernels::cuda
