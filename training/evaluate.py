"""Measure a Sudoku TRM: solved rate, exact match and cell accuracy after a fixed number of
supervision steps and under halting policies, binned by number of givens.

  /usr/bin/python3 training/evaluate.py --checkpoint training/checkpoints/X.pt [--per-bin 300]
  /usr/bin/python3 training/evaluate.py --checkpoint X.pt --file puzzles.csv   # any app-readable file

Solved = a valid grid consistent with the givens (any valid answer counts, so non-unique
puzzles are scored fairly); exact = equal to the reference answer; cell accuracy = share of
blank cells equal to the reference answer.
"""
import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data.sudoku import SudokuSource, from_tokens, is_valid_solution, make_bank, to_tokens  # noqa: E402

HELDOUT_SEED = 20251004  # never used for training banks
HELDOUT_BANK = 600
BINS = ((17, 21), (22, 29), (30, 50))
STEPS = (1, 2, 4, 8, 16)
CACHE = Path(__file__).resolve().parent / "runs" / "cache"


def heldout_set(per_bin, bins=BINS):
    """Fixed held-out puzzles: same seed -> same puzzles, from a bank no training run draws from."""
    source = SudokuSource(make_bank(HELDOUT_BANK, HELDOUT_SEED, CACHE), seed=HELDOUT_SEED)
    parts = [source.sample(per_bin, givens=b) for b in bins]
    return np.concatenate([p for p, _ in parts]), np.concatenate([s for _, s in parts])


PUZZLE_COLUMNS = ("question", "quizzes", "quiz", "puzzle", "puzzles")
SOLUTION_COLUMNS = ("answer", "answers", "solution", "solutions")


def _cells(text, where):
    cells = [0 if ch in "0.-_" else int(ch) for ch in text if ch in "0123456789.-_"]
    if len(cells) != 81 or len(cells) != len(text):
        raise ValueError(f"{where}: expected 81 cells (digits, blanks 0 . - _), got {text!r}")
    return cells


def read_puzzle_file(path):
    """Sudoku puzzles from a file the app reads (main/puzzles): CSV with a puzzle column
    (question/quizzes/quiz/puzzle/puzzles) and optional solution column (answer/...); or text with
    one puzzle per line (81 cells, optionally a separator and the solution) or 9x9 blocks separated
    by blank lines; `#` starts a comment. Returns (puzzles [N,81], solutions [N,81] or None)."""
    lines = [ln.strip() for ln in Path(path).read_text().splitlines() if not ln.lstrip().startswith("#")]
    header = [c.strip().lower() for c in (lines[0].split(",") if lines else [])]
    puzzles, solutions = [], []
    if any(c in PUZZLE_COLUMNS for c in header):
        q = next(header.index(c) for c in PUZZLE_COLUMNS if c in header)
        a = next((header.index(c) for c in SOLUTION_COLUMNS if c in header), None)
        for i, row in enumerate(csv.reader(lines[1:]), start=2):
            if row:
                puzzles.append(_cells(row[q].strip(), f"{path}:{i}"))
                solutions.append(_cells(row[a].strip(), f"{path}:{i}") if a is not None else None)
    else:
        block = []
        for i, ln in enumerate(lines + [""], start=1):
            if len(ln) >= 81:  # one line: puzzle [separator solution]
                puzzles.append(_cells(ln[:81], f"{path}:{i}"))
                rest = ln[81:].lstrip(",;| \t")
                solutions.append(_cells(rest, f"{path}:{i}") if rest else None)
            elif "+" in ln and set(ln) <= set("-+| "):
                continue  # a ------+------ rule inside a 9x9 block
            elif ln:
                block.append(ln.replace(" ", "").replace("|", ""))
            elif block:  # a 9x9 block ends at a blank line
                puzzles.append(_cells("".join(block), f"{path}:{i}"))
                solutions.append(None)
                block = []
    have = all(s is not None for s in solutions) and solutions
    return np.array(puzzles), (np.array(solutions) if have else None)


