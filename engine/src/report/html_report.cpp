// The HTML decision record: one page that opens offline. Inline CSS (light and dark schemes
// after the reader's setting, an A4 print stylesheet), inline SVG charts, and one small inline
// script for the what-if panel, which a Content-Security-Policy pins by its digest so that no
// other script can run, whatever a name in the YAML holds.
#include <algorithm>
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "report/record.hpp"
#include "report/renderers.hpp"
#include "report/svg.hpp"
#include "support/sha256.hpp"
#include "support/text.hpp"

namespace tradeoff::detail {

namespace {

constexpr std::string_view kScript = R"JS((function () {
  var panel = document.getElementById('what-if');
  if (!panel) return;
  var sliders = [].slice.call(panel.querySelectorAll('input[type=range][data-criterion]'));
  var rows = [].slice.call(panel.querySelectorAll('tr[data-values]'));
  var winner = document.getElementById('what-if-winner');
  function update() {
    var w = sliders.map(function (s) { return parseFloat(s.value) || 0; });
    var total = w.reduce(function (a, b) { return a + b; }, 0);
    var best = null, top = -Infinity;
    rows.forEach(function (r) {
      var v = r.getAttribute('data-values').split(' ').map(Number), s = 0;
      for (var j = 0; j < w.length; j++) s += (total > 0 ? w[j] / total : 0) * v[j];
      r.querySelector('[data-whatif-score]').textContent = s.toFixed(4);
      if (s > top) { top = s; best = r; }
    });
    sliders.forEach(function (s) { s.parentNode.querySelector('output').textContent = s.value; });
    winner.textContent = total > 0 && best ? best.getAttribute('data-name') : 'none: every weight is 0';
    rows.forEach(function (r) { r.classList.toggle('lead', total > 0 && r === best); });
  }
  sliders.forEach(function (s) { s.addEventListener('input', update); });
  document.getElementById('what-if-reset').addEventListener('click', function () {
    sliders.forEach(function (s) { s.value = s.getAttribute('data-initial'); });
    update();
  });
  update();
})();
)JS";

constexpr std::string_view kPageCss =
    R"CSS(:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1f24;
  --muted: #57606a; --rule: #d0d7de; --panel: #f6f8fa; --accent: #0969da; --lead: #dafbe1; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1;
  --rule: #30363d; --panel: #161b22; --accent: #4493f8; --lead: #1f3a2a; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.8rem; margin: 0.5rem 0 1rem; line-height: 1.25; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.25rem;
  border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.6rem 0 0.6rem; }
