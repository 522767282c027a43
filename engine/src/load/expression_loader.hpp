// Reading expressions from YAML scalars and checking them (see expr/ for the language).
#pragma once

#include <optional>
#include <string_view>

#include "expr/check.hpp"
#include "expr/symbols.hpp"
#include "load/fields.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::loader {

/// Parses the scalar `node` as an expression; a syntax error is reported at its exact position
/// in the YAML file, whatever the scalar's style. `expected` names what the value should be
/// ("a number or a formula", "a condition") for a value that is not a scalar.
std::optional<Expression> read_expression(Context& ctx, const yaml::Node& node,
                                          std::string_view what,
                                          std::string_view expected = "a number or a formula");

/// Source (line, column) of each byte of a scalar's value, and of its end: quotes, escapes,
/// folded lines and block indentation accounted for.
/// `merged` may be a merged document: the node's own file is used.
std::vector<std::pair<int, int>> scalar_positions(const yaml::Document& merged,
                                                  const yaml::Node& node);

/// Resolves names and checks types; every problem is reported at its position. True when ok.
bool check_expression(DiagnosticSink& sink, Expression& expression, const expr::Symbols& symbols,
                      expr::Type expected, std::string_view what);

}  // namespace tradeoff::loader
