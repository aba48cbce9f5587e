"""Compares HTML documents with their minified copies as DOM trees, with html5lib.

Allowed differences: comments, whitespace-only text nodes and the length of whitespace runs inside text (text is
compared with runs collapsed to one space and trimmed), except inside pre and textarea, where text must be exact.
Attributes are compared as dictionaries, with the minifier's allowed changes undone (boolean attributes written
bare, default `type`s dropped). The content of script and style is not compared here (the JS and CSS checks cover
it). A last check compares the text a reader sees: all text, with a space at block boundaries, collapsed.
Usage: html_dom.py pairs.json  (a list of [original, minified]); prints one line per difference.
"""
import json
import re
import sys

import html5lib

BOOLEAN = {"allowfullscreen", "async", "autofocus", "autoplay", "checked", "controls", "default", "defer", "disabled",
           "formnovalidate", "hidden", "inert", "ismap", "itemscope", "loop", "multiple", "muted", "nomodule",
           "novalidate", "open", "playsinline", "readonly", "required", "reversed", "selected"}
BLOCKS = {"html", "head", "body", "address", "article", "aside", "blockquote", "br", "caption", "center", "col",
          "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
          "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main",
          "menu", "nav", "ol", "optgroup", "option", "p", "pre", "section", "summary", "table", "tbody", "td",
          "tfoot", "th", "thead", "title", "tr", "ul", "search", "listing"}
EXACT = {"pre", "textarea", "listing"}
SPACE = re.compile(r"[ \t\n\r\f]+")


def local(tag):
    return tag.split("}")[-1]


def attributes(element):
    name = local(element.tag)
    result = {}
    for key, value in element.attrib.items():
        key = local(key) if isinstance(key, str) else key[1]
        if key in BOOLEAN and value.lower() == key:
            value = ""
        if key == "type" and ((name == "script" and value.strip().lower() in ("text/javascript", "application/javascript"))
                              or (name in ("style", "link") and value.strip().lower() == "text/css")):
            continue
        result[key] = value
    return result


def describe(element, exact=False):
    """A nested list: the element's name and attributes, then its children and (non-blank) text pieces."""
    name = local(element.tag) if isinstance(element.tag, str) else "#comment"
    exact = exact or name in EXACT
    out = [name, attributes(element)]

    def text(value):
        if value is None:
            return
        if exact:
            out.append(value)
        elif value.strip(" \t\n\r\f"):
            out.append(SPACE.sub(" ", value).strip(" "))

    if name not in ("script", "style"):
        text(element.text)
    for child in element:
        if isinstance(child.tag, str):
            out.append(describe(child, exact))
        if name not in ("script", "style"):
            text(child.tail)
    return out


def visible_text(element, pieces):
    name = local(element.tag) if isinstance(element.tag, str) else None
    if name is None or name in ("script", "style", "template", "head"):
        return
    if name in BLOCKS:
        pieces.append(" ")
    pieces.append(element.text or "")
    for child in element:
        visible_text(child, pieces)
        pieces.append(child.tail or "")
    if name in BLOCKS:
        pieces.append(" ")


def parse(path):
    with open(path, "rb") as handle:
        return html5lib.parse(handle.read(), namespaceHTMLElements=False)


def without_comments(element):
    for child in list(element):
        if not isinstance(child.tag, str):
            tail = child.tail
            index = list(element).index(child)
            element.remove(child)
            if tail:
                if index == 0:
                    element.text = (element.text or "") + tail
                else:
                    previous = element[index - 1]
                    previous.tail = (previous.tail or "") + tail
        else:
            without_comments(child)
    return element


def main():
    failures = 0
    pairs = json.load(open(sys.argv[1]))
    for original, minified in pairs:
        a, b = without_comments(parse(original)), without_comments(parse(minified))
        if describe(a) != describe(b):
            failures += 1
            print(f"{original}: the DOM differs")
            continue
        ta, tb = [], []
        visible_text(a, ta)
        visible_text(b, tb)
        ta, tb = SPACE.sub(" ", "".join(ta)).strip(), SPACE.sub(" ", "".join(tb)).strip()
        if ta != tb:
            failures += 1
            first = next((i for i, (x, y) in enumerate(zip(ta, tb)) if x != y), min(len(ta), len(tb)))
            print(f"{original}: the visible text differs at {first}: {ta[first - 30:first + 30]!r} != {tb[first - 30:first + 30]!r}")
    print(f"compared {len(pairs)} documents, {failures} different")
    sys.exit(1 if failures else 0)


main()
