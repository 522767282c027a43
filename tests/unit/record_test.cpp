// The decision record (report/record.hpp): its document model and escaping, the pros and cons
// and consequences it derives, the age of sources, provenance digests, and the terminal view
// that fits in 100 columns.
#include "report/record.hpp"

#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "report/document.hpp"
#include "support/sha256.hpp"
#include "support/text.hpp"
#include "test_support.hpp"
#include "tradeoff/catalog.hpp"
#include "tradeoff/report.hpp"

using tradeoff::detail::days_between;
using tradeoff::test::evaluate_text;
namespace doc = tradeoff::detail::doc;

namespace {

// Speed (benefit) [2, 4, 8], price (cost) [1, 2, 4], weights 3 : 1, and a veto of c.
const std::string kFramework = R"(framework: f
title: Pick one
description: Which tool should the team use?
sources:
  vendor: {title: "Vendor price list", url: "https://example.com/prices", date: 2024-01-10}
  survey: {title: "User survey", date: 2025-06-01}
criteria:
  - {id: speed, name: Speed, direction: benefit, weight: 3}
  - {id: price, name: Price, direction: cost, unit: USD, weight: 1, source: vendor}
options:
  - {id: a, name: Alpha, description: "The small one.", scores: {speed: 2, price: 1}}
  - {id: b, name: Beta, scores: {speed: 4, price: 2}}
  - {id: c, name: Gamma, scores: {speed: 8, price: 4}}
rules:
  - {id: no_gamma, when: "true", veto: [c], because: Gamma is discontinued.}
)";

std::string markdown_of(const doc::Document& d) {
  std::ostringstream out;
  doc::write_markdown(d, out);
  return out.str();
}

std::string html_of(const doc::Document& d) {
  std::ostringstream out;
  doc::write_html(d, out);
  return out.str();
}

std::string record_markdown(const tradeoff::Result& r, const std::string& date) {
  return markdown_of(tradeoff::detail::decision_record({r, nullptr, nullptr, date, false}));
}

}  // namespace

TEST_CASE("document spans keep the blanks between them and escape what they hold", "[record]") {
  doc::Document d;
  d.paragraph({doc::text("Chosen: "), doc::strong("A|B"), doc::text(" ("), doc::code("a`b"),
               doc::text(")")});
  CHECK(markdown_of(d) == "Chosen: **A\\|B** (``a`b``)\n");
  CHECK(html_of(d) == "<p>Chosen: <strong>A|B</strong> (<code>a`b</code>)</p>\n");
}

TEST_CASE("links are written only for http and https addresses", "[record]") {
  CHECK(doc::safe_href("https://example.com/a?b=c"));
  CHECK_FALSE(doc::safe_href("javascript:alert(1)"));
  CHECK_FALSE(doc::safe_href("https://x.example/\"onmouseover=\"alert(1)"));
  CHECK_FALSE(doc::safe_href("https://x.example/a b"));
  doc::Document d;
  d.paragraph(
      {doc::link("<b>evil</b>", "javascript:alert(1)"), doc::link(" fine", "https://example.com")});
  CHECK(html_of(d) ==
        "<p>&lt;b&gt;evil&lt;/b&gt;<a href=\"https://example.com\" rel=\"noreferrer\"> "
        "fine</a></p>\n");
  CHECK(markdown_of(d) == "&lt;b&gt;evil&lt;/b&gt; [fine](<https://example.com>)\n");
}

TEST_CASE("a Markdown table escapes the pipes of its cells and skips charts", "[record]") {
  doc::Document d;
  d.table({{"Name", "Value"}, {false, true}, {{{doc::text("a | b")}, {doc::text("1")}}}});
  d.chart("<svg></svg>");
  CHECK(markdown_of(d) == "| Name | Value |\n|---|---:|\n| a \\| b | 1 |\n");
  CHECK(html_of(d).find("<figure class=\"chart\"><svg></svg></figure>") != std::string::npos);
}

TEST_CASE("days between two dates, across leap years, and none for a malformed date", "[record]") {
  CHECK(days_between("2024-01-10", "2026-11-20") == 1045);
  CHECK(days_between("2024-02-28", "2024-03-01") == 2);
  CHECK(days_between("2023-02-28", "2023-03-01") == 1);
  CHECK_FALSE(days_between("2024-1-10", "2026-11-20"));
  CHECK_FALSE(days_between("", "2026-11-20"));
  CHECK_FALSE(days_between("2024-13-01", "2026-11-20"));
}

