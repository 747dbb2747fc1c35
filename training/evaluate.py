"""Measure a TRM: solved rate, exact match and cell accuracy after a fixed number of
supervision steps and under halting policies, binned by difficulty (Sudoku: givens; maze:
shortest-path length).

  /usr/bin/python3 training/evaluate.py --checkpoint training/checkpoints/X.pt [--per-bin 300]
  /usr/bin/python3 training/evaluate.py --checkpoint X.pt --file puzzles.csv   # any app-readable Sudoku file
  /usr/bin/python3 training/evaluate.py --checkpoint X.pt --training-bank   # + its training puzzles, re-augmented
  /usr/bin/python3 training/evaluate.py --checkpoint X.pt --beyond-singles  # + 22-29 givens that need more than singles
  /usr/bin/python3 training/evaluate.py --checkpoint X.pt --unique  # + the held-out puzzles with exactly one solution
  /usr/bin/python3 training/evaluate.py --checkpoint X.pt --by-style  # maze: + each style's mazes apart
  /usr/bin/python3 training/evaluate.py --checkpoint X.pt --validation --no-heldout  # maze: choose a run's checkpoint
  /usr/bin/python3 training/evaluate.py --checkpoint X.pt --rethinks 8 --augmentations 7  # the app's default inference

Solved: Sudoku = a valid grid consistent with the givens (any valid answer counts, so
non-unique puzzles are scored fairly); maze = a path from S to G through open cells, as short as
breadth-first search, nothing else changed. Exact = equal to the reference answer; cell
accuracy = share of the cells to fill (Sudoku blanks, maze open cells) equal to the reference.
"""
import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data.maze import STYLES  # noqa: E402
from tasks import HELDOUT_SEED, TASKS, TRAIN_SEED, VALIDATION_SEED  # noqa: E402

STEPS = (1, 2, 4, 8, 16)
CELLS_KEPT_PER_RETHINK = 8  # as the engine (main/engine/solver.ts)


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
def rollout(model, tokens, max_steps, chunk=None):
    """Run max_steps supervision steps; returns predicted tokens [steps,N,L], q_halt [steps,N] and
    the softmax probability of each predicted token [steps,N,L]."""
    answers, qs, sure = [], [], []
    device = next(model.parameters()).device
    # on CPU small chunks stay in cache: 320 30x30 mazes in chunks of 256 took over 20 minutes on
    # one core, in chunks of 16 about 4 (training/README.md, "Mazes with loops")
    chunk = chunk or (256 if device.type == "cuda" else 16)
    for i in range(0, len(tokens), chunk):
        batch = torch.from_numpy(np.asarray(tokens[i:i + chunk], dtype=np.int64)).to(device)
        B, S, D = batch.shape[0], model.cfg.state_len, model.cfg.hidden
        y = z = torch.zeros(B, S, D, device=device)
        reset = torch.ones(B, dtype=torch.bool, device=device)
        a, q, p = [], [], []
        for _ in range(max_steps):
            y, z, logits, q_halt = model(batch, y, z, reset)
            reset = torch.zeros_like(reset)
            probability, answer = torch.softmax(logits.float(), -1).max(-1)
            a.append(answer.cpu().numpy())
            q.append(q_halt.float().cpu().numpy())
            p.append(probability.cpu().numpy())
        answers.append(np.stack(a))
        qs.append(np.stack(q))
        sure.append(np.stack(p))
    return np.concatenate(answers, 1), np.concatenate(qs, 1), np.concatenate(sure, 1)


def policies(task, answers, qs, sure, tokens, steps=STEPS):
    """{policy: (chosen answers [N,L], steps used [N], solved [N], confidence [N], sure [N,L])}:
    fixed step counts, halting at the first q_halt > 0, and stopping at the first answer that
    verifies (else the last step). Confidence = mean halting probability over the steps used (what
    votes weigh); sure = the chosen step's probability of each answer token (what rethinking keeps)."""
    max_steps, N = qs.shape
    rows = np.arange(N)
    solved = np.stack([task.solved(a, tokens) for a in answers])
    mean_halt = np.cumsum(1 / (1 + np.exp(-qs)), 0) / np.arange(1, max_steps + 1)[:, None]
    pick = lambda stop: (answers[stop, rows], stop + 1, solved[stop, rows], mean_halt[stop, rows],  # noqa: E731
                         sure[stop, rows])
    # names follow the app's halting policies (preload/api.ts): fixed, halt, verified (its default)
    out = {f"fixed {k}": pick(np.full(N, k - 1)) for k in steps if k <= max_steps}
    first = lambda hit: np.where(hit.any(0), hit.argmax(0), max_steps - 1)  # noqa: E731
    for name, hit in ((f"halt max {max_steps}", qs > 0), (f"verified max {max_steps}", solved)):
        out[name] = pick(first(hit))
    return out


