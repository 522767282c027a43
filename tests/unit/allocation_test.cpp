// Test-only, a binary of its own: counts every operator new, to check that re-running an
// evaluation after a change of input, weight or score allocates nothing.
#include <cstdlib>
#include <new>
#include <string>

#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "tradeoff/evaluator.hpp"

namespace {
long g_allocations = 0;
bool g_counting = false;
}  // namespace

void* operator new(std::size_t size) {
  if (g_counting) ++g_allocations;
  void* p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  if (g_counting) ++g_allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace {

/// The number of allocations `f` makes.
template <typename F>
long allocations(F&& f) {
  g_allocations = 0;
  g_counting = true;
  f();
  g_counting = false;
  return g_allocations;
}

}  // namespace

TEST_CASE("re-running after a change allocates nothing", "[evaluator][allocation]") {
  const auto loaded = tradeoff::test::load_builtin("frameworks/llm_build_vs_buy.yaml");
  for (const auto& name : tradeoff::method_names()) {
    CAPTURE(name);
    tradeoff::EvaluateOptions options;
    options.method = tradeoff::parse_method(name);
    // The weighted product refuses the framework's scales and value functions, whose lowest
    // points are worth 0: it takes the raw scores of every criterion, by their max.
    if (options.method == tradeoff::Method::Wpm) {
      options.normalization = tradeoff::Normalization::Max;
    }
    tradeoff::Evaluator ev(loaded.framework, nullptr, options);
    const size_t volume = *ev.input_index("requests_per_day");
    const size_t data = *ev.input_index("data_sensitivity");
    const size_t moat = *ev.criterion_index("moat");
    // Warm up: every buffer reaches its largest size, the eligible set changes both ways.
    for (double d : {3.0, 0.0}) {
      ev.set_input(data, d);
      ev.run();
    }
    CHECK(allocations([&] {
            ev.set_input(volume, 2e6);
            ev.run();
          }) == 0);
    CHECK(allocations([&] {
            ev.set_weight(moat, 13);
            ev.run();
          }) == 0);
    CHECK(allocations([&] {
            ev.set_score(0, 1, 2);
            ev.run();
          }) == 0);
    // Vetoes come and go (regulated data) without allocating either.
    CHECK(allocations([&] {
            ev.set_input(data, 3);
            ev.run();
            ev.set_input(data, 0);
            ev.run();
          }) == 0);
  }
}

TEST_CASE("re-running with value functions and scales allocates nothing under any method",
          "[evaluator][allocation]") {
  // Every value stays above 0, so that the weighted product takes them too.
  const auto loaded = tradeoff::test::load_text(R"(framework: valued
title: Valued
version: 1.0.0
criteria:
  - {id: cost, name: Cost, direction: cost, weight: 2,
     value_function: {points: [[0, 1], [50, 0.6], [100, 0.1]]}}
  - {id: quality, name: Quality, direction: benefit, scale: [0, 10], weight: 1}
  - {id: speed, name: Speed, direction: benefit, weight: 1}
options:
  - {id: a, scores: {cost: 20, quality: 4, speed: 3}}
  - {id: b, scores: {cost: 60, quality: 9, speed: 5}}
  - {id: c, scores: {cost: 90, quality: 6, speed: 2}}
)");
  for (const auto& name : tradeoff::method_names()) {
    CAPTURE(name);
    tradeoff::EvaluateOptions options;
    options.method = tradeoff::parse_method(name);
    tradeoff::Evaluator ev(loaded.framework, nullptr, options);
    ev.run();
    CHECK(allocations([&] {
            ev.set_score(0, 0, 40);
            ev.run();
            ev.set_score(1, 1, 2);
            ev.run();
            ev.set_weight(2, 3);
            ev.run();
          }) == 0);
  }
}

TEST_CASE("the counter sees allocations", "[allocation]") {
  CHECK(allocations([] {
          std::string* s = new std::string(100, 'x');
          delete s;
        }) >= 1);
}
