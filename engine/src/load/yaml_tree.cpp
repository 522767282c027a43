// Event-level YAML reader: yaml-cpp's parser feeds events into our own tree, so that
// aliases never expand and duplicate keys, depth and size are checked as the events arrive.
#include "load/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <cctype>
#include <sstream>
#include <unordered_set>

namespace tradeoff::yaml {

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.scalar == key) return &v;
  }
  return nullptr;
}

std::string describe(const Node& node) {
  switch (node.kind) {
    case Kind::Null: return "null";
    case Kind::Sequence: return "a sequence";
    case Kind::Mapping: return "a mapping";
    case Kind::Scalar: break;
  }
  if (node.style != Style::Plain) return fmt::format("the string '{}'", node.scalar);
  return fmt::format("'{}'", node.scalar);
}

namespace {

[[noreturn]] void fail(ErrorCode code, const std::string& file, int line, int column,
                       std::string message) {
  Diagnostic d;
  d.code = code;
  d.where = {file, line, column};
  d.message = std::move(message);
  throw Error(std::move(d));
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, std::string_view text) : file_(file), text_(text) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    Node node = make(mark);
    node.kind = Kind::Null;
    complete(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    fail(ErrorCode::YamlLimit, file_, mark.line + 1, mark.column + 1,
         "YAML aliases are not supported; write the value out, or tailor a framework with "
         "'extends'");
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

 private:
  struct Frame {
    Node node;
    bool have_key = false;
    Node key;
    std::unordered_set<std::string> keys;
  };

  Node make(const YAML::Mark& mark) {
    if (++nodes_ > kMaxNodes) {
      fail(ErrorCode::YamlLimit, file_, mark.line + 1, mark.column + 1,
           fmt::format("too many YAML nodes (the limit is {})", kMaxNodes));
    }
    Node node;
    node.line = mark.line + 1;
    node.column = mark.column + 1;
    return node;
  }

  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) const {
    if (anchor != YAML::NullAnchor) {
      fail(ErrorCode::YamlLimit, file_, mark.line + 1, mark.column + 1,
           "YAML anchors are not supported; write the value out, or tailor a framework with "
           "'extends'");
    }
  }

  void check_tag(const YAML::Mark& mark, const std::string& tag) const {
    if (!tag.empty() && tag != "?" && tag != "!") {
      fail(ErrorCode::YamlSyntax, file_, mark.line + 1, mark.column + 1,
           fmt::format("YAML tags are not supported (found '{}')", tag));
    }
  }

  Style scalar_style(const YAML::Mark& mark) const {
    if (mark.pos < 0 || static_cast<size_t>(mark.pos) >= text_.size()) return Style::Plain;
    switch (text_[static_cast<size_t>(mark.pos)]) {
      case '"': return Style::DoubleQuoted;
      case '\'': return Style::SingleQuoted;
      case '|': return Style::Literal;
      case '>': return Style::Folded;
      default: return Style::Plain;
    }
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style, Kind kind) {
    check_anchor(mark, anchor);
    check_tag(mark, tag);
    if (static_cast<int>(stack_.size()) >= kMaxDepth) {
      fail(ErrorCode::YamlLimit, file_, mark.line + 1, mark.column + 1,
           fmt::format("YAML nesting is deeper than {} levels", kMaxDepth));
    }
    Frame frame;
    frame.node = make(mark);
    frame.node.kind = kind;
    frame.node.style = style == YAML::EmitterStyle::Flow ? Style::Flow : Style::Block;
    stack_.push_back(std::move(frame));
  }

  void close() {
    Node node = std::move(stack_.back().node);
    stack_.pop_back();
    complete(std::move(node));
  }

  void complete(Node node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      has_root_ = true;
      return;
    }
    Frame& top = stack_.back();
    if (top.node.kind == Kind::Sequence) {
      top.node.items.push_back(std::move(node));
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
        for (const auto& entry : top.node.entries) {
          if (entry.first.scalar == node.scalar) first_line = entry.first.line;
        }
        fail(ErrorCode::DuplicateKey, file_, node.line, node.column,
             fmt::format("duplicate key '{}' (first given on line {})", node.scalar, first_line));
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
    top.node.entries.emplace_back(std::move(top.key), std::move(node));
    top.have_key = false;
  }

  const std::string& file_;
  std::string_view text_;
  std::vector<Frame> stack_;
  Node root_;
  bool has_root_ = false;
  size_t nodes_ = 0;
};

}  // namespace

Document parse(std::string file, std::string_view text) {
  Document doc;
  doc.file = std::move(file);
  if (text.size() > kMaxFileBytes) {
    fail(ErrorCode::YamlLimit, doc.file, 0, 0,
         fmt::format("file is too large ({} bytes; the limit is {} MiB)", text.size(),
                     kMaxFileBytes >> 20));
  }
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    fail(ErrorCode::YamlSyntax, doc.file, 0, 0, "file contains a NUL byte; is it binary?");
  }
  // yaml-cpp drops a UTF-8 byte-order mark; drop it here too so that byte offsets agree.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::istringstream stream{std::string(text)};
  TreeBuilder builder(doc.file, text);
  try {
    YAML::Parser parser(stream);
    if (parser.HandleNextDocument(builder)) {
      doc.root = builder.take_root();
      doc.empty = doc.root.is_null();
      TreeBuilder second(doc.file, text);
      if (parser.HandleNextDocument(second)) {
        const Node extra = second.take_root();
        fail(ErrorCode::YamlSyntax, doc.file, extra.line, extra.column,
             "expected a single YAML document, found a second one");
      }
    }
  } catch (const YAML::ParserException& e) {
    // yaml-cpp's own recursion guard reports as a parser exception too.
    std::string message = e.msg;
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
    if (message == "bad file" || message.empty()) message = "YAML nesting is too deep";
    fail(ErrorCode::YamlSyntax, doc.file, e.mark.line + 1, e.mark.column + 1,
         "invalid YAML: " + message);
  }
  return doc;
}

}  // namespace tradeoff::yaml
