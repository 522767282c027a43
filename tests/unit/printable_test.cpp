// The escaping functions (support/printable.hpp, tradeoff/printable.hpp): tables of inputs and
// the exact text each gives, for terminals, diagnostics, Markdown and CSV.
#include "support/printable.hpp"

#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "tradeoff/catalog.hpp"
#include "tradeoff/error.hpp"
#include "tradeoff/printable.hpp"

using tradeoff::make_excerpt;
using tradeoff::printable;
using tradeoff::printable_message;
using tradeoff::detail::csv_text;
using tradeoff::detail::Keep;
using tradeoff::detail::markdown_code;
using tradeoff::detail::markdown_text;
using tradeoff::detail::one_line;
using tradeoff::detail::safe_output;
using tradeoff::detail::shorten;

namespace {

using Cases = std::vector<std::pair<std::string, std::string>>;

std::string with_nul(const char* before, const char* after) {
  return std::string(before) + std::string(1, '\0') + after;
}

}  // namespace

TEST_CASE("printable escapes controls and invisible format characters", "[printable]") {
  const Cases cases = {
      {"plain text", "plain text"},
      {"Société Générale — Zürich", "Société Générale — Zürich"},
      {"数据控制 ✓ 😀", "数据控制 ✓ 😀"},
      {"\x1b[2Jcleared", "\\x1b[2Jcleared"},
      {"\x1b]0;pwned\x07title", "\\x1b]0;pwned\\x07title"},
      {"bell\a", "bell\\x07"},
      {"over\rwrite", "over\\x0dwrite"},
      {with_nul("nul", "byte"), "nul\\x00byte"},
      {"tab\there", "tab\\x09here"},
      {"line\nfeed", "line\\x0afeed"},
      {"del\x7f", "del\\x7f"},
      {"c1 \xc2\x85 nel \xc2\x9b csi", "c1 \\x85 nel \\x9b csi"},
      {"evil\xe2\x80\xaetxt.exe", "evil\\u202etxt.exe"},  // right-to-left override
      {"\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad", "\\u202a\\u202b\\u202c\\u202d"},
      {"\xe2\x81\xa6x\xe2\x81\xa7y\xe2\x81\xa8z\xe2\x81\xa9", "\\u2066x\\u2067y\\u2068z\\u2069"},
      {"pay\xe2\x80\x8bpal", "pay\\u200bpal"},    // zero width space
      {"soft\xc2\xadhyphen", "soft\\xadhyphen"},  // soft hyphen
      {"\xef\xbb\xbf"
       "bom",
       "\\ufeffbom"},
      {"a\xe2\x80\xa8"
       "b",
       "a\\u2028b"},                                   // line separator
      {"\xe3\x85\xa4", "\\u3164"},                     // Hangul filler
      {"tag\xf3\xa0\x81\x81", "tag\\U000e0041"},       // a lone tag character
      {"bad \xff byte \xc3", "bad \\xff byte \\xc3"},  // not UTF-8
      {"\xed\xa0\x80", "\\xed\\xa0\\x80"},             // a surrogate
      {"\xc0\xaf", "\\xc0\\xaf"},                      // overlong '/'
  };
  for (const auto& [in, out] : cases) {
    INFO(out);
    CHECK(printable(in) == out);
  }
}

TEST_CASE("printable keeps the joiners and tags that scripts and emoji need", "[printable]") {
  const std::string family = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9";  // man ZWJ woman
  CHECK(printable(family) == family);
  const std::string persian =
      "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85";
  CHECK(printable(persian) == persian);  // a zero width non-joiner between Arabic letters
  CHECK(printable("pay\xe2\x80\x8dpal") == "pay\\u200dpal");  // between ASCII letters
  CHECK(printable("\xe2\x80\x8d") == "\\u200d");
  const std::string scotland =
      "\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xa2\xf3\xa0\x81\xb3\xf3\xa0\x81\xa3\xf3\xa0\x81"
      "\xb4\xf3\xa0\x81\xbf";
  CHECK(printable(scotland) == scotland);
  // Tags without their end are not a flag: the black flag stays, the tags are shown.
  CHECK(printable("\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7x") == "\xf0\x9f\x8f\xb4\\U000e0067x");
}

