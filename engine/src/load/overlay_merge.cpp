// Merging an overlay's tree over its base's, and taking out what its `remove:` lists. Lists of
// entries merge by id, mappings by key; the rest is replaced. Entries keep their own nodes, so
// an entry's position (and file) is where its text is.
#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "load/extends.hpp"
#include "load/messages.hpp"
#include "support/suggest.hpp"

namespace tradeoff::resolve {

namespace {

using Entry = std::pair<yaml::Node, yaml::Node>;

std::vector<Entry> take_entries(yaml::Node& node) {
  std::vector<Entry> out;
  out.reserve(node.entries.size());
  for (auto& e : node.entries) out.push_back(std::move(e));
  node.entries = yaml::List<Entry>();
  return out;
}

std::vector<yaml::Node> take_items(yaml::Node& node) {
  std::vector<yaml::Node> out;
  out.reserve(node.items.size());
  for (auto& n : node.items) out.push_back(std::move(n));
  node.items = yaml::List<yaml::Node>();
  return out;
}

yaml::Node* find_mut(yaml::Node& node, std::string_view key) {
  for (auto& [k, v] : node.entries) {
    if (k.scalar == key) return &v;
  }
  return nullptr;
}

/// The id of a list entry: its `id:`, else its `use:` (a catalog criterion); "" when neither.
std::string key_of(const yaml::Node& item) {
  if (!item.is_mapping()) return {};
  for (const char* key : {"id", "use"}) {
    const yaml::Node* n = item.find(key);
    if (n != nullptr && n->is_scalar()) return n->scalar;
  }
  return {};
}

enum class Values { Replace, MergeFields, MergeKeyed };

/// Merges mapping `overlay` into mapping `base` by key. A key both have gets the overlay's
/// value, or (MergeFields, when both are mappings) the overlay's fields over the base's.
void merge_keyed(yaml::Node& base, yaml::Node overlay, Values values) {
  if (!base.is_mapping() || !overlay.is_mapping()) {
    base = std::move(overlay);
    return;
  }
  std::vector<Entry> entries = take_entries(base);
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < entries.size(); ++i) index.emplace(entries[i].first.scalar, i);
  for (auto& [key, value] : overlay.entries) {
    auto it = index.find(key.scalar);
    if (it == index.end()) {
      index.emplace(key.scalar, entries.size());
      entries.emplace_back(std::move(key), std::move(value));
      continue;
    }
    yaml::Node& old = entries[it->second].second;
    const bool fields = values == Values::MergeFields && old.is_mapping() && value.is_mapping();
    if (fields || values == Values::MergeKeyed) {
      merge_keyed(old, std::move(value), Values::Replace);
    } else {
      old = std::move(value);
    }
  }
  base.entries = yaml::List<Entry>(entries);
}

/// An entry of `criteria:` or `options:` merged field by field; its id stays the base's, and
/// an option's scores merge by criterion.
void merge_item(yaml::Node& base, yaml::Node overlay) {
  if (!base.is_mapping() || !overlay.is_mapping()) {
    base = std::move(overlay);
    return;
  }
  std::vector<Entry> entries = take_entries(base);
  for (auto& [key, value] : overlay.entries) {
    if (key.scalar == "id" || key.scalar == "use") continue;
    auto it = entries.begin();
    while (it != entries.end() && it->first.scalar != key.scalar) ++it;
    if (it == entries.end()) {
      entries.emplace_back(std::move(key), std::move(value));
    } else if (key.scalar == "scores") {
      merge_keyed(it->second, std::move(value), Values::Replace);
    } else {
      it->second = std::move(value);
    }
  }
  base.entries = yaml::List<Entry>(entries);
}

/// Merges list `overlay` into list `base` by id: an entry with a known id merges into (or, for
/// rules, replaces) the base's; others are appended. An id the overlay gives twice is appended
/// again, so that the reader reports the duplicate.
void merge_list(yaml::Node& base, yaml::Node overlay, bool replace) {
  if (!base.is_sequence() || !overlay.is_sequence()) {
    base = std::move(overlay);
    return;
  }
  std::vector<yaml::Node> items = take_items(base);
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < items.size(); ++i) index.emplace(key_of(items[i]), i);
  std::map<std::string, bool> seen;
  for (auto& item : overlay.items) {
    const std::string key = key_of(item);
    auto it = index.find(key);
    if (key.empty() || it == index.end() || seen[key]) {
      items.push_back(std::move(item));
    } else if (replace) {
      items[it->second] = std::move(item);
    } else {
      merge_item(items[it->second], std::move(item));
    }
    seen[key] = true;
  }
  base.items = yaml::List<yaml::Node>(items);
}

void merge_section(yaml::Node& base, yaml::Node overlay, std::string_view key, FileKind kind) {
  if (kind == FileKind::Framework) {
    if (key == "inputs" || key == "sources")
      return merge_keyed(base, std::move(overlay), Values::MergeFields);
    if (key == "derived") return merge_keyed(base, std::move(overlay), Values::Replace);
    if (key == "criteria" || key == "options") return merge_list(base, std::move(overlay), false);
    if (key == "rules") return merge_list(base, std::move(overlay), true);
  } else {
    if (key == "inputs" || key == "weights" || key == "sources") {
      return merge_keyed(base, std::move(overlay), Values::Replace);
    }
    if (key == "scores") return merge_keyed(base, std::move(overlay), Values::MergeKeyed);
  }
  base = std::move(overlay);
}

}  // namespace

