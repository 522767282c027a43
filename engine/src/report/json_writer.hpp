// A JSON writer that streams: values go to the output as they come, so a report of any size
// needs no document tree. Fixed layout (two-space indent, keys in the order written, figures to
// 12 significant digits), so that the same result always prints the same bytes.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace tradeoff::detail {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  /// The key of the next value, inside an object.
  JsonWriter& key(std::string_view name);

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();

  void string(std::string_view text);
  /// The text, or null when it is empty.
  void text_or_null(std::string_view text);
  /// A figure: rounded to 12 significant digits; whole numbers as integers; NaN and infinities
  /// (which a result never holds) as null.
  void number(double value);
  void integer(int64_t value);
  void boolean(bool value);
  void null();

  /// The newline after the top-level value.
  void finish();

 private:
  /// The separator and indentation before a value in an array (in an object, key() wrote them).
  void before_value();
  /// The separator and indentation before an item of the innermost container.
  void next_item();
  /// Ends the innermost container with `bracket`, on a line of its own when it has items.
  void close(char bracket);
  void indent(size_t depth);

  std::ostream& out_;
  std::vector<bool> has_items_;  ///< per open container: whether an item was written
  bool after_key_ = false;
};

/// The keys of an object written from `keys` in turn, where a key given twice keeps its first
/// place and takes its last value (as assigning them one by one to a map does): the indices
/// into `keys` of the values to write, in order.
std::vector<size_t> last_of_each_key(const std::vector<std::string>& keys);

/// `text` as a JSON string, quotes included: '"' and '\' and control characters escaped,
/// other characters as they are, each invalid UTF-8 sequence replaced by U+FFFD.
void write_json_string(std::ostream& out, std::string_view text);

/// `value` as the shortest JSON number that reads back as the same double ("0.1", "1e-07",
/// "12345678.9"); "null" when it is not finite. No rounding.
void write_json_double(std::ostream& out, double value);

}  // namespace tradeoff::detail
