// tradeoff: a weighted multi-criteria decision engine. Parses the command line, runs one
// subcommand, and turns every failure into a diagnostic and an exit code, here and only here.
#include <fmt/format.h>

#include <exception>

#include "commands.hpp"
#include "diagnostic_printer.hpp"
#include "tradeoff/error.hpp"
#include "tradeoff/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"tradeoff: weighted multi-criteria decisions, explained"};
  app.set_version_flag("--version", std::string(tradeoff::kVersion));
  app.require_subcommand(1);
  tradeoff::cli::Command run;
  tradeoff::cli::add_evaluate_command(app, run);
  tradeoff::cli::add_validate_command(app, run);
  tradeoff::cli::add_list_command(app, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? tradeoff::cli::kExitOk : tradeoff::cli::kExitUsage;
  }
  try {
    return run();
  } catch (const tradeoff::Error& e) {
    tradeoff::cli::print_diagnostics(stderr, e.diagnostics());
    bool usage = !e.diagnostics().empty();
    for (const auto& d : e.diagnostics()) usage &= d.code == tradeoff::ErrorCode::Usage;
    return usage ? tradeoff::cli::kExitUsage : tradeoff::cli::kExitInputError;
  } catch (const std::exception& e) {
    fmt::print(stderr, "tradeoff: internal error: {}\n", e.what());
    return tradeoff::cli::kExitInternal;
  }
}
