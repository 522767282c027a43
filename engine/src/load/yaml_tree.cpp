// Event-level YAML reader: yaml-cpp's parser reads the text in place and feeds events into our
// tree, checked as they arrive (aliases, duplicate keys, depth, size); each collection's children
// gather in a buffer reused across siblings, then move into a list of exactly their number.
#include "load/yaml_tree.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <istream>
#include <streambuf>
#include <unordered_set>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace tradeoff::yaml {

// A large file is mostly nodes: two per key and value, one more per list item.
static_assert(sizeof(Node) <= 64, "a tree node should stay within 64 bytes");

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.scalar == key) return &v;
  }
  return nullptr;
}

std::string describe(const Node& node) {
  switch (node.kind) {
    case Kind::Null:
      return "null";
    case Kind::Sequence:
      return node.items.empty() ? "an empty list" : "a sequence";
    case Kind::Mapping:
      return node.entries.empty() ? "an empty mapping" : "a mapping";
    case Kind::Scalar:
      break;
  }
  if (node.style != Style::Plain) return fmt::format("the string '{}'", node.scalar);
  return fmt::format("'{}'", node.scalar);
}

namespace {

[[noreturn]] void fail(ErrorCode code, const std::string& file, int line, int column,
                       std::string message, int length = 1) {
  Diagnostic d = make_diagnostic(code, {file, line, column}, std::move(message));
  d.length = length;
  throw Error(std::move(d));
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const Document& doc) : doc_(doc), file_(doc.file), text_(doc.text) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    Node node = make(mark);
    node.kind = Kind::Null;
    complete(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    fail_at(ErrorCode::YamlLimit, mark, "YAML aliases are not supported; write the value out");
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_anchor(mark, anchor);
    check_tag(mark, tag);
    Node node = make(mark);
    node.kind = Kind::Scalar;
    node.style = scalar_style(mark);
    node.scalar = value;
    complete(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, style, Kind::Sequence);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, style, Kind::Mapping);
  }
  void OnMapEnd() override { close(); }

  bool has_root() const { return has_root_; }
  Node take_root() { return std::move(root_); }

  /// The innermost flow collection ('[' or '{') still open, if any: where to point when the
  /// parser reports that one never ends.
  const Node* open_flow() const {
    for (size_t d = depth_; d > 0; --d) {
      if (frames_[d - 1].node.style == Style::Flow) return &frames_[d - 1].node;
    }
    return nullptr;
  }

  /// An open collection: its node (without children until it closes) and the children so far.
  struct Frame {
    Node node;
    bool have_key = false;
    Node key;
    std::unordered_set<std::string> keys;
    std::vector<Node> items;
    std::vector<std::pair<Node, Node>> entries;
  };

 private:
  [[noreturn]] void fail_at(ErrorCode code, const YAML::Mark& mark, std::string message) const {
    const auto [line, column] = doc_.position_of(static_cast<size_t>(std::max(mark.pos, 0)));
    fail(code, file_, line, column, std::move(message));
  }

  Node make(const YAML::Mark& mark) {
    if (++nodes_ > kMaxNodes) {
      fail_at(ErrorCode::YamlLimit, mark,
              fmt::format("too many YAML nodes (the limit is {})", kMaxNodes));
    }
    Node node;
    const auto [line, column] = doc_.position_of(static_cast<size_t>(std::max(mark.pos, 0)));
    node.line = line;
    node.column = column;
    return node;
  }

  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) const {
    if (anchor != YAML::NullAnchor) {
      fail_at(ErrorCode::YamlLimit, mark, "YAML anchors are not supported; write the value out");
    }
  }

  void check_tag(const YAML::Mark& mark, const std::string& tag) const {
    if (!tag.empty() && tag != "?" && tag != "!") {
      fail_at(ErrorCode::YamlSyntax, mark,
              fmt::format("YAML tags are not supported (found '{}')", tag));
    }
  }

  Style scalar_style(const YAML::Mark& mark) const {
    if (mark.pos < 0 || static_cast<size_t>(mark.pos) >= text_.size()) return Style::Plain;
    switch (text_[static_cast<size_t>(mark.pos)]) {
      case '"':
        return Style::DoubleQuoted;
      case '\'':
        return Style::SingleQuoted;
      case '|':
        return Style::Literal;
      case '>':
        return Style::Folded;
      default:
        return Style::Plain;
    }
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style, Kind kind) {
    check_anchor(mark, anchor);
    check_tag(mark, tag);
    if (static_cast<int>(depth_) >= kMaxDepth) {
      fail_at(ErrorCode::YamlLimit, mark,
              fmt::format("YAML nesting is deeper than {} levels", kMaxDepth));
    }
    Node node = make(mark);
    node.kind = kind;
    node.style = style == YAML::EmitterStyle::Flow ? Style::Flow : Style::Block;
    // Frames past the depth are kept, with the capacity of their buffers, for the next sibling.
    if (depth_ == frames_.size()) frames_.emplace_back();
    Frame& frame = frames_[depth_++];
    frame.node = std::move(node);
    frame.have_key = false;
  }

  void close() {
    Frame& frame = frames_[--depth_];
    Node node = std::move(frame.node);
    node.items = List<Node>(frame.items);
    node.entries = List<std::pair<Node, Node>>(frame.entries);
    frame.keys.clear();
    complete(std::move(node));
  }

  void complete(Node node) {
    if (depth_ == 0) {
      root_ = std::move(node);
      has_root_ = true;
      return;
    }
    Frame& top = frames_[depth_ - 1];
    if (top.node.kind == Kind::Sequence) {
      top.items.push_back(std::move(node));
      return;
    }
    if (!top.have_key) {
      if (node.kind != Kind::Scalar) {
        fail(ErrorCode::YamlSyntax, file_, node.line, node.column,
             node.kind == Kind::Null ? "mapping keys may not be empty"
                                     : "mapping keys must be plain strings");
      }
      if (!top.keys.insert(node.scalar).second) {
        int first_line = 0;
        for (const auto& entry : top.entries) {
          if (entry.first.scalar == node.scalar) first_line = entry.first.line;
        }
        const bool quoted = node.style == Style::SingleQuoted || node.style == Style::DoubleQuoted;
        fail(ErrorCode::DuplicateKey, file_, node.line, node.column,
             fmt::format("duplicate key '{}' (first given on line {})", node.scalar, first_line),
             std::max(1, static_cast<int>(node.scalar.size()) + (quoted ? 2 : 0)));
      }
      top.key = std::move(node);
      top.have_key = true;
      return;
    }
    if (node.kind == Kind::Null) {
      // An empty value has no position of its own; yaml-cpp marks the next token, so point
      // at the key instead.
      node.line = top.key.line;
      node.column = top.key.column;
    }
    top.entries.emplace_back(std::move(top.key), std::move(node));
    top.have_key = false;
  }

  const Document& doc_;
  const std::string& file_;
  std::string_view text_;
  std::vector<Frame> frames_;  ///< frames_[0, depth_) are the open collections, outermost first
  size_t depth_ = 0;
  Node root_;
  bool has_root_ = false;
  size_t nodes_ = 0;
};

