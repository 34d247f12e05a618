"""Readers: one file in, one document text out, kept exactly as read; every later offset points into it."""
from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import GovgraphError, slug

SUPPORTED = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class ReadError(GovgraphError):
    """A file that cannot be read; the message names the file and the fix."""


@dataclass
class Document:
    id: str
    name: str
    path: str
    format: str
    text: str
    sha256: str
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


def doc_id_for(path: Path) -> str:
    return "doc:" + slug(path.stem)


def max_bytes() -> int:
    try:
        return int(os.environ.get("GOVGRAPH_MAX_BYTES", DEFAULT_MAX_BYTES))
    except ValueError:
        return DEFAULT_MAX_BYTES


def read(path: str | Path) -> Document:
    """Read one supported file. Raises ReadError with a one-line message."""
    path = Path(path)
    fmt = SUPPORTED.get(path.suffix.lower())
    if fmt is None:
        raise ReadError(f"{path}: filtypen {path.suffix or '(ingen)'} stöds inte; "
                        f"använd .txt, .html, .htm, .pdf eller .docx")
    try:
        size = path.stat().st_size
        if size > max_bytes():
            raise ReadError(f"{path}: filen är {size / 1e6:.1f} MB, över gränsen {max_bytes() / 1e6:.0f} MB; "
                            f"höj gränsen med GOVGRAPH_MAX_BYTES om filen ska läsas")
        data = path.read_bytes()
    except OSError as e:
        if path.is_symlink():
            raise ReadError(f"{path}: är en länk som pekar på sig själv eller på en fil som inte finns; "
                            f"rätta eller ta bort länken") from None
        if path.is_dir():
            raise ReadError(f"{path}: är en mapp med filändelse; byt namn på mappen") from None
        raise ReadError(f"{path}: kan inte läsas ({e.strerror}); kontrollera sökvägen och behörigheten") from None
    if not data.strip():
        raise ReadError(f"{path}: filen är tom; ta bort den eller ersätt den med dokumentets text")
    warnings: list[str] = []
    encoding = None
    actual = sniff(data)
    if actual == "zip" and fmt == "docx":
        actual = "docx"  # a zip that is not Word inside: the Word reader says what is missing
    if actual in _OTHER_KINDS:
        raise ReadError(f"{path}: är {_OTHER_KINDS[actual]}, inte ett dokument som kan läsas; "
                        f"{_OTHER_FIXES.get(actual, 'spara dokumentet som PDF, Word (.docx), HTML eller text')}")
    if actual and actual != fmt and not (fmt == "html" and actual == "txt"):
        warnings.append(f"filändelsen {path.suffix} stämmer inte med innehållet; lästes som "
                        f"{_KIND_NAMES[actual]}. Byt filändelse till .{'txt' if actual == 'txt' else actual}")
        fmt = actual
    if fmt == "txt":
        text, encoding = _decode(data, path, warnings)
    elif fmt == "html":
        text, encoding = _html_text(data, path)
    elif fmt == "pdf":
        text = _pdf_text(data, path)
    else:
        text = _docx_text(data, path)
    if not text.strip():
        raise ReadError(f"{path}: ingen text hittades i filen; kontrollera att det är rätt dokument")
    shown = Path(os.fsencode(path).decode("utf-8", "replace"))  # a name in another encoding (an old zip's)
    if str(shown) != str(path):
        warnings.append(f"filnamnet är inte giltig UTF-8 och visas som {shown.name}; byt namn på filen")
        path = shown
    return Document(id=doc_id_for(path), name=path.name, path=str(path), format=fmt, text=text,
                    sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, warnings=warnings)