void merge_overlay(yaml::Node& base, yaml::Node overlay, FileKind kind) {
  if (!base.is_mapping() || !overlay.is_mapping()) {
    base = std::move(overlay);
    return;
  }
  std::vector<Entry> entries = take_entries(base);
  for (auto& [key, value] : overlay.entries) {
    if (key.scalar == "extends" || key.scalar == "remove") continue;
    auto it = entries.begin();
    while (it != entries.end() && it->first.scalar != key.scalar) ++it;
    if (it == entries.end()) {
      entries.emplace_back(std::move(key), std::move(value));
    } else {
      it->first = std::move(key);  // the overlay's key: where the section is now written
      merge_section(it->second, std::move(value), it->first.scalar, kind);
    }
  }
  base.entries = yaml::List<Entry>(entries);
}

// --- remove: ------------------------------------------------------------------------------

namespace {

struct RemovableSection {
  const char* key;
  const char* kind;  ///< how messages name one entry
  bool list;         ///< a list of entries with ids, else a mapping keyed by id
};

const std::vector<RemovableSection>& removable(FileKind kind) {
  static const std::vector<RemovableSection> framework = {{"options", "option", true},
                                                          {"criteria", "criterion", true},
                                                          {"rules", "rule", true},
                                                          {"inputs", "input", false},
                                                          {"derived", "derived value", false},
                                                          {"sources", "source", false}};
  static const std::vector<RemovableSection> assessment = {{"inputs", "input answer", false},
                                                           {"weights", "weight", false},
                                                           {"scores", "score override", false},
                                                           {"sources", "source", false}};
  return kind == FileKind::Framework ? framework : assessment;
}

/// The ids of a section's entries.
std::vector<std::string> ids_of(const yaml::Node& section, bool list) {
  std::vector<std::string> ids;
  if (list) {
    for (const auto& item : section.items) ids.push_back(key_of(item));
  } else {
    for (const auto& [k, v] : section.entries) ids.push_back(k.scalar);
  }
  return ids;
}

/// Takes entry `id` out of `section`; false when it has none.
bool erase(yaml::Node& section, const std::string& id, bool list) {
  if (list && section.is_sequence()) {
    std::vector<yaml::Node> items = take_items(section);
    const size_t before = items.size();
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const yaml::Node& n) { return key_of(n) == id; }),
                items.end());
    const bool found = items.size() != before;
    section.items = yaml::List<yaml::Node>(items);
    return found;
  }
  if (!list && section.is_mapping()) {
    std::vector<Entry> entries = take_entries(section);
    const size_t before = entries.size();
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&](const Entry& e) { return e.first.scalar == id; }),
                  entries.end());
    const bool found = entries.size() != before;
    section.entries = yaml::List<Entry>(entries);
    return found;
  }
  return false;
}

/// A removed criterion takes its column of scores with it.
void erase_scores(yaml::Node& root, const std::string& criterion) {
  yaml::Node* options = find_mut(root, "options");
  if (options == nullptr || !options->is_sequence()) return;
  for (auto& option : options->items) {
    if (!option.is_mapping()) continue;
    if (yaml::Node* scores = find_mut(option, "scores")) erase(*scores, criterion, false);
  }
}

/// The ids listed under one section of `remove:`: a sequence of ids or a single id.
std::vector<const yaml::Node*> listed(const yaml::Node& value) {
  std::vector<const yaml::Node*> out;
  if (value.is_scalar()) out.push_back(&value);
  for (const auto& n : value.items) out.push_back(&n);
  return out;
}

}  // namespace

void apply_removals(yaml::Node& base, const yaml::Node& remove, const yaml::Document& overlay,
                    FileKind kind, DiagnosticSink& sink, std::vector<Removal>& out) {
  const auto& sections = removable(kind);
  std::vector<std::string> keys;
  for (const auto& s : sections) keys.emplace_back(s.key);
  if (!remove.is_mapping()) {
    sink.error(ErrorCode::WrongType, overlay.at(remove),
               fmt::format("expected a mapping of section: [ids] for 'remove', got {}",
                           yaml::describe(remove)),
               fmt::format("e.g. remove: {{{}: [id]}}", keys.front()));
    return;
  }
  for (const auto& [key, value] : remove.entries) {
    const std::string& name = key.scalar;
    auto s = std::find_if(sections.begin(), sections.end(),
                          [&name](const RemovableSection& r) { return name == r.key; });
    if (s == sections.end()) {
      sink.error(ErrorCode::UnknownKey, overlay.at(key),
                 fmt::format("'remove' cannot take out '{}'; it takes {}", key.scalar,
                             loader::quoted_list(keys)),
                 detail::did_you_mean(key.scalar, keys));
      continue;
    }
    yaml::Node* section = find_mut(base, s->key);
    for (const yaml::Node* id : listed(value)) {
      if (!id->is_scalar()) {
        sink.error(
            ErrorCode::WrongType, overlay.at(*id),
            fmt::format("expected an id in 'remove: {}', got {}", s->key, yaml::describe(*id)));
        continue;
      }
      if (section == nullptr || !erase(*section, id->scalar, s->list)) {
        const auto known =
            section != nullptr ? ids_of(*section, s->list) : std::vector<std::string>{};
        sink.error(ErrorCode::UnknownReference, overlay.at(*id),
                   fmt::format("cannot remove {} '{}': the base has no such {}", s->kind,
                               id->scalar, s->kind),
                   detail::did_you_mean(id->scalar, known));
        continue;
      }
      if (kind == FileKind::Framework && std::string_view(s->key) == "criteria") {
        erase_scores(base, id->scalar);
      }
      out.push_back({s->kind, id->scalar, overlay.at(*id)});
    }
  }
}

}  // namespace tradeoff::resolve
