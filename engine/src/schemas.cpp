// The JSON Schemas of the YAML files (see tradeoff/schemas.hpp).
#include "tradeoff/schemas.hpp"

#include "support/builtin_schemas.hpp"

namespace tradeoff {

const std::vector<std::string>& schema_kinds() {
  static const std::vector<std::string> kinds = {"framework", "criterion", "assessment"};
  return kinds;
}

std::optional<std::string_view> json_schema(std::string_view kind) {
  for (const auto& known : schema_kinds()) {
    if (known != kind) continue;
    const std::string name = known + ".schema.json";
    for (const auto& file : detail::builtin_schema_files()) {
      if (file.path == name) return file.text;
    }
  }
  return std::nullopt;
}

}  // namespace tradeoff
