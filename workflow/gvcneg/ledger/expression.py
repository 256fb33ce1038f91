"""The published closed forms of ``targets/*.yaml`` (``kind: expression``), read with a
restricted grammar and never evaluated as Python.

``sympy.sympify`` of a string runs ``eval`` on it, so a targets file could run any code
(``__import__('os').system(...)``). A target expression is a formula, nothing more:

    expression := number | name | expression OP expression | -expression | +expression
                  | function(expression, ...) | (expression)
    OP         := + - * / ** ^
    function   := one of FUNCTIONS (exp, log, sqrt, abs, min, max, ...)
    name       := a symbol given a value in the target's ``at`` mapping (or ``pi``, ``e``)

Anything else (attributes, subscripts, calls of other names, keywords, strings, lambdas,
comparisons, ...) is refused with :class:`ExpressionError`, before any value is computed.
The text is parsed by :mod:`ast` (``mode="eval"``), which only builds a tree; the tree is
walked here with exact node types. ``^`` is read as a power (``**``), as in the documents.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Mapping

FUNCTIONS = {
    "exp": math.exp,
    "log": math.log,
    "ln": math.log,
    "log10": math.log10,
    "sqrt": math.sqrt,
    "abs": abs,
    "min": min,
    "max": max,
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
}
CONSTANTS = {"pi": math.pi, "E": math.e}
_BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}
MAX_LENGTH = 500


class ExpressionError(ValueError):
    """A target expression outside the grammar, or without values for its names."""


def parse(text: str) -> ast.Expression:
    """The syntax tree of ``text`` if it is inside the grammar; :class:`ExpressionError`
    naming the first construct that is not."""
    if not isinstance(text, str) or not text.strip():
        raise ExpressionError("an expression must be a non-empty string")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"expression longer than {MAX_LENGTH} characters")
    try:
        # "^" is a power in a document's formula; as Python's xor it would bind more loosely
        # than "+" (2^3 + 1 = 2^4), so it is read as "**" before parsing
        tree = ast.parse(text.strip().replace("^", "**"), mode="eval")
    except SyntaxError as err:
        raise ExpressionError(f"not a formula ({err.msg})") from None
    _check(tree.body)
    return tree


def names(text: str) -> set[str]:
    """The free names (symbols) of an expression: what its ``at`` mapping must give."""
    tree = parse(text)
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    return {
        n.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Name) and id(n) not in called and n.id not in CONSTANTS
    }


def evaluate(text: str, at: Mapping[str, float]) -> float:
    """The value of the expression with the names bound by ``at``."""
    tree = parse(text)
    missing = names(text) - set(at)
    if missing:
        raise ExpressionError(f"expression {text!r} needs values for {sorted(missing)}")
    return float(_value(tree.body, {**CONSTANTS, **at}))


def _check(node: ast.AST) -> None:
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise ExpressionError(f"only numbers are allowed as constants, not {node.value!r}")
    elif isinstance(node, ast.Name):
        if node.id.startswith("_"):
            raise ExpressionError(f"name {node.id!r} is not allowed")
    elif isinstance(node, ast.BinOp):
        if type(node.op) not in _BINARY:
            raise ExpressionError(f"operator {type(node.op).__name__} is not allowed")
        _check(node.left)
        _check(node.right)
    elif isinstance(node, ast.UnaryOp):
        if type(node.op) not in _UNARY:
            raise ExpressionError(f"operator {type(node.op).__name__} is not allowed")
        _check(node.operand)
    elif isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            shown = node.func.id if isinstance(node.func, ast.Name) else ast.unparse(node.func)
            raise ExpressionError(
                f"function {shown!r} is not allowed; allowed: {', '.join(sorted(FUNCTIONS))}"
            )
        if node.keywords or not node.args:
            raise ExpressionError(f"{node.func.id}() takes positional arguments only")
        for arg in node.args:
            _check(arg)
    else:
        raise ExpressionError(
            f"{type(node).__name__} ({ast.unparse(node)!r}) is not allowed in a formula: "
            "numbers, names, + - * / ** ^, parentheses and "
            f"{', '.join(sorted(FUNCTIONS))} only"
        )


def _value(node: ast.AST, at: Mapping[str, float]) -> float:
    if isinstance(node, ast.Constant):
        return float(node.value)  # floats: 9**9**9 overflows at once instead of running on
    if isinstance(node, ast.Name):
        return float(at[node.id])
    if isinstance(node, ast.BinOp):
        return _BINARY[type(node.op)](_value(node.left, at), _value(node.right, at))
    if isinstance(node, ast.UnaryOp):
        return _UNARY[type(node.op)](_value(node.operand, at))
    if isinstance(node, ast.Call):
        return FUNCTIONS[node.func.id](*(_value(a, at) for a in node.args))
    raise ExpressionError(f"unexpected {type(node).__name__}")  # _check refused it already
