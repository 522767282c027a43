// Derived values and formula scores: see derive/derive.hpp.
#include "derive/derive.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "support/text.hpp"

namespace tradeoff::detail {

void derive(const SlotNames& names, std::vector<double>& slots) {
  const Framework& fw = *names.fw;
  const size_t first = fw.inputs.size();
  for (size_t d : fw.derived_order) {
    const Derived& dv = fw.derived[d];
    slots[first + d] = evaluate(names, slots.data(), dv.formula,
                                [&] { return fmt::format("derived value '{}'", dv.name); });
  }
}

std::vector<Cell> compile_cells(const Framework& fw, const Assessment& assessment) {
  std::vector<Cell> cells;
  cells.reserve(fw.options.size() * fw.criteria.size());
  for (const auto& option : fw.options) {
    for (const auto& c : fw.criteria) {
      Cell cell;
      cell.score = option.score(c.id);
      for (const auto& so : assessment.scores) {
        if (so.option == option.id && so.score.criterion == c.id) {
          cell.score = &so.score;
          cell.overridden = true;
        }
      }
      if (cell.score == nullptr) {
        fail(ErrorCode::MissingScore, option.scores_where,
             fmt::format("option '{}' has no score for criterion '{}'", option.id, c.id));
      }
      cell.value = cell.score->value;
      if (cell.score->formula) cell.formula = &*cell.score->formula;
      cells.push_back(cell);
    }
  }
  return cells;
}

namespace {

[[noreturn]] void outside_scale(const SlotNames& names, const double* slots, const Expression& e,
                                const Alternative& option, const Criterion& c, double v) {
  Diagnostic d = make_diagnostic(
      ErrorCode::OutOfRange, e.at(0),
      fmt::format("the score of '{}' on '{}' is {}, outside the criterion's scale [{}, {}]{}",
                  option.id, c.id, quantity(v), quantity(c.scale->first), quantity(c.scale->second),
                  with_bindings(names, slots, e)));
  d.length = e.text.find('\n') == std::string::npos
                 ? std::max(1, static_cast<int>(display_width(e.text)))
                 : 1;
  throw Error(std::move(d));
}

}  // namespace

void compute_scores(const SlotNames& names, const std::vector<Cell>& cells, const double* slots,
                    const std::vector<uint8_t>& pinned, bool formulas_only,
                    std::vector<double>& base) {
  const Framework& fw = *names.fw;
  const size_t m = fw.criteria.size();
  base.resize(cells.size());
  for (size_t k = 0; k < cells.size(); ++k) {
    const Cell& cell = cells[k];
    if (!pinned.empty() && pinned[k]) continue;
    if (cell.formula == nullptr) {
      if (!formulas_only) base[k] = cell.value;
      continue;
    }
    const Alternative& option = fw.options[k / m];
    const Criterion& c = fw.criteria[k % m];
    const double v = evaluate(names, slots, *cell.formula, [&] {
      return fmt::format("the score of '{}' on '{}'", option.id, c.id);
    });
    if (c.scale && (v < c.scale->first || v > c.scale->second)) {
      outside_scale(names, slots, *cell.formula, option, c, v);
    }
    base[k] = v;
  }
}

}  // namespace tradeoff::detail
