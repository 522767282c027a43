// Splitting delimited text into records as it streams: see load/csv_records.hpp.
#include "load/csv_records.hpp"

#include <cstdint>
#include <cstring>
#include <system_error>

#include <fast_float/fast_float.h>
#include <fmt/format.h>

namespace tradeoff::loader {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// The first delimiter or line feed at or after `from` (or `size` when none), and in `quote`
/// the first quote before it (npos when none). Eight bytes at a time while none of the three
/// is among them: most of a table's bytes are digits.
size_t field_end(const char* data, size_t from, size_t size, char delimiter, size_t& quote) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  const uint64_t d = kOnes * static_cast<unsigned char>(delimiter);
  const uint64_t n = kOnes * static_cast<unsigned char>('\n');
  const uint64_t q = kOnes * static_cast<unsigned char>('"');
  // Nonzero exactly when some byte of v is zero.
  const auto any_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  size_t at = from;
  for (; at + 8 <= size; at += 8) {
    uint64_t w = 0;
    std::memcpy(&w, data + at, sizeof w);
    if ((any_zero(w ^ d) | any_zero(w ^ n) | any_zero(w ^ q)) != 0) break;
  }
  quote = std::string::npos;
  for (; at < size; ++at) {
    const char c = data[at];
    if (c == delimiter || c == '\n') return at;
    if (c == '"' && quote == std::string::npos) quote = at;
  }
  return size;
}

}  // namespace

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<double> parse_cell(std::string_view trimmed) {
  const char* b = trimmed.data();
  const char* e = b + trimmed.size();
  if (b != e && *b == '+') ++b;
  double v = 0;
  const auto r = fast_float::from_chars(b, e, v);
  if (r.ec != std::errc() || r.ptr != e || b == e || *b == '+') return std::nullopt;
  return v;
}

CsvSplitter::CsvSplitter(char delimiter, size_t max_record, OnRecord on_record, OnError on_error)
    : delimiter_(delimiter),
      max_record_(max_record),
      on_record_(std::move(on_record)),
      on_error_(std::move(on_error)) {}

void CsvSplitter::feed(std::string_view bytes) {
  if (failure_) {
    buffer_.append(bytes);
    report(false);
    return;
  }
  if (stopped_) return;
  // Keep only the unsplit tail, then add the new piece: the buffer holds one record at most,
  // plus one piece.
  buffer_.erase(0, consumed_);
  consumed_ = 0;
  buffer_.append(bytes);
  if (!started_) {
    if (buffer_.size() < kBom.size() && kBom.substr(0, buffer_.size()) == buffer_) return;
    started_ = true;
    if (buffer_.compare(0, kBom.size(), kBom) == 0) consumed_ = kBom.size();
  }
  drain(false);
}

void CsvSplitter::finish() {
  if (!stopped_) {
    started_ = true;
    drain(true);
  }
  if (failure_) report(true);  // the text ends: its line is as whole as it gets
}

void CsvSplitter::drain(bool last) {
  while (!stopped_ && consumed_ < buffer_.size()) {
    const size_t next = record(consumed_, last);
    if (next == std::string::npos) break;
    consumed_ = next;
  }
  if (!stopped_ && !last && buffer_.size() - consumed_ > max_record_) {
    fail(line_, 1,
         fmt::format("a row longer than {} bytes; this is not a table of scores", max_record_),
         consumed_);
  }
}

void CsvSplitter::fail(uint32_t line, uint32_t column, std::string message, size_t line_start) {
  failure_ = Failure{line, column, std::move(message), line_start};
  stopped_ = true;
  report(false);
}

void CsvSplitter::report(bool last) {
  const size_t start = failure_->line_start;
  const size_t end = buffer_.find('\n', start);
  // A line that never ends is cut at the longest record.
  if (end == std::string::npos && !last && buffer_.size() - start <= max_record_) return;
  std::string_view excerpt(buffer_.data() + start,
                           (end == std::string::npos ? buffer_.size() : end) - start);
  if (!excerpt.empty() && excerpt.back() == '\r') excerpt.remove_suffix(1);
  const Failure f = std::move(*failure_);
  failure_.reset();
  on_error_(f.line, f.column, f.message, excerpt);
}

