// Lookups on the model types.
#include "tradeoff/model.hpp"

namespace tradeoff {

std::string_view to_string(Direction direction) {
  return direction == Direction::Cost ? "cost" : "benefit";
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

}  // namespace tradeoff
