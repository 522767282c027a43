// The children of a YAML tree node: a list that holds exactly as many items as it has, in one
// pointer (the count lives in the block, before the items), read like a std::vector. A tree node
// has two of them, one always empty: 16 bytes where two std::vectors take 48.
#pragma once

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace tradeoff::yaml {

template <typename T>
class List {
 public:
  List() noexcept = default;
  /// Takes the items of `items` (moved in; `items` is left empty, its capacity kept).
  explicit List(std::vector<T>& items) {
    static_assert(std::is_nothrow_move_constructible_v<T>);
    if (items.empty()) return;
    T* out = allocate(items.size());
    for (auto& item : items) new (out++) T(std::move(item));
    items.clear();
  }
  List(const List& other) {
    if (other.empty()) return;
    T* out = allocate(other.size());
    size_t made = 0;
    try {
      for (; made < other.size(); ++made) new (out + made) T(other[made]);
    } catch (...) {
      destroy(made);
      throw;
    }
  }
  List(List&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
  List& operator=(const List& other) {
    if (this != &other) *this = List(other);
    return *this;
  }
  List& operator=(List&& other) noexcept {
    if (this != &other) {
      destroy(size());
      block_ = std::exchange(other.block_, nullptr);
    }
    return *this;
  }
  ~List() { destroy(size()); }

  size_t size() const noexcept { return block_ == nullptr ? 0 : *static_cast<size_t*>(block_); }
  bool empty() const noexcept { return block_ == nullptr; }
  const T* begin() const noexcept { return data(); }
  const T* end() const noexcept { return data() + size(); }
  T* begin() noexcept { return data(); }
  T* end() noexcept { return data() + size(); }
  const T& operator[](size_t i) const noexcept { return data()[i]; }
  T& operator[](size_t i) noexcept { return data()[i]; }

 private:
  /// Where the items start in the block: past the count, aligned for T.
  static constexpr size_t offset() noexcept {
    return alignof(T) > sizeof(size_t) ? alignof(T) : sizeof(size_t);
  }

  T* data() const noexcept {
    if (block_ == nullptr) return nullptr;
    return std::launder(reinterpret_cast<T*>(static_cast<char*>(block_) + offset()));
  }

  /// A block for `n` items (constructed by the caller), its count set.
  T* allocate(size_t n) {
    static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);
    block_ = ::operator new(offset() + n * sizeof(T));
    *static_cast<size_t*>(block_) = n;
    return reinterpret_cast<T*>(static_cast<char*>(block_) + offset());
  }

  /// Destroys the first `n` items and frees the block.
  void destroy(size_t n) noexcept {
    if (block_ == nullptr) return;
    T* items = data();
    for (size_t k = 0; k < n; ++k) items[k].~T();
    ::operator delete(block_);
    block_ = nullptr;
  }

  void* block_ = nullptr;
};

}  // namespace tradeoff::yaml
