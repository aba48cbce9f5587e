"""Compares style sheets with their minified copies token by token, with tinycss2.

Whitespace and comments are ignored, as are the changes the minifier is allowed to make: a `;` before `}` or after
another `;`, a zero length written without its unit, hex colours in any case and short form, numbers compared by
value. Usage: css_tokens.py pairs.json  (a list of [original, minified]); prints one line per difference.
"""
import json
import sys

import tinycss2

LENGTHS = {"px", "em", "rem", "ex", "ch", "vw", "vh", "vmin", "vmax", "cm", "mm", "in", "pt", "pc", "q"}


def flatten(nodes, out, an_plus_b=False):
    for node in nodes:
        kind = node.type
        if kind in ("whitespace", "comment"):
            continue
        if kind in ("() block", "[] block", "{} block"):
            out.append(kind[0])
            flatten(node.content, out)
            out.append(kind[1])
        elif kind == "function":
            out.append(("function", node.lower_name))
            flatten(node.arguments, out, node.lower_name.startswith("nth-"))
            out.append(")")
        elif kind == "dimension" and node.value == 0 and node.lower_unit in LENGTHS:
            out.append(("number", 0))
        elif kind == "dimension":
            out.append(("dimension", node.value, node.is_integer, node.lower_unit))
        elif kind == "number" and an_plus_b and node.representation[0] in "+-":
            # `:nth-child(n + 3)` and `:nth-child(n+3)` are the same An+B, tokenized differently.
            out.append(("literal", node.representation[0]))
            out.append((kind, abs(node.value), node.is_integer))
        elif kind in ("number", "percentage"):
            out.append((kind, node.value, node.is_integer))
        elif kind == "hash":
            value = node.value.lower()
            if len(value) in (3, 4) and all(c in "0123456789abcdef" for c in value):
                value = "".join(c * 2 for c in value)
            out.append(("hash", value))
        elif kind == "error":
            out.append(("error", node.kind))
        else:
            out.append((kind, getattr(node, "value", None)))
    return out


def normalized(text):
    tokens = flatten(tinycss2.parse_component_value_list(text, skip_comments=True), [])
    result = []
    for token in tokens:
        if token == ("literal", ";") and (not result or result[-1] in ("{", ("literal", ";"))):
            continue
        if token == "}" and result and result[-1] == ("literal", ";"):
            result.pop()
        result.append(token)
    return result


def main():
    failures = 0
    pairs = json.load(open(sys.argv[1]))
    for original, minified in pairs:
        a = normalized(open(original, encoding="utf-8").read())
        b = normalized(open(minified, encoding="utf-8").read())
        if a != b:
            failures += 1
            first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            print(f"{original}: token {first} differs: {a[first:first + 4]} != {b[first:first + 4]}")
    print(f"compared {len(pairs)} style sheets, {failures} different")
    sys.exit(1 if failures else 0)


main()
