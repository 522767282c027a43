// Typed reads from the YAML tree, with located diagnostics.
#include "load/schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "suggest.hpp"
#include "text.hpp"

namespace tradeoff::loader {

std::optional<double> parse_number(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) clean += text[i++];
  bool digits = false;
  bool dot = false;
  bool exponent = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      clean += c;
      digits = true;
    } else if (c == '_') {
      // Only between two digits of the mantissa, as in 1_000_000.
      if (exponent || i == 0 || i + 1 >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i - 1])) ||
          !std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
        return std::nullopt;
      }
    } else if (c == '.' && !dot && !exponent) {
      clean += c;
      dot = true;
    } else if ((c == 'e' || c == 'E') && digits && !exponent) {
      clean += c;
      exponent = true;
      if (i + 1 < text.size() && (text[i + 1] == '+' || text[i + 1] == '-')) clean += text[++i];
      if (i + 1 >= text.size()) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (!digits) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(clean.c_str(), &end);
  if (end != clean.c_str() + clean.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || id[0] < 'a' || id[0] > 'z') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

namespace {
int caret_length(const yaml::Node& node) {
  if (!node.is_scalar() || node.scalar.find('\n') != std::string::npos) return 1;
  const bool quoted =
      node.style == yaml::Style::SingleQuoted || node.style == yaml::Style::DoubleQuoted;
  return std::max(1, static_cast<int>(detail::display_width(node.scalar)) + (quoted ? 2 : 0));
}
}  // namespace

void Context::error(ErrorCode code, const yaml::Node& node, std::string message,
                    std::string hint) {
  Diagnostic d;
  d.code = code;
  d.where = at(node);
  d.message = std::move(message);
  d.hint = std::move(hint);
  d.length = caret_length(node);
  sink_.add(std::move(d));
}

void Context::warning(ErrorCode code, const yaml::Node& node, std::string message,
                      std::string hint) {
  Diagnostic d;
  d.code = code;
  d.where = at(node);
  d.message = std::move(message);
  d.hint = std::move(hint);
  d.length = caret_length(node);
  d.severity = Severity::Warning;
  sink_.add(std::move(d));
}

std::optional<std::string> Context::string(const yaml::Node& node, std::string_view what) {
  if (node.is_scalar()) return node.scalar;
  error(ErrorCode::WrongType, node,
        fmt::format("expected a string for {}, got {}", what, yaml::describe(node)));
  return std::nullopt;
}

std::optional<double> Context::number(const yaml::Node& node, std::string_view what) {
  if (node.is_scalar() && node.style == yaml::Style::Plain) {
    if (auto value = parse_number(node.scalar)) return value;
  }
  const bool quoted_number = node.is_scalar() && node.style != yaml::Style::Plain &&
                             parse_number(node.scalar).has_value();
  error(ErrorCode::WrongType, node,
        fmt::format("expected a number for {}, got {}", what, yaml::describe(node)),
        quoted_number ? "remove the quotes: a quoted value is a string" : "");
  return std::nullopt;
}

std::optional<bool> Context::boolean(const yaml::Node& node, std::string_view what) {
  if (node.is_scalar() && node.style == yaml::Style::Plain) {
    const std::string& s = node.scalar;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
  }
  error(ErrorCode::WrongType, node,
        fmt::format("expected true or false for {}, got {}", what, yaml::describe(node)));
  return std::nullopt;
}

std::optional<std::string> Context::id(const yaml::Node& node, std::string_view what) {
  if (!node.is_scalar()) {
    error(ErrorCode::WrongType, node,
          fmt::format("expected an id for {}, got {}", what, yaml::describe(node)));
    return std::nullopt;
  }
  if (!is_valid_id(node.scalar)) {
    error(ErrorCode::InvalidValue, node,
          fmt::format("invalid id '{}' for {}: ids are snake_case (a lower-case letter, then "
                      "lower-case letters, digits or '_', at most 64)",
                      node.scalar, what));
    return std::nullopt;
  }
  return node.scalar;
}

std::optional<std::string> Context::date(const yaml::Node& node, std::string_view what) {
  if (node.is_scalar()) {
    const std::string& s = node.scalar;
    const bool shape = s.size() == 10 && s[4] == '-' && s[7] == '-' &&
                       std::all_of(s.begin(), s.end(), [](char c) {
                         return c == '-' || (c >= '0' && c <= '9');
                       });
    if (shape) {
      const int month = std::atoi(s.substr(5, 2).c_str());
      const int day = std::atoi(s.substr(8, 2).c_str());
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return s;
    }
  }
  error(ErrorCode::WrongType, node,
        fmt::format("expected a date (YYYY-MM-DD) for {}, got {}", what, yaml::describe(node)));
  return std::nullopt;
}

std::vector<std::string> Context::id_list(const yaml::Node& node, std::string_view what) {
  std::vector<std::string> out;
  if (node.is_scalar()) {
    if (auto v = id(node, what)) out.push_back(*v);
    return out;
  }
  if (!node.is_sequence()) {
    error(ErrorCode::WrongType, node,
          fmt::format("expected a list of ids for {}, got {}", what, yaml::describe(node)));
    return out;
  }
  for (const auto& item : node.items) {
    if (auto v = id(item, what)) out.push_back(*v);
  }
  return out;
}

Fields::Fields(Context& ctx, const yaml::Node& node, std::string what)
    : ctx_(ctx), node_(node), what_(std::move(what)) {
  ok_ = node.is_mapping();
  if (!ok_) {
    ctx_.error(ErrorCode::WrongType, node,
               fmt::format("expected a mapping for {}, got {}", what_, yaml::describe(node)));
  }
}

const yaml::Node* Fields::optional(std::string_view key) {
  known_.emplace_back(key);
  if (!ok_) return nullptr;
  const yaml::Node* value = node_.find(key);
  return value;
}

const yaml::Node* Fields::required(std::string_view key) {
  const yaml::Node* value = optional(key);
  if (ok_ && value == nullptr) {
    ctx_.error(ErrorCode::MissingKey, node_, fmt::format("missing key '{}' in {}", key, what_));
  }
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
    if (std::find(known_.begin(), known_.end(), key.scalar) != known_.end()) continue;
    ctx_.error(ErrorCode::UnknownKey, key, fmt::format("unknown key '{}' in {}", key.scalar, what_),
               detail::did_you_mean(key.scalar, known_));
  }
}

}  // namespace tradeoff::loader
