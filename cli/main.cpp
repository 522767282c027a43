// tradeoff: a weighted multi-criteria decision engine. Parses the command line, runs one
// subcommand, and turns every failure into a diagnostic and an exit code, here and only here.
#include <exception>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "diagnostic_printer.hpp"
#include "tradeoff/error.hpp"
#include "tradeoff/version.hpp"
#include "usage.hpp"

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
  if (tradeoff::cli::unknown_command(app, argc, argv)) return tradeoff::cli::kExitUsage;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return tradeoff::cli::print_usage_error(tradeoff::cli::lower_first(e.what()),
                                            "see 'tradeoff --help'");
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
  } catch (...) {
    // Some of the engine's internal exception types do not derive from std::exception.
    fmt::print(stderr, "tradeoff: internal error: unknown exception\n");
    return tradeoff::cli::kExitInternal;
  }
}