TEST_CASE("pros and cons: where each option is best or worst of all the options", "[record]") {
  const tradeoff::Result r = evaluate_text(kFramework);
  const std::string md = record_markdown(r, "2026-11-20");
  // b wins (speed 4 at price 2 against a's 2 at 1); c is vetoed but still compared.
  CHECK(md.find("Chosen option: **Beta** (`b`)") != std::string::npos);
  CHECK(md.find("### Alpha `a`\n\nRank 2 of 2, score 0.2500. The small one.\n\n"
                "- Bad, because it is worst on speed of the 3 options: 2 (weight share 0.750).\n"
                "- Good, because it is best on price of the 3 options: 1 USD (weight share "
                "0.250).\n") != std::string::npos);
  CHECK(md.find("Excluded by no_gamma: Gamma is discontinued.") != std::string::npos);
  // Beta is neither best nor worst anywhere.
  CHECK(md.find("### Beta `b`\n\nRank 1 of 2, score 0.7500.\n\n"
                "- Neither best nor worst on any criterion.\n") != std::string::npos);
}

TEST_CASE("consequences are derived when the assessment gives none", "[record]") {
  const tradeoff::Result r = evaluate_text(kFramework);
  const std::string md = record_markdown(r, "2026-11-20");
  CHECK(md.find("### Consequences\n\n*Derived from the evaluation: the assessment states no "
                "consequences.*\n") != std::string::npos);
}

TEST_CASE("sources older than a year at the record's date are flagged", "[record]") {
  const tradeoff::Result r = evaluate_text(kFramework);
  const std::string md = record_markdown(r, "2026-11-20");
  CHECK(md.find("| `vendor` | [Vendor price list](<https://example.com/prices>) | 2024-01-10 | "
                "older than a year (1045 days) |") != std::string::npos);
  CHECK(md.find("| `survey` | User survey | 2025-06-01 | older than a year (537 days) |") !=
        std::string::npos);
  CHECK(md.find("**Warning:** figures older than a year at the record's date (2026-11-20): "
                "vendor and survey.") != std::string::npos);
  const std::string undated = record_markdown(r, "");
  CHECK(undated.find("The record has no date, so the age of the sources is not judged") !=
        std::string::npos);
}

TEST_CASE("provenance: the digest of every file loaded and of the framework as a whole",
          "[record]") {
  tradeoff::MemoryReader reader;
  reader.add("f.yaml", kFramework);
  const tradeoff::Loaded loaded = tradeoff::load(reader, "f.yaml");
  const tradeoff::Result r = tradeoff::evaluate(loaded.framework, nullptr);
  const std::string digest = tradeoff::detail::sha256_hex(kFramework);
  REQUIRE(r.provenance.framework_files.size() == 1);
  CHECK(r.provenance.framework_files[0].path == "f.yaml");
  CHECK(r.provenance.framework_files[0].sha256 == digest);
  CHECK(r.provenance.framework_sha256 == tradeoff::detail::sha256_hex(digest + "\n"));
  CHECK(r.provenance.tool == "tradeoff 0.1.0");
  // One byte more (a comment) and the digest differs, the id and version being the same.
  reader.add("g.yaml", kFramework + "# copy\n");
  const tradeoff::Result copy =
      tradeoff::evaluate(tradeoff::load(reader, "g.yaml").framework, nullptr);
  CHECK(copy.framework == r.framework);
  CHECK(copy.provenance.framework_sha256 != r.provenance.framework_sha256);
}

TEST_CASE("the terminal view of every built-in example fits in 100 columns and one screen",
          "[record]") {
  for (const char* name :
       {"frameworks/llm_build_vs_buy.yaml", "frameworks/examples/consumer_app.yaml",
        "frameworks/examples/regulated_bank.yaml", "frameworks/examples/seed_scenario.yaml",
        "frameworks/examples/startup_prototype.yaml"}) {
    const tradeoff::Loaded loaded = tradeoff::test::load_builtin(name);
    const tradeoff::Assessment* a = loaded.assessment ? &*loaded.assessment : nullptr;
    tradeoff::Result r = tradeoff::evaluate(loaded.framework, a);
    tradeoff::add_robustness(r, loaded.framework, a, {}, tradeoff::SmaaOptions{});
    const std::string text = tradeoff::render(r, tradeoff::RenderOptions{});
    std::istringstream lines(text);
    size_t count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
      INFO(name << ": " << line);
      CHECK(tradeoff::detail::display_width(line) <= 100);
    }
    INFO(name);
    CHECK(count <= 60);
  }
}
