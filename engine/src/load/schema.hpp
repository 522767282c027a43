// Helpers that read typed values out of a YAML tree and report every problem, located, into a
// DiagnosticSink: wrong types, missing and unknown keys (with did-you-mean), malformed ids.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_tree.hpp"
#include "tradeoff/error.hpp"

namespace tradeoff::loader {

/// Parses a YAML-style number: decimal, optional sign, fraction, exponent and '_' between
/// digits. No hex, no inf/nan. Returns nullopt when `text` is not such a number.
std::optional<double> parse_number(std::string_view text);

/// True for snake_case ids: a lower-case letter, then lower-case letters, digits and '_'.
bool is_valid_id(std::string_view id);

class Context {
 public:
  Context(const yaml::Document& doc, DiagnosticSink& sink) : doc_(doc), sink_(sink) {}

  const yaml::Document& doc() const { return doc_; }
  DiagnosticSink& sink() { return sink_; }
  SourceLocation at(const yaml::Node& node) const { return doc_.at(node); }

  void error(ErrorCode code, const yaml::Node& node, std::string message, std::string hint = {});
  void warning(ErrorCode code, const yaml::Node& node, std::string message,
               std::string hint = {});

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