def per_view(model, task, tokens, views, max_steps, steps=STEPS):
    """policies() of each view's rollout (None = the puzzle as given), answers mapped back to the
    puzzle's frame."""
    results = []
    for view in views:
        answers, qs, sure = rollout(model, tokens if view is None else view.apply(tokens), max_steps)
        if view is not None:
            answers, sure = view.invert(answers), view.invert_positions(sure)
        results.append(policies(task, answers, qs, sure, tokens, steps))
    return results


def rethink_rounds(model, task, tokens, chosen, max_steps, rounds, cells=CELLS_KEPT_PER_RETHINK):
    """The engine's rethinking (main/engine/solver.ts) after the `verified max` policy's result
    `chosen` (a policies() tuple): while a puzzle's answer does not check out, up to `rounds` times,
    keep the model's `cells` surest cells as given (task.keep_surest) and run again from a fresh
    state. Answers are always checked against the puzzle itself. Yields the same tuple after each
    round, steps summed (the same arrays, updated in place); stops early when no puzzle left
    unsolved has a cell it can keep."""
    answers, used, solved, confidence, sure = (np.array(x, copy=True) for x in chosen)
    inputs = np.array(tokens, copy=True)
    for _ in range(rounds):
        todo = np.flatnonzero(~solved)
        kept = task.keep_surest(inputs[todo], answers[todo], sure[todo], cells)
        changed = (kept != inputs[todo]).any(1)  # a puzzle with nothing left to keep stops
        todo, kept = todo[changed], kept[changed]
        if not len(todo):
            return
        inputs[todo] = kept
        step = policies(task, *rollout(model, kept, max_steps), tokens[todo], steps=())[f"verified max {max_steps}"]
        answers[todo], solved[todo], confidence[todo], sure[todo] = step[0], step[2], step[3], step[4]
        used[todo] += step[1]
        yield answers, used, solved, confidence, sure


def rethink(model, task, tokens, chosen, max_steps, rounds):
    """rethink_rounds() as the app runs it: the tuple after the last round (`chosen` if none ran)."""
    result = chosen
    for result in rethink_rounds(model, task, tokens, chosen, max_steps, rounds):
        pass
    return result


def vote(answers, solved, confidence):
    """Index of the view whose answer wins, as the engine votes (main/engine/vote.ts): an answer
    that verifies beats any that does not, then the answer given most often, then the highest mean
    confidence; ties go to the earliest view. answers [V,L], solved [V], confidence [V]."""
    groups = {}
    for v, answer in enumerate(answers):
        group = groups.setdefault(answer.tobytes(), [v, 0, 0.0, bool(solved[v])])
        group[1] += 1
        group[2] += confidence[v]
    return max(groups.values(), key=lambda g: (g[3], g[1], g[2] / g[1]))[0]


def voted(per_view):
    """One policy's results over several views ([V] of policies() tuples, answers mapped back to
    the puzzle's frame) -> the voted (answer, steps used by the unaugmented view, solved). As in
    the engine (main/engine/solver.ts), the copies count only where the puzzle as given ends with
    an answer that does not check out; there they vote."""
    if len(per_view) == 1:  # nothing to vote on (every evaluation during training)
        return per_view[0][:3]
    answers, used, solved, confidence = (np.stack(x) for x in list(zip(*per_view))[:4])
    winners = np.array([0 if solved[0, i] else vote(answers[:, i], solved[:, i], confidence[:, i])
                        for i in range(answers.shape[1])])
    rows = np.arange(answers.shape[1])
    return answers[winners, rows], used[0], solved[winners, rows]


def score(task, answer, used, solved, tokens, labels):
    result = {"puzzles": int(len(tokens)), "solvedRate": float(solved.mean()), "meanSteps": float(used.mean())}
    if labels is not None:
        scored = task.scored_cells(tokens)
        result["exactRate"] = float((answer == labels).all(1).mean())
        result["cellAccuracy"] = float(((answer == labels) & scored).sum() / max(scored.sum(), 1))
    return result


def evaluate(model, tokens, labels, set_name, max_steps=16, bins=None, steps=STEPS, task=None, augmentations=0,
             seed=1, rethinks=0):
    """Manifest-shaped accuracy list: one entry per policy, each with one row per difficulty bin.
    With `rethinks` (kinds that can keep answer cells as given), the `verified` policy rethinks up to
    that many rounds; with `augmentations`, that many transformed copies of each puzzle run too and
    vote. Both as in the app."""
    task = task or TASKS[model.cfg.kind]
    model.eval()
    views = [None] + (task.views(augmentations, seed) if augmentations else [])
    results = per_view(model, task, tokens, views, max_steps, steps)
    rethinking = f"verified max {max_steps}" if rethinks and hasattr(task, "keep_surest") else None
    if rethinking:
        results[0][rethinking] = rethink(model, task, tokens, results[0][rethinking], max_steps, rethinks)
    suffix = f", {augmentations} augmentations voted" if augmentations else ""
    values = task.bin_values(tokens)
    table = []
    for name in results[0]:
        answer, used, solved = voted([r[name] for r in results])
        rows = []
        for lo, hi in bins or task.bins:
            m = (values >= lo) & (values <= hi)
            if m.any():
                rows.append({task.bin_key: f"{lo}-{hi}", **score(task, answer[m], used[m], solved[m], tokens[m],
                                                                  None if labels is None else labels[m])})
        policy = name + (f", up to {rethinks} rethinks" if name == rethinking else "") + suffix
        table.append({"set": set_name, "policy": policy, "bins": rows})
    return table


