// Test-only, a binary of its own: counts the bytes operator new hands out, to check that memory
// stays in proportion to the input: the JSON reports stream, the YAML document keeps one copy of
// its text and a compact tree, and the tree is gone once the model is built.
#include <cstdlib>
#include <new>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "load/yaml_tree.hpp"
#include "test_support.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/report.hpp"

namespace {

// Each block carries its size in front, so that delete can count it out.
constexpr std::size_t kHeader = alignof(std::max_align_t);
std::size_t g_live = 0;
std::size_t g_peak = 0;

void* allocate(std::size_t size) noexcept {
  auto* p = static_cast<char*>(std::malloc(size + kHeader));
  if (p == nullptr) return nullptr;
  *reinterpret_cast<std::size_t*>(p) = size;
  g_live += size;
  if (g_live > g_peak) g_peak = g_live;
  return p + kHeader;
}

void release(void* block) noexcept {
  if (block == nullptr) return;
  char* p = static_cast<char*>(block) - kHeader;
  g_live -= *reinterpret_cast<std::size_t*>(p);
  std::free(p);
}

}  // namespace

void* operator new(std::size_t size) {
  void* p = allocate(size);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }

namespace {

/// The most memory `f` held at once beyond what was live before it.
template <typename F>
std::size_t peak_of(F&& f) {
  const std::size_t before = g_live;
  g_peak = g_live;
  f();
  return g_peak - before;
}

/// Counts what is written to it, and keeps nothing.
class CountingBuffer : public std::streambuf {
 public:
  std::size_t size = 0;

 protected:
  int_type overflow(int_type c) override {
    ++size;
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    size += static_cast<std::size_t>(n);
    return n;
  }
};

/// A framework of `options` options scored on 20 criteria, each score with its reason.
std::string big_framework(int options) {
  std::string yaml = "framework: big\ntitle: Big\ncriteria:\n";
  for (int c = 0; c < 20; ++c) {
    yaml += "  - {id: c" + std::to_string(c) + ", name: Criterion " + std::to_string(c) +
            ", direction: " + (c % 3 == 0 ? "cost" : "benefit") +
            ", scale: [0, 100], weight: " + std::to_string(c % 7 + 1) + "}\n";
  }
  yaml += "options:\n";
  for (int i = 0; i < options; ++i) {
    yaml += "  - id: o" + std::to_string(i) + "\n    name: Option " + std::to_string(i) +
            "\n    scores:\n";
    for (int c = 0; c < 20; ++c) {
      yaml += "      c" + std::to_string(c) +
              ": {value: " + std::to_string((i * 7 + c * 13) % 99 + 1) + ", because: \"reason " +
              std::to_string(c) + "\"}\n";
    }
  }
  return yaml;
}

}  // namespace

TEST_CASE("the JSON result streams: rendering holds no copy of the output", "[memory]") {
  const auto loaded = tradeoff::test::load_text(big_framework(2000));
  const auto result = tradeoff::evaluate(loaded.framework, nullptr);
  // The Result builds an option the first time it is read (tested below): read them all first,
  // so that what is measured is the rendering alone.
  for (const auto& o : result.options) CHECK(o.raw.size() == 20);
  (void)result.option("o0");
  tradeoff::RenderOptions json;
  json.format = tradeoff::Format::Json;
  CountingBuffer buffer;
  std::ostream out(&buffer);
  const std::size_t peak = peak_of([&] { tradeoff::render(result, json, out); });
  // About 7 MB of JSON, written with no tree and no copy.
  CHECK(buffer.size > 6'000'000);
  CHECK(peak < buffer.size / 50);
}

