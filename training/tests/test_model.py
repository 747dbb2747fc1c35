import torch

from model import PREFIX, TRM, TRMConfig, count_parameters


def tiny(variant="mlp", **kw):
    torch.manual_seed(0)
    return TRM(TRMConfig(hidden=32, heads=4 if variant == "attention" else None, variant=variant, T=2, n=2, **kw))


def test_shapes_every_variant():
    for variant in ("mlp", "attention", "conv"):
        model = tiny(variant)
        B, S, D = 3, PREFIX + 81, 32
        y, z, logits, q = model(torch.randint(1, 11, (B, 81)), torch.zeros(B, S, D), torch.zeros(B, S, D),
                                torch.ones(B, dtype=torch.bool))
        assert y.shape == z.shape == (B, S, D)
        assert logits.shape == (B, 81, 11) and q.shape == (B,)
        assert not y.requires_grad and logits.requires_grad


def test_reset_rows_ignore_incoming_state():
    model = tiny()
    tokens = torch.randint(1, 11, (2, 81))
    junk = torch.randn(2, PREFIX + 81, 32)
    reset = torch.tensor([True, False])
    _, _, a, _ = model(tokens, junk, junk, reset)
    _, _, b, _ = model(tokens, torch.zeros_like(junk), torch.zeros_like(junk), reset)
    assert torch.equal(a[0], b[0]) and not torch.allclose(a[1], b[1])


def test_official_sizes_and_names():
    sudoku = TRM(TRMConfig(hidden=512, T=3, n=6))
    assert abs(count_parameters(sudoku) - 5.03e6) < 0.01e6  # TRM.md: Sudoku MLP 5.03M
    attention = TRM(TRMConfig(hidden=512, heads=8, variant="attention", seq_len=900, vocab=12))
    assert abs(count_parameters(attention) - 6.83e6) < 0.05e6
    keys = set(attention.state_dict())
    for k in ("H_init", "L_init", "embed_tokens.embedding_weight", "lm_head.weight", "q_head.weight", "q_head.bias",
              "puzzle_emb.weights", "L_level.layers.1.self_attn.qkv_proj.weight", "L_level.layers.1.self_attn.o_proj.weight",
              "L_level.layers.1.mlp.gate_up_proj.weight", "L_level.layers.1.mlp.down_proj.weight"):
        assert k in keys
    assert sudoku.state_dict()["L_level.layers.0.mlp_t.gate_up_proj.weight"].shape == (1024, 97)
    assert "H_init" in dict(sudoku.named_buffers()) and not any(n == "H_init" for n, _ in sudoku.named_parameters())


def test_the_conv_variant_reads_only_nearby_cells_and_fits_any_square():
    model = tiny("conv", kind="maze", vocab=6, seq_len=900).eval()
    model.cfg.T = model.cfg.n = 1  # z, then y, each through 2 layers: a change travels at most 4 cells
    B, D = 1, 32
    for side in (12, 30):  # smaller training squares and the app's 30x30 grid, with the same weights
        tokens = torch.full((B, side * side), 2)
        walled = tokens.clone()
        walled[0, 0] = 1  # a wall in the corner
        state = torch.zeros(B, PREFIX + side * side, D), torch.zeros(B, PREFIX + side * side, D), torch.ones(B, dtype=torch.bool)
        ya, _, a, _ = model(tokens, *state)
        yb, _, b, _ = model(walled, *state)
        diff = (a - b).abs().amax(-1).view(side, side)
        assert (diff[:5, :5] > 0).all() and (diff[5:] == 0).all() and (diff[:, 5:] == 0).all()
        assert not torch.equal(ya[:, 0], yb[:, 0])  # the halting head's position reads the grid's mean
