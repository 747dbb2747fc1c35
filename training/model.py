"""Tiny Recursive Model (TRM, arXiv 2510.04871), one supervision step per forward call.

Follows the official TinyRecursiveModels layout so an official checkpoint loads after
stripping its `_orig_mod.model.inner.` / `model.inner.` prefix:
paper y = `z_H` (carried answer state), paper z = `z_L` (carried latent state).
"""
import math
from dataclasses import dataclass, asdict
from typing import Optional

import torch
import torch.nn.functional as F
from torch import nn

PREFIX = 16  # puzzle-embedding positions in front of the grid (official puzzle_emb_len)
RMS_EPS = 1e-5


@dataclass
class TRMConfig:
    kind: str = "sudoku"  # the puzzle kind its tokens encode (main/puzzles)
    vocab: int = 11
    seq_len: int = 81
    hidden: int = 512
    # "mlp": token-mixing SwiGLU (Sudoku); "attention": RoPE self-attention; "conv": 3x3 convolution
    # over the square grid (mazes on CPU: local mixing, training/README.md "The convolutional maze model")
    variant: str = "mlp"
    heads: Optional[int] = None  # attention only
    layers: int = 2
    T: int = 3  # H_cycles: answer updates per supervision step
    n: int = 6  # L_cycles: latent updates per answer update
    halt_max_steps: int = 16  # N_sup
    puzzle_ids: int = 1  # rows of the puzzle-embedding table (1 = one shared vector)
    expansion: float = 4.0

    @property
    def state_len(self) -> int:
        return PREFIX + self.seq_len

    def to_dict(self):
        return asdict(self)


