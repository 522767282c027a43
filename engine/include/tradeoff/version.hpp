// The engine's version, reported by `tradeoff --version`.
#pragma once

#include <string_view>

namespace tradeoff {
inline constexpr std::string_view kVersion = "0.1.0";
}  // namespace tradeoff
