// The JSON Schemas (draft 2020-12) of the three kinds of YAML file: what a framework, a catalog
// criterion and an assessment may hold, with a description of every key, so that an editor with
// a YAML language server completes and checks a file as it is typed. They are the files of the
// repository's schemas/ folder, compiled into the binary.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tradeoff {

/// The kinds of file with a schema: "framework", "criterion", "assessment".
const std::vector<std::string>& schema_kinds();

/// The schema of `kind`, byte for byte as schemas/KIND.schema.json; nullopt for another kind.
std::optional<std::string_view> json_schema(std::string_view kind);

}  // namespace tradeoff
