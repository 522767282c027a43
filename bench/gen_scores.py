#!/usr/bin/env python3
"""Writes a framework whose scores come from a generated table, for `tradeoff evaluate`
benchmarks of large matrices: the same sizes and seed always give the same files, byte for byte.

    python3 bench/gen_scores.py OUT_DIR [--options 100000] [--criteria 20] [--seed 1]

OUT_DIR/scores.csv holds one row per option (`opt_000001`, ...) and one column per criterion
(`c01`, ...), each score a double in [0, 1000) written with all its digits (about 37 MB at the
default size); OUT_DIR/framework.yaml declares the criteria (every third a cost, weights 1 to
the number of criteria) and takes its scores from the table, under TOPSIS.
"""
import argparse
import os
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--options", type=int, default=100000)
    parser.add_argument("--criteria", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    ids = [f"c{j + 1:02d}" for j in range(args.criteria)]
    with open(os.path.join(args.out, "framework.yaml"), "w", encoding="utf-8") as f:
        f.write(f"framework: generated_table\ntitle: {args.options} options from a table\n")
        f.write("scores_from: scores.csv\nmethod: {name: topsis}\ncriteria:\n")
        for j, cid in enumerate(ids):
            direction = "cost" if j % 3 == 2 else "benefit"
            f.write(f"  - {{id: {cid}, name: Criterion {j + 1}, direction: {direction}, "
                    f"weight: {j + 1}}}\n")
    with open(os.path.join(args.out, "scores.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("option," + ",".join(ids) + "\n")
        for i in range(args.options):
            cells = (repr(rng.random() * 1000) for _ in ids)
            f.write(f"opt_{i + 1:06d}," + ",".join(cells) + "\n")


if __name__ == "__main__":
    main()
