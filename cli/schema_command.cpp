// `tradeoff schema KIND`: the JSON Schema of a kind of YAML file (framework, criterion,
// assessment), for an editor's YAML language server.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "console.hpp"
#include "tradeoff/error.hpp"
#include "tradeoff/schemas.hpp"

namespace tradeoff::cli {

namespace {

int run_schema(const std::string& kind) {
  const auto schema = json_schema(kind);
  if (!schema) {
    const auto& kinds = schema_kinds();
    const std::string hint = did_you_mean(kind, kinds);
    fail(ErrorCode::Usage, {"tradeoff", 0, 0},
         fmt::format("unknown kind of file '{}'; expected {}, {} or {}", kind, kinds[0], kinds[1],
                     kinds[2]),
         hint.empty() ? "see 'tradeoff schema --help'" : hint);
  }
  write_to(stdout, *schema);
  return kExitOk;
}

}  // namespace

void add_schema_command(CLI::App& app, Command& selected) {
  auto kind = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand(
      "schema",
      "Print the JSON Schema of a kind of file, for editors that check YAML as it is "
      "typed");
  sub->add_option("KIND", *kind, "framework, criterion or assessment")->required();
  sub->callback([kind, &selected] { selected = [kind] { return run_schema(*kind); }; });
}

}  // namespace tradeoff::cli
