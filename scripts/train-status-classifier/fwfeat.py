"""Feature extraction, scoring and removal policy for the learned firewall prototype.

Everything here is deterministic and specified so a Swift port can reproduce it bit for bit;
SPEC.md documents the same steps in prose.  Pure Python + numpy (no sklearn needed at inference).
"""
import json
import math
import re
import struct
import unicodedata

import numpy as np

HASH_SHIFT = 18            # the xor-fold of the 32-bit hash (SPEC.md §5, unchanged)
HASH_BITS = 16             # shipped table: 2^16 slots per head (the prototype had 18)
DIM = 1 << HASH_BITS
MASK = DIM - 1
NMIN, NMAX = 2, 5          # character n-gram sizes (Unicode scalars, on the padded token)
WIN = 3                    # bag-of-n-grams window: tokens i-3 .. i+3 (7 tokens)
# feature groups (one tag byte each, hashed before the n-gram bytes)
G_CENTER, G_PREV, G_NEXT, G_BAG = 0x43, 0x50, 0x4E, 0x42   # 'C', 'P', 'N', 'B'
GROUPS = (G_CENTER, G_PREV, G_NEXT, G_BAG)
MARKER = "[removed]"
SENT_END = set(".!?\u0964\u0965\u061f\u3002\uff01\uff1f\u104b\u17d4\u1362\n")

FNV_OFFSET, FNV_PRIME = 0x811C9DC5, 0x01000193


def fnv1a32(data: bytes, h: int = FNV_OFFSET) -> int:
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & 0xFFFFFFFF
    return h


def feat_index(group: int, gram: str) -> int:
    """FNV-1a 32 over [group byte] + UTF-8(gram); index = ((h >> 18) ^ h) & (2^16 - 1), i.e. the
    prototype's 18-bit index with its top two bits dropped."""
    h = fnv1a32(gram.encode("utf-8"), fnv1a32(bytes([group])))
    return ((h >> HASH_SHIFT) ^ h) & MASK


# ---------------------------------------------------------------- normalisation
def normalize_token(tok: str) -> str:
    """NFKC, lowercase, strip Latin/Greek/Cyrillic combining accents (U+0300-U+036F), NFC,
    every Unicode decimal digit (category Nd) -> '0'."""
    s = unicodedata.normalize("NFKC", tok).lower()
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not (0x300 <= ord(c) <= 0x36F))
    s = unicodedata.normalize("NFC", s)
    return "".join("0" if unicodedata.category(c) == "Nd" else c for c in s)


# ---------------------------------------------------------------- tokenisation
def _is_word(c):
    cat = unicodedata.category(c)
    return cat[0] in "LMN" or c == "_"


def _nospace_chunk(c):
    """Chunk length for scripts written without spaces (0 = normal script)."""
    o = ord(c)
    if 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF:
        return 3   # Han / kana
    if 0x0E00 <= o <= 0x0EFF or 0x1000 <= o <= 0x109F or 0x1780 <= o <= 0x17FF:
        return 6   # Thai, Lao, Myanmar, Khmer
    return 0


JOINERS = set("-'\u2019./:")


def tokenize(text):
    """Return list of (start, end, is_word) over Unicode scalar offsets of `text`.

    word token: maximal run of letters/marks/numbers/'_' , also joined across a single
    joiner char (- ' ’ . / :) when a word char follows; then, if it contains a no-space
    script char and is longer than 2*chunk scalars, cut into pieces of `chunk` scalars
    (a cut never lands before a combining mark, category M*).  Every other non-space
    char is its own non-word token."""
    toks = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if _is_word(c):
            j = i + 1
            while j < n:
                if _is_word(text[j]):
                    j += 1
                elif text[j] in JOINERS and j + 1 < n and _is_word(text[j + 1]):
                    j += 2
                else:
                    break
            chunk = 0
            for k in range(i, j):
                chunk = _nospace_chunk(text[k])
                if chunk:
                    break
            if chunk and j - i > 2 * chunk:
                s = i
                while s < j:
                    e = min(s + chunk, j)
                    while e < j and unicodedata.category(text[e])[0] == "M":
                        e += 1
                    if j - e < chunk // 2 + 1:   # do not leave a tiny tail
                        e = j
                    toks.append((s, e, True))
                    s = e
            else:
                toks.append((i, j, True))
            i = j
        else:
            toks.append((i, i + 1, False))
            i += 1
    return toks


