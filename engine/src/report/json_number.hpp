// What the JSON renderers share: numbers rounded to 12 significant digits, -0 as 0, whole
// numbers without a fraction (30, not 30.0), keys in a fixed order, and one way to write a
// document, so that the same result always prints the same bytes.
#pragma once

#include <cmath>
#include <cstdint>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "support/text.hpp"

namespace tradeoff::detail {

using Json = nlohmann::ordered_json;

inline Json json_number(double v) {
  const double r = round_for_output(v);
  if (r == std::floor(r) && std::fabs(r) < 9007199254740992.0) {
    return Json(static_cast<int64_t>(r));
  }
  return Json(r);
}

/// The text, or null when it is empty.
inline Json json_text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

/// Indented by two spaces, invalid UTF-8 replaced, with a final newline.
inline void write_json(const Json& j, std::ostream& out) {
  out << j.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace tradeoff::detail