def markdown(table):
    keys = {task.bin_key for task in TASKS.values()}
    key = next((k for e in table for b in e["bins"] for k in b if k in keys), "givens")
    lines = [f"| set | policy | {key} | puzzles | solved | exact | cell acc | mean steps |", "|---|---|---|---|---|---|---|---|"]
    pct = lambda v: "-" if v is None else f"{100 * v:.1f}%"  # noqa: E731
    for entry in table:
        for b in entry["bins"]:
            lines.append(f"| {entry['set']} | {entry['policy']} | {b[key]} | {b['puzzles']} | {pct(b['solvedRate'])} | "
                         f"{pct(b.get('exactRate'))} | {pct(b.get('cellAccuracy'))} | {b['meanSteps']:.2f} |")
    return "\n".join(lines)


def main():
    # train.py imports this module, so import late
    from train import add_recursion_argument, load_checkpoint, load_model

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--raw", action="store_true", help="use the raw weights instead of the EMA weights")
    ap.add_argument("--per-bin", type=int, default=300, help="held-out puzzles per difficulty bin")
    ap.add_argument("--file", action="append", default=[], help="also evaluate a Sudoku file (repeatable)")
    ap.add_argument("--no-heldout", action="store_true")
    ap.add_argument("--training-bank", action="store_true",
                    help="Sudoku: also evaluate fresh augmentations of the run's training puzzles (memorisation check)")
    ap.add_argument("--beyond-singles", action="store_true",
                    help="Sudoku: also evaluate held-out 22-29-given puzzles that naked and hidden singles cannot finish")
    ap.add_argument("--unique", action="store_true",
                    help="Sudoku: also evaluate the held-out puzzles that have exactly one solution (same draw)")
    ap.add_argument("--by-style", action="store_true",
                    help="maze: also evaluate held-out mazes of each style apart (perfect, braided, rooms)")
    ap.add_argument("--validation", action="store_true",
                    help="maze: also evaluate the validation draw, the one to choose among a run's checkpoints by")
    ap.add_argument("--max-steps", type=int, default=16)
    ap.add_argument("--augmentations", type=int, default=0,
                    help="transformed copies of each puzzle that also run and vote, as the app's voting copies")
    ap.add_argument("--rethinks", type=int, default=0,
                    help="Sudoku: rounds that keep the model's surest cells as given and run again, as the app's rethinking")
    add_recursion_argument(ap)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--json", help="write the table as JSON (manifest `accuracy` shape)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    model = load_model(args.checkpoint, ema=not args.raw, recursion=args.recursion).to(args.device)
    task = TASKS[model.cfg.kind]
    if (args.file or args.training_bank or args.beyond_singles or args.unique) and task.kind != "sudoku":
        ap.error("--file, --training-bank, --beyond-singles and --unique are for Sudoku only")
    if (args.by_style or args.validation) and task.kind != "maze":
        ap.error("--by-style and --validation are for mazes only")
    inference = dict(augmentations=args.augmentations, rethinks=args.rethinks)
    table = []
    if not args.no_heldout:
        table += evaluate(model, *task.heldout(args.per_bin), f"heldout-seed{HELDOUT_SEED}", args.max_steps,
                          **inference)
    if args.validation:
        table += evaluate(model, *task.heldout(args.per_bin, seed=VALIDATION_SEED), f"validation-seed{VALIDATION_SEED}",
                          args.max_steps, **inference)
    for style in STYLES if args.by_style else ():
        table += evaluate(model, *task.heldout(args.per_bin, styles=(style,)), f"heldout-seed{HELDOUT_SEED}-{style}",
                          args.max_steps, **inference)
    if args.unique:
        tokens, labels = task.heldout(args.per_bin)
        one = task.unique(tokens)
        table += evaluate(model, tokens[one], labels[one], f"heldout-seed{HELDOUT_SEED}-unique", args.max_steps,
                          **inference)
    if args.training_bank:
        cfg = load_checkpoint(args.checkpoint)["cfg"]
        table += evaluate(model, *task.from_training_bank(cfg, args.per_bin), f"training-bank-seed{TRAIN_SEED}",
                          args.max_steps, **inference)
    if args.beyond_singles:
        table += evaluate(model, *task.heldout(args.per_bin, bins=[(22, 29)], beyond_singles=True),
                          f"heldout-seed{HELDOUT_SEED}-beyond-singles", args.max_steps, **inference)
    for f in args.file:
        p, s = read_puzzle_file(f)
        table += evaluate(model, task.to_tokens(p), None if s is None else task.to_tokens(s), Path(f).name,
                          args.max_steps, **inference)
    print(markdown(table))
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=1))


if __name__ == "__main__":
    main()
