// The streaming JSON writer (report/json_writer), held byte for byte to nlohmann-json's
// dump(2, ' ', false, replace) as an oracle: strings, doubles, rounded figures, layout; and every
// built-in report, re-dumped by nlohmann, comes out unchanged.
#include "report/json_writer.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/text.hpp"
#include "test_support.hpp"
#include "tradeoff/report.hpp"

using Json = nlohmann::ordered_json;
using tradeoff::detail::JsonWriter;

namespace {

std::string nlohmann_dump(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

std::string escaped(const std::string& text) {
  std::ostringstream out;
  tradeoff::detail::write_json_string(out, text);
  return out.str();
}

std::string double_text(double value) {
  std::ostringstream out;
  tradeoff::detail::write_json_double(out, value);
  return out.str();
}

/// What the reports wrote for a figure before the writer streamed: nlohmann's dump of it.
Json reference_number(double v) {
  const double r = tradeoff::detail::round_for_output(v);
  if (r == std::floor(r) && std::fabs(r) < 9007199254740992.0) {
    return Json(static_cast<int64_t>(r));
  }
  return Json(r);
}

std::string written(const std::function<void(JsonWriter&)>& write) {
  std::ostringstream out;
  JsonWriter w(out);
  write(w);
  return out.str();
}

/// A random string of bytes, mostly from the ones that need care: controls, quotes, backslash,
/// DEL, UTF-8 leads and continuation bytes (valid and not), and plain text.
std::string random_bytes(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"a",
                                                  " ",
                                                  "\"",
                                                  "\\",
                                                  "\x7f",
                                                  "\x01",
                                                  "\n",
                                                  "\t",
                                                  "\x1f",
                                                  "\xc3\xa9",
                                                  "\xe2\x82\xac",
                                                  "\xf0\x9f\x98\x80",
                                                  "\xc3",
                                                  "\xe2\x82",
                                                  "\xf0\x9f\x98",
                                                  "\x80",
                                                  "\xbf",
                                                  "\xc0\x80",
                                                  "\xc1\xbf",
                                                  "\xe0\x80",
                                                  "\xe0\xa0\x80",
                                                  "\xed\xa0\x80",
                                                  "\xed\x9f\xbf",
                                                  "\xf4\x90\x80\x80",
                                                  "\xf4\x8f\xbf\xbf",
                                                  "\xf5",
                                                  "\xff",
                                                  "\xf0\x80\x80\x80",
                                                  "\xef\xbf\xbd"};
  std::uniform_int_distribution<int> length(0, 10);
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string s;
  for (int k = length(rng); k > 0; --k) {
    if (byte(rng) < 64) {
      s += static_cast<char>(byte(rng));
    } else {
      s += pieces[piece(rng)];
    }
  }
  return s;
}

}  // namespace