size_t CsvSplitter::quoted(size_t at, bool last, CsvField& field, size_t& line_start,
                           uint32_t& line) {
  const char* data = buffer_.data();
  const size_t size = buffer_.size();
  const size_t opened_line = line_start;  // the line the quote opens on, for the excerpt
  size_t k = at + 1;
  bool doubled = false;
  while (true) {
    const void* hit = std::memchr(data + k, '"', size - k);
    // Line breaks inside the quotes: later fields are on later lines.
    const size_t stop =
        hit == nullptr ? size : static_cast<size_t>(static_cast<const char*>(hit) - data);
    for (size_t p = k; p < stop; ++p) {
      if (data[p] != '\n') continue;
      ++line;
      line_start = p + 1;
    }
    if (hit == nullptr) {
      if (last) {
        fail(field.line, field.column, "a quoted cell is not closed: the file ends inside it",
             opened_line);
      }
      return std::string::npos;
    }
    k = stop + 1;
    if (k < size && data[k] == '"') {  // a doubled quote: one quote of the text
      doubled = true;
      ++k;
      continue;
    }
    if (k == size && !last) return std::string::npos;  // a doubled quote may follow
    break;
  }
  std::string_view inner(data + at + 1, k - at - 2);
  if (doubled) {
    std::string& out = unescaped_.emplace_back();
    for (size_t i = 0; i < inner.size(); ++i) {
      out += inner[i];
      if (inner[i] == '"') ++i;
    }
    field.text = {};  // set once the record is whole: the list of copies may still grow
  } else {
    field.text = inner;
  }
  return k;
}

size_t CsvSplitter::record(size_t at, bool last) {
  record_.fields.clear();
  unescaped_.clear();
  std::vector<size_t> copies;  // fields whose text is one of unescaped_
  const char* data = buffer_.data();
  const size_t size = buffer_.size();
  uint32_t line = line_;
  size_t line_start = at;
  size_t k = at;
  while (true) {
    CsvField field;
    field.line = line;
    field.column = static_cast<uint32_t>(k - line_start + 1);
    if (k < size && data[k] == '"') {
      field.quoted = true;
      const size_t before = unescaped_.size();
      const size_t end = quoted(k, last, field, line_start, line);
      if (end == std::string::npos) return std::string::npos;
      if (unescaped_.size() > before) copies.push_back(record_.fields.size());
      k = end;
      if (k < size && data[k] != delimiter_ && data[k] != '\n' &&
          !(data[k] == '\r' && (k + 1 == size || data[k + 1] == '\n'))) {
        fail(line, static_cast<uint32_t>(k - line_start + 1),
             "text after a closing quote; a quote inside a quoted cell is written twice (\"\")",
             line_start);
        return std::string::npos;
      }
    } else {
      size_t quote = std::string::npos;
      const size_t e = field_end(data, k, size, delimiter_, quote);
      if (e == size && !last) return std::string::npos;
      size_t text_end = e;
      if (e < size && data[e] == '\n' && text_end > k && data[text_end - 1] == '\r') --text_end;
      if (e == size && text_end > k && data[text_end - 1] == '\r') --text_end;
      field.text = std::string_view(data + k, text_end - k);
      if (quote != std::string::npos) {
        fail(line, static_cast<uint32_t>(quote - line_start + 1),
             "a quote inside an unquoted cell; quote the whole cell and write the quote twice",
             line_start);
        return std::string::npos;
      }
      k = e;
    }
    record_.fields.push_back(field);
    if (k < size && data[k] == delimiter_) {
      ++k;
      continue;
    }
    if (k < size && data[k] == '\r') {
      if (k + 1 == size && !last) return std::string::npos;  // its line feed may follow
      ++k;
    }
    record_.end_line = line;
    record_.end_column = static_cast<uint32_t>(k - line_start + 1);
    const bool newline = k < size && data[k] == '\n';
    if (newline) ++k;
    break;
  }
  for (size_t i = 0; i < copies.size(); ++i) record_.fields[copies[i]].text = unescaped_[i];
  // The record's first line: all of it, unless a quoted cell broke it.
  const size_t first_end = line == line_ ? k : buffer_.find('\n', at);
  std::string_view first(data + at, (first_end == std::string::npos ? size : first_end) - at);
  if (!first.empty() && first.back() == '\n') first.remove_suffix(1);
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  record_.first_line = first;
  line_ = line + (k > 0 && data[k - 1] == '\n' ? 1 : 0);
  if (!on_record_(record_)) stopped_ = true;
  return k;
}

}  // namespace tradeoff::loader
