"""Rebuild NotoSansSC-Regular-GB2312.ttf from the full Noto Sans SC Regular TTF.

Why a subset: resvg re-reads the font for every text element, so a 10.5 MB font costs
~17 ms per label; this 2.4 MB subset keeps chart rendering under the 1 s budget.

Usage (Debian: apt-get install python3-fonttools):
  npm pack @expo-google-fonts/noto-sans-sc@0.4.3 && tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz
  /usr/bin/python3 assets/fonts/make-subset.py package/400Regular/NotoSansSC_400Regular.ttf
"""

import sys
from pathlib import Path

from fontTools import subset


def coverage() -> str:
    """GB2312 (all 6,763 hanzi and its symbols) plus Latin, punctuation, arrows and full-width forms."""
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for start, end in [
        (0x20, 0x250),  # ASCII, Latin-1, Latin Extended-A/B
        (0x2000, 0x2070),  # general punctuation (– — … ‰)
        (0x2190, 0x2300),  # arrows, math operators (≤ ≥ ×)
        (0x3000, 0x3040),  # CJK symbols and punctuation
        (0xFF00, 0xFFF0),  # full-width forms (（ ） ￥ ，)
    ]:
        chars.update(chr(c) for c in range(start, end))
    chars.add("\u20ac")  # €
    return "".join(sorted(chars))


def main() -> None:
    source = sys.argv[1]
    target = Path(__file__).with_name("NotoSansSC-Regular-GB2312.ttf")
    options = subset.Options()
    options.hinting = False
    font = subset.load_font(source, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=coverage())
    subsetter.subset(font)
    subset.save_font(font, str(target), options)
    print(f"wrote {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