@torch.no_grad()
def rollout(model, puzzles, max_steps, chunk=256):
    """Run max_steps supervision steps; returns answers [steps,N,81] (digits, 0 = invalid) and q [steps,N]."""
    answers, qs = [], []
    device = next(model.parameters()).device
    for i in range(0, len(puzzles), chunk):
        tokens = torch.from_numpy(to_tokens(puzzles[i:i + chunk])).to(device)
        B = tokens.shape[0]
        S, D = model.cfg.state_len, model.cfg.hidden
        y = z = torch.zeros(B, S, D, device=device)
        reset = torch.ones(B, dtype=torch.bool, device=device)
        a, q = [], []
        for _ in range(max_steps):
            y, z, logits, q_halt = model(tokens, y, z, reset)
            reset = torch.zeros_like(reset)
            a.append(from_tokens(logits.argmax(-1).cpu().numpy()))
            q.append(q_halt.cpu().numpy())
        answers.append(np.stack(a))
        qs.append(np.stack(q))
    return np.concatenate(answers, 1), np.concatenate(qs, 1)


def policies(answers, qs, puzzles, steps=STEPS):
    """{policy: (chosen answers [N,81], steps used [N])}: fixed step counts, halting at the first
    q_halt > 0, and stopping at the first answer that verifies (else the last step)."""
    max_steps, N = qs.shape
    rows = np.arange(N)
    # names follow the app's halting policies (preload/api.ts): fixed, halt (its default), verified
    out = {f"fixed {k}": (answers[k - 1], np.full(N, k)) for k in steps if k <= max_steps}
    first = lambda hit: np.where(hit.any(0), hit.argmax(0), max_steps - 1)  # noqa: E731
    stop = first(qs > 0)
    out[f"halt max {max_steps}"] = (answers[stop, rows], stop + 1)  # first q_halt > 0
    valid = np.stack([is_valid_solution(a, puzzles) for a in answers])
    stop = first(valid)
    out[f"verified max {max_steps}"] = (answers[stop, rows], stop + 1)  # first valid answer
    return out


def score(answer, used, puzzles, solutions):
    solved = is_valid_solution(answer, puzzles)
    result = {"puzzles": int(len(puzzles)), "solvedRate": float(solved.mean()), "meanSteps": float(used.mean())}
    if solutions is not None:
        blank = puzzles == 0
        result["exactRate"] = float((answer == solutions).all(1).mean())
        result["cellAccuracy"] = float(((answer == solutions) & blank).sum() / max(blank.sum(), 1))
    return result


def evaluate(model, puzzles, solutions, set_name, max_steps=16, bins=BINS, steps=STEPS):
    """Manifest-shaped accuracy list: one entry per policy, each with one row per givens bin."""
    model.eval()
    answers, qs = rollout(model, puzzles, max_steps)
    givens = (puzzles > 0).sum(1)
    table = []
    for name, (answer, used) in policies(answers, qs, puzzles, steps).items():
        rows = []
        for lo, hi in bins:
            m = (givens >= lo) & (givens <= hi)
            if m.any():
                rows.append({"givens": f"{lo}-{hi}",
                             **score(answer[m], used[m], puzzles[m], None if solutions is None else solutions[m])})
        table.append({"set": set_name, "policy": name, "bins": rows})
    return table


def markdown(table):
    lines = ["| set | policy | givens | puzzles | solved | exact | cell acc | mean steps |", "|---|---|---|---|---|---|---|---|"]
    pct = lambda v: "-" if v is None else f"{100 * v:.1f}%"  # noqa: E731
    for entry in table:
        for b in entry["bins"]:
            lines.append(f"| {entry['set']} | {entry['policy']} | {b['givens']} | {b['puzzles']} | {pct(b['solvedRate'])} | "
                         f"{pct(b.get('exactRate'))} | {pct(b.get('cellAccuracy'))} | {b['meanSteps']:.2f} |")
    return "\n".join(lines)


def main():
    from train import load_model  # train.py imports this module, so import late

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--raw", action="store_true", help="use the raw weights instead of the EMA weights")
    ap.add_argument("--per-bin", type=int, default=300, help="held-out puzzles per givens bin")
    ap.add_argument("--file", action="append", default=[], help="also evaluate a puzzle file (repeatable)")
    ap.add_argument("--no-heldout", action="store_true")
    ap.add_argument("--max-steps", type=int, default=16)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--json", help="write the table as JSON (manifest `accuracy` shape)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    model = load_model(args.checkpoint, ema=not args.raw)
    table = []
    if not args.no_heldout:
        p, s = heldout_set(args.per_bin)
        table += evaluate(model, p, s, f"heldout-seed{HELDOUT_SEED}", args.max_steps)
    for f in args.file:
        p, s = read_puzzle_file(f)
        table += evaluate(model, p, s, Path(f).name, args.max_steps)
    print(markdown(table))
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=1))


if __name__ == "__main__":
    main()
