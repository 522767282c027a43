// Rendering the decision record's document model (see document.hpp) as Markdown and as HTML.
#include "report/document.hpp"

#include <ostream>

#include "report/renderers.hpp"
#include "report/svg.hpp"
#include "support/printable.hpp"

namespace tradeoff::detail::doc {

void Document::heading(int level, std::string anchor, Spans spans) {
  Block b;
  b.kind = Block::Kind::Heading;
  b.level = level;
  b.anchor = std::move(anchor);
  b.spans = std::move(spans);
  blocks.push_back(std::move(b));
}

void Document::paragraph(Spans spans) {
  if (spans.empty()) return;
  Block b;
  b.spans = std::move(spans);
  blocks.push_back(std::move(b));
}

void Document::list(std::vector<Spans> items) {
  if (items.empty()) return;
  Block b;
  b.kind = Block::Kind::List;
  b.items = std::move(items);
  blocks.push_back(std::move(b));
}

void Document::table(Table t) {
  if (t.rows.empty()) return;
  Block b;
  b.kind = Block::Kind::Table;
  b.table = std::move(t);
  blocks.push_back(std::move(b));
}

void Document::chart(std::string svg) {
  if (svg.empty()) return;
  Block b;
  b.kind = Block::Kind::Chart;
  b.html = std::move(svg);
  blocks.push_back(std::move(b));
}

void Document::raw_html(std::string html) {
  if (html.empty()) return;
  Block b;
  b.kind = Block::Kind::Html;
  b.html = std::move(html);
  blocks.push_back(std::move(b));
}

bool safe_href(std::string_view href) {
  if (href.rfind("https://", 0) != 0 && href.rfind("http://", 0) != 0) return false;
  for (char c : href) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f || c == '<' || c == '>' || c == '"' || c == '\'' || c == '`' ||
        c == '\\') {
      return false;
    }
  }
  return true;
}

namespace {

// --- Markdown ---------------------------------------------------------------------------------

/// markdown_text() keeping the blanks at the ends, which join one span to the next.
std::string md_text(const std::string& s, bool line_start) {
  const size_t lead = s.find_first_not_of(' ');
  if (lead == std::string::npos) return s.empty() ? "" : " ";
  const size_t trail = s.size() - 1 - s.find_last_not_of(' ');
  return (lead > 0 ? " " : "") + markdown_text(s, line_start && lead == 0) + (trail > 0 ? " " : "");
}

/// Text between Markdown marks ("**", "[...](...)"), the blanks at its ends kept outside them:
/// "** a**" would not be bold.
std::string md_marked(const std::string& s, const std::string& open, const std::string& close) {
  const size_t lead = s.find_first_not_of(' ');
  if (lead == std::string::npos) return md_text(s, false);
  const size_t trail = s.size() - 1 - s.find_last_not_of(' ');
  return (lead > 0 ? " " : "") + open + markdown_text(s) + close + (trail > 0 ? " " : "");
}

/// Inline Markdown; `in_table` escapes '|' in code too. Text from input goes through
/// markdown_text(), which escapes every character Markdown could read as syntax.
std::string md_spans(const Spans& spans, bool in_table, bool line_start) {
  std::string out;
  for (const Span& s : spans) {
    const bool first = line_start && out.empty();
    switch (s.kind) {
      case Span::Kind::Text:
        out += md_text(s.text, first);
        break;
      case Span::Kind::Code:
        out += markdown_code(s.text, in_table);
        break;
      case Span::Kind::Strong:
        out += md_marked(s.text, "**", "**");
        break;
      case Span::Kind::Emph:
        out += md_marked(s.text, "*", "*");
        break;
      case Span::Kind::Link:
        if (safe_href(s.href)) {
          out += md_marked(s.text, "[", "](<" + s.href + ">)");
        } else {
          out += md_text(s.text, first);
        }
        break;
    }
  }
  return out;
}

void md_table(const Table& t, std::ostream& out) {
  markdown::table_head(out, t.head, t.right);
  for (const auto& row : t.rows) {
    std::vector<std::string> cells;
    cells.reserve(row.size());
    for (const auto& cell : row) cells.push_back(md_spans(cell, true, false));
    markdown::table_row(out, cells);
  }
}

// --- HTML -------------------------------------------------------------------------------------

std::string html_spans(const Spans& spans) {
  std::string out;
  for (const Span& s : spans) {
    switch (s.kind) {
      case Span::Kind::Text:
        out += svg::escape(s.text);
        break;
      case Span::Kind::Code:
        out += "<code>" + svg::escape(s.text) + "</code>";
        break;
      case Span::Kind::Strong:
        out += "<strong>" + svg::escape(s.text) + "</strong>";
        break;
      case Span::Kind::Emph:
        out += "<em>" + svg::escape(s.text) + "</em>";
        break;
      case Span::Kind::Link:
        if (safe_href(s.href)) {
          out += "<a href=\"" + svg::escape(s.href) + "\" rel=\"noreferrer\">" +
                 svg::escape(s.text) + "</a>";
        } else {
          out += svg::escape(s.text);
        }
        break;
    }
  }
  return out;
}

void html_table(const Table& t, std::ostream& out) {
  out << "<div class=\"table\"><table>\n<thead><tr>";
  for (size_t c = 0; c < t.head.size(); ++c) {
    out << (c < t.right.size() && t.right[c] ? "<th class=\"num\">" : "<th>")
        << svg::escape(t.head[c]) << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out << "<tr>";
    for (size_t c = 0; c < row.size(); ++c) {
      out << (c < t.right.size() && t.right[c] ? "<td class=\"num\">" : "<td>")
          << html_spans(row[c]) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody></table></div>\n";
}

}  // namespace

void write_markdown(const Document& d, std::ostream& out) {
  bool first = true;
  for (const Block& b : d.blocks) {
    if (b.kind == Block::Kind::Chart || b.kind == Block::Kind::Html) continue;
    if (!first) out << '\n';
    first = false;
    switch (b.kind) {
      case Block::Kind::Heading:
        out << std::string(static_cast<size_t>(b.level), '#') << ' '
            << md_spans(b.spans, false, false) << '\n';
        break;
      case Block::Kind::Paragraph:
        out << md_spans(b.spans, false, true) << '\n';
        break;
      case Block::Kind::List:
        for (const auto& item : b.items) out << "- " << md_spans(item, false, true) << '\n';
        break;
      case Block::Kind::Table:
        md_table(b.table, out);
        break;
      case Block::Kind::Chart:
      case Block::Kind::Html:
        break;
    }
  }
}

void write_html(const Document& d, std::ostream& out) {
  for (const Block& b : d.blocks) {
    switch (b.kind) {
      case Block::Kind::Heading:
        out << "<h" << b.level;
        if (!b.anchor.empty()) out << " id=\"" << svg::escape(b.anchor) << '"';
        out << '>' << html_spans(b.spans) << "</h" << b.level << ">\n";
        break;
      case Block::Kind::Paragraph:
        out << "<p>" << html_spans(b.spans) << "</p>\n";
        break;
      case Block::Kind::List:
        out << "<ul>\n";
        for (const auto& item : b.items) out << "<li>" << html_spans(item) << "</li>\n";
        out << "</ul>\n";
        break;
      case Block::Kind::Table:
        html_table(b.table, out);
        break;
      case Block::Kind::Chart:
        out << "<figure class=\"chart\">" << b.html << "</figure>\n";
        break;
      case Block::Kind::Html:
        out << b.html;
        break;
    }
  }
}

}  // namespace tradeoff::detail::doc
