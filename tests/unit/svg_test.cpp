// The SVG charts of the HTML report (report/svg): escaping of every caller text, well-formed
// and deterministic output, no NaN or infinity written, empty and degenerate inputs, nice
// ticks and their labels, log axes, UTF-8-safe truncation, legends that wrap.
#include "report/svg.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace svg = tradeoff::detail::svg;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();
const std::string kHostile = "<script>alert(1)</script> & \"quoted\" 'single'";

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

/// Well-formed XML as the charts write it: tags nest and match, attribute values are quoted,
/// text holds no raw '<' and every '&' starts an entity. Returns the first problem, or "".
std::string xml_problem(const std::string& xml) {
  std::vector<std::string> open;
  size_t i = 0;
  while (i < xml.size()) {
    if (xml[i] == '&') {
      const size_t semi = xml.find(';', i);
      const std::string entity = xml.substr(i, semi == std::string::npos ? 1 : semi - i + 1);
      if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;" &&
          entity != "&#39;") {
        return "bad entity at " + std::to_string(i);
      }
    }
    if (xml[i] == '>') return "raw '>' at " + std::to_string(i);
    if (xml[i] != '<') {
      ++i;
      continue;
    }
    size_t end = i + 1;
    bool quoted = false;
    for (; end < xml.size() && (quoted || xml[end] != '>'); ++end) {
      if (xml[end] == '"') quoted = !quoted;
      if (xml[end] == '<') return "'<' inside a tag at " + std::to_string(end);
    }
    if (end == xml.size()) return "unclosed tag at " + std::to_string(i);
    const std::string tag = xml.substr(i + 1, end - i - 1);
    const bool closing = tag[0] == '/';
    const std::string name =
        tag.substr(closing ? 1 : 0, tag.find_first_of(" />", 1) - (closing ? 1 : 0));
    if (closing) {
      if (open.empty() || open.back() != name) return "mismatched </" + name + ">";
      open.pop_back();
    } else if (tag.back() != '/') {
      open.push_back(name);
    }
    i = end + 1;
  }
  return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const size_t n = lead < 0x80         ? 1
                     : (lead >> 5) == 6  ? 2
                     : (lead >> 4) == 14 ? 3
                     : (lead >> 3) == 30 ? 4
                                         : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

/// The checks every chart passes: one <svg> root, well-formed, labelled, no non-finite figure.
void check_chart(const std::string& out) {
  INFO(out);
  CHECK(out.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(out.size() >= 6);
  CHECK(out.compare(out.size() - 6, 6, "</svg>") == 0);
  CHECK(count(out, "<svg") == 1);
  CHECK(count(out, "</svg>") == 1);
  CHECK(count(out, "<g ") + count(out, "<g>") == count(out, "</g>"));
  CHECK(xml_problem(out).empty());
  CHECK(valid_utf8(out));
  CHECK(out.find("viewBox=\"0 0 720 ") != std::string::npos);
  CHECK(out.find("width=\"100%\"") != std::string::npos);
  CHECK(out.find("role=\"img\"") != std::string::npos);
  const size_t ref = out.find("aria-labelledby=\"");
  REQUIRE(ref != std::string::npos);
  const std::string id = out.substr(ref + 17, out.find('"', ref + 17) - ref - 17);
  CHECK(out.find("<title id=\"" + id + "\">") != std::string::npos);
  std::string lower = out;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  CHECK(lower.find("nan") == std::string::npos);
  CHECK(lower.find("inf") == std::string::npos);
}

svg::StackedBars stacked_sample() {
  svg::StackedBars c{"Weighted score", "score (0-1)", {"api_only", "distill", "self_hosted"}, {}};
  c.segments = {
      {"cost", {0.2, 0.3, 0.1}}, {"quality", {0.3, 0.0, 0.4}}, {"risk", {-0.1, 0.1, 0.05}}};
  return c;
}

svg::Lines lines_sample() {
  svg::Lines c{"Score against volume", "requests", "score", {1e3, 1e4, 1e5, 1e6}, {}, {}, true};
  c.lines = {{"api_only", {0.2, 0.4, 0.6, 0.8}}, {"distill", {0.7, 0.5, 0.3, 0.1}}};
  c.markers = {{5e4, "break-even"}};
  return c;
}

svg::Tornado tornado_sample() {
  svg::Tornado c{"Weight ranges", "weight", 0, 0.6, {}};
  c.rows = {{"cost", 0.1, 0.45, 0.3, "distill below 0.1", "self_hosted above 0.45"},
            {"quality", 0.05, std::nullopt, 0.2, "distill below 0.05", ""}};
  return c;
}

svg::Acceptability acceptability_sample() {
  return {
      "Rank acceptability", {"a", "b", "c"}, {{0.6, 0.3, 0.1}, {0.3, 0.5, 0.2}, {0.1, 0.2, 0.7}}};
}

std::vector<std::string> all_samples() {
  return {svg::stacked_bars(stacked_sample()),
          svg::bars({"Weights", "weight", {"cost", "quality", "risk"}, {0.5, 0.3, 0.2}, 3, 1}),
          svg::tornado(tornado_sample()), svg::lines(lines_sample()),
          svg::acceptability(acceptability_sample())};
}

}  // namespace

