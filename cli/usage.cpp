// Usage errors of the `tradeoff` command line (see usage.hpp).
#include "usage.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <vector>

#include "commands.hpp"
#include "console.hpp"
#include "diagnostic_printer.hpp"
#include "tradeoff/error.hpp"

namespace tradeoff::cli {

int print_usage_error(const std::string& message, const std::string& hint) {
  print_diagnostics(stderr, {make_diagnostic(ErrorCode::Usage, {"tradeoff", 0, 0}, message, hint)});
  return kExitUsage;
}

int print_help_or_version(const CLI::App& app, const CLI::Success& request) {
  std::ostringstream errors;
  const int code = app.exit(request, standard_output(), errors);
  write_to(stderr, errors.str());
  return code;
}

bool unknown_command(const CLI::App& app, int argc, char** argv) {
  if (argc <= 1 || argv[1][0] == '-') return false;
  const std::string word = argv[1];
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  if (std::find(names.begin(), names.end(), word) != names.end()) return false;
  print_usage_error("unknown command '" + word + "'", command_hint(word, names));
  return true;
}

std::string lower_first(std::string s) {
  if (s.size() > 1 && std::isupper(static_cast<unsigned char>(s[0])) &&
      !std::isupper(static_cast<unsigned char>(s[1]))) {
    s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  }
  return s;
}

}  // namespace tradeoff::cli
