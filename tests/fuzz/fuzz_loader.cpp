// Fuzz target: the YAML loaders (framework, assessment, criterion) and evaluation.
// Contract: any input either loads, or throws tradeoff::Error; anything else (another
// exception, a crash, a sanitizer report, a NaN score) is a bug.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  tradeoff::MemoryReader reader;
  reader.add("fuzz.yaml", text);
  // A framework the fuzzed assessment may name, and a local catalog entry it may use.
  reader.add("base.yaml",
             R"(framework: base
criteria:
  - {id: cost, direction: cost, weight: 1}
  - {id: quality, direction: benefit, scale: [1, 5], weight: 2}
options:
  - {id: a, scores: {cost: 10, quality: 3}}
  - {id: b, scores: {cost: 20, quality: 5}}
)");
  tradeoff::Result result;
  try {
    const auto kind = tradeoff::detect_kind(reader, "fuzz.yaml");
    if (kind == tradeoff::FileKind::Criterion) {
      tradeoff::load_criterion(reader, "fuzz.yaml");
      return 0;
    }
    const tradeoff::Loaded loaded = tradeoff::load(reader, "fuzz.yaml");
    result =
        tradeoff::evaluate(loaded.framework, loaded.assessment ? &*loaded.assessment : nullptr);
    for (auto format : {tradeoff::Format::Text, tradeoff::Format::Json, tradeoff::Format::Markdown,
                        tradeoff::Format::Csv}) {
      tradeoff::render(result, {format, false});
    }
  } catch (const tradeoff::Error&) {
    return 0;  // rejected with a diagnostic: the expected outcome for bad input
  }
  for (const auto& entry : result.ranking) {
    if (!std::isfinite(entry.score)) std::abort();  // a NaN or infinity must never be ranked
  }
  return 0;
}