def token_grams(norm: str):
    """n-grams (2..5 scalars) of ' '+norm+' ', plus the whole padded token when longer than 5."""
    s = " " + norm + " "
    out = []
    L = len(s)
    for n in range(NMIN, NMAX + 1):
        for k in range(0, L - n + 1):
            out.append(s[k:k + n])
    if L > NMAX:
        out.append(s)
    return out


# ---------------------------------------------------------------- transliteration (FWLM0003)
# Scripts other than Latin also give the n-grams of their Latin transliteration, so that a word
# learned in one script is known in another and in Latin letters ("वीज़ा", "ভিসা", "ቪዛ", "bhisa"):
# the learned stage's reach across the scripts and romanisations its training text holds few of.
# Per scalar (no context), from the anyascii package, for letters and marks in U+0370-U+1DFF
# (Greek to Khmer, Ethiopic and Mongolian); Han, kana and Hangul are left out: a syllable's pinyin
# is shared by too many characters to say anything. export_swift.py writes the same table for Swift.
TRANSLIT_RANGE = (0x0370, 0x1DFF)
_TRANSLIT = None


def translit_table():
    global _TRANSLIT
    if _TRANSLIT is None:
        from anyascii import anyascii
        t = {}
        for c in range(TRANSLIT_RANGE[0], TRANSLIT_RANGE[1] + 1):
            ch = chr(c)
            if unicodedata.category(ch)[0] in "LM":
                t[ch] = anyascii(ch).lower()
        _TRANSLIT = t
    return _TRANSLIT


def transliterate(norm: str):
    """The token's transliteration, or None when it has no scalar the table maps or the result is
    empty or the same."""
    table = translit_table()
    if not any(c in table for c in norm):
        return None
    out = "".join(table.get(c, c) for c in norm)
    return out if out and out != norm else None


def token_hashes(norm: str):
    """dict group -> list of indices for this token in that group: the n-grams of the token, then
    those of its transliteration (if any)."""
    grams = token_grams(norm)
    tr = transliterate(norm)
    if tr is not None:
        grams = grams + token_grams(tr)
    return {g: [feat_index(g, x) for x in grams] for g in GROUPS}


def window_features(hashes, i):
    """Features for centre token i: list of (group, [indices]) in canonical order.
    Centre: token i (group C). Prev/Next: nearest tokens i-1/i+1 (groups P/N), absent at edges.
    Bag: tokens i-WIN..i+WIN except i (group B).  Tokens here are all tokens of the piece
    (word and non-word)."""
    n = len(hashes)
    feats = [(G_CENTER, hashes[i][G_CENTER])]
    if i > 0:
        feats.append((G_PREV, hashes[i - 1][G_PREV]))
    if i + 1 < n:
        feats.append((G_NEXT, hashes[i + 1][G_NEXT]))
    bag = []
    for j in range(max(0, i - WIN), min(n, i + WIN + 1)):
        if j != i:
            bag.extend(hashes[j][G_BAG])
    if bag:
        feats.append((G_BAG, bag))
    return feats


def piece_tokens(text):
    """Tokens with their normalised forms and hashes."""
    toks = tokenize(text)
    norms = [normalize_token(text[s:e]) for s, e, _ in toks]
    hashes = [token_hashes(x) for x in norms]
    return toks, norms, hashes


