// A small YAML document tree built from yaml-cpp's parser events, with source positions, so that
// anchors, aliases, duplicate keys, deep nesting and oversized input are refused before anything
// is expanded; 64 bytes a node, no spare room in its lists. yaml-cpp is used only here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "load/yaml_list.hpp"
#include "tradeoff/error.hpp"

namespace tradeoff::yaml {

enum class Kind : uint8_t { Null, Scalar, Sequence, Mapping };
enum class Style : uint8_t { Plain, SingleQuoted, DoubleQuoted, Literal, Folded, Flow, Block };

/// Limits that keep hostile input cheap to refuse.
inline constexpr std::size_t kMaxFileBytes = 16u << 20;  // 16 MiB
inline constexpr int kMaxDepth = 64;
inline constexpr std::size_t kMaxNodes = 2'000'000;

struct Node {
  Kind kind = Kind::Null;
  Style style = Style::Plain;
  /// The file the node was written in: 0 for the document's own, k for its layers[k - 1]
  /// (the bases an `extends:` chain merged in; see load/extends.hpp).
  uint16_t layer = 0;
  int line = 0;    ///< 1-based
  int column = 0;  ///< 1-based, in bytes
  std::string scalar;
  List<Node> items;                     ///< sequence items
  List<std::pair<Node, Node>> entries;  ///< mapping entries, in file order

  bool is_null() const { return kind == Kind::Null; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  bool is_mapping() const { return kind == Kind::Mapping; }
  /// The value of `key` in a mapping, or nullptr.
  const Node* find(std::string_view key) const;
};

/// What a node is, for messages: "a mapping", "a sequence", "a string", "null".
std::string describe(const Node& node);

static_assert(kMaxFileBytes <= UINT32_MAX, "line offsets are 32-bit");

struct Document {
  std::string file;
  std::string text;                   ///< the source, without a byte-order mark
  std::vector<uint32_t> line_starts;  ///< byte offset of each line of `text`
  bool ascii = true;                  ///< no multi-byte characters: columns are byte offsets
  Node root;
  bool empty = true;  ///< no document, or a document holding only null/comments
  /// The files merged into `root` besides this one, nearest base first; each keeps its text
  /// and line table (its tree lives on in `root`).
  std::vector<Document> layers;

  /// The document a node of `root` was written in.
  const Document& source_of(const Node& node) const {
    return node.layer == 0 || node.layer > layers.size() ? *this : layers[node.layer - 1u];
  }
  SourceLocation at(const Node& node) const {
    return {source_of(node).file, node.line, node.column};
  }
  /// Byte offset of a 1-based line and column (clamped to the text).
  size_t offset_of(int line, int column) const;
  /// 1-based line and column of a byte offset.
  std::pair<int, int> position_of(size_t offset) const;
};

/// Parses one YAML document. The document keeps `text` (pass it with std::move to save a copy);
/// the tree holds no spare capacity. Throws Error (yaml-syntax or yaml-limit) with a position.
Document parse(std::string file, std::string text);

}  // namespace tradeoff::yaml