# What a file is by its first bytes, whatever its name says: formats read here, and others users drop by mistake
_MAGIC = [(b"%PDF-", "pdf"), (b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF8", "gif"),
          (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"), (b"{\\rtf", "rtf"),
          (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"), (b"\x1f\x8b", "gzip"), (b"7z\xbc\xaf\x27\x1c", "7z")]
_OTHER_KINDS = {"png": "en PNG-bild", "jpeg": "en JPEG-bild", "gif": "en GIF-bild", "tiff": "en TIFF-bild",
                "rtf": "ett RTF-dokument", "ole": "ett äldre Office-dokument (.doc/.xls)", "gzip": "ett gzip-arkiv",
                "7z": "ett 7z-arkiv", "zip": "ett zip-arkiv"}
_OTHER_FIXES = {"png": "en inskannad sida behöver OCR; spara den som sökbar PDF",
                "jpeg": "en inskannad sida behöver OCR; spara den som sökbar PDF",
                "tiff": "en inskannad sida behöver OCR; spara den som sökbar PDF",
                "rtf": "öppna och spara det som .docx eller PDF", "ole": "öppna och spara det som .docx",
                "gzip": "packa upp det först", "7z": "packa upp det först", "zip": "packa upp det först"}
_KIND_NAMES = {"pdf": "PDF", "docx": "Word (.docx)", "html": "HTML", "txt": "text"}


def sniff(data: bytes) -> str | None:
    """The format a file's bytes show (pdf, docx, html, txt, or another kind from _OTHER_KINDS), or None when
    they show none for sure (then the extension decides)."""
    head = data[:1024]
    for magic, kind in _MAGIC:
        if head.startswith(magic) or (kind == "pdf" and magic in head):
            return kind
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:1 << 20] or b"[Content_Types].xml" in data[:1 << 20] else "zip"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # binary, or UTF-16 without a mark: the reader for the extension says which
    try:  # a character the 1,024 bytes cut in two is not an error
        sample = codecs.getincrementaldecoder("utf-8")().decode(head, final=len(data) <= len(head))
    except UnicodeDecodeError:
        return None
    low = sample.lstrip("\ufeff \t\r\n").lower()
    if low.startswith(("<!doctype html", "<html", "<?xml")) or re.match(r"<(head|body|div|p|table)\b", low):
        return "html"
    return "txt" if sample.strip() and not _looks_binary(sample) else None


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")  # control characters but whitespace, and U+FFFD


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    bad = len(_CONTROL.findall(sample))
    return bad > max(5, len(sample) // 100)


def _decode(data: bytes, path: Path, warnings: list[str]) -> tuple[str, str]:
    """UTF-8 (with or without BOM) when it decodes; otherwise the detected single-byte encoding, said aloud."""
    bom = ("utf-8-sig" if data.startswith(b"\xef\xbb\xbf")
           else "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else None)
    if bom:
        try:
            text, enc = data.decode(bom), bom
        except UnicodeDecodeError:
            name = "UTF-8" if bom == "utf-8-sig" else "UTF-16"
            raise ReadError(f"{path}: börjar med en {name}-markering (BOM) men innehållet är inte giltig {name}; "
                            f"spara dokumentet på nytt som UTF-8-text") from None
    else:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            mixed = _mixed_utf8(data)
            if mixed is not None:
                text, n_bad, first = mixed
                if _looks_binary(text):
                    raise ReadError(f"{path}: innehåller binära data, inte text; kontrollera filändelsen "
                                    f"eller spara dokumentet som text, PDF eller Word") from None
                warnings.append(f"filen blandar UTF-8 och Windows-1252: {n_bad} rader (första: rad {first}) "
                                f"lästes som Windows-1252. Spara filen som UTF-8 om tecken ser fel ut")
                return text.replace("\r\n", "\n").replace("\r", "\n"), "utf-8+cp1252"
            from charset_normalizer import from_bytes

            best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "utf_8", "mac_roman", "cp850"]).best()
            if best is None:
                raise ReadError(f"{path}: ser inte ut som text (okänd teckenkodning eller binärfil); "
                                f"spara dokumentet som UTF-8-text eller PDF") from None
            enc = "cp1252" if best.encoding in ("cp1252", "latin_1", "iso8859_1") else best.encoding
            text = data.decode(enc, errors="replace")
            warnings.append(f"filen är inte UTF-8; läst som {enc} (identifierad automatiskt). "
                            f"Spara den som UTF-8 om tecken som å, ä, ö ser fel ut")
    if _looks_binary(text):
        raise ReadError(f"{path}: innehåller binära data, inte text; kontrollera filändelsen "
                        f"eller spara dokumentet som text, PDF eller Word")
    return text.replace("\r\n", "\n").replace("\r", "\n"), enc


def _mixed_utf8(data: bytes) -> tuple[str, int, int] | None:
    """A file pasted together from UTF-8 and Windows-1252 parts (common when minutes are compiled from several
    sources): each line is read in the encoding it decodes in. None unless both kinds of line are there, since
    one encoding throughout is found better by detection."""
    lines = data.split(b"\n")
    out: list[str] = []
    utf8_lines, bad, first = 0, 0, 0
    for i, ln in enumerate(lines, 1):
        try:
            out.append(ln.decode("utf-8"))
            utf8_lines += not ln.isascii()
        except UnicodeDecodeError:
            out.append(ln.decode("cp1252", errors="replace"))
            bad += 1
            first = first or i
    if not utf8_lines or not bad:
        return None
    return "\n".join(out), bad, first


_BLOCK = {"p", "div", "section", "article", "header", "footer", "main", "aside", "h1", "h2", "h3", "h4", "h5",
          "h6", "ul", "ol", "table", "blockquote", "pre", "dl", "dt", "dd", "form", "figure", "nav"}


def _html_text(data: bytes, path: Path) -> tuple[str, str | None]:
    """Visible text of a page: blocks on their own lines, list items as bullets, table cells tab-separated."""
    from bs4 import BeautifulSoup, NavigableString

    try:
        soup = BeautifulSoup(data, "lxml")
    except Exception as e:  # lxml raises several types on broken input
        raise ReadError(f"{path}: HTML kunde inte tolkas ({type(e).__name__}); spara sidan på nytt") from None
    for t in soup(["script", "style", "noscript", "template", "svg", "head"]):
        t.decompose()
    raw = _visible_text(soup)
    lines = [re.sub(r"[ \t\xa0]+$", "", _tidy_line(ln)) for ln in raw.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
    return text, soup.original_encoding


def _visible_text(soup) -> str:
    """The page's text in document order, with blocks on their own lines, list items as bullets and table
    cells tab-separated; source whitespace collapsed as a browser does, except in <pre> and <textarea>.
    A walk with its own stack, so pages nested thousands deep cost time in proportion to their size (the
    tree edits this replaced walked each subtree again per tag)."""
    from bs4 import CData, NavigableString, Tag

    out: list[str] = []
    stack: list = [soup]
    keep_space = 0  # inside this many <pre>/<textarea>
    while stack:
        node = stack.pop()
        if isinstance(node, str) and not isinstance(node, NavigableString):  # a closing mark pushed below
            if node == "</pre>":
                keep_space -= 1
            else:
                out.append(node)
            continue
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:
                out.append(str(node) if keep_space else _SPACE_RUN.sub(" ", node))
            elif type(node) is CData:
                out.append(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name == "br":
            out.append("\n")
            continue
        after: list[str] = []
        if name == "li":
            out.append("\n  • ")
            after.append("\n")
        elif name in ("td", "th"):
            after.append("\t")
        elif name == "tr":
            after.append("\n")
        elif name in _BLOCK:
            out.append("\n\n")
            after.append("\n\n")
        if name in ("pre", "textarea"):
            keep_space += 1
            after.insert(0, "</pre>")
        stack.extend(reversed(after))
        stack.extend(reversed(node.contents))
    return "".join(out)


_SPACE_RUN = re.compile(r"[ \t\r\n\f]+")


def _tidy_line(line: str) -> str:
    """Trim the spaces left around bullets and table cells by collapsed source whitespace."""
    bullet = "  • " if line.startswith("  • ") else ""
    return bullet + "\t".join(cell.strip(" ") for cell in line[len(bullet):].split("\t"))


def _pdf_text(data: bytes, path: Path) -> str:
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not the user's business
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ReadError(f"{path}: PDF-filen är lösenordsskyddad; spara en kopia utan lösenord")
            except ReadError:
                raise
            except Exception:
                raise ReadError(f"{path}: PDF-filen är krypterad; spara en kopia utan lösenord") from None
        pages = [(p.extract_text() or "") for p in reader.pages]
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as e:
        raise ReadError(f"{path}: PDF-filen är skadad eller ofullständig ({type(e).__name__}); "
                        f"exportera den på nytt") from None
    text = "\n\n".join(p.rstrip() for p in pages)
    if not text.strip():
        raise ReadError(f"{path}: PDF-filen saknar textlager (inskannad?); den behöver OCR innan den kan läsas")
    return text + "\n"


def _docx_text(data: bytes, path: Path) -> str:
    import zipfile

    from docx import Document as Docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            total = sum(i.file_size for i in z.infolist())
            if total > 20 * max_bytes():
                raise ReadError(f"{path}: Word-filen packas upp till {total / 1e6:.0f} MB (misstänkt zip-bomb); "
                                f"kontrollera filen")
        doc = Docx(io.BytesIO(data))
    except ReadError:
        raise
    except Exception as e:  # python-docx raises many types for a broken package
        raise ReadError(f"{path}: Word-filen är inte en giltig .docx ({type(e).__name__}); "
                        f"öppna och spara den på nytt i Word") from None
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, doc).text)
        elif tag == "tbl":
            for row in Table(child, doc).rows:
                cells, prev = [], None
                for c in row.cells:
                    if c is not prev:  # a horizontally merged cell is repeated as the same object
                        cells.append(c.text.replace("\n", " "))
                    prev = c
                out.append("\t".join(cells))
            out.append("")
    return "\n".join(out).strip("\n") + "\n"


# Files that belong beside the documents and are read otherwise (the manifest) or not at all.
QUIET_SKIP = {"manifest.toml", "govgraph.toml", "README.md", "README.txt.md"}


def discover(paths: list[str | Path]) -> tuple[list[Path], list[str]]:
    """Files to ingest from files and folders (recursive, sorted), and the files of other types passed over."""
    found: list[Path] = []
    notes: list[str] = []
    seen: set[Path] = set()
    for p in map(Path, paths):
        if not p.exists():
            if p.is_symlink():
                raise ReadError(f"{p}: är en länk som pekar på sig själv eller på en fil som inte finns; "
                                f"rätta eller ta bort länken")
            raise ReadError(f"{p}: finns inte; kontrollera sökvägen")
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    fp = Path(root) / f
                    if f.startswith("."):
                        continue
                    if fp.suffix.lower() not in SUPPORTED:
                        # govgraph's own files beside the documents (manifest, expectation files) are no news
                        if f not in QUIET_SKIP and not f.endswith(".expect.toml") \
                                and fp.suffix.lower() not in (".db", ".wal", ".lock"):
                            notes.append(str(fp))
                        continue
                    real = _real(fp)
                    if real not in seen:
                        seen.add(real)
                        found.append(fp)
        else:
            real = _real(p)
            if real not in seen:
                seen.add(real)
                found.append(p)
    return found, notes


def _real(p: Path) -> Path:
    """The file a path names, for spotting one file reached twice; a symlink loop or a dangling link is its
    own path (read() then says what is wrong with it)."""
    try:
        return p.resolve(strict=True)
    except (OSError, RuntimeError):
        return p.absolute()
