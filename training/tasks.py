"""What training and evaluation need to know about each puzzle kind, all in token space:
where training puzzles come from, the fixed held-out set, what counts as solved, and how
results are binned (Sudoku by givens, mazes by shortest-path length)."""
import math
from pathlib import Path

import numpy as np

from data import maze, sudoku

CACHE = Path(__file__).resolve().parent / "runs" / "cache"
TRAIN_SEED = 1  # training banks/streams; held-out sets use HELDOUT_SEED
HELDOUT_SEED = 20251004
# maze: a second draw like the held-out one, for choosing among checkpoints of a run, so that the
# held-out figures reported for the chosen one are not also what chose it
VALIDATION_SEED = 20251203


class TokenTransform:
    """A symmetry of a puzzle in token space, as the app's engine votes with them
    (main/engine/augment.ts): position i of the view reads position positions[i] of the
    puzzle, and token t becomes tokens[t]."""

    def __init__(self, positions, tokens):
        self.positions, self.tokens = np.asarray(positions), np.asarray(tokens)

    def apply(self, grids):
        """[..., L] tokens of the puzzle -> the view."""
        return self.tokens[np.asarray(grids)[..., self.positions]]

    def invert(self, grids):
        """[..., L] tokens in the view's frame (the model's answers) -> the puzzle's frame."""
        return self.invert_positions(np.argsort(self.tokens)[grids])

    def invert_positions(self, values):
        """[..., L] per-position values in the view's frame -> the puzzle's frame."""
        out = np.empty_like(values)
        out[..., self.positions] = values
        return out


class Sudoku:
    kind, bin_key = "sudoku", "givens"
    bins = ((17, 21), (22, 29), (30, 50))
    heldout_bank = 600

    @staticmethod
    def source(cfg):
        bank = sudoku.make_bank(cfg["bank"], TRAIN_SEED, CACHE)
        return sudoku.SudokuSource(bank, tuple(cfg["givens"]), cfg["seed"], cfg["beyond_singles"])

    to_tokens = staticmethod(sudoku.to_tokens)  # sources yield digit grids

    @staticmethod
    def schedule(source, step, cfg):
        pass  # every givens count from the start

    @classmethod
    def heldout(cls, per_bin, bins=None, beyond_singles=False):
        """With `beyond_singles`, only puzzles that naked and hidden singles cannot finish."""
        return cls._draw(sudoku.make_bank(cls.heldout_bank, HELDOUT_SEED, CACHE), per_bin, bins, beyond_singles)

    @classmethod
    def from_training_bank(cls, cfg, per_bin, bins=None):
        """Fresh augmentations of the puzzles a run trained on: against `heldout`, a memorisation check."""
        return cls._draw(sudoku.make_bank(cfg["bank"], TRAIN_SEED, CACHE), per_bin, bins)

    @classmethod
    def _draw(cls, bank, per_bin, bins, beyond_singles=False):
        source = sudoku.SudokuSource(bank, seed=HELDOUT_SEED, beyond_singles=beyond_singles)
        parts = [source.sample(per_bin, givens=b) for b in bins or cls.bins]
        return tuple(sudoku.to_tokens(np.concatenate(x)) for x in zip(*parts))

    @staticmethod
    def bin_values(tokens):
        return (np.asarray(tokens) != sudoku.BLANK).sum(1)

    @staticmethod
    def unique(tokens):
        """Which puzzles have exactly one solution (drawn below a bank entry's minimum, most have more)."""
        return np.array([sudoku.count_solutions(cells, 2) == 1 for cells in sudoku.from_tokens(tokens)])

    @staticmethod
    def solved(answer, tokens):
        """Any valid grid that keeps the givens (non-unique puzzles are scored fairly)."""
        return sudoku.is_valid_solution(sudoku.from_tokens(answer), sudoku.from_tokens(tokens))

    @staticmethod
    def scored_cells(tokens):
        return np.asarray(tokens) == sudoku.BLANK

    @staticmethod
    def keep_surest(inputs, answers, confidence, count):
        """A rethinking round's inputs, as the engine makes them (main/puzzles/sudoku.ts keepSurest):
        each input with up to `count` blanks filled from its answer, the model's surest first, passing
        over cells whose digit a given or an already kept cell of a row, column or box holds."""
        kept = np.array(inputs, copy=True)
        for row, answer, sure in zip(kept, answers, confidence):
            added = 0
            for cell in np.argsort(-sure, kind="stable"):
                if added == count:
                    break
                digit = answer[cell]
                if row[cell] != sudoku.BLANK or digit < sudoku.DIGIT0 or (row[sudoku.PEERS[cell]] == digit).any():
                    continue
                row[cell] = digit
                added += 1
        return kept

    @staticmethod
    def views(count, seed):
        """`count` random validity-preserving transforms for test-time voting."""
        rng = np.random.default_rng(seed)
        views = []
        for _ in range(count):
            positions, digit_map = sudoku.random_transform(rng)
            tokens = np.arange(sudoku.V)  # pad and blank keep their meaning; digit d is token d + 1
            tokens[sudoku.DIGIT0:] = digit_map[1:].astype(np.int64) + 1
            views.append(TokenTransform(positions, tokens))
        return views


