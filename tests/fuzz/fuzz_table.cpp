// Fuzz target: tables of scores (`scores_from:`), as a framework's table and as an assessment's,
// then evaluation and every renderer. Contract: any table either loads, or throws
// tradeoff::Error; read in pieces of any size it gives the same values and the same problems as
// read whole; anything else (another exception, a crash, a sanitizer report, a NaN score) is a
// bug. The first byte chooses the piece size.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "load/score_table.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"
#include "tradeoff/report.hpp"

namespace {

constexpr const char* kFramework = R"(framework: vendors
scores_from: scores.csv
criteria:
  - {id: price, direction: cost, weight: 3}
  - {id: quality, direction: benefit, scale: [1, 5], weight: 2}
  - {id: support, direction: benefit, scale: [0, 10], weight: 1}
options:
  - {id: acme, scores: {support: 4}}
rules:
  - {id: r, when: "true", adjust: [{option: acme, criterion: quality, add: 1}], because: x}
)";

/// Reads `text` whole and in pieces of `piece` bytes; both must agree.
void same_in_pieces(const tradeoff::Framework& fw, const std::string& text, size_t piece) {
  tradeoff::loader::TableSpec spec;
  spec.file = "t.csv";
  spec.framework = &fw;
  tradeoff::DiagnosticSink whole_sink;
  tradeoff::DiagnosticSink piece_sink;
  const auto whole = tradeoff::loader::read_score_table(
      spec, [&](const auto& sink) { sink(text); }, whole_sink);
  const auto pieces = tradeoff::loader::read_score_table(
      spec,
      [&](const auto& sink) {
        for (size_t at = 0; at < text.size(); at += piece) {
          sink(std::string_view(text).substr(at, piece));
        }
      },
      piece_sink);
  if (whole.options != pieces.options || whole.positions != pieces.positions ||
      whole.values.size() != pieces.values.size()) {
    std::abort();
  }
  for (size_t k = 0; k < whole.values.size(); ++k) {
    const bool both_nan = std::isnan(whole.values[k]) && std::isnan(pieces.values[k]);
    if (!both_nan && whole.values[k] != pieces.values[k]) std::abort();
  }
  if (whole_sink.diagnostics().size() != piece_sink.diagnostics().size()) std::abort();
  for (size_t k = 0; k < whole_sink.diagnostics().size(); ++k) {
    const auto& a = whole_sink.diagnostics()[k];
    const auto& b = piece_sink.diagnostics()[k];
    if (a.message != b.message || a.where.line != b.where.line ||
        a.where.column != b.where.column) {
      std::abort();
    }
  }
}

void evaluate_and_render(const tradeoff::Loaded& loaded) {
  const tradeoff::Result result =
      tradeoff::evaluate(loaded.framework, loaded.assessment ? &*loaded.assessment : nullptr);
  for (auto format : {tradeoff::Format::Text, tradeoff::Format::Json, tradeoff::Format::Csv}) {
    tradeoff::render(result, {format, false});
  }
  for (const auto& entry : result.ranking) {
    if (!std::isfinite(entry.score)) std::abort();  // a NaN or infinity must never be ranked
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t piece = 1 + data[0] % 64;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  tradeoff::MemoryReader reader;
  reader.add("f.yaml", kFramework);
  reader.add("scores.csv", text);
  try {
    const tradeoff::Loaded loaded = tradeoff::load(reader, "f.yaml");
    same_in_pieces(loaded.framework, text, piece);
    evaluate_and_render(loaded);
  } catch (const tradeoff::Error&) {
    // rejected with a diagnostic: the expected outcome for bad input
  }
  // The same bytes as an assessment's table over a framework with a table of its own.
  reader.add("scores.csv", "option,price,quality\nacme,100,3\nbeta,80,4\n");
  reader.add("a.yaml", "assessment: a\nframework: f.yaml\nscores_from: quotes.csv\n");
  reader.add("quotes.csv", text);
  try {
    evaluate_and_render(tradeoff::load(reader, "a.yaml"));
  } catch (const tradeoff::Error&) {
  }
  return 0;
}
