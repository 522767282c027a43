// The streaming JSON writer: the bytes of nlohmann-json's dump(2, ' ', false, replace), which
// wrote the reports before it (layout, escapes, U+FFFD for invalid UTF-8, nlohmann's shortest
// round-trip digits for doubles); the unit tests hold it to that byte for byte.
#include "report/json_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <ostream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// The length of the well-formed UTF-8 sequence that starts at text[i] (a byte >= 0x80), or
/// 0 with `bad` set to the offset of the first byte that cannot belong to it (text.size() when
/// the text ends inside it). Overlong forms, surrogates and code points past U+10FFFF are
/// ill-formed.
size_t utf8_sequence(std::string_view text, size_t i, size_t& bad) {
  const auto lead = static_cast<unsigned char>(text[i]);
  size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    bad = i;
    return 0;
  }
  for (size_t k = 1; k < length; ++k) {
    if (i + k >= text.size()) {
      bad = text.size();
      return 0;
    }
    const auto c = static_cast<unsigned char>(text[i + k]);
    if (c < low || c > high) {
      bad = i + k;
      return 0;
    }
    low = 0x80;
    high = 0xBF;
  }
  return length;
}

/// The escape of an ASCII character that a JSON string cannot hold as it is.
void write_escape(std::ostream& out, unsigned char c) {
  switch (c) {
    case '"':
      out << "\\\"";
      return;
    case '\\':
      out << "\\\\";
      return;
    case '\b':
      out << "\\b";
      return;
    case '\t':
      out << "\\t";
      return;
    case '\n':
      out << "\\n";
      return;
    case '\f':
      out << "\\f";
      return;
    case '\r':
      out << "\\r";
      return;
    default:
      break;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  const char escape[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
  out.write(escape, sizeof escape);
}

}  // namespace

void write_json_string(std::ostream& out, std::string_view text) {
  out << '"';
  size_t run = 0;  // start of the bytes not written yet that need no change
  size_t i = 0;
  const auto flush = [&](size_t end) {
    out.write(text.data() + run, static_cast<std::streamsize>(end - run));
  };
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      size_t bad = 0;
      if (const size_t length = utf8_sequence(text, i, bad); length > 0) {
        i += length;
        continue;
      }
      // The bytes up to the one that breaks the sequence become one U+FFFD; that byte starts
      // afresh, unless it is the first.
      flush(i);
      out << kReplacement;
      i = bad == i ? i + 1 : bad;
      run = i;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    flush(i);
    write_escape(out, c);
    run = ++i;
  }
  flush(i);
  out << '"';
}

std::vector<size_t> last_of_each_key(const std::vector<std::string>& keys) {
  std::unordered_map<std::string_view, size_t> last;
  last.reserve(keys.size());
  std::vector<std::string_view> order;
  for (size_t k = 0; k < keys.size(); ++k) {
    if (last.insert_or_assign(keys[k], k).second) order.push_back(keys[k]);
  }
  std::vector<size_t> out;
  out.reserve(order.size());
  for (const auto& key : order) out.push_back(last[key]);
  return out;
}

void write_json_double(std::ostream& out, double value) {
  if (!std::isfinite(value)) {
    out << "null";
    return;
  }
  std::array<char, 64> buffer{};
  const char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out.write(buffer.data(), end - buffer.data());
}

JsonWriter& JsonWriter::key(std::string_view name) {
  next_item();
  write_json_string(out_, name);
  out_ << ": ";
  after_key_ = true;
  return *this;
}

void JsonWriter::begin_object() {
  before_value();
  out_ << '{';
  has_items_.push_back(false);
}

void JsonWriter::end_object() { close('}'); }

void JsonWriter::begin_array() {
  before_value();
  out_ << '[';
  has_items_.push_back(false);
}

void JsonWriter::end_array() { close(']'); }

void JsonWriter::string(std::string_view text) {
  before_value();
  write_json_string(out_, text);
}

void JsonWriter::text_or_null(std::string_view text) {
  if (text.empty()) {
    null();
  } else {
    string(text);
  }
}

void JsonWriter::number(double value) {
  const double r = round_for_output(value);
  if (r == std::floor(r) && std::fabs(r) < 9007199254740992.0) {
    integer(static_cast<int64_t>(r));
    return;
  }
  before_value();
  write_json_double(out_, r);
}

void JsonWriter::integer(int64_t value) {
  before_value();
  std::array<char, 24> buffer{};
  const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  (void)error;  // 24 characters hold every int64
  out_.write(buffer.data(), end - buffer.data());
}

void JsonWriter::boolean(bool value) {
  before_value();
  out_ << (value ? "true" : "false");
}

void JsonWriter::null() {
  before_value();
  out_ << "null";
}

void JsonWriter::finish() { out_ << '\n'; }

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_items_.empty()) next_item();
}

void JsonWriter::next_item() {
  out_ << (has_items_.back() ? ",\n" : "\n");
  has_items_.back() = true;
  indent(has_items_.size());
}

void JsonWriter::close(char bracket) {
  const bool items = has_items_.back();
  has_items_.pop_back();
  if (items) {
    out_ << '\n';
    indent(has_items_.size());
  }
  out_ << bracket;
}

void JsonWriter::indent(size_t depth) {
  static constexpr std::string_view kSpaces = "                                ";
  for (size_t n = depth * 2; n > 0;) {
    const size_t chunk = std::min(n, kSpaces.size());
    out_.write(kSpaces.data(), static_cast<std::streamsize>(chunk));
    n -= chunk;
  }
}

}  // namespace tradeoff::detail
