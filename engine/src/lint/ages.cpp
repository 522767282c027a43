// Stale data: a source's `date` or an input's `as_of` older than the threshold. A framework's
// data are judged on the day given (the command line's --today, or the system date): its
// defaults serve every new assessment. An assessment's are judged on its own `date:` when it has
// one: a record shows the data its decision was taken on, and does not go stale afterwards. An
// input whose `as_of` is the date of the source it cites is named in that source's warning
// rather than warned about again.
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "lint/checks.hpp"
#include "support/text.hpp"

namespace tradeoff::linter {

namespace {

/// An input's date as the check sees it: a framework's default or an assessment's answer.
struct Dated {
  std::string name;
  std::string source;
  std::string as_of;
  SourceLocation where;
};

constexpr const char* kHint =
    "check that the data still hold and update the date, or allow older data with --max-age";

class AgeCheck {
 public:
  /// Ages are judged on `day` (YYYY-MM-DD), which `which` describes ("" for --today).
  AgeCheck(Context& ctx, std::string day, std::string which)
      : ctx_(ctx), day_(std::move(day)), which_(std::move(which)), today_(*day_number(day_)) {}

  /// The number of days `date` is older than the threshold allows, or nothing when it is not.
  std::optional<long> age_if_stale(const std::string& date) const {
    const auto day = day_number(date);
    if (!day) return std::nullopt;
    const long age = today_ - *day;
    if (age <= ctx_.options.max_age_days) return std::nullopt;
    return age;
  }

  std::string how_old(const std::string& date, long age) const {
    return fmt::format("{}: {} days old on {}{}, past the limit of {} days", date,
                       detail::quantity(static_cast<double>(age)), day_, which_,
                       ctx_.options.max_age_days);
  }

  void run(const std::vector<Source>& sources, const std::vector<Dated>& inputs, bool answers) {
    std::vector<bool> covered(inputs.size(), false);
    for (const auto& s : sources) {
      const auto age = age_if_stale(s.date);
      if (!age) continue;
      std::vector<std::string> names;
      for (size_t k = 0; k < inputs.size(); ++k) {
        if (inputs[k].source != s.id || inputs[k].as_of != s.date) continue;
        covered[k] = true;
        names.push_back(inputs[k].name);
      }
      std::string message = fmt::format("source '{}' is dated {}", s.id, how_old(s.date, *age));
      if (!names.empty()) {
        const bool one = names.size() == 1;
        message += fmt::format("; the {}{} {} {} {} as of that date",
                               answers ? "answer" : "default", one ? "" : "s",
                               answers ? "to" : "of", quoted_names(names), one ? "is" : "are");
      }
      ctx_.warn(ErrorCode::Stale, s.date_where, std::move(message), kHint,
                static_cast<int>(s.date.size()));
    }
    for (size_t k = 0; k < inputs.size(); ++k) {
      const auto age = covered[k] ? std::nullopt : age_if_stale(inputs[k].as_of);
      if (!age) continue;
      ctx_.warn(
          ErrorCode::Stale, inputs[k].where,
          fmt::format("{} input '{}' is as of {}", answers ? "the answer to" : "the default of",
                      inputs[k].name, how_old(inputs[k].as_of, *age)),
          kHint, static_cast<int>(inputs[k].as_of.size()));
    }
  }

 private:
  Context& ctx_;
  std::string day_;
  std::string which_;
  long today_;
};

}  // namespace

void check_ages(Context& ctx) {
  std::vector<Dated> inputs;
  if (ctx.assessment == nullptr) {
    if (!day_number(ctx.options.today)) return;
    for (const auto& in : ctx.fw.inputs) {
      if (!in.as_of.empty()) inputs.push_back({in.name, in.source, in.as_of, in.as_of_where});
    }
    AgeCheck(ctx, ctx.options.today, "").run(ctx.fw.sources, inputs, false);
    return;
  }
  const Assessment& a = *ctx.assessment;
  const bool dated = day_number(a.date).has_value();
  if (!dated && !day_number(ctx.options.today)) return;
  for (const auto& in : a.inputs) {
    if (!in.as_of.empty()) inputs.push_back({in.name, in.source, in.as_of, in.as_of_where});
  }
  AgeCheck check(ctx, dated ? a.date : ctx.options.today, dated ? ", the assessment's date" : "");
  check.run(a.sources, inputs, true);
}

}  // namespace tradeoff::linter
