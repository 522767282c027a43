// `tradeoff list`: the built-in frameworks, example assessments and catalog criteria.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "console.hpp"
#include "diagnostic_printer.hpp"
#include "tradeoff/catalog.hpp"

namespace tradeoff::cli {

namespace {

std::string stem(const std::string& name) { return name.substr(0, name.rfind('.')); }

int run_list() {
  SourceReader& reader = source_reader();
  const std::string prefix(kBuiltinPrefix);
  write_to(stdout, "Frameworks\n");
  for (const auto& f : reader.list(prefix + "frameworks")) {
    const Loaded loaded = load_framework(reader, prefix + "frameworks/" + f);
    write_to(stdout, fmt::format("  {:<28} {}\n", loaded.framework.id, loaded.framework.title));
  }
  write_to(stdout, "\nExample assessments\n");
  for (const auto& f : reader.list(prefix + "frameworks/examples")) {
    const Loaded loaded = load_assessment(reader, prefix + "frameworks/examples/" + f);
    write_to(stdout, fmt::format("  {:<28} {}\n", stem(f), loaded.assessment->title));
  }
  write_to(stdout, "\nCatalog criteria\n");
  for (const auto& f : reader.list(prefix + "criteria")) {
    const CatalogCriterion c = load_criterion(reader, prefix + "criteria/" + f);
    write_to(stdout, fmt::format("  {:<28} {} ({}{})\n", c.id, c.name, to_string(c.direction),
                                 c.unit.empty() ? "" : ", " + c.unit));
  }
  return kExitOk;
}

}  // namespace

void add_list_command(CLI::App& app, Command& selected) {
  CLI::App* sub =
      app.add_subcommand("list", "List the built-in frameworks, examples and catalog criteria");
  sub->callback([&selected] { selected = [] { return run_list(); }; });
}

}  // namespace tradeoff::cli
