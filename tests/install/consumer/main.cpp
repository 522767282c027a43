// Loads the built-in LLM build-or-buy framework, evaluates it and prints the winner.
#include <iostream>

#include "tradeoff/catalog.hpp"
#include "tradeoff/evaluate.hpp"

int main() {
  tradeoff::FileReader reader;
  const tradeoff::Loaded loaded =
      tradeoff::load(reader, tradeoff::resolve_path(reader, "llm_build_vs_buy"));
  const tradeoff::Result result = tradeoff::evaluate(loaded.framework, nullptr);
  std::cout << result.explanation.winner << '\n';
  return 0;
}