TEST_CASE("svg escape replaces markup characters and leaves the rest to the output guard",
          "[svg]") {
  CHECK(svg::escape("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  CHECK(svg::escape("Zürich — 数据 ✓") == "Zürich — 数据 ✓");
  CHECK(svg::escape(std::string("a\x01") + "b\tc\nd") == std::string("a\x01") + "b\tc\nd");
  CHECK(svg::escape("") == "");
}

TEST_CASE("svg charts escape every caller text", "[svg]") {
  svg::StackedBars stacked{kHostile, kHostile, {kHostile, "b"}, {{kHostile, {1, 2}}}};
  svg::Bars bars{kHostile, kHostile, {kHostile}, {1.5}};
  svg::Tornado tornado{kHostile, kHostile, 0, 1, {{kHostile, 0.2, 0.8, 0.5, kHostile, kHostile}}};
  svg::Lines lines{kHostile, kHostile, kHostile, {1, 2}, {{kHostile, {1, 2}}}, {{1.5, kHostile}}};
  svg::Acceptability accept{kHostile, {kHostile}, {{0.5}}};
  for (const std::string& out : {svg::stacked_bars(stacked), svg::bars(bars), svg::tornado(tornado),
                                 svg::lines(lines), svg::acceptability(accept)}) {
    check_chart(out);
    CHECK(out.find("<script") == std::string::npos);
    CHECK(out.find("\"quoted\"") == std::string::npos);
    CHECK(out.find("'single'") == std::string::npos);
    CHECK(out.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;") !=
          std::string::npos);
  }
}

TEST_CASE("svg charts are deterministic and each carries its own id", "[svg]") {
  const std::vector<std::string> first = all_samples();
  const std::vector<std::string> second = all_samples();
  CHECK(first == second);
  std::vector<std::string> ids;
  for (const std::string& out : first) {
    check_chart(out);
    const size_t at = out.find("<title id=\"");
    ids.push_back(out.substr(at + 11, out.find('"', at + 11) - at - 11));
  }
  std::sort(ids.begin(), ids.end());
  CHECK(std::unique(ids.begin(), ids.end()) == ids.end());
  CHECK(ids[0].rfind("chart-", 0) == 0);
}

TEST_CASE("svg charts write no NaN or infinity for non-finite inputs", "[svg]") {
  svg::StackedBars stacked{"s", "x", {"a", "b"}, {{"p", {kNaN, kInf}}, {"q", {-kInf, 1}}}};
  svg::Bars bars{"b", "x", {"a", "b", "c"}, {kNaN, kInf, -kInf}};
  svg::Tornado tornado{
      "t", "x", kNaN, kInf, {{"a", kNaN, kNaN, kNaN, "", ""}, {"b", -kInf, kInf, kInf, "", ""}}};
  svg::Lines lines{
      "l", "x", "y", {kNaN, 1, kInf, 3}, {{"p", {1, kNaN, 3, kInf}}}, {{kNaN, "m"}, {kInf, "n"}},
      true};
  svg::Lines all_missing{"l", "x", "y", {kNaN, kNaN}, {{"p", {kNaN, kNaN}}}, {}, true};
  svg::Acceptability accept{"a", {"x", "y"}, {{kNaN, kInf, 0.5}, {-kInf}}};
  for (const std::string& out :
       {svg::stacked_bars(stacked), svg::bars(bars), svg::tornado(tornado), svg::lines(lines),
        svg::lines(all_missing), svg::acceptability(accept)}) {
    check_chart(out);
  }
  // Missing figures leave their shapes out.
  CHECK(count(svg::stacked_bars(stacked), "<rect class=\"seg") == 1);
  CHECK(count(svg::bars(bars), "<rect class=\"bar") == 0);
}

TEST_CASE("svg charts with no categories or one category are valid", "[svg]") {
  const std::vector<std::string> empty = {svg::stacked_bars({}), svg::bars({}), svg::tornado({}),
                                          svg::lines({}), svg::acceptability({})};
  for (const std::string& out : empty) {
    check_chart(out);
  }
  CHECK(svg::bars({}).find(">no data<") != std::string::npos);
  const std::vector<std::string> one = {
      svg::stacked_bars({"one", "x", {"only"}, {{"s", {0.4}}}}),
      svg::stacked_bars({"zeros", "x", {"a", "b"}, {{"s", {0, 0}}}}),
      svg::bars({"one", "x", {"only"}, {0}}),
      svg::tornado({"flat axis", "x", 2, 2, {{"only", 2, 2, 2, "", ""}}}),
      svg::tornado({"reversed axis", "x", 1, 0, {{"only", 0.2, 0.4, 0.3, "", ""}}}),
      svg::lines({"one point", "x", "y", {5}, {{"s", {3}}}}),
      svg::lines({"constant", "x", "y", {1, 2, 3}, {{"s", {0.5, 0.5, 0.5}}}}),
      svg::acceptability({"one", {"only"}, {{1.0}}})};
  for (const std::string& out : one) {
    check_chart(out);
    CHECK(count(out, "class=\"tick\"") >= 2);  // an axis with room in it
  }
  // A single point has no line to draw: it shows as a dot.
  CHECK(count(one[5], "<circle class=\"point s0\"") == 1);
}

TEST_CASE("svg stacked bars draw one rect per non-zero finite segment", "[svg]") {
  const std::string out = svg::stacked_bars(stacked_sample());
  check_chart(out);
  CHECK(count(out, "<rect class=\"seg") == 8);  // 9 segments, one of them 0
  CHECK(count(out, "<rect class=\"swatch") == 3);
  CHECK(out.find("<title>api_only, risk: -0.1</title>") != std::string::npos);
  CHECK(out.find(">0.4</text>") != std::string::npos);   // the total of api_only
  CHECK(out.find(">0.55</text>") != std::string::npos);  // and of self_hosted
  // Series k takes class s{k % 12}.
  svg::StackedBars many{"many", "x", {"a"}, {}};
  for (int k = 0; k < 14; ++k) many.segments.push_back({"c" + std::to_string(k), {1}});
  const std::string wide = svg::stacked_bars(many);
  check_chart(wide);
  CHECK(count(wide, "<rect class=\"seg s0\"") == 2);
  CHECK(count(wide, "<rect class=\"seg s1\"") == 2);
  CHECK(count(wide, "<rect class=\"seg s11\"") == 1);
}

TEST_CASE("svg bars mark the highlight and write each value", "[svg]") {
  const std::string out =
      svg::bars({"Weights", "weight", {"cost", "quality", "risk"}, {0.5, -0.25, 0.125}, 3, 1});
  check_chart(out);
  CHECK(count(out, "<rect class=\"bar s0 highlight\"") == 1);
  CHECK(count(out, "<rect class=\"bar s0\"") == 2);
  CHECK(count(out, "class=\"label highlight\"") == 1);
  CHECK(out.find(">-0.25</text>") != std::string::npos);
  CHECK(out.find(">0.125</text>") != std::string::npos);
  CHECK(out.find("<title>quality: -0.25</title>") != std::string::npos);
}

TEST_CASE("svg nice ticks fall on 1 2 5 steps inside the range", "[svg]") {
  const auto approx = [](std::vector<double> got, std::vector<double> want) {
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) CHECK(got[i] == Approx(want[i]).margin(1e-12));
  };
  approx(svg::nice_ticks(0, 0.37), {0, 0.1, 0.2, 0.3});
  approx(svg::nice_ticks(0, 1), {0, 0.2, 0.4, 0.6, 0.8, 1});
  approx(svg::nice_ticks(-5, 5), {-4, -2, 0, 2, 4});
  approx(svg::nice_ticks(0, 1e6), {0, 2e5, 4e5, 6e5, 8e5, 1e6});
  approx(svg::nice_ticks(0.37, 0), {0, 0.1, 0.2, 0.3});  // reversed
  for (const auto& [lo, hi] : std::vector<std::pair<double, double>>{
           {3, 3}, {0, 0}, {kNaN, 1}, {-kInf, kInf}, {-1e308, 1e308}}) {
    const std::vector<double> ticks = svg::nice_ticks(lo, hi);
    CHECK(ticks.size() >= 2);
    CHECK(std::all_of(ticks.begin(), ticks.end(), [](double t) { return std::isfinite(t); }));
  }
  // On a chart: the tornado's axis keeps to its range.
  svg::Tornado t{"t", "weight", 0, 0.37, {{"a", 0.1, 0.2, 0.15, "", ""}}};
  const std::string out = svg::tornado(t);
  for (const char* label : {">0</text>", ">0.1</text>", ">0.2</text>", ">0.3</text>"}) {
    CHECK(out.find(label) != std::string::npos);
  }
  CHECK(out.find(">0.4</text>") == std::string::npos);
}

TEST_CASE("svg tick and value labels are short and locale-free", "[svg]") {
  CHECK(svg::tick_label(0.3, 0.1) == "0.3");
  CHECK(svg::tick_label(0.30000000000000004, 0.1) == "0.3");
  CHECK(svg::tick_label(0.05, 0.05) == "0.05");
  CHECK(svg::tick_label(-0.0, 0.1) == "0");
  CHECK(svg::tick_label(500, 100) == "500");
  CHECK(svg::tick_label(1500, 500) == "1.5k");
  CHECK(svg::tick_label(250000, 50000) == "250k");
  CHECK(svg::tick_label(1e6, 2e5) == "1M");
  CHECK(svg::tick_label(2.5e9, 5e8) == "2.5B");
  CHECK(svg::tick_label(-2e6, 1e6) == "-2M");
  CHECK(svg::tick_label(1000.5, 0.1) == "1,000.5");
  CHECK(svg::tick_label(5e-5, 5e-5) == "0.00005");
  CHECK(svg::value_label(0.71234, 3) == "0.712");
  CHECK(svg::value_label(0.5, 3) == "0.5");
  CHECK(svg::value_label(365432, 3) == "365,000");
  CHECK(svg::value_label(-1234.5, 5) == "-1,234.5");
  CHECK(svg::value_label(0.0437219, 3) == "0.0437");
  CHECK(svg::value_label(kNaN, 3) == "n/a");
  CHECK(svg::value_label(-kInf, 3) == "n/a");
}

TEST_CASE("svg log axes tick at decades", "[svg]") {
  svg::Lines wide{"wide", "requests", "score", {1, 1e6}, {{"s", {1, 2}}}, {}, true};
  const std::string out = svg::lines(wide);
  check_chart(out);
  for (const char* label : {">1</text>", ">10</text>", ">100</text>", ">1k</text>", ">10k</text>",
                            ">100k</text>", ">1M</text>"}) {
    CHECK(out.find(label) != std::string::npos);
  }
  CHECK(count(out, "class=\"grid minor\"") == 12);     // 2 and 5 in each of six decades
  CHECK(out.find(">2k</text>") == std::string::npos);  // unlabelled over many decades
  // Over few decades the 2 and 5 between them are labelled.
  const std::string narrow = svg::lines(lines_sample());
  check_chart(narrow);
  for (const char* label :
       {">1k</text>", ">2k</text>", ">5k</text>", ">500k</text>", ">1M</text>"}) {
    CHECK(narrow.find(label) != std::string::npos);
  }
  // A non-positive x keeps the axis linear.
  svg::Lines linear = wide;
  linear.x = {0, 1e6};
  CHECK(svg::lines(linear).find("grid minor") == std::string::npos);
}

TEST_CASE("svg lines break at missing points and draw markers", "[svg]") {
  svg::Lines c{"gaps",
               "x",
               "y",
               {1, 2, 3, 4, 5, 6},
               {{"s", {1, 2, kNaN, 4, 5, kNaN}}},
               {{3.5, "break-even"}, {99, "outside"}}};
  const std::string out = svg::lines(c);
  check_chart(out);
  const size_t d = out.find("<path class=\"line s0\" d=\"");
  REQUIRE(d != std::string::npos);
  const std::string path = out.substr(d, out.find("\">", d) - d);
  CHECK(count(path, "M") == 2);  // two runs: 1-2 and 4-5
  CHECK(count(path, "L") == 2);
  CHECK(count(out, "<line class=\"marker\"") == 1);  // the one outside the axis is left out
  CHECK(out.find(">break-even</text>") != std::string::npos);
  CHECK(out.find(">outside<") == std::string::npos);
  CHECK(count(out, "<line class=\"line s0\"") == 1);  // the legend's key
}

TEST_CASE("svg tornado draws open ends as arrows labelled no limit", "[svg]") {
  const std::string out = svg::tornado(tornado_sample());
  check_chart(out);
  CHECK(count(out, "<rect class=\"range s0\"") == 2);
  CHECK(count(out, "<path class=\"arrow s0\"") == 1);
  CHECK(out.find(">no limit</text>") != std::string::npos);
  CHECK(out.find(">self_hosted above 0.45</text>") != std::string::npos);
  CHECK(count(out, "<line class=\"current\"") == 2);
  CHECK(out.find("<title>quality: 0.05 to no limit, current 0.2</title>") != std::string::npos);
}

TEST_CASE("svg acceptability shows shares and the excluded remainder", "[svg]") {
  const std::string full = svg::acceptability(acceptability_sample());
  check_chart(full);
  CHECK(count(full, "<rect class=\"seg") == 9);
  CHECK(full.find("excluded") == std::string::npos);
  CHECK(full.find(">60%</text>") != std::string::npos);
  CHECK(full.find(">rank 3</text>") != std::string::npos);
  const std::string partial = svg::acceptability({"partial", {"a", "b"}, {{0.5, 0.2}, {0.3, 0.9}}});
  check_chart(partial);
  CHECK(count(partial, "<rect class=\"excluded\"") == 2);  // a's 30% and the legend's key
  CHECK(partial.find(">excluded</text>") != std::string::npos);
  CHECK(partial.find("<title>a, excluded: 30.0%</title>") != std::string::npos);
  CHECK(partial.find("<title>b, rank 2: 70.0%</title>") != std::string::npos);  // cut to 100%
  CHECK(partial.find("-hatch\"") != std::string::npos);
}

TEST_CASE("svg truncation keeps UTF-8 whole and the full label as a tooltip", "[svg]") {
  const std::string name = "Société Générale — Zürich données ✓ 数据控制 très longues";
  const std::string cut = svg::truncate(name, 28);
  CHECK(valid_utf8(cut));
  CHECK(cut.size() < name.size());
  CHECK(cut.compare(cut.size() - 3, 3, "\xE2\x80\xA6") == 0);
  CHECK(svg::truncate("short", 28) == "short");
  for (size_t max = 1; max < 40; ++max)
    CHECK(valid_utf8(svg::truncate("数据控制✓é数据控制✓é数据控制✓é数据", max)));
  const std::string out = svg::bars({"t", "x", {name, "b"}, {1, 2}});
  check_chart(out);
  CHECK(out.find(">" + cut + "<title>" + name + "</title></text>") != std::string::npos);
  CHECK(out.find("<title>" + name + ": 1</title>") != std::string::npos);
}

TEST_CASE("svg legends wrap within the 720 wide chart", "[svg]") {
  svg::StackedBars c{"twelve", "x", {"a"}, {}};
  for (int k = 0; k < 12; ++k) {
    c.segments.push_back({"a fairly long criterion name " + std::to_string(k), {1}});
  }
  const std::string out = svg::stacked_bars(c);
  check_chart(out);
  std::vector<double> xs, ys;
  for (size_t at = out.find("<rect class=\"swatch"); at != std::string::npos;
       at = out.find("<rect class=\"swatch", at + 1)) {
    const size_t x = out.find(" x=\"", at) + 4, y = out.find(" y=\"", at) + 4;
    xs.push_back(std::stod(out.substr(x, out.find('"', x) - x)));
    ys.push_back(std::stod(out.substr(y, out.find('"', y) - y)));
  }
  REQUIRE(xs.size() == 12);
  CHECK(*std::max_element(xs.begin(), xs.end()) + 18 + 28 * 7 < 720);
  std::sort(ys.begin(), ys.end());
  CHECK(std::unique(ys.begin(), ys.end()) - ys.begin() >= 3);  // several rows
}

TEST_CASE("svg stylesheet styles the classes for light dark and print", "[svg]") {
  const std::string css(svg::chart_css());
  CHECK(css.find("@media (prefers-color-scheme: dark)") != std::string::npos);
  CHECK(css.find("@media print") != std::string::npos);
  CHECK(css.rfind("@media print") > css.find("@media (prefers-color-scheme: dark)"));
  for (int k = 0; k < 12; ++k) {
    CHECK(count(css, "--chart-s" + std::to_string(k) + ":") == 3);  // light, dark, print
    CHECK(css.find(".s" + std::to_string(k) + "{") != std::string::npos);
  }
  for (const char* cls :
       {".axis{", ".grid{", ".label", ".title{", ".muted", ".tick", ".highlight"}) {
    CHECK(css.find(cls) != std::string::npos);
  }
  CHECK(css.find("<") == std::string::npos);  // safe inside a <style> element
}
