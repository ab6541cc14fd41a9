// bugforge mutators — internal: entries made by class files at static initialisation, read
// back in key order (the bug class table, the HLS generators, the RTL mutators).
#pragma once

#include <algorithm>
#include <utility>
#include <vector>

namespace bf::mutators {

template <class T>
class KeyedEntries {
 public:
  void add(int key, T value) { entries_.emplace_back(key, std::move(value)); }

  // The entry whose value satisfies `pred`, or nullptr.
  template <class Pred>
  std::pair<int, T>* find(Pred pred) {
    const auto it =
        std::find_if(entries_.begin(), entries_.end(), [&](const auto& e) { return pred(e.second); });
    return it == entries_.end() ? nullptr : &*it;
  }

  // The values by key; equal keys keep entry order.
  std::vector<T> by_key() const {
    auto e = entries_;
    std::stable_sort(e.begin(), e.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<T> out;
    for (auto& x : e) out.push_back(std::move(x.second));
    return out;
  }

 private:
  std::vector<std::pair<int, T>> entries_;
};

}  // namespace bf::mutators
