// A small document model for the decision record: headings, paragraphs, lists, tables and
// charts, built once from the analyses and rendered as Markdown (MADR) or as HTML, so that both
// formats hold the same sections and escape every string from input in one place each.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace tradeoff::detail::doc {

/// A run of inline text. `Link` shows `text` and points at `href` (written only when it is an
/// http or https address; otherwise the text stands alone).
struct Span {
  enum class Kind { Text, Code, Strong, Emph, Link } kind = Kind::Text;
  std::string text;
  std::string href;
};
using Spans = std::vector<Span>;

inline Span text(std::string s) { return {Span::Kind::Text, std::move(s), {}}; }
inline Span code(std::string s) { return {Span::Kind::Code, std::move(s), {}}; }
inline Span strong(std::string s) { return {Span::Kind::Strong, std::move(s), {}}; }
inline Span emph(std::string s) { return {Span::Kind::Emph, std::move(s), {}}; }
inline Span link(std::string s, std::string href) {
  return {Span::Kind::Link, std::move(s), std::move(href)};
}

struct Table {
  std::vector<std::string> head;
  std::vector<bool> right;  ///< right-aligned columns (figures)
  std::vector<std::vector<Spans>> rows;
};

struct Block {
  enum class Kind { Heading, Paragraph, List, Table, Chart, Html } kind = Kind::Paragraph;
  int level = 2;             ///< headings: 1 to 4
  std::string anchor;        ///< headings: the HTML id
  Spans spans;               ///< headings and paragraphs
  std::vector<Spans> items;  ///< lists
  Table table;               ///< tables
  /// Charts (an inline SVG, in a figure) and raw HTML (the what-if panel): written as they are,
  /// in HTML only; the Markdown shows the same figures as tables.
  std::string html;
};

struct Document {
  std::vector<Block> blocks;

  void heading(int level, std::string anchor, Spans spans);
  void paragraph(Spans spans);
  void list(std::vector<Spans> items);
  void table(Table t);
  void chart(std::string svg);
  /// HTML written as it is, in HTML only (the what-if panel).
  void raw_html(std::string html);
};

/// The document as GitHub-flavoured Markdown: text escaped so that it renders as itself, tables
/// with '|' escaped, no raw HTML.
void write_markdown(const Document& d, std::ostream& out);
/// The blocks as HTML elements (the page around them is the caller's); every string escaped.
void write_html(const Document& d, std::ostream& out);
/// True for an absolute http or https address without spaces or control characters.
bool safe_href(std::string_view href);

}  // namespace tradeoff::detail::doc
