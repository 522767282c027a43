// An index of ids that are stored elsewhere (a vector of strings, a column of a Result): open
// addressing over their positions, four bytes a slot and no node per id. A table of 100,000
// options indexed by a map of strings would allocate 100,000 nodes and copy every id again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace tradeoff::detail {

/// Positions indexed by the ids `key_of(position)` gives; the caller passes the same `key_of`
/// to every call. Holds at most 2^32 - 1 positions.
class IdIndex {
 public:
  static constexpr size_t npos = static_cast<size_t>(-1);

  /// Room for `n` ids without growing.
  template <class KeyOf>
  void reserve(size_t n, const KeyOf& key_of) {
    if (2 * n > slots_.size()) rehash(capacity_for(n), key_of);
  }

  /// The position whose id is `key`, or npos.
  template <class KeyOf>
  size_t find(std::string_view key, const KeyOf& key_of) const {
    if (slots_.empty()) return npos;
    const size_t mask = slots_.size() - 1;
    for (size_t at = hash(key) & mask; slots_[at] != 0; at = (at + 1) & mask) {
      if (key_of(slots_[at] - 1) == key) return slots_[at] - 1;
    }
    return npos;
  }

  /// Adds position `i` unless an equal id is in already: returns the position now found for
  /// the id (`i`, or the first one added).
  template <class KeyOf>
  size_t insert(size_t i, const KeyOf& key_of) {
    if (2 * (size_ + 1) > slots_.size()) rehash(capacity_for(size_ + 1), key_of);
    const std::string_view key = key_of(i);
    const size_t mask = slots_.size() - 1;
    size_t at = hash(key) & mask;
    for (; slots_[at] != 0; at = (at + 1) & mask) {
      if (key_of(slots_[at] - 1) == key) return slots_[at] - 1;
    }
    slots_[at] = static_cast<uint32_t>(i + 1);
    ++size_;
    return i;
  }

  size_t size() const { return size_; }

 private:
  static size_t hash(std::string_view key) { return std::hash<std::string_view>()(key); }
  static size_t capacity_for(size_t n) {
    size_t capacity = 16;
    while (capacity < 2 * n) capacity *= 2;
    return capacity;
  }
  template <class KeyOf>
  void rehash(size_t capacity, const KeyOf& key_of) {
    std::vector<uint32_t> old(capacity, 0);
    old.swap(slots_);
    const size_t mask = capacity - 1;
    for (uint32_t slot : old) {
      if (slot == 0) continue;
      size_t at = hash(key_of(slot - 1)) & mask;
      while (slots_[at] != 0) at = (at + 1) & mask;
      slots_[at] = slot;
    }
  }

  std::vector<uint32_t> slots_;  ///< position + 1; 0 when free
  size_t size_ = 0;
};

}  // namespace tradeoff::detail
