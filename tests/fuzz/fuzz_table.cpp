// Fuzz target: tables of scores (`scores_from:`), as a framework's table and as an assessment's,
// then evaluation and every renderer. Contract: any table either loads, or throws
// tradeoff::Error; read in pieces of any size it gives the same values and the same problems as
// read whole, also when split on a second thread; anything else (another exception, a crash, a
// sanitizer report, a NaN score) is a bug. The first byte chooses the piece size.
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

/// Reads `text` in pieces of `piece` bytes (0: whole), on one thread or splitting on a second.
tradeoff::ScoreTable read(const tradeoff::Framework& fw, const std::string& text, size_t piece,
                          bool second_thread, tradeoff::DiagnosticSink& sink) {
  tradeoff::loader::TableSpec spec;
  spec.file = "t.csv";
  spec.framework = &fw;
  spec.second_thread_from = second_thread ? 0 : static_cast<size_t>(-1);
  return tradeoff::loader::read_score_table(
      spec,
      [&](const auto& feed) {
        if (piece == 0) {
          feed(text);
          return;
        }
        for (size_t at = 0; at < text.size(); at += piece) {
          feed(std::string_view(text).substr(at, piece));
        }
      },
      sink);
}

void same(const tradeoff::ScoreTable& a, const tradeoff::DiagnosticSink& a_sink,
          const tradeoff::ScoreTable& b, const tradeoff::DiagnosticSink& b_sink) {
  if (a.options != b.options || a.positions != b.positions || a.columns != b.columns ||
      a.lines != b.lines || a.values.size() != b.values.size()) {
    std::abort();
  }
  for (size_t k = 0; k < a.values.size(); ++k) {
    const bool both_nan = std::isnan(a.values[k]) && std::isnan(b.values[k]);
    if (!both_nan && a.values[k] != b.values[k]) std::abort();
  }
  if (a_sink.diagnostics().size() != b_sink.diagnostics().size()) std::abort();
  for (size_t k = 0; k < a_sink.diagnostics().size(); ++k) {
    const auto& x = a_sink.diagnostics()[k];
    const auto& y = b_sink.diagnostics()[k];
    if (x.message != y.message || x.where.line != y.where.line ||
        x.where.column != y.where.column || x.excerpt != y.excerpt) {
      std::abort();
    }
  }
}

/// Reads `text` whole, in pieces of `piece` bytes, and in pieces split on a second thread: all
/// three must agree.
void same_in_pieces(const tradeoff::Framework& fw, const std::string& text, size_t piece) {
  tradeoff::DiagnosticSink whole_sink;
  tradeoff::DiagnosticSink piece_sink;
  tradeoff::DiagnosticSink thread_sink;
  const auto whole = read(fw, text, 0, false, whole_sink);
  same(whole, whole_sink, read(fw, text, piece, false, piece_sink), piece_sink);
  same(whole, whole_sink, read(fw, text, piece, true, thread_sink), thread_sink);
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
