// tradeoff: a weighted multi-criteria decision engine. Parses the command line, runs one
// subcommand, and turns every failure into a diagnostic and an exit code, here and only here.
#include <exception>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "diagnostic_printer.hpp"
#include "tradeoff/error.hpp"
#include "tradeoff/version.hpp"
#include "usage.hpp"

namespace {

int run(int argc, char** argv) {
  CLI::App app{"tradeoff: weighted multi-criteria decisions, explained", "tradeoff"};
  app.set_version_flag("--version", std::string(tradeoff::kVersion));
  app.require_subcommand(1);
  tradeoff::cli::Command command;
  tradeoff::cli::add_evaluate_command(app, command);
  tradeoff::cli::add_sensitivity_command(app, command);
  tradeoff::cli::add_report_command(app, command);
  tradeoff::cli::add_weights_command(app, command);
  tradeoff::cli::add_validate_command(app, command);
  tradeoff::cli::add_diff_command(app, command);
  tradeoff::cli::add_list_command(app, command);
  tradeoff::cli::add_show_command(app, command);
  tradeoff::cli::add_init_command(app, command);
  tradeoff::cli::add_schema_command(app, command);
  tradeoff::cli::add_check_command(app, command);
  tradeoff::cli::add_batch_command(app, command);

  // CLI11 reads an unknown first word as a missing subcommand; name it instead.
  if (tradeoff::cli::unknown_command(app, argc, argv)) return tradeoff::cli::kExitUsage;
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --help-all, --version
    return tradeoff::cli::print_help_or_version(app, e);
  } catch (const CLI::ParseError& e) {
    return tradeoff::cli::print_usage_error(tradeoff::cli::lower_first(e.what()),
                                            "see 'tradeoff --help'");
  }
  try {
    return command();
  } catch (const tradeoff::Error& e) {
    tradeoff::cli::print_diagnostics(stderr, e.diagnostics());
    bool usage_only = !e.diagnostics().empty();
    for (const auto& d : e.diagnostics()) usage_only &= d.code == tradeoff::ErrorCode::Usage;
    return usage_only ? tradeoff::cli::kExitUsage : tradeoff::cli::kExitInputError;
  }
}

}  // namespace

int main(int argc, char** argv) {
  tradeoff::cli::guard_standard_descriptors();
  int code = tradeoff::cli::kExitInternal;
  try {
    code = run(argc, argv);
  } catch (const std::exception& e) {
    tradeoff::cli::write_to(stderr, std::string("tradeoff: internal error: ") + e.what() + "\n");
  } catch (...) {
    // Some of the engine's internal exception types do not derive from std::exception.
    tradeoff::cli::write_to(stderr, "tradeoff: internal error: unknown exception\n");
  }
  // Whatever happened, the report must have reached stdout, or the exit code says otherwise.
  return tradeoff::cli::finish_standard_output(code);
}
