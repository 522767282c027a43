#!/usr/bin/env python3
"""Writes N assessments of the built-in LLM build-or-buy framework into a folder, for
`tradeoff batch` benchmarks: the same N and seed always give the same files, byte for byte.

    python3 bench/gen_assessments.py OUT_DIR [-n 10000] [--seed 1] [--framework llm_build_vs_buy]

Each file answers about twenty of the framework's inputs with values drawn within their declared
ranges (volumes and budgets on a log scale, levels and choices uniformly), and one file in five
overrides a criterion's weight.
"""
import argparse
import math
import os
import random

LEVELS = {
    "ml_expertise": ["none", "basic", "solid", "expert"],
    "data_sensitivity": ["public", "internal", "confidential", "regulated"],
    "task_breadth": ["narrow", "moderate", "broad"],
    "quality_bar": ["standard", "high", "frontier"],
    "customisation_need": ["none", "style", "behaviour"],
    "grounding_need": ["none", "helpful", "essential"],
}
WEIGHTS = ["annual_cost", "time_to_market", "quality_fit", "moat", "data_control",
           "delivery_risk"]


def significant(x, digits=4):
    """x rounded to `digits` significant digits, written as YAML reads it back."""
    if x == 0:
        return "0"
    rounded = round(x, digits - 1 - int(math.floor(math.log10(abs(x)))))
    if rounded == int(rounded) and abs(rounded) < 1e15:
        return str(int(rounded))
    return repr(rounded)


def log_uniform(rng, low, high):
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def answers(rng):
    """The inputs of one assessment, in a fixed order."""
    price_in = log_uniform(rng, 0.1, 15)
    return [
        ("requests_per_day", significant(log_uniform(rng, 100, 1e7))),
        ("prompt_tokens", significant(rng.uniform(50, 4000))),
        ("completion_tokens", significant(rng.uniform(50, 2000))),
        ("prompt_cache_hit_rate", significant(rng.uniform(0, 0.8), 2)),
        ("api_price_in_per_1m", significant(price_in, 3)),
        # Output tokens cost more than input tokens, by a factor of 1.5 to 5 across providers.
        ("api_price_out_per_1m", significant(price_in * rng.uniform(1.5, 5), 3)),
        ("gpu_hour_price", significant(rng.uniform(1, 8), 3)),
        ("open_weights_api_available", "true" if rng.random() < 0.8 else "false"),
        ("ml_expertise", rng.choice(LEVELS["ml_expertise"])),
        ("data_sensitivity", rng.choice(LEVELS["data_sensitivity"])),
        ("zero_retention_contract", "true" if rng.random() < 0.3 else "false"),
        ("differentiation_importance", str(rng.randint(1, 5))),
        ("deadline_weeks", str(rng.randint(2, 104))),
        ("upfront_budget", significant(log_uniform(rng, 1e4, 1e8), 2)),
        ("horizon_years", str(rng.randint(1, 5))),
        ("task_breadth", rng.choice(LEVELS["task_breadth"])),
        ("quality_bar", rng.choice(LEVELS["quality_bar"])),
        ("customisation_need", rng.choice(LEVELS["customisation_need"])),
        ("grounding_need", rng.choice(LEVELS["grounding_need"])),
    ]


def assessment(number, rng, framework):
    lines = [
        f"assessment: generated_{number:05d}",
        f"framework: {framework}",
        f"title: Generated case {number}",
        "date: 2026-12-01",
        "inputs:",
    ]
    lines += [f"  {name}: {value}" for name, value in answers(rng)]
    if rng.random() < 0.2:
        lines += ["weights:", f"  {rng.choice(WEIGHTS)}: {rng.randint(1, 40)}"]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("-n", type=int, default=10000, help="how many assessments")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--framework", default="llm_build_vs_buy",
                        help="the framework each file names (an id or a relative path)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)
    width = max(5, len(str(args.n)))
    for k in range(1, args.n + 1):
        path = os.path.join(args.out_dir, f"case_{k:0{width}d}.yaml")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(assessment(k, rng, args.framework))


if __name__ == "__main__":
    main()