class Maze:
    kind, bin_key = "maze", "pathLength"
    bins = ((1, 20), (21, 40), (41, 60), (61, 90), (91, 900))

    @staticmethod
    def source(cfg):
        # a style named twice is drawn twice as often (cfg["styles"]: weighting mazes with loops)
        return maze.MazeSource(cfg["sizes"], cfg.get("styles") or maze.STYLES, cfg["paths"], cfg["seed"],
                               cfg.get("square") or maze.SIZE, cfg.get("route_bands") or 1,
                               cfg.get("banded_share", 1.0))

    to_tokens = staticmethod(np.asarray)  # sources yield tokens already
    FIRST_LONGEST = 4  # the curriculum's longest route at step 0

    @classmethod
    def schedule(cls, source, step, cfg):
        """Curriculum: the longest route drawn grows linearly from 4 moves to cfg["paths"][1]
        over cfg["curriculum"] steps (a small model on CPU first learns to mark short routes)."""
        lo, hi = cfg["paths"]
        span = cfg.get("curriculum") or 0
        longest = hi if span <= 0 else round(cls.FIRST_LONGEST + (hi - cls.FIRST_LONGEST) * min(1.0, step / span))
        source.paths = (lo, max(lo, min(hi, longest)))

    @classmethod
    def heldout(cls, per_bin, bins=None, styles=maze.STYLES, seed=HELDOUT_SEED):
        """30x30 mazes of every style (or those named), `per_bin` for each shortest-path range."""
        source = maze.MazeSource(sizes=(30, 30), styles=styles, seed=seed)
        parts = [source.sample(per_bin, paths=b) for b in bins or cls.bins]
        return tuple(np.concatenate(x) for x in zip(*parts))

    bin_values = staticmethod(maze.path_length)
    solved = staticmethod(maze.is_optimal_path)  # valid and as short as breadth-first search

    @staticmethod
    def favoured_labels(tokens, logits):
        """Labels [B,L] marking, in each maze of tokens [B,L], the shortest route the logits
        [B,L,V] favour (maze.favoured_routes): any shortest route counts as solved, so any may be learnt."""
        B, L = tokens.shape
        side = math.isqrt(L)
        margins = (logits[..., maze.PATH] - logits[..., maze.OPEN]).float().reshape(B, side, side)
        return maze.favoured_routes(tokens.reshape(B, side, side), margins).reshape(B, L)

    @staticmethod
    def scored_cells(tokens):
        return np.asarray(tokens) == maze.OPEN  # on the path or not

    @staticmethod
    def views(count, seed):
        """The first `count` of the square's 7 other symmetries (seed unused: there are no more)."""
        if count > 7:
            raise ValueError("a maze has only 7 symmetries besides itself: ask for at most 7 augmentations")
        square = np.arange(maze.L).reshape(maze.SIZE, maze.SIZE)
        tokens = np.arange(maze.V)  # walls, floor, S, G and path keep their meaning
        return [TokenTransform(maze.dihedral(square, which).reshape(-1), tokens) for which in range(1, count + 1)]


TASKS = {t.kind: t for t in (Sudoku, Maze)}
