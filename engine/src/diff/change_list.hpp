// Collecting the changes of one section: fields compared one by one, and lists of entries
// matched by id (in the new order, then the removed ones in the old order).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tradeoff/diff.hpp"

namespace tradeoff::detail {

/// A text, or nothing when it is empty ("not set").
DiffValue text_value(const std::string& text);
/// A number, or nothing.
DiffValue number_value(const std::optional<double>& number);

class ChangeList {
 public:
  ChangeList(DiffSection section, std::vector<Change>& out) : section_(section), out_(out) {}

  /// The entry the next fields belong to.
  void entry(std::string id) { id_ = std::move(id); }
  /// Records a change of `field` when the two values differ. Two numbers that read the same
  /// ("1,000" and "1,000" for 1000 and 1000.001) are written to 12 significant digits.
  void field(std::string field, DiffValue before, DiffValue after);
  void text(std::string field, const std::string& before, const std::string& after) {
    this->field(std::move(field), text_value(before), text_value(after));
  }
  void number(std::string field, const std::optional<double>& before,
              const std::optional<double>& after) {
    this->field(std::move(field), number_value(before), number_value(after));
  }
  /// Records a change of `field` of the current entry as it is.
  void push(Change::Kind kind, std::string field, DiffValue before, DiffValue after);
  void added(std::string id, DiffValue summary);
  void removed(std::string id, DiffValue summary);

 private:
  DiffSection section_;
  std::vector<Change>& out_;
  std::string id_;
};

/// Each entry's position in `list` (a vector, or a Result's options) by its id; the first of a
/// repeated id.
template <class List, class Id>
std::map<std::string, size_t> index_by(const List& list, Id id) {
  std::map<std::string, size_t> index;
  for (size_t k = 0; k < list.size(); ++k) index.emplace(id(list[k]), k);
  return index;
}

/// Matches two lists by id: an entry only in `after` is added, one only in `before` removed
/// (after the others), and `fields(before, after)` compares the entries both have.
template <class T, class Id, class Summary, class Fields>
void compare_lists(ChangeList& changes, const std::vector<T>& before, const std::vector<T>& after,
                   Id id, Summary summary, Fields fields) {
  const auto old_index = index_by(before, id);
  const auto new_index = index_by(after, id);
  for (size_t k = 0; k < after.size(); ++k) {
    const std::string key = id(after[k]);
    if (new_index.at(key) != k) continue;  // a repeated id: the first one counts
    const auto found = old_index.find(key);
    if (found == old_index.end()) {
      changes.added(key, summary(after[k]));
    } else {
      changes.entry(key);
      fields(before[found->second], after[k]);
    }
  }
  for (size_t k = 0; k < before.size(); ++k) {
    const std::string key = id(before[k]);
    if (old_index.at(key) == k && new_index.count(key) == 0) {
      changes.removed(key, summary(before[k]));
    }
  }
}

}  // namespace tradeoff::detail