TEST_CASE("json strings: escapes and replacement characters", "[json]") {
  CHECK(escaped("plain") == "\"plain\"");
  CHECK(escaped("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(escaped("\b\f\n\r\t") == "\"\\b\\f\\n\\r\\t\"");
  CHECK(escaped(std::string("\x00\x01\x1f", 3)) == "\"\\u0000\\u0001\\u001f\"");
  CHECK(escaped("\x7f") == "\"\x7f\"");
  CHECK(escaped("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80") ==
        "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
  // A lone continuation byte, an overlong form, a surrogate, a sequence cut short by another
  // character and one cut short by the end: each becomes U+FFFD.
  CHECK(escaped("a\x80z") == "\"a\xef\xbf\xbdz\"");
  CHECK(escaped("\xc0\x80") == "\"\xef\xbf\xbd\xef\xbf\xbd\"");
  CHECK(escaped("\xed\xa0\x80") == "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
  CHECK(escaped("\xe2\x82x") == "\"\xef\xbf\xbdx\"");
  CHECK(escaped("x\xe2\x82") == "\"x\xef\xbf\xbd\"");
}

TEST_CASE("json strings equal nlohmann-json's dump on random bytes", "[json][oracle]") {
  std::mt19937 rng(42);
  for (int round = 0; round < 20000; ++round) {
    const std::string s = random_bytes(rng);
    CAPTURE(round, s);
    REQUIRE(escaped(s) == Json(s).dump(-1, ' ', false, Json::error_handler_t::replace));
  }
}

TEST_CASE("json doubles equal nlohmann-json's shortest round-trip digits", "[json][oracle]") {
  for (double v : {0.1,
                   0.5,
                   1.5,
                   -2.25,
                   1e-7,
                   1e-5,
                   1e-4,
                   0.001,
                   123456.789,
                   1e15,
                   1.5e15,
                   1e16,
                   1e21,
                   1e300,
                   5e-324,
                   2.2250738585072014e-308,
                   1.7976931348623157e308,
                   -0.0,
                   0.0,
                   1.0 / 3}) {
    CAPTURE(v);
    CHECK(double_text(v) == Json(v).dump());
  }
  CHECK(double_text(std::numeric_limits<double>::quiet_NaN()) == "null");
  CHECK(double_text(-std::numeric_limits<double>::infinity()) == "null");
  std::mt19937_64 rng(7);
  for (int round = 0; round < 20000; ++round) {
    uint64_t bits = rng();
    double v = 0;
    std::memcpy(&v, &bits, sizeof v);
    if (!std::isfinite(v)) continue;
    CAPTURE(bits);
    REQUIRE(double_text(v) == Json(v).dump());
  }
}

TEST_CASE("json figures: 12 significant digits, whole numbers as integers, -0 as 0",
          "[json][oracle]") {
  CHECK(written([](JsonWriter& w) { w.number(30.0); }) == "30");
  CHECK(written([](JsonWriter& w) { w.number(-0.0); }) == "0");
  CHECK(written([](JsonWriter& w) { w.number(0.1 + 0.2); }) == "0.3");
  CHECK(written([](JsonWriter& w) { w.number(1.0 / 3); }) == "0.333333333333");
  CHECK(written([](JsonWriter& w) { w.number(std::nan("")); }) == "null");
  CHECK(written([](JsonWriter& w) { w.number(INFINITY); }) == "null");
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> mantissa(-10, 10);
  std::uniform_int_distribution<int> exponent(-320, 308);
  for (int round = 0; round < 20000; ++round) {
    const double v = mantissa(rng) * std::pow(10.0, exponent(rng));
    CAPTURE(v);
    REQUIRE(written([v](JsonWriter& w) { w.number(v); }) == reference_number(v).dump());
  }
}

TEST_CASE("json layout: nested and empty containers as nlohmann-json lays them out", "[json]") {
  const std::string text = written([](JsonWriter& w) {
    w.begin_object();
    w.key("empty_object").begin_object();
    w.end_object();
    w.key("empty_array").begin_array();
    w.end_array();
    w.key("list").begin_array();
    w.integer(1);
    w.begin_array();
    w.end_array();
    w.begin_object();
    w.key("a\nb").text_or_null("");
    w.key("t").boolean(true);
    w.end_object();
    w.begin_array();
    w.string("x");
    w.null();
    w.end_array();
    w.end_array();
    w.key("n").number(2.5);
    w.end_object();
    w.finish();
  });
  Json j;
  j["empty_object"] = Json::object();
  j["empty_array"] = Json::array();
  j["list"] = Json::array(
      {1, Json::array(), Json({{"a\nb", nullptr}, {"t", true}}), Json::array({"x", nullptr})});
  j["n"] = 2.5;
  CHECK(text == nlohmann_dump(j) + "\n");
  CHECK(written([](JsonWriter& w) {
          w.begin_array();
          w.end_array();
          w.finish();
        }) == "[]\n");
}

TEST_CASE("json keys given twice keep their first place and their last value", "[json]") {
  using tradeoff::detail::last_of_each_key;
  CHECK(last_of_each_key({}).empty());
  CHECK(last_of_each_key({"a", "b", "c"}) == std::vector<size_t>{0, 1, 2});
  CHECK(last_of_each_key({"wsm", "topsis", "wsm", "vikor", "topsis"}) ==
        std::vector<size_t>{2, 4, 3});
}

TEST_CASE("every built-in report's JSON is what nlohmann-json writes for it", "[json][oracle]") {
  const std::vector<std::string> files = {
      "frameworks/llm_build_vs_buy.yaml", "frameworks/examples/consumer_app.yaml",
      "frameworks/examples/regulated_bank.yaml", "frameworks/examples/seed_scenario.yaml",
      "frameworks/examples/startup_prototype.yaml"};
  tradeoff::RenderOptions json;
  json.format = tradeoff::Format::Json;
  const auto same_as_redumped = [](const std::string& text) {
    CHECK(text == nlohmann_dump(Json::parse(text)) + "\n");
  };
  for (const auto& file : files) {
    CAPTURE(file);
    const auto loaded = tradeoff::test::load_builtin(file);
    const tradeoff::Assessment* a = loaded.assessment ? &*loaded.assessment : nullptr;
    for (const auto& name : tradeoff::method_names()) {
      CAPTURE(name);
      tradeoff::EvaluateOptions options = tradeoff::test::choose(name);
      // A method the values do not suit (WPM on the value 0 of a scale's lowest point) is
      // rendered on the raw scores, by their max.
      try {
        tradeoff::evaluate(loaded.framework, a, options);
      } catch (const tradeoff::Error&) {
        options.normalization = tradeoff::Normalization::Max;
      }
      const auto result = tradeoff::evaluate(loaded.framework, a, options);
      same_as_redumped(tradeoff::render(result, json));
      same_as_redumped(tradeoff::render_weights(result, json));
    }
    same_as_redumped(tradeoff::render(tradeoff::compare_methods(loaded.framework, a, {}), json));
  }
}
