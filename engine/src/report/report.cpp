// Format selection and dispatch to the renderers.
#include "tradeoff/report.hpp"

#include <ostream>
#include <sstream>

#include "report/renderers.hpp"

namespace tradeoff {

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
  switch (options.format) {
    case Format::Text:
      detail::render_text(result, options.color, out);
      break;
    case Format::Json:
      detail::render_json(result, out);
      break;
    case Format::Markdown:
      detail::render_markdown(result, out);
      break;
    case Format::Csv:
      detail::render_csv(result, out);
      break;
  }
}

std::string render(const Result& result, const RenderOptions& options) {
  std::ostringstream out;
  render(result, options, out);
  return out.str();
}

void render(const MethodComparison& comparison, const RenderOptions& options, std::ostream& out) {
  switch (options.format) {
    case Format::Text:
      detail::render_comparison_text(comparison, options.color, out);
      break;
    case Format::Json:
      detail::render_comparison_json(comparison, out);
      break;
    case Format::Markdown:
      detail::render_comparison_markdown(comparison, out);
      break;
    case Format::Csv:
      detail::render_comparison_csv(comparison, out);
      break;
  }
}

std::string render(const MethodComparison& comparison, const RenderOptions& options) {
  std::ostringstream out;
  render(comparison, options, out);
  return out.str();
}

void render_weights(const Result& result, const RenderOptions& options, std::ostream& out) {
  switch (options.format) {
    case Format::Text:
      detail::render_weights_text(result, options.color, out);
      break;
    case Format::Json:
      detail::render_weights_json(result, out);
      break;
    case Format::Markdown:
      detail::render_weights_markdown(result, out);
      break;
    case Format::Csv:
      detail::render_weights_csv(result, out);
      break;
  }
}

std::string render_weights(const Result& result, const RenderOptions& options) {
  std::ostringstream out;
  render_weights(result, options, out);
  return out.str();
}

}  // namespace tradeoff
