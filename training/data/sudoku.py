"""Sudoku puzzles made on the fly, in the token layout the app uses (L=81 row-major, V=11).

Making a puzzle with a unique solution costs ~80 solver calls, so we make a bank of
*minimal* puzzles once (cached) and draw from it: any superset of a minimal puzzle's givens
is still unique, so one bank entry yields puzzles at every givens count from its minimum up,
and the validity-preserving augmentations (digit relabelling, band/row and stack/column
permutations, transpose: ~1e9 variants each) make every drawn puzzle effectively fresh.
Below a bank entry's minimum (~22-26 givens) we drop givens at random, so the 17-21 range
exists but is usually not unique; it is scored by validity, not by matching our answer.
"""
import os
from pathlib import Path

import numpy as np

BLANK, DIGIT0 = 1, 2  # token 1 = blank cell, tokens 2..10 = digits 1..9 (0 = pad, unused here)
L, V = 81, 11
ROW = np.arange(81) // 9
COL = np.arange(81) % 9
BOX = (ROW // 3) * 3 + COL // 3
ALL = 0x3FE  # bits 1..9


def _search(cells, rows, cols, boxes, blanks, limit, rng):
    """Count solutions (up to `limit`) by depth-first search on the most constrained cell.
    With an `rng`, digits are tried in random order and the first solution is left in `cells`."""
    if not blanks:
        return 1
    best, best_opts, best_n = -1, 0, 10
    for i in blanks:
        opts = ALL & ~(rows[ROW[i]] | cols[COL[i]] | boxes[BOX[i]])
        n = bin(opts).count("1")
        if n < best_n:
            best, best_opts, best_n = i, opts, n
            if n <= 1:
                break
    if best_n == 0:
        return 0
    digits = [d for d in range(1, 10) if best_opts >> d & 1]
    if rng is not None:
        rng.shuffle(digits)
    rest = [i for i in blanks if i != best]
    r, c, b = ROW[best], COL[best], BOX[best]
    found = 0
    for d in digits:
        bit = 1 << d
        cells[best] = d
        rows[r] |= bit; cols[c] |= bit; boxes[b] |= bit
        found += _search(cells, rows, cols, boxes, rest, limit - found, rng)
        rows[r] ^= bit; cols[c] ^= bit; boxes[b] ^= bit
        if found >= limit:
            if rng is not None:
                return found  # filling a grid: leave the solution in `cells`
            break
    cells[best] = 0
    return found


def _masks(cells):
    rows, cols, boxes = [0] * 9, [0] * 9, [0] * 9
    for i, d in enumerate(cells):
        if d:
            rows[ROW[i]] |= 1 << d; cols[COL[i]] |= 1 << d; boxes[BOX[i]] |= 1 << d
    return rows, cols, boxes


def count_solutions(cells, limit=2):
    """cells: 81 ints, 0 = blank. Returns the number of solutions, capped at `limit`."""
    cells = list(cells)
    return _search(cells, *_masks(cells), [i for i in range(81) if not cells[i]], limit, None)


def solve(cells):
    """One solution (list of 81 digits) or None."""
    cells = list(cells)
    ok = _search(cells, *_masks(cells), [i for i in range(81) if not cells[i]], 1, np.random.default_rng(0))
    return cells if ok else None


UNITS = [np.flatnonzero(key == k).tolist() for key in (ROW, COL, BOX) for k in range(9)]
# The 20 cells sharing a row, column or box with each cell
PEERS = np.array([np.flatnonzero(((ROW == ROW[c]) | (COL == COL[c]) | (BOX == BOX[c])) & (np.arange(81) != c))
                  for c in range(81)])


def solved_by_singles(cells):
    """Whether naked and hidden singles alone fill the grid: about half of the 22-29-given
    puzzles; the rest need the reasoning a trained model finds hard."""
    cells = list(cells)
    rows, cols, boxes = _masks(cells)
    blanks = [i for i in range(81) if not cells[i]]
    while blanks:
        opts = {i: ALL & ~(rows[ROW[i]] | cols[COL[i]] | boxes[BOX[i]]) for i in blanks}
        if not all(opts.values()):
            return False  # a contradiction: only puzzles with fewer givens than any solution allows
        moves = {i: o for i, o in opts.items() if not o & (o - 1)}  # naked: one candidate left
        for unit in UNITS:
            once = twice = 0
            for i in unit:
                o = opts.get(i, 0)
                twice |= once & o
                once |= o
            only = once & ~twice  # digits with a single place in this unit
            for i in unit:
                if opts.get(i, 0) & only:
                    moves.setdefault(i, opts[i] & only & -(opts[i] & only))
        if not moves:
            return False
        for i, bit in moves.items():
            rows[ROW[i]] |= bit; cols[COL[i]] |= bit; boxes[BOX[i]] |= bit
        blanks = [i for i in blanks if i not in moves]
    return True


def random_solution(rng):
    cells = [0] * 81
    _search(cells, [0] * 9, [0] * 9, [0] * 9, list(range(81)), 1, rng)
    return cells


def _has_other_solution(cells, i, d):
    """Whether blank cell i can hold a digit other than d in some solution."""
    rows, cols, boxes = _masks(cells)
    opts = ALL & ~(rows[ROW[i]] | cols[COL[i]] | boxes[BOX[i]]) & ~(1 << d)
    blanks = [j for j in range(81) if not cells[j] and j != i]
    for e in range(1, 10):
        if opts >> e & 1:
            bit = 1 << e
            rows[ROW[i]] |= bit; cols[COL[i]] |= bit; boxes[BOX[i]] |= bit
            found = _search(list(cells), rows, cols, boxes, blanks, 1, None)
            rows[ROW[i]] ^= bit; cols[COL[i]] ^= bit; boxes[BOX[i]] ^= bit
            if found:
                return True
    return False


def minimal_puzzle(rng):
    """A random full grid and a removal order: removing cells in this order keeps the puzzle
    unique until `len(order) - min_givens` removals; returns (solution, keep_order, min_givens)
    where the first min_givens cells of keep_order are a minimal unique puzzle."""
    solution = random_solution(rng)
    cells = list(solution)
    removed, kept = [], []
    for i in rng.permutation(81).tolist():
        d, cells[i] = cells[i], 0
        if _has_other_solution(cells, i, d):
            cells[i] = d
            kept.append(i)
        else:
            removed.append(i)
    # kept cells first (the minimal puzzle), then removed ones in reverse: re-adding them in
    # any order keeps uniqueness
    return solution, kept + removed[::-1], len(kept)


def make_bank(size, seed, cache_dir=None):
    """`size` minimal puzzles from `seed` as arrays (solutions [N,81] uint8, keep_order [N,81], min_givens [N])."""
    path = Path(cache_dir) / f"sudoku-bank-{seed}-{size}.npz" if cache_dir else None
    if path is not None and path.exists():
        z = np.load(path)
        return z["solutions"], z["order"], z["min_givens"]
    rng = np.random.default_rng(seed)
    items = [minimal_puzzle(rng) for _ in range(size)]
    solutions = np.array([s for s, _, _ in items], dtype=np.uint8)
    order = np.array([o for _, o, _ in items], dtype=np.uint8)
    min_givens = np.array([m for _, _, m in items], dtype=np.int16)
    if path is not None:
        os.makedirs(path.parent, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, solutions=solutions, order=order, min_givens=min_givens)
        os.replace(tmp, path)
    return solutions, order, min_givens


def random_transform(rng):
    """One random validity-preserving transform: (positions [81], digit_map [10]); the
    transformed grid is digit_map[grid[positions]] (digit relabelling, band/row and
    stack/column permutations, transpose; blanks stay 0)."""
    digit_map = np.zeros(10, dtype=np.uint8)
    digit_map[1:] = rng.permutation(9) + 1
    rows = (rng.permutation(3)[:, None] * 3 + np.stack([rng.permutation(3) for _ in range(3)])).reshape(-1)
    cols = (rng.permutation(3)[:, None] * 3 + np.stack([rng.permutation(3) for _ in range(3)])).reshape(-1)
    positions = np.arange(81).reshape(9, 9)[rows][:, cols]
    if rng.random() < 0.5:
        positions = positions.T
    return positions.reshape(-1), digit_map


def augment(puzzle, solution, rng):
    """Same random validity-preserving transform on [B,81] digit grids (0 = blank)."""
    out = [puzzle.copy(), solution.copy()]
    for b in range(puzzle.shape[0]):
        positions, digit_map = random_transform(rng)
        for g in out:
            g[b] = digit_map[g[b][positions]]
    return out


MAX_REDRAWS = 2000  # beyond singles: measured 6% of draws qualify at 30 givens, 1% at 34, none at 38


class SudokuSource:
    """Puzzles with a chosen number of givens drawn from a bank; state is one numpy Generator.
    `beyond_singles` keeps only puzzles that naked and hidden singles cannot finish."""

    def __init__(self, bank, givens=(17, 50), seed=0, beyond_singles=False):
        self.solutions, self.order, self.min_givens = bank
        self.givens = givens
        self.beyond_singles = beyond_singles
        self.rng = np.random.default_rng(seed)

    def sample(self, batch, givens=None):
        """Returns (puzzle, solution) digit arrays [B,81] (0 = blank in puzzle)."""
        givens = givens or self.givens
        puzzle, solution = self._draw(batch, givens)
        if self.beyond_singles:
            for b in range(batch):
                for _ in range(MAX_REDRAWS):
                    if not solved_by_singles(puzzle[b]):
                        break
                    puzzle[b:b + 1], solution[b:b + 1] = self._draw(1, givens)
                else:
                    raise ValueError(f"none of {MAX_REDRAWS} puzzles drawn with {givens[0]}-{givens[1]} givens needed "
                                     "more than singles: such puzzles are rare above about 32 givens")
        return augment(puzzle, solution, self.rng)

    def _draw(self, batch, givens):
        rng = self.rng
        lo, hi = givens
        idx = rng.integers(0, len(self.solutions), batch)
        g = rng.integers(lo, hi + 1, batch)
        solution = self.solutions[idx].copy()
        puzzle = np.zeros_like(solution)
        for b in range(batch):
            m, order = int(self.min_givens[idx[b]]), self.order[idx[b]]
            if g[b] >= m:  # minimal givens + extra cells: unique
                keep = np.concatenate([order[:m], rng.permutation(order[m:])[: g[b] - m]])
            else:  # fewer than the minimum: a random subset, usually not unique
                keep = rng.permutation(order[:m])[: g[b]]
            puzzle[b, keep] = solution[b, keep]
        return puzzle, solution


def to_tokens(digits):
    """Digit grid (0 = blank) -> tokens (1 = blank, 2..10 = digits)."""
    digits = np.asarray(digits, dtype=np.int64)
    return np.where(digits > 0, digits + 1, BLANK)


def from_tokens(tokens):
    """Tokens -> digits; 0 where the token is not a digit (pad/blank = invalid answer)."""
    tokens = np.asarray(tokens, dtype=np.int64)
    return np.where(tokens >= DIGIT0, tokens - 1, 0)


def is_valid_solution(answer, puzzle):
    """answer [B,81] digits: every row/col/box a permutation of 1..9 and consistent with the givens."""
    a = np.asarray(answer).reshape(-1, 9, 9)
    complete = (a > 0).all(axis=(1, 2))
    ok = complete.copy()
    boxes = a.reshape(-1, 3, 3, 3, 3).transpose(0, 1, 3, 2, 4).reshape(-1, 9, 9)
    for units in (a, a.transpose(0, 2, 1), boxes):
        s = np.sort(units, axis=2)
        ok &= (s == np.arange(1, 10)).all(axis=(1, 2))
    p = np.asarray(puzzle).reshape(-1, 81)
    ok &= ((p == 0) | (p == np.asarray(answer).reshape(-1, 81))).all(axis=1)
    return ok
