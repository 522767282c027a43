// Field readers: typed reads from the YAML tree and the keys of mappings, with located
// diagnostics worded by messages.hpp.
#include "load/fields.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "support/text.hpp"

namespace tradeoff::loader {

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || id[0] < 'a' || id[0] > 'z') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

namespace {
int caret_length(const yaml::Node& node) {
  if (!node.is_scalar() || node.scalar.find('\n') != std::string::npos) return 1;
  const bool quoted =
      node.style == yaml::Style::SingleQuoted || node.style == yaml::Style::DoubleQuoted;
  return std::max(1, static_cast<int>(detail::display_width(node.scalar)) + (quoted ? 2 : 0));
}
}  // namespace

void Context::error(ErrorCode code, const yaml::Node& node, std::string message, std::string hint) {
  Diagnostic d = make_diagnostic(code, at(node), std::move(message), std::move(hint));
  d.length = caret_length(node);
  sink_.add(std::move(d));
}

void Context::warning(ErrorCode code, const yaml::Node& node, std::string message,
                      std::string hint) {
  Diagnostic d =
      make_diagnostic(code, at(node), std::move(message), std::move(hint), Severity::Warning);
  d.length = caret_length(node);
  sink_.add(std::move(d));
}

void Context::report(const yaml::Node& node, Message message) {
  error(message.code, node, std::move(message.text), std::move(message.hint));
}

void Context::report(const SourceLocation& where, Message message) {
  sink_.error(message.code, where, std::move(message.text), std::move(message.hint));
}

std::optional<std::string> Context::string(const yaml::Node& node, std::string_view what) {
  if (node.is_scalar()) return node.scalar;
  report(node, wrong_type("a string", what, node));
  return std::nullopt;
}

std::optional<double> Context::number(const yaml::Node& node, std::string_view what) {
  if (node.is_scalar() && node.style == yaml::Style::Plain) {
    if (auto value = parse_number(node.scalar)) return value;
  }
  const bool quoted_number =
      node.is_scalar() && node.style != yaml::Style::Plain && parse_number(node.scalar).has_value();
  Message m = wrong_type("a number", what, node);
  if (quoted_number) m.hint = "remove the quotes: a quoted value is a string";
  report(node, std::move(m));
  return std::nullopt;
}

std::optional<bool> Context::boolean(const yaml::Node& node, std::string_view what) {
  if (node.is_scalar() && node.style == yaml::Style::Plain) {
    const std::string& s = node.scalar;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
  }
  report(node, wrong_type("true or false", what, node));
  return std::nullopt;
}

std::optional<std::string> Context::id(const yaml::Node& node, std::string_view what) {
  if (!node.is_scalar()) {
    report(node, wrong_type("an id", what, node));
    return std::nullopt;
  }
  if (!is_valid_id(node.scalar)) {
    report(node, invalid_id(node.scalar, what));
    return std::nullopt;
  }
  return node.scalar;
}

namespace {

int days_in(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<std::string> Context::date(const yaml::Node& node, std::string_view what) {
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  if (node.is_scalar()) {
    const std::string& s = node.scalar;
    const bool shape =
        s.size() == 10 && s[4] == '-' && s[7] == '-' &&
        std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
    if (shape) {
      const int year = std::atoi(s.substr(0, 4).c_str());
      const int month = std::atoi(s.substr(5, 2).c_str());
      const int day = std::atoi(s.substr(8, 2).c_str());
      if (month >= 1 && month <= 12 && day >= 1 && day <= days_in(year, month)) return s;
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
        error(ErrorCode::InvalidValue, node,
              fmt::format("'{}' is not a date: {} {} has {} days", s, kMonths[month - 1], year,
                          days_in(year, month)));
        return std::nullopt;
      }
    }
  }
  report(node, wrong_type("a date (YYYY-MM-DD)", what, node));
  return std::nullopt;
}

std::vector<std::string> Context::id_list(const yaml::Node& node, std::string_view what) {
  std::vector<std::string> out;
  if (node.is_scalar()) {
    if (auto v = id(node, what)) out.push_back(*v);
    return out;
  }
  if (!node.is_sequence()) {
    report(node, wrong_type("a list of ids", what, node));
    return out;
  }
  for (const auto& item : node.items) {
    if (auto v = id(item, what)) out.push_back(*v);
  }
  return out;
}

std::string item_name(const yaml::Node& item, std::string_view kind, size_t number,
                      std::string_view key) {
  const yaml::Node* id = item.is_mapping() ? item.find(key) : nullptr;
  if (id != nullptr && id->is_scalar()) return fmt::format("{} '{}'", kind, id->scalar);
  return fmt::format("{} #{}", kind, number);
}

bool UniqueIds::insert(Context& ctx, const yaml::Node& at, const std::string& id, int line) {
  const auto [it, fresh] = first_line_.emplace(id, line);
  if (!fresh) ctx.report(at, duplicate_id(kind_, id, it->second));
  return fresh;
}

Fields::Fields(Context& ctx, const yaml::Node& node, std::string what)
    : ctx_(ctx), node_(node), what_(std::move(what)) {
  ok_ = node.is_mapping();
  if (!ok_) ctx_.report(node, wrong_type("a mapping", what_, node));
}

const yaml::Node* Fields::optional(std::string_view key) {
  known_.emplace_back(key);
  if (!ok_) return nullptr;
  return node_.find(key);
}

const yaml::Node* Fields::required(std::string_view key) {
  const yaml::Node* value = optional(key);
  if (ok_ && value == nullptr) ctx_.report(node_, missing_key(key, what_));
  return value;
}

const yaml::Node* Fields::key_node(std::string_view key) const {
  for (const auto& [k, v] : node_.entries) {
    if (k.scalar == key) return &k;
  }
  return nullptr;
}

void Fields::finish() {
  if (!ok_) return;
  for (const auto& [key, value] : node_.entries) {
    if (contains(known_, key.scalar)) continue;
    ctx_.report(key, unknown_key(key.scalar, what_, known_));
  }
}

}  // namespace tradeoff::loader
