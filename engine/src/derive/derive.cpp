// Derived values and formula scores: see derive/derive.hpp.
#include "derive/derive.hpp"

#include <algorithm>
#include <cmath>

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

double Cells::number(size_t k) const {
  if (const Score* s = score(k)) return s->value;
  const ScoreTable* from = is_overridden(k) ? overrides : table;
  return from->value(k / criteria, k % criteria);
}

namespace {

/// The table's rows are the options and its columns the criteria, in the framework's order.
bool in_framework_order(const ScoreTable& t, size_t options, size_t criteria) {
  if (t.values.size() != options * criteria || t.row_of_option.size() != options ||
      t.column_of_criterion.size() != criteria) {
    return false;
  }
  for (size_t i = 0; i < options; ++i) {
    if (t.row_of_option[i] != static_cast<int32_t>(i)) return false;
  }
  for (size_t j = 0; j < criteria; ++j) {
    if (t.column_of_criterion[j] != static_cast<int32_t>(j)) return false;
  }
  return true;
}

}  // namespace

Cells compile_cells(const Framework& fw, const Assessment& assessment) {
  Cells cells;
  const size_t n = fw.options.size() * fw.criteria.size();
  cells.count = n;
  cells.table = fw.table.get();
  cells.overrides = assessment.table.get();
  cells.criteria = fw.criteria.size();
  // The lists start at the first cell that needs them: a table's cells have no Score.
  const auto put = [n](auto& list, size_t k, auto value) {
    if (list.empty()) {
      if (!value) return;
      list.reserve(n);
    }
    list.resize(k);
    list.push_back(value);
  };
  // A row whose every score is the table's (no score in YAML, none overridden) needs neither
  // list: only its cells are checked, without a lookup of each criterion by id.
  const bool plain_rows = assessment.scores.empty() && cells.overrides == nullptr &&
                          cells.table != nullptr &&
                          cells.table->column_of_criterion.size() == fw.criteria.size();
  for (size_t i = 0; i < fw.options.size(); ++i) {
    const Alternative& option = fw.options[i];
    if (plain_rows && option.scores.empty() && cells.table->complete_row(i)) {
      continue;
    }
    for (size_t j = 0; j < fw.criteria.size(); ++j) {
      const size_t k = i * fw.criteria.size() + j;
      const Criterion& c = fw.criteria[j];
      const Score* score = option.score(c.id);
      const bool in_table =
          score == nullptr && cells.table != nullptr && !std::isnan(cells.table->value(i, j));
      bool overridden = false;
      for (const auto& so : assessment.scores) {
        if (so.option == option.id && so.score.criterion == c.id) {
          score = &so.score;
          overridden = true;
        }
      }
      if (!overridden && cells.overrides != nullptr && !std::isnan(cells.overrides->value(i, j))) {
        score = nullptr;
        overridden = true;
      } else if (score == nullptr && !in_table) {
        fail(ErrorCode::MissingScore, option.scores_where,
             fmt::format("option '{}' has no score for criterion '{}'", option.id, c.id));
      }
      if (score != nullptr && score->formula) cells.formulas.push_back(k);
      put(cells.scores, k, score);
      put(cells.overridden, k, static_cast<uint8_t>(overridden ? 1 : 0));
    }
  }
  if (!cells.scores.empty()) cells.scores.resize(n, nullptr);
  if (!cells.overridden.empty()) cells.overridden.resize(n, 0);
  if (cells.scores.empty() && cells.overridden.empty() && fw.table &&
      in_framework_order(*fw.table, fw.options.size(), fw.criteria.size())) {
    cells.matrix = std::shared_ptr<const std::vector<double>>(fw.table, &fw.table->values);
  }
  return cells;
}

SourceLocation cell_location(const Cells& cells, size_t option, size_t criterion) {
  const size_t k = option * cells.criteria + criterion;
  if (const Score* s = cells.score(k)) return s->where;
  const ScoreTable* from = cells.is_overridden(k) ? cells.overrides : cells.table;
  return from != nullptr ? from->location(option, criterion) : SourceLocation{};
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

void compute_scores(const SlotNames& names, const Cells& cells, const double* slots,
                    const std::vector<bool>& pinned, bool formulas_only,
                    std::vector<double>& base) {
  const Framework& fw = *names.fw;
  const size_t m = fw.criteria.size();
  base.resize(cells.size());
  if (!formulas_only) {
    for (size_t k = 0; k < cells.size(); ++k) {
      if (pinned.empty() || !pinned[k]) base[k] = cells.number(k);
    }
  }
  for (size_t k : cells.formulas) {
    if (!pinned.empty() && pinned[k]) continue;
    const Expression& formula = *cells.score(k)->formula;
    const Alternative& option = fw.options[k / m];
    const Criterion& c = fw.criteria[k % m];
    const double v = evaluate(names, slots, formula, [&] {
      return fmt::format("the score of '{}' on '{}'", option.id, c.id);
    });
    if (c.scale && (v < c.scale->first || v > c.scale->second)) {
      outside_scale(names, slots, formula, option, c, v);
    }
    base[k] = v;
  }
}

}  // namespace tradeoff::detail