TEST_CASE("shorten cuts on a character boundary", "[printable]") {
  CHECK(shorten("abcdef", 6) == "abcdef");
  CHECK(shorten("abcdefg", 6) == "abcdef...");
  CHECK(shorten("ééééé", 3) == "ééé...");
  CHECK(shorten("数据控制", 2) == "数据...");
  CHECK(shorten("", 0).empty());
}

TEST_CASE("one_line makes a report line of any text", "[printable]") {
  const Cases cases = {
      {"  padded  ", "padded"},
      {"folded block\n", "folded block"},
      {"line one\nline two\n\nline four", "line one line two line four"},
      {"a  \n  b", "a b"},
      {"crlf\r\nends", "crlf ends"},
      {"lone\rcr", "lone\\x0dcr"},
      {"\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"},
      {"in\tside", "in\\x09side"},
  };
  for (const auto& [in, out] : cases) {
    INFO(out);
    CHECK(one_line(in) == out);
  }
}

TEST_CASE("markdown_text renders as the text wherever it lands", "[printable][markdown]") {
  const Cases cases = {
      {"PostgreSQL", "PostgreSQL"},
      {"host_open ranks first", "host_open ranks first"},
      {"_emphasis_ and a_b_", "\\_emphasis\\_ and a_b\\_"},
      {"Title\n# Injected heading", "Title \\# Injected heading"},
      {"# heading", "\\# heading"},
      {"Title #", "Title \\#"},  // not a heading's closing sequence
      {"C# and F#", "C# and F#"},
      {"<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"},
      {"R&D &#x202e;", "R&amp;D &amp;#x202e;"},
      {"**bold** *it*", "\\*\\*bold\\*\\* \\*it\\*"},
      {"a `code` b ``", "a \\`code\\` b \\`\\`"},
      {"[click](javascript:alert(1))", "[click\\](javascript:alert(1))"},
      {"![img](x.png)", "![img\\](x.png)"},
      {"[ref][x] [x]: http://a", "[ref\\][x] [x\\]: http://a"},
      {"scale [1, 5]", "scale [1, 5]"},
      {"1.2.0 | x", "1.2.0 \\| x"},
      {"- item", "- item"},
      {"> quote", "&gt; quote"},
      {"~~strike~~ $5 \\", "\\~\\~strike\\~\\~ \\$5 \\\\"},
      {"a\x1b[2Jb", "a\\\\x1b[2Jb"},
      {"on-demand capacity at 1.5x", "on-demand capacity at 1.5x"},
  };
  for (const auto& [in, out] : cases) {
    INFO(in);
    CHECK(markdown_text(in) == out);
  }
}

TEST_CASE("markdown_text at the start of a line opens no block", "[printable][markdown]") {
  const Cases cases = {
      {"- item", "\\- item"},     {"+ item", "\\+ item"},
      {"===", "\\==="},           {"---", "\\---"},
      {"1. first", "1\\. first"}, {"12) twelfth", "12\\) twelfth"},
      {"[x] done", "\\[x] done"}, {"# heading", "\\# heading"},
      {"> quote", "&gt; quote"},  {"    indented", "indented"},
      {"1.2.0", "1\\.2.0"},       {"plain", "plain"},
  };
  for (const auto& [in, out] : cases) {
    INFO(in);
    CHECK(markdown_text(in, true) == out);
  }
}

TEST_CASE("markdown_code fences past the longest run of backticks", "[printable][markdown]") {
  const std::vector<std::tuple<std::string, bool, std::string>> cases = {
      {"postgres", false, "`postgres`"},
      {"a `b` c", false, "``a `b` c``"},
      {"``x", false, "``` ``x ```"},
      {"x`", false, "`` x` ``"},
      {"a | b", false, "`a | b`"},
      {"a | b", true, "`a \\| b`"},
      {"x < 1 & y", false, "`x < 1 & y`"},
      {"line\nnext", false, "`line next`"},
      {"esc\x1b[2J", false, "`esc\\x1b[2J`"},
      {"", false, ""},
  };
  for (const auto& [in, table, out] : cases) {
    INFO(in);
    CHECK(markdown_code(in, table) == out);
  }
}

