// Edit distance for "did you mean" hints (after ninja's EditDistance).
#include "support/suggest.hpp"

#include <algorithm>

#include "tradeoff/error.hpp"

namespace tradeoff::detail {

int edit_distance(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  const size_t m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > 64) return {};
  // Allow about one edit per three characters, at least one, at most three; a word of one or
  // two characters is too short for any edit to be a plausible typo of another.
  const int limit = word.size() <= 2 ? 0 : std::clamp(static_cast<int>(word.size()) / 3, 1, 3);
  std::string best;
  int best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    if (candidate == word) continue;
    const int distance = edit_distance(word, candidate);
    if (distance < best_distance) {  // strict: the first of equals wins, so output is stable
      best_distance = distance;
      best = candidate;
    }
  }
  if (best.empty() && word.size() >= 3) {
    // A unique prefix or a unique containing candidate is also a plausible slip.
    for (const auto& candidate : candidates) {
      if (candidate.size() > word.size() && candidate.find(word) != std::string::npos) {
        if (!best.empty()) return {};
        best = candidate;
      }
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string best = closest(word, candidates);
  return best.empty() ? std::string{} : "did you mean '" + best + "'?";
}

}  // namespace tradeoff::detail

namespace tradeoff {
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  return detail::did_you_mean(word, candidates);
}
}  // namespace tradeoff
