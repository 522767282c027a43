// The lint entry point (tradeoff/lint.hpp): runs the checks over a loaded framework or
// assessment, and the helpers they share (dates, finding words in the source text).
#include "tradeoff/lint.hpp"

#include <algorithm>
#include <cctype>

#include "lint/checks.hpp"
#include "tradeoff/evaluate.hpp"

namespace tradeoff {

namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

/// Days from 1970-01-01 to year-month-day of the proleptic Gregorian calendar (Howard
/// Hinnant's days_from_civil).
long days_from_civil(long y, long m, long d) {
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::optional<long> day_number(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  long parts[3] = {0, 0, 0};
  size_t at = 0;
  for (int k = 0; k < 3; ++k) {
    const size_t width = k == 0 ? 4 : 2;
    for (size_t i = 0; i < width; ++i, ++at) {
      if (std::isdigit(static_cast<unsigned char>(date[at])) == 0) return std::nullopt;
      parts[k] = parts[k] * 10 + (date[at] - '0');
    }
    ++at;  // the '-'
  }
  static const long kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const long month = parts[1];
  if (month < 1 || month > 12 || parts[2] < 1) return std::nullopt;
  const long days = kDays[month - 1] + (month == 2 && leap(parts[0]) ? 1 : 0);
  if (parts[2] > days) return std::nullopt;
  return days_from_civil(parts[0], month, parts[2]);
}

namespace linter {

void Context::warn(ErrorCode code, SourceLocation where, std::string message, std::string hint,
                   int length) {
  Diagnostic d = make_diagnostic(code, std::move(where), std::move(message), std::move(hint),
                                 Severity::Warning);
  d.length = std::max(1, length);
  out.push_back(std::move(d));
}

std::string quoted_names(const std::vector<std::string>& ids, std::string_view conjunction) {
  std::string out;
  for (size_t k = 0; k < ids.size(); ++k) {
    if (k > 0) out += ids.size() == 2 ? " " : ", ";
    if (k > 0 && k + 1 == ids.size()) out += std::string(conjunction) + " ";
    out += "'" + ids[k] + "'";
  }
  return out;
}

const SourceTexts::Text& SourceTexts::text_of(const std::string& file) {
  auto it = texts_.find(file);
  if (it != texts_.end()) return it->second;
  Text t;
  try {
    t.text = reader_.read(file);
  } catch (const Error&) {
    t.text.clear();  // no text: carets stay at the reason's start
  }
  if (t.text.compare(0, 3, "\xEF\xBB\xBF") == 0) t.text.erase(0, 3);
  t.line_starts.push_back(0);
  for (size_t i = 0; i < t.text.size(); ++i) {
    if (t.text[i] == '\n') t.line_starts.push_back(i + 1);
  }
  return texts_.emplace(file, std::move(t)).first->second;
}

std::pair<SourceLocation, int> SourceTexts::find_word(const SourceLocation& from,
                                                      std::string_view word) {
  const Text& t = text_of(from.file);
  const auto not_found = std::make_pair(from, 1);
  if (from.line <= 0 || static_cast<size_t>(from.line) > t.line_starts.size()) return not_found;
  // Columns count characters (UTF-8 code points), as the loader's do.
  size_t start = t.line_starts[static_cast<size_t>(from.line) - 1];
  for (int c = 1; c < from.column && start < t.text.size() && t.text[start] != '\n'; ++c) {
    ++start;
    while (start < t.text.size() && (static_cast<unsigned char>(t.text[start]) & 0xC0) == 0x80) {
      ++start;
    }
  }
  for (size_t at = t.text.find(word, start); at != std::string::npos;
       at = t.text.find(word, at + 1)) {
    const bool starts = at == 0 || !is_word_char(t.text[at - 1]);
    const size_t end = at + word.size();
    if (!starts || (end < t.text.size() && is_word_char(t.text[end]))) continue;
    const auto line_it = std::upper_bound(t.line_starts.begin(), t.line_starts.end(), at);
    const size_t line = static_cast<size_t>(line_it - t.line_starts.begin());
    int column = 1;
    for (size_t i = t.line_starts[line - 1]; i < at; ++i) {
      if ((static_cast<unsigned char>(t.text[i]) & 0xC0) != 0x80) ++column;
    }
    return {SourceLocation{from.file, static_cast<int>(line), column},
            static_cast<int>(word.size())};
  }
  return not_found;
}

}  // namespace linter

std::vector<Diagnostic> lint(SourceReader& reader, const Loaded& loaded, const LintOptions& options,
                             const Result* evaluated) {
  std::optional<Result> own;
  const Assessment* assessment = loaded.assessment ? &*loaded.assessment : nullptr;
  if (evaluated == nullptr) {
    own = evaluate(loaded.framework, assessment);
    evaluated = &*own;
  }
  std::vector<Diagnostic> out;
  linter::SourceTexts texts(reader);
  // What the files' own `extends:` chains removed, besides what the caller names.
  LintOptions with_removed = options;
  with_removed.removed.insert(with_removed.removed.end(), loaded.removed.begin(),
                              loaded.removed.end());
  linter::Context ctx{loaded.framework, assessment, with_removed, *evaluated, texts, out};
  if (assessment == nullptr) {
    linter::check_unused_inputs(ctx);
    linter::check_rules_reach(ctx);
    linter::check_constant_criteria(ctx);
  }
  linter::check_zero_weights(ctx);
  linter::check_unexplained_scores(ctx);
  linter::check_ahp(ctx);
  linter::check_ages(ctx);
  linter::check_reasons(ctx);
  if (assessment != nullptr) {
    // Only what the assessment's own file says: the framework has its own lint.
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const Diagnostic& d) { return d.where.file != assessment->file; }),
              out.end());
  }
  sort_by_source(out);
  return out;
}

}  // namespace tradeoff
