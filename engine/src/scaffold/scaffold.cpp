// Scaffolds of a client folder (see tradeoff/scaffold.hpp).
#include "tradeoff/scaffold.hpp"

#include "scaffold/parts.hpp"

namespace tradeoff {

Scaffold make_scaffold(const Framework& base, const ScaffoldOptions& options) {
  return {scaffold::framework_file(base, options), scaffold::assessment_file(base, options)};
}

std::string id_from_name(std::string_view name) {
  constexpr size_t kMaxId = 64;
  std::string id;
  bool gap = false;
  for (const char ch : name) {
    const bool letter = ch >= 'a' && ch <= 'z';
    const bool upper = ch >= 'A' && ch <= 'Z';
    const bool digit = ch >= '0' && ch <= '9';
    if (!letter && !upper && !digit) {
      gap = !id.empty();
      continue;
    }
    if (gap) id += '_';
    gap = false;
    id += upper ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  if (id.empty() || id[0] < 'a' || id[0] > 'z') id = id.empty() ? "client" : "client_" + id;
  if (id.size() > kMaxId) id.resize(kMaxId);
  while (id.back() == '_') id.pop_back();
  return id;
}

}  // namespace tradeoff
