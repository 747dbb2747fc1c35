import numpy as np
import pytest

from data.sudoku import (SudokuSource, count_solutions, from_tokens, is_valid_solution, make_bank, solved_by_singles,
                         to_tokens)
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


def grid(text):
    return [0 if ch == "." else int(ch) for ch in text]


def test_singles_finish_an_easy_puzzle_but_not_a_hard_one():
    easy = grid("53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79")
    hard = grid("8..........36......7..9.2...5...7.......457.....1...3...1....68..85...1..9....4..")
    assert solved_by_singles(easy)
    assert not solved_by_singles(hard)
    assert count_solutions(hard) == 1  # hard, not broken


def test_hidden_singles_count_as_singles():
    # naked singles alone get stuck on this one (checked with an independent solver); a digit with a
    # single place left in a row, column or box finishes it
    assert solved_by_singles(grid("......8.15...4..2...3.6.......39....1..........82..9..3657..1....49....621.6...73"))


def test_beyond_singles_draws_only_puzzles_singles_cannot_finish():
    source = SudokuSource(make_bank(12, seed=4), givens=(22, 29), seed=1, beyond_singles=True)
    puzzles, solutions = source.sample(8)
    assert is_valid_solution(solutions, puzzles).all()
    assert not any(solved_by_singles(p) for p in puzzles)
    assert ((22 <= (puzzles > 0).sum(1)) & ((puzzles > 0).sum(1) <= 29)).all()


def test_beyond_singles_with_too_many_givens_is_a_clear_error():
    source = SudokuSource(BANK, givens=(45, 50), seed=1, beyond_singles=True)
    with pytest.raises(ValueError, match="more than singles"):
        source.sample(1)


def test_the_held_out_beyond_singles_set_is_its_hard_half():
    from tasks import Sudoku

    tokens, labels = Sudoku.heldout(6, bins=[(22, 29)], beyond_singles=True)
    puzzles = from_tokens(tokens)
    assert not any(solved_by_singles(p) for p in puzzles)
    assert is_valid_solution(from_tokens(labels), puzzles).all()
