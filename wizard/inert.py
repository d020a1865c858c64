"""Text read from a file is data: shown, never obeyed.

A record, a feedback file or a file name may come from a teammate's clone, or from anyone who
can write to the shared folder. Escape sequences in it could clear the screen, retitle the
window, write the clipboard (OSC 52) or hide text; bidi controls could show "exe.gpj" as
"jpg.exe"; a newline could fake a line of output; Markdown or HTML in a name could become a
heading, a link or a tag in an export. So every piece of stored text passes one of these on its
way out, and the file keeps the exact text:

- `inert` for the terminal and the screens: control characters become visible (ESC as ␛, a
  newline as ␊, C1 controls, bidi controls and line separators as \\x9b, \\u202e ...);
- `markdown` for Markdown: `inert`, then Markdown and HTML made literal;
- `json_dumps` for --json (and `unicode_escaped` for `show --format toml`): the exact text, with
  the characters that break line-based readers or terminals (U+2028, U+2029, U+0085, DEL, C1,
  bidi controls) written as \\u escapes, which both formats read back as the same text.
"""

from __future__ import annotations

import re

_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_SEPARATORS = (0x2028, 0x2029)

# What `inert` changes: C0 controls as control pictures (␛, ␊, ...), DEL as ␡, the rest escaped.
_INERT = {code: chr(0x2400 + code) for code in range(0x20)}
_INERT[0x7F] = "\u2421"
_INERT.update({code: f"\\x{code:02x}" for code in range(0x80, 0xA0)})
_INERT.update({code: f"\\u{code:04x}" for code in (*_BIDI, *_SEPARATORS)})
_INERT.update({code: f"\\u{code:04x}" for code in range(0xD800, 0xE000)})  # bytes that were not UTF-8

# What JSON leaves raw although it may not be shown raw (json.dumps escapes the C0 controls).
_JSON = {code: f"\\u{code:04x}" for code in (0x7F, *range(0x80, 0xA0), *_BIDI, *_SEPARATORS)}
_JSON.update({code: f"\\u{code:04x}" for code in range(0xD800, 0xE000)})


def inert(text: str) -> str:
    """`text` with every control, bidi control and line separator shown as a visible escape."""
    if text.isprintable():  # the common case, checked in C
        return text
    return text.translate(_INERT)


def unless_unchanged(edited: str, stored: str) -> str:
    """What to keep after a stored text was offered for editing as `inert(stored)`: the stored
    text itself when the edit left it as shown, so opening and confirming changes nothing."""
    return stored if edited.strip() == inert(stored).strip() else edited


def inert_lines(text: str) -> str:
    """Like `inert`, keeping line breaks: for multi-line text shown on its own, as a note."""
    return "\n".join(inert(line) for line in text.replace("\r\n", "\n").split("\n"))


# Markdown: what CommonMark (and GitHub's flavour) reads as inline syntax anywhere in a line:
# emphasis, code, links and images, HTML and autolinks, tables, strikethrough, entities. At the
# start of a text (which may start a list item's content) also what opens a block: a heading,
# a list, a quote. Newlines never reach it (inert shows them as ␊), so a text cannot leave its
# line, table cell or list item.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_LEADING = re.compile(r"^(\s*)(?:([#+\-=])|(\d+)([.)]))")


def markdown(text: str) -> str:
    """Text for a Markdown document: inert, one line, and never markup (heading, link, HTML)."""
    text = _INLINE.sub(r"\\\1", inert(text))
    return _LEADING.sub(lambda m: m[1] + (f"\\{m[2]}" if m[2] else f"{m[3]}\\{m[4]}"), text, count=1)


_PIPE = re.compile(r"(?<!\\)\|")


def table_cell(text: str) -> str:
    """Text for a Markdown table cell: a pipe that is not escaped yet (stored text passed
    `markdown` already) would end the cell, and a line break would end the row."""
    return _PIPE.sub(r"\\|", text).replace("\n", " ")


def unicode_escaped(serialised: str) -> str:
    """JSON from json.dumps(..., ensure_ascii=False), or TOML from tomli_w, safe for line-based
    readers and terminals: the characters both leave raw are written as \\u escapes (they occur
    only inside quoted strings, where both formats read the escape back as the character)."""
    if serialised.isascii():
        return serialised
    return serialised.translate(_JSON)


def json_dumps(data: object, **options: object) -> str:
    import json

    return unicode_escaped(json.dumps(data, ensure_ascii=False, **options))
