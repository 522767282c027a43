// The names a framework's expressions may read, bound to value slots: its inputs first, then its
// derived values, in file order; levels and choices carry their domains.
#pragma once

#include "expr/check.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::expr {

Symbols symbols_of(const Framework& fw);

}  // namespace tradeoff::expr
