// Large blocks on transparent huge pages. A matrix of 100,000 options x 20 criteria is 16 MB;
// touched 4 KiB at a time it costs thousands of page faults, which on a virtual machine were
// most of an evaluation's time. Blocks of kLargeBlock bytes or more are therefore aligned to
// 2 MiB and marked MADV_HUGEPAGE, so that the kernel (when its policy is "madvise" or
// "always") maps them 2 MiB at a time. Everything else is plain malloc. Only the executable
// replaces operator new; the engine library leaves the choice to the program that links it.
// Not under a sanitizer, whose allocator must see every allocation as it was asked for.
#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#include <sys/mman.h>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define TRADEOFF_PLAIN_ALLOCATION 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || \
    __has_feature(thread_sanitizer)
#define TRADEOFF_PLAIN_ALLOCATION 1
#endif
#endif

#ifndef TRADEOFF_PLAIN_ALLOCATION

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kLargeBlock = std::size_t{2} << 20;

constexpr std::size_t kPopulateFrom = std::size_t{256} << 10;
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

void populate(void* p, std::size_t size) {
  static std::atomic<bool> unsupported{false};
  if (unsupported.load(std::memory_order_relaxed)) return;
  const auto begin = (reinterpret_cast<std::uintptr_t>(p) + 4095) & ~std::uintptr_t{4095};
  const auto end = (reinterpret_cast<std::uintptr_t>(p) + size) & ~std::uintptr_t{4095};
  if (end <= begin) return;
  if (::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE) != 0 &&
      errno == EINVAL) {
    unsupported.store(true, std::memory_order_relaxed);
  }
}

void* allocate(std::size_t size) {
  if (size >= kPopulateFrom && size < kLargeBlock) {
    void* p = std::malloc(size);
    if (p != nullptr) populate(p, size);
    return p;
  }
  if (size >= kLargeBlock && size <= SIZE_MAX - kHugePage) {
    const std::size_t rounded = (size + kHugePage - 1) & ~(kHugePage - 1);
    if (void* p = std::aligned_alloc(kHugePage, rounded)) {
      ::madvise(p, rounded, MADV_HUGEPAGE);  // advice: a refusal leaves 4 KiB pages
      return p;
    }
  }
  return std::malloc(size == 0 ? 1 : size);
}

}  // namespace

// Memory from malloc and aligned_alloc alike is released by free(), which the default
// operator delete calls: only the allocating functions are replaced.
void* operator new(std::size_t size) {
  for (;;) {
    if (void* p = allocate(size)) return p;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

void* operator new[](std::size_t size) { return ::operator new(size); }

#endif