def swiglu_width(width: int, expansion: float) -> int:
    inner = round(expansion * width * 2 / 3)
    return -(-inner // 256) * 256  # official code rounds up to a multiple of 256


def rms_norm(x: torch.Tensor, dim: int = -1) -> torch.Tensor:
    # weightless RMSNorm computed in fp32 like the official code, so bf16 training stays stable
    dtype = x.dtype
    x = x.float()
    x = x * torch.rsqrt(x.pow(2).mean(dim, keepdim=True) + RMS_EPS)
    return x.to(dtype)


def lecun_linear(in_features: int, out_features: int) -> nn.Linear:
    layer = nn.Linear(in_features, out_features, bias=False)
    nn.init.trunc_normal_(layer.weight, std=1.0 / math.sqrt(in_features), a=-2.0 / math.sqrt(in_features),
                          b=2.0 / math.sqrt(in_features))
    return layer


class SwiGLU(nn.Module):
    def __init__(self, width: int, expansion: float):
        super().__init__()
        inner = swiglu_width(width, expansion)
        self.gate_up_proj = lecun_linear(width, 2 * inner)
        self.down_proj = lecun_linear(inner, width)

    def forward(self, x, features_first=False):
        if features_first:  # x [width, N]: one large matmul, much faster on CPU than a batched one
            gate, up = (self.gate_up_proj.weight @ x).chunk(2, dim=0)
            return self.down_proj.weight @ (F.silu(gate) * up)
        gate, up = self.gate_up_proj(x).chunk(2, dim=-1)
        return self.down_proj(F.silu(gate) * up)


def rotate_half(x):
    x1, x2 = x.chunk(2, dim=-1)
    return torch.cat((-x2, x1), dim=-1)


class Attention(nn.Module):
    def __init__(self, hidden: int, heads: int):
        super().__init__()
        self.heads, self.head_dim = heads, hidden // heads
        self.qkv_proj = lecun_linear(hidden, 3 * hidden)
        self.o_proj = lecun_linear(hidden, hidden)

    def forward(self, x, cos, sin):
        B, S, D = x.shape
        q, k, v = self.qkv_proj(x).view(B, S, 3, self.heads, self.head_dim).unbind(2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        q, k, v = (t.transpose(1, 2) for t in (q, k, v))  # [B, H, S, hd]
        if x.is_cuda and hasattr(F, "scaled_dot_product_attention"):
            # fused kernel on GPU (torch 2.x): never materialises the [B, H, S, S] scores
            out = F.scaled_dot_product_attention(q, k, v)
        else:  # explicit softmax attention: exports to plain ONNX ops and runs on torch 1.13
            att = torch.softmax((q @ k.transpose(-1, -2)) / math.sqrt(self.head_dim), dim=-1)
            out = att @ v
        return self.o_proj(out.transpose(1, 2).reshape(B, S, D))


class GridConv(nn.Module):
    """Mixes each grid cell with its 8 neighbours: a 3x3 convolution over the puzzle's square, so
    information travels one cell per layer and the recursion supplies the depth a route needs. The
    prefix positions get the grid's mean, so the halting head (position 0) sees the whole grid.
    The weights fit any square, so a model may train on small squares and run on the app's 30x30."""

    def __init__(self, hidden: int):
        super().__init__()
        self.conv = nn.Conv2d(hidden, hidden, 3, padding=1, bias=False)
        fan_in = hidden * 9
        nn.init.trunc_normal_(self.conv.weight, std=1.0 / math.sqrt(fan_in), a=-2.0 / math.sqrt(fan_in),
                              b=2.0 / math.sqrt(fan_in))

    def forward(self, h):
        B, S, D = h.shape
        side = math.isqrt(S - PREFIX)
        grid = h[:, PREFIX:].transpose(1, 2).reshape(B, D, side, side)
        mixed = self.conv(grid).flatten(2).transpose(1, 2)  # [B, L, D]
        return torch.cat([mixed.mean(1, keepdim=True).expand(B, PREFIX, D), mixed], dim=1)


class Block(nn.Module):
    """Post-norm block: h = rms(h + mix(h)); h = rms(h + swiglu(h))."""

    def __init__(self, cfg: TRMConfig):
        super().__init__()
        self.variant = cfg.variant
        if cfg.variant == "attention":
            self.self_attn = Attention(cfg.hidden, cfg.heads)
        elif cfg.variant == "conv":
            self.grid_conv = GridConv(cfg.hidden)
        else:  # mixes along the sequence axis; its width is the state length
            self.mlp_t = SwiGLU(cfg.state_len, cfg.expansion)
        self.mlp = SwiGLU(cfg.hidden, cfg.expansion)

    def forward(self, h, cos=None, sin=None):
        if self.variant == "attention":
            h = rms_norm(h + self.self_attn(h, cos, sin))
        elif self.variant == "conv":
            h = rms_norm(h + self.grid_conv(h))
        else:  # SwiGLU across positions, then RMSNorm over the sequence axis (official mlp_t)
            B, S, D = h.shape
            mixed = self.mlp_t(h.transpose(0, 1).reshape(S, B * D), features_first=True)
            h = rms_norm(h + mixed.view(S, B, D).transpose(0, 1), dim=1)
        return rms_norm(h + self.mlp(h))


class ReasoningModule(nn.Module):
    def __init__(self, cfg: TRMConfig):
        super().__init__()
        self.layers = nn.ModuleList(Block(cfg) for _ in range(cfg.layers))

    def forward(self, h, injection, cos=None, sin=None):
        h = h + injection
        for layer in self.layers:
            h = layer(h, cos, sin)
        return h


class TokenEmbedding(nn.Module):
    # own class only so the parameter is named `embedding_weight` like the official checkpoint
    def __init__(self, vocab: int, hidden: int):
        super().__init__()
        std = 1.0 / math.sqrt(hidden)
        self.embedding_weight = nn.Parameter(nn.init.trunc_normal_(torch.empty(vocab, hidden), std=std,
                                                                   a=-2 * std, b=2 * std))


class PuzzleEmbedding(nn.Module):
    def __init__(self, ids: int, hidden: int):
        super().__init__()
        self.weights = nn.Parameter(torch.zeros(ids, hidden))  # official init: zeros


class TRM(nn.Module):
    def __init__(self, cfg: TRMConfig):
        super().__init__()
        self.cfg = cfg
        D = cfg.hidden
        self.embed_scale = math.sqrt(D)
        self.embed_tokens = TokenEmbedding(cfg.vocab, D)
        self.puzzle_emb = PuzzleEmbedding(cfg.puzzle_ids, D)
        self.L_level = ReasoningModule(cfg)
        self.lm_head = lecun_linear(D, cfg.vocab)
        self.q_head = nn.Linear(D, 2)
        with torch.no_grad():  # start far from halting so early training is not cut short
            self.q_head.weight.zero_()
            self.q_head.bias.fill_(-5.0)
        # fixed, never-trained initial states; buffers so they are saved and exported as constants
        self.register_buffer("H_init", nn.init.trunc_normal_(torch.empty(D), std=1.0, a=-2.0, b=2.0))
        self.register_buffer("L_init", nn.init.trunc_normal_(torch.empty(D), std=1.0, a=-2.0, b=2.0))
        if cfg.variant == "attention":
            hd = D // cfg.heads
            inv_freq = 1.0 / (10000 ** (torch.arange(0, hd, 2).float() / hd))
            freqs = torch.outer(torch.arange(cfg.state_len).float(), inv_freq)
            emb = torch.cat((freqs, freqs), dim=-1)[:, None, :]  # [S, 1, hd], broadcasts over heads
            self.register_buffer("rope_cos", emb.cos(), persistent=False)
            self.register_buffer("rope_sin", emb.sin(), persistent=False)
        else:
            self.rope_cos = self.rope_sin = None

    def embed(self, tokens, puzzle_id=None):
        B = tokens.shape[0]
        x = F.embedding(tokens, self.embed_tokens.embedding_weight)
        if puzzle_id is None:
            pe = self.puzzle_emb.weights[:1].expand(B, -1)
        else:
            pe = F.embedding(puzzle_id, self.puzzle_emb.weights)
        prefix = torch.cat([pe[:, None, :], pe.new_zeros(B, PREFIX - 1, self.cfg.hidden)], dim=1)
        return self.embed_scale * torch.cat([prefix, x.to(pe.dtype)], dim=1)

    def initial_state(self, batch: int):
        S, D = self.cfg.state_len, self.cfg.hidden
        return self.H_init.expand(batch, S, D).clone(), self.L_init.expand(batch, S, D).clone()

    def forward(self, tokens, y, z, reset, puzzle_id=None):
        """One supervision step. Returns (y_next, z_next, logits [B,L,V], q_halt [B]).

        Rows with reset=True start from H_init / L_init (the official carry reset), so callers
        may pass anything (e.g. zeros) for them.
        """
        r = reset.view(-1, 1, 1)
        y = torch.where(r, self.H_init.to(y.dtype), y)
        z = torch.where(r, self.L_init.to(z.dtype), z)
        x = self.embed(tokens, puzzle_id)
        net = lambda h, inj: self.L_level(h, inj, self.rope_cos, self.rope_sin)
        # only the last answer update carries gradient (the paper's 1-step-free recursion)
        with torch.no_grad():
            for _ in range(self.cfg.T - 1):
                for _ in range(self.cfg.n):
                    z = net(z, y + x)
                y = net(y, z)
        for _ in range(self.cfg.n):
            z = net(z, y + x)
        y = net(y, z)
        logits = self.lm_head(y)[:, PREFIX:].float()
        q_halt = self.q_head(y[:, 0]).float()[:, 0]
        return y.detach(), z.detach(), logits, q_halt


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
