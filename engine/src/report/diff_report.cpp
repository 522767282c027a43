// Rendering a comparison of two decisions (see tradeoff/diff.hpp): the format chosen, and what
// the text and JSON renderers share.
#include <ostream>
#include <sstream>

#include "report/diff_renderers.hpp"
#include "support/printable.hpp"

namespace tradeoff {

namespace detail {

std::string exclusion_text(const std::string& excluded_by) {
  if (excluded_by.rfind("limit:", 0) == 0) return "the limit on " + excluded_by.substr(6);
  return "rule " + excluded_by;
}

std::optional<int> rank_change(const OptionChange& option) {
  if (!option.before.rank || !option.after.rank) return std::nullopt;
  return *option.before.rank - *option.after.rank;
}

}  // namespace detail

void render(const DecisionDiff& diff, const RenderOptions& options, std::ostream& out) {
  if (options.format == Format::Json) {
    detail::render_diff_json(diff, out);
    return;
  }
  if (options.format != Format::Text) usage_error("diff writes text or json");
  std::ostringstream text;
  detail::render_diff_text(diff, options.color, text);
  // The last line of defence, as for every text report: no control character from input.
  detail::Keep keep;
  keep.newline = true;
  keep.sgr = options.color;
  out << detail::safe_output(text.str(), keep);
}

}  // namespace tradeoff
