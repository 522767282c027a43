// The JSON Schemas of schemas/, compiled into the binary by cmake/embed_schemas.cmake; read
// through tradeoff/schemas.hpp.
#pragma once

#include <vector>

#include "tradeoff/catalog.hpp"

namespace tradeoff::detail {

/// The schema files, e.g. {"framework.schema.json", text}, sorted by name.
const std::vector<BuiltinFile>& builtin_schema_files();

}  // namespace tradeoff::detail
