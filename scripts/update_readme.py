"""Rewrite the generated schema table in README.md from graph/schema.py."""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from graph.schema import markdown_table  # noqa: E402


def render(readme: str) -> str:
    return re.sub(r"<!-- schema:start -->.*?<!-- schema:end -->",
                  lambda _: f"<!-- schema:start -->\n{markdown_table()}\n<!-- schema:end -->", readme, flags=re.S)


if __name__ == "__main__":
    p = ROOT / "README.md"
    p.write_text(render(p.read_text(encoding="utf-8")), encoding="utf-8")
