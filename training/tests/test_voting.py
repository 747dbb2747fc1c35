from types import SimpleNamespace

import numpy as np
import pytest

import evaluate as evaluate_module
from data.maze import MazeSource, is_optimal_path
from data.sudoku import BLANK, PEERS, SudokuSource, from_tokens, is_valid_solution, make_bank, solve, to_tokens
from evaluate import evaluate, vote, voted
from tasks import Maze, Sudoku


def test_a_sudoku_view_is_a_valid_puzzle_whose_solution_maps_back_to_the_original():
    puzzles, solutions = (to_tokens(x) for x in SudokuSource(make_bank(4, seed=5), givens=(25, 30), seed=1).sample(4))
    views = Sudoku.views(7, seed=2)
    assert len({v.positions.tobytes() + v.tokens.tobytes() for v in views}) == 7
    for view in views:
        puzzle, solution = view.apply(puzzles), view.apply(solutions)
        assert is_valid_solution(from_tokens(solution), from_tokens(puzzle)).all()
        assert not np.array_equal(puzzle, puzzles)
        assert np.array_equal(view.invert(solution), solutions)


def test_a_maze_view_is_a_symmetry_whose_path_maps_back_and_there_are_seven():
    tokens, labels = MazeSource(seed=4).sample(3)
    for view in Maze.views(7, seed=1):
        assert is_optimal_path(view.apply(labels), view.apply(tokens)).all()
        assert np.array_equal(view.invert(view.apply(labels)), labels)
    with pytest.raises(ValueError, match="only 7 symmetries"):
        Maze.views(8, seed=1)


def test_a_verified_answer_beats_the_majority_and_confidence_breaks_ties():
    a, b, c = (np.full(4, t) for t in (1, 2, 3))
    assert vote([a, b, b], solved=[True, False, False], confidence=[0.1, 0.9, 0.9]) == 0
    assert vote([a, b, b], solved=[False, False, False], confidence=[0.9, 0.1, 0.1]) == 1
    assert vote([a, b, c], solved=[False] * 3, confidence=[0.2, 0.7, 0.5]) == 1
    assert vote([a, a, b], solved=[True] * 3, confidence=[0.1, 0.1, 0.9]) == 0


def test_copies_count_only_where_the_puzzle_as_given_fails_to_check_out():
    """As in the engine, which runs copies only then: an answer of the puzzle as given that
    checks out stands even where two copies agree on another valid answer (a non-unique puzzle)."""
    a, b = np.full((1, 4), 1), np.full((1, 4), 2)
    view = lambda answer, solved: (answer, np.array([3]), np.array([solved]), np.array([0.5]), np.ones((1, 4)))  # noqa: E731
    answer, _, solved = voted([view(a, True), view(b, True), view(b, True)])
    assert np.array_equal(answer, a) and solved.all()
    answer, _, solved = voted([view(a, False), view(b, True), view(a, False)])
    assert np.array_equal(answer, b) and solved.all()


def test_copies_that_solve_win_the_vote_once_their_answers_are_mapped_back(monkeypatch):
    """A stand-in model that fails the puzzle as given but solves every transformed copy: only
    correct view transforms, inverse mapping and vote make the voted run solve everything."""
    tokens, labels = (to_tokens(x) for x in SudokuSource(make_bank(4, seed=6), givens=(26, 29), seed=2).sample(4))

    def rollout(model, view_tokens, max_steps):
        if np.array_equal(view_tokens, tokens):
            answers = view_tokens  # the plain run gives up: blanks left
        else:
            answers = to_tokens([solve(p) for p in from_tokens(view_tokens)])
        return (np.repeat(answers[None], max_steps, 0), np.zeros((max_steps, len(view_tokens))),
                np.ones((max_steps, *answers.shape)))

    monkeypatch.setattr(evaluate_module, "rollout", rollout)
    model = SimpleNamespace(cfg=SimpleNamespace(kind="sudoku"), eval=lambda: None)
    plain = evaluate(model, tokens, labels, "heldout", max_steps=2, steps=(2,))
    voted = evaluate(model, tokens, labels, "heldout", max_steps=2, steps=(2,), augmentations=3)
    assert [e["policy"] for e in voted] == [e["policy"] + ", 3 augmentations voted" for e in plain]
    assert {b["solvedRate"] for e in plain for b in e["bins"]} == {0.0}
    assert {(b["solvedRate"], b["exactRate"]) for e in voted for b in e["bins"]} == {(1.0, 1.0)}