TEST_CASE("csv_text neutralises formulas and quotes separators", "[printable][csv]") {
  const Cases cases = {
      {"PostgreSQL", "PostgreSQL"},
      {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
      {"=1+1", "'=1+1"},
      {"+1", "'+1"},
      {"-0.5", "'-0.5"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\t=1", "'=1"},
      {"\r=1", "'=1"},
      {"  =1", "'=1"},
      {"a=1", "a=1"},
      {"a,b", "\"a,b\""},
      {"a;=cmd", "\"a;=cmd\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},  // a line feed is data, in a quoted cell
      {"\n=1+1\n", "'=1+1"},
      {"bell\a", "bell\\x07"},
  };
  for (const auto& [in, out] : cases) {
    INFO(in);
    CHECK(csv_text(in) == out);
  }
}

TEST_CASE("safe_output keeps line ends and the report's own colours", "[printable]") {
  CHECK(safe_output("a\nb\x1b[2J\n", {}) == "a\nb\\x1b[2J\n");
  CHECK(safe_output("r,1\r\nx\ry\r\n", Keep{false, false, true, false}) == "r,1\r\nx\\x0dy\r\n");
  CHECK(safe_output("\x1b[1mbold\x1b[0m \x1b]0;t\x07", Keep{false, false, false, true}) ==
        "\x1b[1mbold\x1b[0m \\x1b]0;t\\x07");
  CHECK(safe_output("\x1b[1mbold\x1b[0m", {}) == "\\x1b[1mbold\\x1b[0m");
}

TEST_CASE("printable_message cuts quoted values and the whole message", "[printable][errors]") {
  const std::string big(10000, 'x');
  CHECK(printable_message("unknown key '" + big + "' in option 'a'") ==
        "unknown key '" + std::string(80, 'x') + "...' in option 'a'");
  CHECK(printable_message("got '" + big) == "got '" + std::string(80, 'x') + "...");
  CHECK(printable_message("the criterion's weight 'it's' is 'x'") ==
        "the criterion's weight 'it's' is 'x'");
  CHECK(printable_message("unknown key 'a\x1b[2Jb'") == "unknown key 'a\\x1b[2Jb'");
  CHECK(printable_message("got '" + std::string(79, 'x') + "\xc3\xa9\xc3\xa9'") ==
        "got '" + std::string(79, 'x') + "\xc3\xa9...'");
  // Many short quoted values: the whole message stops at 400 characters.
  std::string list;
  for (int k = 0; k < 200; ++k) list += (k ? ", '" : "'") + std::to_string(k) + "'";
  const std::string cut = printable_message("expected one of " + list);
  CHECK(cut.size() == 403);
  CHECK(cut.substr(cut.size() - 3) == "...");
}

TEST_CASE("make_excerpt escapes the line and keeps the caret under its character",
          "[printable][errors]") {
  auto e = make_excerpt("  weight: 3", 11, 1);
  CHECK(e.line == "  weight: 3");
  CHECK(e.indent == std::string(10, ' '));
  CHECK(e.marks == "^");
  e = make_excerpt("\tkey:\tvalue", 7, 5);  // tabs are kept, and copied onto the caret line
  CHECK(e.line == "\tkey:\tvalue");
  CHECK(e.indent == "\t    \t");
  CHECK(e.marks == "^~~~~");
  e = make_excerpt("name: \"\x1b[2J\" x", 7, 5);  // the escape widens what the caret spans
  CHECK(e.line == "name: \"\\x1b[2J\" x");
  CHECK(e.indent == std::string(6, ' '));
  CHECK(e.marks == "^~~~~~~~");
  e = make_excerpt(
      "a\xe2\x80\xae"
      "b: 1",
      3, 1);  // U+202E before the caret
  CHECK(e.line == "a\\u202eb: 1");
  CHECK(e.indent == std::string(7, ' '));
  e = make_excerpt("{x: 1}", 7, 1);  // the caret just past the end
  CHECK(e.indent == std::string(6, ' '));
  CHECK(e.marks == "^");
  e = make_excerpt("no column", 0, 1);
  CHECK(e.line == "no column");
  CHECK(e.marks.empty());
}

TEST_CASE("make_excerpt cuts long lines and long underlines", "[printable][errors]") {
  const std::string line = "key: " + std::string(1000, 'x');
  auto e = make_excerpt(line, 6, 1000);
  CHECK(e.line == "key: " + std::string(115, 'x') + "...");
  CHECK(e.indent == std::string(5, ' '));
  CHECK(e.marks == "^" + std::string(114, '~'));  // stops where the line is cut
  e = make_excerpt(line, 506, 1);
  CHECK(e.line == "..." + std::string(120, 'x') + "...");
  CHECK(e.indent == std::string(63, ' '));
  CHECK(e.marks == "^");
  // 8 MiB on one line: only a window of it is read, and the result stays short.
  const std::string huge = "weight: " + std::string(8 << 20, 'x');
  e = make_excerpt(huge, 9, 8 << 20);
  CHECK(e.line == "weight: " + std::string(112, 'x') + "...");
  CHECK(e.marks.size() == 112);
  e = make_excerpt(huge, 4 << 20, 1);
  CHECK(e.line == "..." + std::string(120, 'x') + "...");
  CHECK(e.indent == std::string(63, ' '));
  e = make_excerpt(std::string(200, '\x1b'), 150, 1);  // every character widened by escaping
  CHECK(e.line.size() <= 130);
  CHECK(e.line.find('\x1b') == std::string::npos);
  CHECK(e.indent.size() + e.marks.size() <= 130);
  e = make_excerpt("short", 1000000, 1);  // a column far past the end
  CHECK(e.indent.size() <= 130);
}

TEST_CASE("source_excerpts reads each line once and finds every caret on a long line",
          "[printable][errors]") {
  tradeoff::MemoryReader reader;
  std::string minified = "{";
  for (int k = 0; k < 500; ++k) minified += (k ? ", k" : "k") + std::to_string(k) + ": 1";
  minified += "}";
  reader.add("f.yaml", "a: 1\r\n\tb:\x1b[2J 2\n" + minified + "\n");
  reader.add("bin.yaml", std::string("x: 1\n\0y: 2\n", 11));
  std::vector<tradeoff::Diagnostic> ds;
  const auto at = [&ds](const std::string& file, int line, int column, int length) {
    auto d = tradeoff::make_diagnostic(tradeoff::ErrorCode::UnknownKey, {file, line, column}, "m");
    d.length = length;
    ds.push_back(d);
  };
  at("f.yaml", 1, 1, 1);
  at("f.yaml", 2, 2, 2);
  for (const int k : {0, 250, 499}) {
    const std::string key = "k" + std::to_string(k) + ":";
    at("f.yaml", 3, static_cast<int>(minified.find(key)) + 1, static_cast<int>(key.size()) - 1);
  }
  at("f.yaml", 3, 2, 2);  // back to the start of the line
  at("bin.yaml", 1, 1, 1);
  at("missing.yaml", 1, 1, 1);
  at("f.yaml", 9, 1, 1);  // past the last line
  auto own = tradeoff::make_diagnostic(tradeoff::ErrorCode::UnknownKey, {"none.yaml", 1, 3}, "m");
  own.excerpt =
      "a\x07"
      "b";
  ds.push_back(own);
  const auto e = tradeoff::source_excerpts(ds, reader);
  REQUIRE(e.size() == ds.size());
  CHECK(e[0].line == "a: 1");  // the \r of a CRLF line end is not part of the line
  CHECK(e[1].line == "\tb:\\x1b[2J 2");
  CHECK(e[1].indent == "\t");
  CHECK(e[1].marks == "^~");
  CHECK(e[2].line.substr(0, 10) == "{k0: 1, k1");
  CHECK(e[2].indent == " ");
  CHECK(e[2].marks == "^~");
  CHECK(e[3].line.substr(63, 8) == "k250: 1,");
  CHECK(e[3].indent == std::string(63, ' '));
  CHECK(e[3].marks == "^~~~");
  CHECK(e[4].line.substr(e[4].line.size() - 8) == "k499: 1}");
  CHECK(e[4].indent.size() == 63);
  CHECK(e[5].line.substr(0, 4) == "{k0:");
  CHECK(e[5].indent == " ");
  CHECK(e[6].line.empty());  // a file holding a NUL byte is never echoed
  CHECK(e[7].line.empty());
  CHECK(e[8].line.empty());
  CHECK(e[9].line == "a\\x07b");
  CHECK(e[9].indent == std::string(5, ' '));
}
