// Lookups on the model types.
#include "tradeoff/model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "support/text.hpp"

namespace tradeoff {

std::string_view to_string(Direction direction) {
  return direction == Direction::Cost ? "cost" : "benefit";
}

std::string_view to_string(InputType type) {
  switch (type) {
    case InputType::Number:
      return "number";
    case InputType::Integer:
      return "integer";
    case InputType::Boolean:
      return "boolean";
    case InputType::Choice:
      return "choice";
    case InputType::Level:
      return "level";
  }
  return "number";
}

SourceLocation Expression::at(size_t offset) const {
  if (positions.empty()) return where;
  const auto& p = positions[std::min(offset, positions.size() - 1)];
  return {where.file, p.first, p.second};
}

std::string Input::display(double value) const {
  switch (type) {
    case InputType::Boolean:
      return value != 0 ? "true" : "false";
    case InputType::Choice:
    case InputType::Level: {
      const auto index = static_cast<size_t>(value);
      return index < values.size() ? values[index] : "?";
    }
    case InputType::Number:
    case InputType::Integer:
      break;
  }
  return detail::quantity(value);
}

std::string describe(const Effect& effect, std::string_view rule) {
  switch (effect.kind) {
    case Effect::Kind::Veto:
      return "the veto of rule '" + std::string(rule) + "'";
    case Effect::Kind::Note:
      return "the note of rule '" + std::string(rule) + "'";
    case Effect::Kind::ScoreAdd:
      return "the 'add' effect of rule '" + std::string(rule) + "'";
    case Effect::Kind::ScoreMultiply:
      return "the 'multiply' effect of rule '" + std::string(rule) + "'";
    case Effect::Kind::ScoreSet:
      return "the 'set' effect of rule '" + std::string(rule) + "'";
    case Effect::Kind::WeightMultiply:
      return "the weight 'multiply' effect of rule '" + std::string(rule) + "'";
    case Effect::Kind::WeightSet:
      return "the weight 'set' effect of rule '" + std::string(rule) + "'";
  }
  return "an effect of rule '" + std::string(rule) + "'";
}

const Score* Alternative::score(std::string_view criterion) const {
  for (const auto& s : scores) {
    if (s.criterion == criterion) return &s;
  }
  return nullptr;
}

const Criterion* Framework::criterion(std::string_view criterion_id) const {
  for (const auto& c : criteria) {
    if (c.id == criterion_id) return &c;
  }
  return nullptr;
}

const Alternative* Framework::option(std::string_view option_id) const {
  for (const auto& o : options) {
    if (o.id == option_id) return &o;
  }
  return nullptr;
}

const Input* Framework::input(std::string_view name) const {
  for (const auto& i : inputs) {
    if (i.name == name) return &i;
  }
  return nullptr;
}

}  // namespace tradeoff

namespace tradeoff {

double ScoreTable::value(size_t option, size_t criterion) const {
  if (option >= row_of_option.size() || criterion >= column_of_criterion.size()) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  const int32_t r = row_of_option[option];
  const int32_t c = column_of_criterion[criterion];
  if (r < 0 || c < 0) return std::numeric_limits<double>::quiet_NaN();
  return values[static_cast<size_t>(r) * criteria.size() + static_cast<size_t>(c)];
}

bool ScoreTable::complete_row(size_t option) const {
  if (option >= row_of_option.size() || row_of_option[option] < 0) return false;
  const double* row = values.data() + static_cast<size_t>(row_of_option[option]) * criteria.size();
  for (const int32_t c : column_of_criterion) {
    if (c < 0 || std::isnan(row[c])) return false;
  }
  return true;
}

SourceLocation ScoreTable::location(size_t option, size_t criterion) const {
  if (option >= row_of_option.size() || criterion >= column_of_criterion.size()) return {};
  const int32_t r = row_of_option[option];
  const int32_t c = column_of_criterion[criterion];
  if (r < 0 || c < 0) return {};
  const size_t cell = static_cast<size_t>(r) * criteria.size() + static_cast<size_t>(c);
  const uint32_t at =
      positions.empty() ? (cell < columns.size() ? columns[cell] : 1U) : positions[cell];
  return {file, static_cast<int>(lines[static_cast<size_t>(r)] + (at >> 24)),
          static_cast<int>(at & 0xFFFFFF)};
}

}  // namespace tradeoff
