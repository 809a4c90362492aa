"""The character vocabulary of the learned models: special tokens, then one character a line.

Characters are folded to half width before lookup (a full-width ``１`` is ``1``); a character the
vocabulary lacks is ``[UNK]``. :func:`common_cjk` gives the 3,755 level-1 characters of GB 2312, so a
model built from a modest training set still knows the common characters it never saw.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from prereview.understanding.normalize import fold_width

PAD, UNK, CLS, SEP = "[PAD]", "[UNK]", "[CLS]", "[SEP]"
SPECIALS = (PAD, UNK, CLS, SEP)


def common_cjk() -> list[str]:
    """GB 2312 level-1 hanzi (rows 16–55), decoded from their code points: no list to download.

    >>> chars = common_cjk()
    >>> len(chars), chars[0], "张" in chars
    (3755, '啊', True)
    """
    chars = []
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            if row == 0xD7 and cell > 0xF9:
                break
            chars.append(bytes([row, cell]).decode("gb2312"))
    return chars


class Vocab:
    """Character ↔ id. Id 0 is padding, 1 unknown, 2 ``[CLS]``, 3 ``[SEP]``."""

    def __init__(self, tokens: list[str]) -> None:
        if tuple(tokens[: len(SPECIALS)]) != SPECIALS:
            raise ValueError(f"a vocabulary starts with {SPECIALS}")
        self.tokens = tokens
        self.index = {token: i for i, token in enumerate(tokens)}

    @classmethod
    def build(cls, texts: Iterable[str], extra: Iterable[str] = ()) -> Vocab:
        """Every character of ``texts`` and ``extra`` (folded, no blanks), sorted, after the specials.

        >>> Vocab.build(["张三", "ＡB"]).tokens[4:]
        ['A', 'B', '三', '张']
        """
        chars = {fold_width(c) for text in [*texts, *extra] for c in text if not c.isspace()}
        return cls([*SPECIALS, *sorted(chars - set(SPECIALS))])

    def encode(self, char: str) -> int:
        """The id of one character (``[UNK]`` when unknown).

        >>> vocab = Vocab.build(["张"])
        >>> vocab.encode("张"), vocab.encode("李")
        (4, 1)
        """
        return self.index.get(fold_width(char), 1)

    def __len__(self) -> int:
        return len(self.tokens)

    def save(self, path: Path) -> None:
        path.write_text("\n".join(self.tokens) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Vocab:
        return cls(path.read_text(encoding="utf-8").split("\n")[:-1])
