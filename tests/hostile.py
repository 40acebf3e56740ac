"""Hostile text every participant field must take: markup, script, emoji, right-to-left, long, control characters."""

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "Team 🔧🚗 \u202eesrever\u202c",
    "שלום עולם",
    "x" * 10_000,
    "a\x00b\x1bc",
]
