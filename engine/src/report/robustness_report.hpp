// The short robustness block of an evaluation (Result::robustness) in each format: what would
// change the decision, in plain words for people and as figures for programs.
#pragma once

#include <iosfwd>

#include "report/json_writer.hpp"
#include "report/renderers.hpp"
#include "tradeoff/result.hpp"

namespace tradeoff::detail {

/// "Robustness" and one line per finding; nothing when the result has no robustness block.
void robustness_text(const Result& r, const Style& st, std::ostream& out);
/// The value of "robustness": an object, or null when the block was not computed.
void robustness_json(JsonWriter& w, const Result& r);

void weight_flip_json(JsonWriter& w, const std::optional<WeightFlip>& flip);
/// The value of "provenance": the tool's version and the digests of the files loaded
/// (json_report.cpp).
void provenance_json(JsonWriter& w, const Provenance& p);
void near_tie_json(JsonWriter& w, const NearTie& t);

}  // namespace tradeoff::detail
