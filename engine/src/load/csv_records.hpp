// Splitting delimited text (RFC 4180) into records of fields as it streams: bytes come in
// pieces of any size; a record is handed over once its end has arrived. Quoted fields may hold
// delimiters, line breaks and doubled quotes; CRLF and LF both end a record; a UTF-8 byte order
// mark at the start is skipped. Each field keeps its line and column for messages.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tradeoff::loader {

struct CsvField {
  std::string_view text;  ///< unquoted; valid until the next record
  uint32_t line = 0;      ///< 1-based
  uint32_t column = 0;    ///< 1-based, in bytes from the start of its line
  bool quoted = false;
  /// Set when the splitting parsed the cell's number ahead (load/csv_pipeline.hpp): 1 with the
  /// number in `number`, 0 when parse_cell() finds none; -1 when it was not tried.
  int8_t parsed = -1;
  double number = 0;
};

/// A record as split: its fields, and the line and column where it ends (for "missing cell").
struct CsvRecord {
  std::vector<CsvField> fields;
  uint32_t end_line = 0;
  uint32_t end_column = 0;
  std::string_view first_line;  ///< the text of the record's first line, for excerpts
};

/// A cell's text without the spaces and tabs around it.
std::string_view trim_blanks(std::string_view s);

/// A cell's number (its text trimmed first): a plain decimal or scientific number, a leading
/// '+' allowed; none for anything else.
std::optional<double> parse_cell(std::string_view trimmed);

class CsvSplitter {
 public:
  /// Called with each record; returns false to stop reading.
  using OnRecord = std::function<bool(const CsvRecord&)>;
  /// A malformed record: a quote inside an unquoted field, text after a closing quote, an
  /// unclosed quote at the end, or a record over `max_record` bytes. Reading stops after it.
  using OnError = std::function<void(uint32_t line, uint32_t column, std::string message,
                                     std::string_view excerpt)>;

  CsvSplitter(char delimiter, size_t max_record, OnRecord on_record, OnError on_error);

  /// The next piece of the text.
  void feed(std::string_view bytes);
  /// The end of the text: hands over a last record that has no line break after it.
  void finish();
  bool stopped() const { return stopped_; }

 private:
  /// Splits the record at buffer_[at...]; returns the offset past it, or npos when its end
  /// has not arrived yet (or reading stopped).
  size_t record(size_t at, bool last);
  /// A quoted field starting at the opening quote; returns the offset past the closing quote,
  /// or npos when the field has not ended yet.
  size_t quoted(size_t at, bool last, CsvField& field, size_t& line_start, uint32_t& line);
  void fail(uint32_t line, uint32_t column, std::string message, size_t line_start);
  /// Reports the failure once its line has arrived whole (or the text ended), so that its
  /// excerpt does not depend on where a piece happened to end.
  void report(bool last);
  void drain(bool last);

  struct Failure {
    uint32_t line = 0;
    uint32_t column = 0;
    std::string message;
    size_t line_start = 0;  ///< in buffer_
  };

  char delimiter_;
  size_t max_record_;
  OnRecord on_record_;
  OnError on_error_;
  std::string buffer_;
  size_t consumed_ = 0;  ///< bytes of buffer_ already split
  uint32_t line_ = 1;    ///< the line at buffer_[consumed_]
  bool started_ = false;
  bool stopped_ = false;
  std::optional<Failure> failure_;  ///< waiting for the rest of its line
  CsvRecord record_;
  std::vector<std::string> unescaped_;  ///< quoted fields with doubled quotes, per field
};

}  // namespace tradeoff::loader
