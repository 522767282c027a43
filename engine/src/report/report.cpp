// Format selection and dispatch to the renderers. Text, Markdown and CSV pass through a line
// guard on their way out: the last line of defence against a control character from input.
#include "tradeoff/report.hpp"

#include <ostream>
#include <sstream>
#include <streambuf>

#include "report/renderers.hpp"
#include "report/sensitivity_renderers.hpp"
#include "support/printable.hpp"

namespace tradeoff {

namespace {

/// A stream buffer that writes each line to `out` through detail::append_printable(): the
/// renderers escape every string from input as they write it, and this makes sure that no
/// control, reordering or invisible character reaches a terminal even from a string one of
/// them missed. Line by line, so that a report streams and is never held whole.
class LineGuard : public std::streambuf {
 public:
  LineGuard(std::ostream& out, detail::Keep keep) : out_(out), keep_(keep) { keep_.newline = true; }
  LineGuard(const LineGuard&) = delete;
  LineGuard& operator=(const LineGuard&) = delete;
  ~LineGuard() override { flush_line(); }

 protected:
  int_type overflow(int_type ch) override {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    line_ += traits_type::to_char_type(ch);
    if (ch == '\n') flush_line();
    return ch;
  }

  std::streamsize xsputn(const char* s, std::streamsize n) override {
    for (std::streamsize k = 0; k < n; ++k) overflow(traits_type::to_int_type(s[k]));
    return n;
  }

  int sync() override {
    flush_line();
    return out_ ? 0 : -1;
  }

 private:
  void flush_line() {
    if (line_.empty()) return;
    shown_.clear();
    detail::append_printable(shown_, line_, keep_);
    out_.write(shown_.data(), static_cast<std::streamsize>(shown_.size()));
    line_.clear();
  }

  std::ostream& out_;
  detail::Keep keep_;
  std::string line_;
  std::string shown_;
};

/// Runs `render` on `out`, through a LineGuard for every format but JSON (which escapes every
/// string itself). The guard keeps the text report's own colours and CSV's line ends.
template <class Render>
void guarded(const RenderOptions& options, std::ostream& out, Render&& render) {
  if (options.format == Format::Json) {
    render(out);
    return;
  }
  detail::Keep keep;
  keep.sgr = options.format == Format::Text && options.color;
  keep.crlf = options.format == Format::Csv;
  LineGuard guard(out, keep);
  std::ostream guarded_out(&guard);
  render(guarded_out);
  guarded_out.flush();
}

}  // namespace

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> names = {"text", "json", "markdown", "csv"};
  return names;
}

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::Text;
  if (name == "json") return Format::Json;
  if (name == "markdown" || name == "md") return Format::Markdown;
  if (name == "csv") return Format::Csv;
  return std::nullopt;
}

void render(const Result& result, const RenderOptions& options, std::ostream& out) {
  guarded(options, out, [&](std::ostream& o) {
    switch (options.format) {
      case Format::Text:
        detail::render_text(result, options.color, options.details, o);
        break;
      case Format::Json:
        detail::render_json(result, o);
        break;
      case Format::Markdown:
        detail::render_markdown(result, o);
        break;
      case Format::Csv:
        detail::render_csv(result, o);
        break;
    }
  });
}

std::string render(const Result& result, const RenderOptions& options) {
  std::ostringstream out;
  render(result, options, out);
  return out.str();
}

void render(const MethodComparison& comparison, const RenderOptions& options, std::ostream& out) {
  guarded(options, out, [&](std::ostream& o) {
    switch (options.format) {
      case Format::Text:
        detail::render_comparison_text(comparison, options.color, o);
        break;
      case Format::Json:
        detail::render_comparison_json(comparison, o);
        break;
      case Format::Markdown:
        detail::render_comparison_markdown(comparison, o);
        break;
      case Format::Csv:
        detail::render_comparison_csv(comparison, o);
        break;
    }
  });
}

std::string render(const MethodComparison& comparison, const RenderOptions& options) {
  std::ostringstream out;
  render(comparison, options, out);
  return out.str();
}

void render_weights(const Result& result, const RenderOptions& options, std::ostream& out) {
  guarded(options, out, [&](std::ostream& o) {
    switch (options.format) {
      case Format::Text:
        detail::render_weights_text(result, options.color, o);
        break;
      case Format::Json:
        detail::render_weights_json(result, o);
        break;
      case Format::Markdown:
        detail::render_weights_markdown(result, o);
        break;
      case Format::Csv:
        detail::render_weights_csv(result, o);
        break;
    }
  });
}

void render(const Sensitivity& sensitivity, const RenderOptions& options, std::ostream& out) {
  guarded(options, out, [&](std::ostream& o) {
    switch (options.format) {
      case Format::Text:
      case Format::Markdown:
        detail::render_sensitivity_text(sensitivity, options.color, o);
        break;
      case Format::Json:
        detail::render_sensitivity_json(sensitivity, o);
        break;
      case Format::Csv:
        detail::render_sensitivity_csv(sensitivity, o);
        break;
    }
  });
}

std::string render_weights(const Result& result, const RenderOptions& options) {
  std::ostringstream out;
  render_weights(result, options, out);
  return out.str();
}

void render_report(const DecisionReport& report, ReportFormat format, std::ostream& out) {
  RenderOptions options;
  options.format = Format::Markdown;  // a line guard that keeps no colour and no CR
  guarded(options, out, [&](std::ostream& o) { detail::render_record(report, format, o); });
}

}  // namespace tradeoff
