// Usage errors of the `tradeoff` command line: reported like every other diagnostic,
// "tradeoff: error: ... [usage]", with exit code kExitUsage.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace tradeoff::cli {

/// Prints `message` and `hint` as a usage diagnostic from "tradeoff"; returns kExitUsage.
/// (tradeoff::usage_error throws instead, for usage errors found once a command runs.)
int print_usage_error(const std::string& message, const std::string& hint);

/// Prints what --help or --version asks for, through the checked stdout; returns CLI11's code.
int print_help_or_version(const CLI::App& app, const CLI::Success& request);

/// True, after reporting it with a "did you mean", when the first word of the command line is
/// not an option and names no subcommand of `app` (CLI11 would call it a missing subcommand).
bool unknown_command(const CLI::App& app, int argc, char** argv);

/// "The following argument was not expected" -> "the following argument was not expected";
/// a leading acronym ("API") keeps its case.
std::string lower_first(std::string s);

}  // namespace tradeoff::cli
