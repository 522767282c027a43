// Field readers shared by every section of the loader: typed values out of a YAML tree, keys of
// a mapping (missing and unknown ones, with did-you-mean), named choices. Every problem is
// reported, located, into the Context's DiagnosticSink; readers return what they could read.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/messages.hpp"
#include "load/yaml_tree.hpp"
#include "support/numbers.hpp"
#include "tradeoff/choices.hpp"
#include "tradeoff/error.hpp"

namespace tradeoff::loader {

using detail::parse_number;

/// True for snake_case ids: a lower-case letter, then lower-case letters, digits and '_'.
bool is_valid_id(std::string_view id);

/// True when `list` holds `item`.
bool contains(const std::vector<std::string>& list, std::string_view item);

/// One document being read, and the sink its problems go to.
class Context {
 public:
  Context(const yaml::Document& doc, DiagnosticSink& sink) : doc_(doc), sink_(sink) {}

  const yaml::Document& doc() const { return doc_; }
  DiagnosticSink& sink() { return sink_; }
  SourceLocation at(const yaml::Node& node) const { return doc_.at(node); }

  /// Reports a problem at `node`; the caret underlines the whole scalar.
  void error(ErrorCode code, const yaml::Node& node, std::string message, std::string hint = {});
  void warning(ErrorCode code, const yaml::Node& node, std::string message, std::string hint = {});
  /// Reports a worded problem (see messages.hpp) at `node`, or at a location.
  void report(const yaml::Node& node, Message message);
  void report(const SourceLocation& where, Message message);

  /// Typed reads; each reports "expected X for WHAT, got Y" and returns nullopt on mismatch.
  std::optional<std::string> string(const yaml::Node& node, std::string_view what);
  std::optional<double> number(const yaml::Node& node, std::string_view what);
  std::optional<bool> boolean(const yaml::Node& node, std::string_view what);
  std::optional<std::string> id(const yaml::Node& node, std::string_view what);
  std::optional<std::string> date(const yaml::Node& node, std::string_view what);
  /// A list of ids: a sequence of ids, or a single id.
  std::vector<std::string> id_list(const yaml::Node& node, std::string_view what);

 private:
  const yaml::Document& doc_;
  DiagnosticSink& sink_;
};

/// The choice `name` (written at `node`) denotes; otherwise reports "unknown KIND 'name';
/// expected one of ..." with a did-you-mean, and returns nullopt.
template <typename Choice>
std::optional<Choice> lookup_choice(Context& ctx, const yaml::Node& node, std::string_view name,
                                    std::string_view kind) {
  if (auto choice = parse_choice<Choice>(name)) return choice;
  ctx.report(node, unknown_choice(kind, name, choice_names<Choice>()));
  return std::nullopt;
}

/// Reads a named choice: a string (`what` names it for a wrong type) among the choice's names.
template <typename Choice>
std::optional<Choice> read_choice(Context& ctx, const yaml::Node& node, std::string_view what,
                                  std::string_view kind) {
  const auto name = ctx.string(node, what);
  if (!name) return std::nullopt;
  return lookup_choice<Choice>(ctx, node, *name, kind);
}

/// How messages name an item of a list: "KIND 'ID'" from its `key:` (when a scalar), else
/// "KIND #NUMBER".
std::string item_name(const yaml::Node& item, std::string_view kind, size_t number,
                      std::string_view key = "id");

/// The ids of one list seen so far, with the line each was first defined on.
class UniqueIds {
 public:
  explicit UniqueIds(std::string kind) : kind_(std::move(kind)) {}
  /// Notes `id`, defined on `line`. For an id seen before, reports "duplicate KIND id 'ID'
  /// (first defined on line N)" at `at` and returns false.
  bool insert(Context& ctx, const yaml::Node& at, const std::string& id, int line);

 private:
  std::string kind_;
  std::map<std::string, int> first_line_;
};

/// Reads the keys of one mapping. Ask for every key the mapping may hold, then finish(): keys
/// nobody asked for are reported as unknown, with the closest known key as a hint.
class Fields {
 public:
  Fields(Context& ctx, const yaml::Node& node, std::string what);

  bool ok() const { return ok_; }
  const yaml::Node& node() const { return node_; }
  const std::string& what() const { return what_; }

  const yaml::Node* optional(std::string_view key);
  const yaml::Node* required(std::string_view key);
  /// The key node of `key` (for positions), or nullptr.
  const yaml::Node* key_node(std::string_view key) const;
  void finish();

 private:
  Context& ctx_;
  const yaml::Node& node_;
  std::string what_;
  bool ok_ = false;
  std::vector<std::string> known_;
};

}  // namespace tradeoff::loader