/// Does `line` hold a value that starts with a quote and goes on after the closing quote, as in
/// `when: "eu" == region`? YAML ends the value at the quote, which confuses the parser.
bool quoted_then_more(std::string_view line) {
  size_t i = line.find(": ");
  if (i == std::string_view::npos) return false;
  i += 2;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size() || (line[i] != '"' && line[i] != '\'')) return false;
  const char quote = line[i++];
  while (i < line.size() && line[i] != quote) i += (line[i] == '\\' && quote == '"') ? 2u : 1u;
  if (i >= line.size()) return false;
  ++i;
  while (i < line.size() && line[i] == ' ') ++i;
  return i < line.size() && line[i] != '#' && line[i] != ',' && line[i] != '}' && line[i] != ']';
}

/// Offset of the first byte that is not part of well-formed UTF-8, or npos.
size_t invalid_utf8(std::string_view t) {
  size_t i = 0;
  while (i < t.size()) {
    const auto c = static_cast<unsigned char>(t[i]);
    size_t len = 0;
    uint32_t min = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + len > t.size()) return i;
    uint32_t cp = c & (0xFF >> (len + 1));
    for (size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(t[i + k]);
      if ((b & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace

size_t Document::offset_of(int line, int column) const {
  if (line <= 0 || line_starts.empty()) return 0;
  const size_t l = std::min(static_cast<size_t>(line - 1), line_starts.size() - 1);
  size_t offset = line_starts[l];
  // Columns count characters (UTF-8 code points), not bytes.
  for (int c = 1; c < column && offset < text.size() && text[offset] != '\n'; ++c) {
    ++offset;
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
      ++offset;
  }
  return offset;
}

std::pair<int, int> Document::position_of(size_t offset) const {
  if (line_starts.empty()) return {1, 1};
  offset = std::min(offset, text.size());
  const auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  const size_t line = static_cast<size_t>(it - line_starts.begin());  // 1-based
  if (ascii) return {static_cast<int>(line), static_cast<int>(offset - line_starts[line - 1]) + 1};
  int column = 1;
  for (size_t i = line_starts[line - 1]; i < offset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return {static_cast<int>(line), column};
}

namespace {

/// The offset of each line of the document's text, and whether the text is all ASCII.
void index_lines(Document& doc) {
  const std::string& text = doc.text;
  doc.line_starts.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  doc.line_starts.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') doc.line_starts.push_back(static_cast<uint32_t>(i + 1));
    if (static_cast<unsigned char>(text[i]) >= 0x80) doc.ascii = false;
  }
}

/// Refuses text that is too large, binary or not UTF-8, then keeps it as the document's text,
/// with its line table.
void load_text(Document& doc, std::string text) {
  if (text.size() > kMaxFileBytes) {
    fail(ErrorCode::YamlLimit, doc.file, 0, 0,
         fmt::format("file is too large ({} bytes; the limit is {} MiB)", text.size(),
                     kMaxFileBytes >> 20));
  }
  // yaml-cpp drops a UTF-8 byte-order mark; drop it here too so that byte offsets agree.
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  doc.text = std::move(text);
  index_lines(doc);
  if (const size_t nul = doc.text.find('\0'); nul != std::string::npos) {
    const auto [line, column] = doc.position_of(nul);
    fail(ErrorCode::YamlSyntax, doc.file, line, column, "file contains a NUL byte; is it binary?");
  }
  if (const size_t bad = invalid_utf8(doc.text); bad != std::string::npos) {
    const auto [line, column] = doc.position_of(bad);
    fail(ErrorCode::YamlSyntax, doc.file, line, column,
         fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                     static_cast<unsigned char>(doc.text[bad])));
  }
}

/// Reads a text in place: yaml-cpp takes a std::istream, and a std::istringstream would hold a
/// copy of the whole text.
class TextBuffer : public std::streambuf {
 public:
  explicit TextBuffer(const std::string& text) {
    // The get area is only read from; streambuf's interface wants it non-const.
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

/// Where to point for a parser error at byte `pos`: past the last line (an unexpected end of
/// file), the end of the last line.
std::pair<int, int> error_position(const Document& doc, int pos) {
  size_t offset = static_cast<size_t>(std::max(pos, 0));
  if (offset >= doc.text.size() && !doc.text.empty()) {
    offset = doc.text.size() - 1;
    while (offset > 0 && (doc.text[offset] == '\n' || doc.text[offset] == '\r')) --offset;
    ++offset;
  }
  return doc.position_of(offset);
}

/// Turns yaml-cpp's parser error into ours, pointing at an unclosed bracket where there is one,
/// and hinting at a quoted value that goes on after its closing quote.
[[noreturn]] void parser_error(const Document& doc, const TreeBuilder& builder,
                               const YAML::ParserException& e) {
  std::string message = e.msg;
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
  // yaml-cpp's own recursion guard reports as a parser exception too.
  if (message == "bad file" || message.empty()) message = "YAML nesting is too deep";
  const Node* open = builder.open_flow();
  if (open != nullptr && message.find("flow not found") != std::string::npos) {
    // Point at the bracket that is never closed, not where the parser gave up.
    const size_t at = doc.offset_of(open->line, open->column);
    const char bracket = at < doc.text.size() ? doc.text[at] : '[';
    fail(ErrorCode::YamlSyntax, doc.file, open->line, open->column,
         fmt::format("invalid YAML: this '{}' is never closed", bracket));
  }
  const auto [line, column] = error_position(doc, e.mark.pos);
  std::string hint;
  for (int l = line; l >= std::max(1, line - 1); --l) {
    const size_t start = doc.line_starts[static_cast<size_t>(l - 1)];
    const size_t stop = doc.text.find('\n', start);
    const std::string_view text_line = std::string_view(doc.text).substr(
        start, (stop == std::string::npos ? doc.text.size() : stop) - start);
    if (quoted_then_more(text_line)) {
      hint =
          "a value that starts with a quote ends at the closing quote; quote the whole "
          "formula, e.g. when: '\"eu\" == region'";
      break;
    }
  }
  throw Error(make_diagnostic(ErrorCode::YamlSyntax, {doc.file, line, column},
                              "invalid YAML: " + message, std::move(hint)));
}

}  // namespace

Document parse(std::string file, std::string text) {
  Document doc;
  doc.file = std::move(file);
  load_text(doc, std::move(text));
  TextBuffer buffer(doc.text);
  std::istream stream(&buffer);
  TreeBuilder builder(doc);
  try {
    YAML::Parser parser(stream);
    if (parser.HandleNextDocument(builder)) {
      doc.root = builder.take_root();
      doc.empty = doc.root.is_null();
      TreeBuilder second(doc);
      if (parser.HandleNextDocument(second)) {
        const Node extra = second.take_root();
        fail(ErrorCode::YamlSyntax, doc.file, extra.line, extra.column,
             "expected a single YAML document, found a second one");
      }
    }
  } catch (const YAML::ParserException& e) {
    parser_error(doc, builder, e);
  }
  return doc;
}

}  // namespace tradeoff::yaml
