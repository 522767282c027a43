// Readers from YAML trees to the model, one per file kind (see tradeoff/catalog.hpp for the
// public entry points). They report every problem into the Context's sink and return what they
// could read; the sections they are made of are declared in readers.hpp.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "load/fields.hpp"
#include "tradeoff/model.hpp"

namespace tradeoff::loader {

/// Looks up a catalog criterion for `use: id`; reports into ctx (at `at`) when it cannot.
using CriterionResolver = std::function<std::optional<CatalogCriterion>(
    const std::string& id, const yaml::Node& at, Context& ctx)>;

/// A criterion file of the catalog; its id must match the file name `expected_id` (if given).
CatalogCriterion read_catalog_criterion(Context& ctx, std::string_view expected_id);
/// Reads the table of scores a framework names into it, once its criteria and options are read
/// (and before its rules, which may name the table's options).
using TableAttacher = std::function<void(Framework& fw)>;

/// A framework file, every section read and cross-checked.
Framework read_framework(Context& ctx, const CriterionResolver& resolve,
                         const TableAttacher& attach_table = {});

/// The id and framework reference of an assessment, read before its framework is loaded.
Assessment read_assessment_header(Context& ctx);
/// The rest of an assessment, checked against its framework.
void read_assessment_body(Context& ctx, Assessment& a, const Framework& fw);

}  // namespace tradeoff::loader