TEST_CASE("a Result builds an option the first time it is read, and only then", "[memory]") {
  const auto loaded = tradeoff::test::load_text(big_framework(2000));
  const auto result = tradeoff::evaluate(loaded.framework, nullptr);
  // Ids and the ranking are there without building any option.
  std::size_t id_bytes = 0;
  const std::size_t ids = peak_of([&] {
    for (std::size_t i = 0; i < result.options.size(); ++i) id_bytes += result.options.id(i).size();
  });
  CHECK(ids == 0);
  CHECK(id_bytes > 0);
  // The index by id was built when the explanation looked up the winner.
  CHECK(peak_of([&] { CHECK(result.options.find("o1999") == 1999); }) == 0);
  CHECK(peak_of([&] { CHECK(result.options.find("none") == 2000); }) == 0);
  // The first read builds the option (with its 20 reasons and sources); the second finds it.
  const tradeoff::OptionResult* first = nullptr;
  CHECK(peak_of([&] { first = &result.options[1234]; }) > 20 * 2 * 32);
  const tradeoff::OptionResult* again = nullptr;
  CHECK(peak_of([&] { again = result.option("o1234"); }) == 0);
  CHECK(again == first);
  CHECK(first->id == "o1234");
  CHECK(first->name == "Option 1234");
  CHECK(first->because.at(3) == "reason 3");
}

TEST_CASE("options built by hand are indexed by id on the first lookup, once", "[memory]") {
  std::vector<tradeoff::OptionResult> list(3000);
  for (std::size_t i = 0; i < list.size(); ++i) list[i].id = "x" + std::to_string(i);
  list[2000].id = "x17";  // a repeated id: the first is found
  const tradeoff::OptionResults options(std::move(list));
  // 8,192 slots of 4 bytes: at least twice as many as options.
  CHECK(peak_of([&] { CHECK(options.find("x2999") == 2999); }) == 32'768);
  CHECK(peak_of([&] { CHECK(options.find("x0") == 0); }) == 0);
  CHECK(peak_of([&] { CHECK(options.find("x17") == 17); }) == 0);
  CHECK(peak_of([&] { CHECK(options.find("x3000") == 3000); }) == 0);
}

TEST_CASE("the JSON comparison of methods streams", "[memory]") {
  const auto loaded = tradeoff::test::load_text(big_framework(500));
  const auto comparison = tradeoff::compare_methods(loaded.framework, nullptr, {});
  tradeoff::RenderOptions json;
  json.format = tradeoff::Format::Json;
  CountingBuffer buffer;
  std::ostream out(&buffer);
  const std::size_t peak = peak_of([&] { tradeoff::render(comparison, json, out); });
  // One index of the options by id serves every method.
  CHECK(buffer.size > 150'000);
  CHECK(peak < buffer.size / 4);
}

TEST_CASE("a YAML document keeps its text once and its tree without spare capacity",
          "[memory][yaml]") {
  std::string text = big_framework(1000);
  const std::size_t size = text.size();
  tradeoff::yaml::Document doc;
  const std::size_t before = g_live;
  const std::size_t peak = peak_of([&] { doc = tradeoff::yaml::parse("f.yaml", std::move(text)); });
  const std::size_t kept = g_live - before;
  // Per score ("      c1: {value: 14, because: \"reason 1\"}", 44 bytes): the entry (two
  // nodes of 64 bytes) and its mapping's two entries; the text is moved in, not copied.
  CHECK(doc.text.size() == size);
  CHECK(peak < 10 * size);
  CHECK(kept < 10 * size);
}

TEST_CASE("loading frees the YAML tree once the model is built", "[memory]") {
  const std::string text = big_framework(1000);
  std::size_t tree = 0;
  {
    tradeoff::yaml::Document doc;
    tree = peak_of([&] { doc = tradeoff::yaml::parse("f.yaml", text); });
  }
  tradeoff::Loaded loaded;
  const std::size_t before = g_live;
  const std::size_t peak = peak_of([&] { loaded = tradeoff::test::load_text(text); });
  const std::size_t model = g_live - before;
  CAPTURE(tree, model, peak, text.size());
  // While loading: the reader's copy of the text, the document (its text and one tree), and
  // the model, whose lists may hold spare room while they grow. After: the model alone.
  CHECK(peak < tree + 2 * model + 2 * text.size());
  CHECK(model + tree / 2 < peak);
}