# ---------------------------------------------------------------- model
class Model:
    """Two linear heads over the same hashed features: 'remove' and 'keep'.
    Weights are int8 tables q[head][DIM]; a group's contribution is
    (sum of q over its indices, with repetition) * scale[head] / sqrt(count);
    logit = bias[head] + sum over groups; p = 1/(1+exp(-logit))."""

    def __init__(self, q, scale, bias, policy):
        self.q = q                  # np.int8 array shape (2, DIM)
        self.scale = scale          # list of 2 floats
        self.bias = bias            # list of 2 floats
        self.policy = policy        # dict

    @staticmethod
    def from_float(W, b, policy):
        q = np.zeros((2, DIM), dtype=np.int8)
        scale = []
        for h in range(2):
            m = float(np.max(np.abs(W[h]))) or 1.0
            s = m / 127.0
            q[h] = np.clip(np.round(W[h] / s), -127, 127).astype(np.int8)
            scale.append(s)
        return Model(q, scale, [float(b[0]), float(b[1])], policy)

    def logits(self, feats):
        out = []
        for h in range(2):
            z = self.bias[h]
            for g, idx in feats:
                acc = int(self.q[h][idx].astype(np.int64).sum())
                z += acc * self.scale[h] / math.sqrt(len(idx))
            out.append(z)
        return out

    # binary format FWLM0003: as FWLM0001 in SPEC.md, but hash_bits = 16, int8 weights, and the
    # transliteration's n-grams (FWLM0002 is the same without them)
    def save(self, path):
        pol = json.dumps(self.policy, sort_keys=True).encode()
        with open(path, "wb") as f:
            f.write(b"FWLM0003")
            f.write(struct.pack("<IIIII", HASH_BITS, NMIN, NMAX, WIN, 2))
            f.write(struct.pack("<dddd", self.scale[0], self.bias[0], self.scale[1], self.bias[1]))
            f.write(struct.pack("<I", len(pol)))
            f.write(pol)
            f.write(self.q.astype("i1").tobytes())

    @staticmethod
    def load(path):
        with open(path, "rb") as f:
            data = f.read()
        assert data[:8] == b"FWLM0003", "FWLM0002 files (no transliteration) are read by the Swift side only"
        hb, nmin, nmax, win, heads = struct.unpack_from("<IIIII", data, 8)
        assert (hb, nmin, nmax, win, heads) == (HASH_BITS, NMIN, NMAX, WIN, 2)
        s0, b0, s1, b1 = struct.unpack_from("<dddd", data, 28)
        (pl,) = struct.unpack_from("<I", data, 60)
        pol = json.loads(data[64:64 + pl])
        q = np.frombuffer(data, dtype="i1", offset=64 + pl, count=2 * DIM).reshape(2, DIM).astype(np.int8)
        return Model(q, [s0, s1], [b0, b1], pol)


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


# ---------------------------------------------------------------- removal policy
def decide(toks, text, pr, pk, policy):
    """Given per-token P(remove) pr and P(keep) pk (None for non-word tokens), return the list
    of (start, end) char ranges to replace by the marker.
    1. a word token is flagged if pr >= t and (pk < veto or pr >= t_sure);
    2. flagged word tokens separated by at most `gap` unflagged word tokens (and no sentence-end
       punctuation) are merged into one run; the gap tokens are only bridged if they are not
       keep-like (pk < veto);
    3. a run of fewer than `min_run` word tokens is dropped unless its max pr >= t_sure.
    """
    t, veto, t_sure = policy["t"], policy["veto"], policy["t_sure"]
    gap, min_run = policy["gap"], policy["min_run"]
    words = [i for i, tk in enumerate(toks) if tk[2]]
    flag = {}
    for i in words:
        flag[i] = pr[i] >= t and (pk[i] < veto or pr[i] >= t_sure)
    runs, cur, pending = [], None, []
    for i, tk in enumerate(toks):
        if not tk[2]:
            if text[tk[0]] in SENT_END and cur is not None:
                runs.append(cur)
                cur, pending = None, []
            continue
        if flag[i]:
            if cur is None:
                cur = [i, i, 1, pr[i]]
            else:
                cur[1] = i
                cur[2] += 1 + len(pending)
                cur[3] = max(cur[3], pr[i])
            pending = []
        elif cur is not None:
            pending.append(i)
            if len(pending) > gap or pk[i] >= veto:
                runs.append(cur)
                cur, pending = None, []
    if cur is not None:
        runs.append(cur)
    out = []
    for a, b, nw, mx in runs:
        if nw < min_run and mx < t_sure:
            continue
        out.append((toks[a][0], toks[b][1]))
    return out


def score_piece(model, text):
    toks, norms, hashes = piece_tokens(text)
    pr, pk = [None] * len(toks), [None] * len(toks)
    for i, tk in enumerate(toks):
        if tk[2]:
            lr, lk = model.logits(window_features(hashes, i))
            pr[i], pk[i] = sigmoid(lr), sigmoid(lk)
    return toks, pr, pk


def apply_ranges(text, ranges):
    out, last = [], 0
    for s, e in ranges:
        out.append(text[last:s])
        out.append(MARKER)
        last = e
    out.append(text[last:])
    return "".join(out)


def redact_with_probs(text, toks, pr, pk, policy):
    return apply_ranges(text, decide(toks, text, pr, pk, policy))


def redact(model, text, policy=None):
    """Classifier removal on `text`; existing markers are hard boundaries (pieces scored apart)."""
    policy = policy or model.policy
    parts = text.split(MARKER)
    res = []
    for p in parts:
        if p.strip():
            toks, pr, pk = score_piece(model, p)
            res.append(redact_with_probs(p, toks, pr, pk, policy))
        else:
            res.append(p)
    return MARKER.join(res)
