import numpy as np

from data.sudoku import SudokuSource, count_solutions, from_tokens, is_valid_solution, make_bank, to_tokens
from evaluate import read_puzzle_file

BANK = make_bank(6, seed=123)


def test_puzzles_are_valid_and_unique_above_the_minimum():
    source = SudokuSource(BANK, givens=(17, 50), seed=1)
    puzzles, solutions = source.sample(64)
    assert is_valid_solution(solutions, puzzles).all()
    givens = (puzzles > 0).sum(1)
    assert givens.min() >= 17 and givens.max() <= 50
    for p, g in zip(puzzles[:12], givens[:12]):
        if g >= BANK[2].max():
            assert count_solutions(p.tolist()) == 1


def test_same_seed_same_puzzles():
    a = SudokuSource(BANK, seed=5).sample(4)
    b = SudokuSource(BANK, seed=5).sample(4)
    assert all(np.array_equal(x, y) for x, y in zip(a, b))


def test_tokens_round_trip_and_invalid_answers():
    puzzles, solutions = SudokuSource(BANK, seed=2).sample(2)
    tokens = to_tokens(puzzles)
    assert tokens.min() >= 1 and tokens.max() <= 10
    assert np.array_equal(from_tokens(to_tokens(solutions)), solutions)
    broken = solutions.copy()
    broken[0, 0] = 0  # a blank/pad prediction is never a valid answer
    assert is_valid_solution(broken, puzzles).tolist() == [False, True]


def test_reads_app_puzzle_files(tmp_path):
    puzzles, solutions = SudokuSource(BANK, seed=3).sample(2)
    text = lambda g: "".join(str(d) if d else "." for d in g)  # noqa: E731
    (tmp_path / "a.csv").write_text("source,question,answer,rating\n" +
                                    "".join(f"x,{text(p)},{text(s)},0\n" for p, s in zip(puzzles, solutions)))
    rows = [" ".join(text(puzzles[0])[i:i + 9]) for i in range(0, 81, 9)]
    grid = "\n".join(rows[:3] + ["------+-------+------"] + rows[3:])  # rules as in the app's block files
    (tmp_path / "b.txt").write_text(f"# two puzzles\n{text(puzzles[1])}\n\n{grid}\n")
    p, s = read_puzzle_file(tmp_path / "a.csv")
    assert np.array_equal(p, puzzles) and np.array_equal(s, solutions)
    p, s = read_puzzle_file(tmp_path / "b.txt")
    assert np.array_equal(p, puzzles[::-1]) and s is None


def test_training_bank_puzzles_for_the_memorisation_check_fill_the_bins_and_differ_from_held_out():
    from tasks import Sudoku

    tokens, labels = Sudoku.from_training_bank({"bank": 8}, per_bin=5, bins=[(22, 29), (30, 50)])
    givens = (tokens != 1).sum(1)
    assert tokens.shape == (10, 81) and (givens[5:] >= 30).all()
    assert (22 <= givens[:5]).all() and (givens[:5] <= 29).all()
    assert all(is_valid_solution(from_tokens(l), from_tokens(t)) for t, l in zip(tokens, labels))
    held, _ = Sudoku.heldout(5, bins=[(22, 29), (30, 50)])
    assert not any((t == h).all() for t in tokens for h in held)
