"""Chinese characters: which characters are, and traditional ones read as simplified, offset for offset, so
rules written in simplified characters (责任单位, 到2025年, the codebook's aliases) also match plans written in
traditional ones."""
from __future__ import annotations

from functools import lru_cache


def is_cjk(ch: str) -> bool:
    """A Chinese character (the unified ideographs and extension A)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


@lru_cache(maxsize=1)
def _converter():
    import opencc
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional → simplified characters with the same length (character by character where needed)."""
    cc = _converter()
    out = cc.convert(text)
    if len(out) == len(text):
        return out
    return "".join(c if len(c) == 1 else t for t, c in ((t, cc.convert(t)) for t in text))