a { color: var(--accent); }
code { font: 0.88em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  background: var(--panel); padding: 0.05em 0.3em; border-radius: 4px; overflow-wrap: break-word; }
.table { overflow-x: auto; margin: 0.6rem 0 1rem; }
table { border-collapse: collapse; font-size: 0.92em; }
th, td { border: 1px solid var(--rule); padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: var(--panel); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: 1rem 0 1.4rem; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
nav.toc { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px;
  padding: 0.6rem 1rem; margin: 1rem 0; }
nav.toc ol { margin: 0.3rem 0; padding-left: 1.4rem; columns: 2; }
.what-if { border: 1px solid var(--rule); border-radius: 6px; padding: 0.8rem 1rem;
  background: var(--panel); margin: 1.2rem 0; }
.what-if .sliders { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
  gap: 0.3rem 1.2rem; margin: 0.6rem 0; }
.what-if label { display: grid; grid-template-columns: 1fr 7rem 3.5rem; gap: 0.4rem;
  align-items: center; font-size: 0.9em; }
.what-if output { font-variant-numeric: tabular-nums; text-align: right; }
.what-if tr.lead td { background: var(--lead); font-weight: 600; }
.what-if .note, footer { color: var(--muted); font-size: 0.88em; }
footer { border-top: 1px solid var(--rule); margin-top: 2.5rem; padding-top: 0.6rem; }
@media print {
  :root { color-scheme: light; --bg: #ffffff; --fg: #000000; --muted: #444444; --rule: #999999;
    --panel: #f2f2f2; --accent: #000000; --lead: #e8f5e9; }
  @page { size: A4; margin: 16mm 14mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav.toc, .what-if { display: none; }
  h2, h3 { break-after: avoid; }
  figure.chart, tr { break-inside: avoid; }
  a { text-decoration: none; }
}
)CSS";

/// The base64 form of the SHA-256 digest of `text`, as a Content-Security-Policy hash takes it.
std::string sha256_base64(std::string_view text) {
  const std::string hex = sha256_hex(text);
  std::string bytes;
  for (size_t k = 0; k + 1 < hex.size(); k += 2) {
    bytes += static_cast<char>(std::stoi(hex.substr(k, 2), nullptr, 16));
  }
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t k = 0; k < bytes.size(); k += 3) {
    uint32_t n = static_cast<uint32_t>(static_cast<unsigned char>(bytes[k])) << 16;
    if (k + 1 < bytes.size())
      n |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[k + 1])) << 8;
    if (k + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[k + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += k + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += k + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

void page_head(const Result& r, const std::string& title, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      << "style-src 'unsafe-inline'; img-src data:; script-src 'sha256-" << sha256_base64(kScript)
      << "'\">\n<meta name=\"generator\" content=\"" << svg::escape(r.provenance.tool) << "\">\n"
      << "<title>" << svg::escape(title) << "</title>\n<style>\n"
      << kPageCss << svg::chart_css() << "</style>\n</head>\n";
}

/// A table of contents from the record's second-level headings.
void contents(const doc::Document& d, std::ostream& out) {
  out << "<nav class=\"toc\" aria-label=\"Contents\"><strong>Contents</strong>\n<ol>\n";
  for (const auto& b : d.blocks) {
    if (b.kind != doc::Block::Kind::Heading || b.level != 2 || b.anchor.empty()) continue;
    std::string label;
    for (const auto& s : b.spans) label += s.text;
    out << "<li><a href=\"#" << svg::escape(b.anchor) << "\">" << svg::escape(label)
        << "</a></li>\n";
  }
  out << "</ol>\n</nav>\n";
}

}  // namespace

std::string what_if_panel(const Result& r) {
  if (r.ranking.empty()) return "";
  double top = 0;
  for (const auto& c : r.criteria) top = std::max(top, c.weight);
  const double max = top > 0 ? 3 * top : 1;
  std::ostringstream out;
  out << "<section id=\"what-if\" class=\"what-if\" aria-labelledby=\"what-if-title\">\n"
      << "<h3 id=\"what-if-title\">What if the weights were different?</h3>\n"
      << "<p class=\"note\">Move a weight: the scores below are the weighted sum of the "
         "normalised values in the appendix, recomputed in your browser. They are a guide, not "
         "the record: the record's method is "
      << svg::escape(r.method_title) << ", and rules that change weights are not run again.</p>\n"
      << "<div class=\"sliders\">\n";
  for (const auto& c : r.criteria) {
    const std::string value = plain_number(c.weight);
    out << "<label><span>" << svg::escape(c.name) << "</span><input type=\"range\" min=\"0\" max=\""
        << plain_number(max) << "\" step=\"" << plain_number(max / 300) << "\" value=\"" << value
        << "\" data-initial=\"" << value << "\" data-criterion=\"" << svg::escape(c.id)
        << "\"><output>" << value << "</output></label>\n";
  }
  out << "</div>\n<div class=\"table\"><table>\n<thead><tr><th>Option</th>"
      << "<th class=\"num\">Weighted sum</th></tr></thead>\n<tbody>\n";
  for (const auto& e : r.ranking) {
    const OptionResult& o = *r.option(e.option);
    double sum = 0;
    std::string values;
    for (size_t j = 0; j < o.normalized.size(); ++j) {
      values += (j ? " " : "") + plain_number(o.normalized[j]);
      sum += r.criteria[j].normalized_weight * o.normalized[j];
    }
    out << "<tr data-values=\"" << values << "\" data-name=\"" << svg::escape(option_name(r, o.id))
        << "\"><td>" << svg::escape(option_name(r, o.id)) << "</td><td class=\"num\" "
        << "data-whatif-score>" << fixed(sum, 4) << "</td></tr>\n";
  }
  out << "</tbody></table></div>\n<p>Leading: <strong id=\"what-if-winner\">"
      << svg::escape(option_name(r, r.ranking.front().option))
      << "</strong> <button type=\"button\" id=\"what-if-reset\">Reset the weights</button></p>\n"
      << "</section>\n";
  return out.str();
}

void render_html_record(const RecordInput& in, std::ostream& out) {
  const doc::Document d = decision_record(in);
  const Result& r = in.r;
  page_head(r, r.assessment_title.empty() ? r.framework_title : r.assessment_title, out);
  out << "<body>\n<main>\n";
  // The title and the header table, the contents, then the sections.
  const auto first_section = std::find_if(
      d.blocks.begin(), d.blocks.end(),
      [](const doc::Block& b) { return b.kind == doc::Block::Kind::Heading && b.level == 2; });
  doc::Document head;
  doc::Document body;
  head.blocks.assign(d.blocks.begin(), first_section);
  body.blocks.assign(first_section, d.blocks.end());
  doc::write_html(head, out);
  contents(d, out);
  doc::write_html(body, out);
  out << "<footer>Generated by " << svg::escape(r.provenance.tool) << ". Framework digest <code>"
      << svg::escape(r.provenance.framework_sha256) << "</code>";
  if (!r.provenance.assessment_sha256.empty()) {
    out << ", assessment digest <code>" << svg::escape(r.provenance.assessment_sha256) << "</code>";
  }
  out << ".</footer>\n</main>\n<script>" << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace tradeoff::detail