def test_keeping_the_surest_cells_fills_blanks_that_break_no_rule_surest_first():
    puzzle = to_tokens(SudokuSource(make_bank(1, seed=7), givens=(30, 30), seed=3).sample(1)[0])[0]
    answer = to_tokens(solve(from_tokens(puzzle)))
    blanks = np.flatnonzero(puzzle == BLANK)
    sure = np.arange(81) / 81  # the last blanks are the surest
    kept = Sudoku.keep_surest(puzzle[None], answer[None], sure[None], 3)[0]
    assert np.array_equal(np.flatnonzero(kept != puzzle), np.sort(blanks[-3:]))
    wrong = answer.copy()
    wrong[blanks[-1]] = puzzle[PEERS[blanks[-1]]][puzzle[PEERS[blanks[-1]]] != BLANK][0]  # a digit a peer is given
    wrong[blanks[-2]] = BLANK  # no digit
    kept = Sudoku.keep_surest(puzzle[None], wrong[None], sure[None], 1)[0]
    assert np.array_equal(np.flatnonzero(kept != puzzle), [blanks[-3]])


def test_rethinking_keeps_the_surest_cells_and_runs_again_checked_against_the_puzzle(monkeypatch):
    """A stand-in model that leaves its least sure cell blank until 8 more cells are kept: the plain
    run solves nothing, one rethinking round solves everything, and the steps of both count."""
    tokens, labels = (to_tokens(x) for x in SudokuSource(make_bank(4, seed=6), givens=(26, 26), seed=2).sample(4))

    def rollout(model, view_tokens, max_steps):
        answers = to_tokens([solve(p) for p in from_tokens(view_tokens)])
        sure = np.ones(answers.shape)
        first_round = (view_tokens != BLANK).sum(1) < 26 + 8
        gap = np.argmax(view_tokens == BLANK, 1)
        rows = np.flatnonzero(first_round)
        answers[rows, gap[rows]], sure[rows, gap[rows]] = BLANK, 0
        return np.repeat(answers[None], max_steps, 0), np.zeros((max_steps, len(view_tokens))), np.repeat(sure[None], max_steps, 0)

    monkeypatch.setattr(evaluate_module, "rollout", rollout)
    model = SimpleNamespace(cfg=SimpleNamespace(kind="sudoku"), eval=lambda: None)
    plain, = evaluate(model, tokens, labels, "heldout", max_steps=2, steps=())[1:]
    rethought, = evaluate(model, tokens, labels, "heldout", max_steps=2, steps=(), rethinks=1)[1:]
    assert plain["policy"] == "verified max 2" and rethought["policy"] == "verified max 2, up to 1 rethinks"
    assert (plain["bins"][0]["solvedRate"], rethought["bins"][0]["solvedRate"]) == (0.0, 1.0)
    assert rethought["bins"][0]["meanSteps"] == 3  # 2 steps as given, then the first step of the round checks out


def test_unique_tells_puzzles_with_one_solution_from_those_with_more():
    puzzle, solution = SudokuSource(make_bank(1, seed=7), givens=(30, 30), seed=3).sample(1)
    emptier = puzzle.copy()
    emptier[0, np.flatnonzero(puzzle[0])[:20]] = 0  # 10 givens left: many solutions
    assert Sudoku.unique(to_tokens(np.concatenate([puzzle, emptier]))).tolist() == [True, False]
