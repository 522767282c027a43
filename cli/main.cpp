// tradeoff: a weighted multi-criteria decision engine. Parses the command line, runs one
// subcommand, and turns every failure into a diagnostic and an exit code, here and only here.
#include <fmt/format.h>

#include <exception>
#include <string>
#include <vector>

#include "commands.hpp"
#include "diagnostic_printer.hpp"
#include "tradeoff/error.hpp"
#include "tradeoff/version.hpp"

namespace {

/// Usage errors look like every other diagnostic: "tradeoff: error: ... [usage]".
int usage(const std::string& message, const std::string& hint) {
  tradeoff::Diagnostic d;
  d.code = tradeoff::ErrorCode::Usage;
  d.where.file = "tradeoff";
  d.message = message;
  d.hint = hint;
  tradeoff::cli::print_diagnostics(stderr, {d});
  return tradeoff::cli::kExitUsage;
}

std::string lower_first(std::string s) {
  if (s.size() > 1 && std::isupper(static_cast<unsigned char>(s[0])) &&
      !std::isupper(static_cast<unsigned char>(s[1]))) {
    s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"tradeoff: weighted multi-criteria decisions, explained", "tradeoff"};
  app.set_version_flag("--version", std::string(tradeoff::kVersion));
  app.require_subcommand(1);
  tradeoff::cli::Command run;
  tradeoff::cli::add_evaluate_command(app, run);
  tradeoff::cli::add_weights_command(app, run);
  tradeoff::cli::add_validate_command(app, run);
  tradeoff::cli::add_list_command(app, run);

  // CLI11 reads an unknown first word as a missing subcommand; name it instead.
  if (argc > 1 && argv[1][0] != '-') {
    const std::string word = argv[1];
    std::vector<std::string> names;
    for (const auto* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      return usage(fmt::format("unknown command '{}'", word),
                   tradeoff::cli::command_hint(word, names));
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage(lower_first(e.what()), "see 'tradeoff --help'");
  }
  try {
    return run();
  } catch (const tradeoff::Error& e) {
    tradeoff::cli::print_diagnostics(stderr, e.diagnostics());
    bool usage_only = !e.diagnostics().empty();
    for (const auto& d : e.diagnostics()) usage_only &= d.code == tradeoff::ErrorCode::Usage;
    return usage_only ? tradeoff::cli::kExitUsage : tradeoff::cli::kExitInputError;
  } catch (const std::exception& e) {
    fmt::print(stderr, "tradeoff: internal error: {}\n", e.what());
    return tradeoff::cli::kExitInternal;
  }
}
