// Subcommand registration and the exit codes of the `tradeoff` executable.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace tradeoff::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInputError = 1;  ///< bad input: diagnostics on stderr
inline constexpr int kExitUsage = 2;       ///< bad command line
inline constexpr int kExitInternal = 3;    ///< a bug
inline constexpr int kExitDifferent = 4;   ///< `diff --exit-code`: the two sides differ

/// The selected subcommand's action, set by its CLI11 callback.
using Command = std::function<int()>;

/// "did you mean 'evaluate'?" for a mistyped command, else a pointer to --help.
std::string command_hint(const std::string& word, const std::vector<std::string>& commands);

void add_evaluate_command(CLI::App& app, Command& selected);
void add_validate_command(CLI::App& app, Command& selected);
void add_weights_command(CLI::App& app, Command& selected);
void add_list_command(CLI::App& app, Command& selected);
void add_sensitivity_command(CLI::App& app, Command& selected);
void add_report_command(CLI::App& app, Command& selected);
void add_show_command(CLI::App& app, Command& selected);
void add_diff_command(CLI::App& app, Command& selected);
void add_init_command(CLI::App& app, Command& selected);
void add_schema_command(CLI::App& app, Command& selected);
void add_check_command(CLI::App& app, Command& selected);
void add_batch_command(CLI::App& app, Command& selected);

}  // namespace tradeoff::cli
