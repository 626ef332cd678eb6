"""Finds release files under the inputs given and reads each into RawRelease records.

Files: ``.html``/``.htm`` (a page as saved from a site; with a ``.fetch`` file beside it, a page
fetched from the web, whose URL names the release: ingest/fetched.py), ``.txt`` (text copied from a page),
``.json`` (one record or a list of records) and ``.jsonl`` (one record a line). A file or a line that
cannot be read becomes an IngestError beside the good releases, never instead of them: whatever a file
holds (binary data, JSON nested 100,000 deep, a release in French), the reading of the others goes on.

`read_all` reads many files and builds each release once: a release whose text was read before (two
copies of a file, or one release as a page and as a JSON record) becomes an IngestError naming the
first copy.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from migragraph.errors import IngestError
from migragraph.extract.release_info import release_date
from migragraph.ingest.clean import clean_field, clean_text, html_to_text
from migragraph.ingest.decode import decode_bytes
from migragraph.ingest.fetched import SIDECAR_SUFFIX, page_fields
from migragraph.ingest.language import refusal
from migragraph.ingest.release import KnownRelease, RawRelease
from migragraph.map.iris import slug

SUFFIXES = {".html", ".htm", ".txt", ".json", ".jsonl"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_FIELDS = ("text", "body", "content", "article", "html")
DATE_FIELDS = ("date", "published", "published_at", "datePublished", "issued")
# Never valid in a URL; a record's URL holding them has them percent-encoded, as browsers do.
_URL_UNSAFE = re.compile(r"[\s<>\"{}|\\^`]")
_LINE = re.compile(r"[^\n]+")
# What a build remembers of the records it read (store/buildstate.py): (source, the record's bytes) ->
# the release it was, when those bytes are the ones read before; None to read the record.
# (source, the record's bytes, its file, its record name) -> what it was when read before, if it was
Recall = Callable[[str, bytes, Path, str], KnownRelease | None]
_Bound = Callable[[str, bytes, Path], KnownRelease | None]  # a Recall with the file's record name given
Item = RawRelease | KnownRelease | IngestError


@dataclass
class IngestResult:
    releases: list[RawRelease] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)


def discover(inputs: Iterable[Path]) -> tuple[list[Path], list[IngestError]]:
    """The release files named by `inputs` (files, or folders searched recursively), sorted.

    A link in a folder that leads nowhere is an error, not silently nothing: it names a release that
    someone meant to give."""
    files: set[Path] = set()
    errors: list[IngestError] = []
    for item in inputs:
        if item.is_dir():
            found, other = 0, Counter[str]()
            for p in item.rglob("*"):
                if any(part.startswith(".") for part in p.relative_to(item).parts):
                    continue
                if p.suffix.lower() not in SUFFIXES:
                    if p.is_file() and p.suffix != SIDECAR_SUFFIX:  # what `fetch` keeps beside a page
                        other["".join(p.suffixes[-2:]).lower() or "no suffix"] += 1
                    continue
                if p.is_file():
                    files.add(p)
                    found += 1
                elif p.is_symlink() and not p.exists():
                    errors.append(IngestError(display(p), f"a broken link (to {os.readlink(p)})"))
            if not found and other:
                # A folder of files that are no releases is a mistake to say, not an empty graph.
                kinds = ", ".join(f"{n} {suffix}" for suffix, n in sorted(other.items()))
                errors.append(IngestError(display(item), f"no release file in this folder ({kinds}); releases "
                                                         f"are {', '.join(sorted(SUFFIXES))} files"))
        elif item.is_file():
            files.add(item)
        else:
            errors.append(IngestError(display(item), "no such file or folder"))
    return sorted(files), errors


def read_inputs(inputs: Iterable[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> IngestResult:
    inputs = list(inputs)
    files, errors = discover(inputs)
    result = IngestResult(errors=errors)
    for item in read_all(files, max_bytes, inputs):
        if isinstance(item, IngestError):
            result.errors.append(item)
        elif isinstance(item, RawRelease):
            result.releases.append(item)
    return result


def read_all(files: Iterable[Path], max_bytes: int = DEFAULT_MAX_BYTES, inputs: Iterable[Path] = (),
             recall: Recall | None = None) -> Iterator[Item]:
    """The releases of `files`, file by file, each release once: a later release with the text of an
    earlier one (by SHA-256 of the cleaned text) is an IngestError naming the first. Each release's
    `record` names its file relative to the folder holding the one of `inputs` it was found under. With
    `recall`, a record read before is recalled (a KnownRelease) instead of read again."""
    first: dict[str, str] = {}
    roots = [item.absolute().parent for item in inputs]
    for path in files:
        for item in read_file(path, max_bytes, record_name(path, roots), recall):
            if not isinstance(item, IngestError):
                digest = item.text_sha256
                earlier = first.setdefault(digest, item.source)
                if earlier != item.source:
                    item = IngestError(item.source, f"a duplicate of {earlier} (the same text, sha256:"
                                                    f"{digest[:12]}…): built once, from there")
            yield item


def record_name(path: Path, roots: Iterable[Path]) -> str:
    """`path` relative to the deepest of `roots` (the folders holding the inputs) that holds it, with
    "/" between parts whatever the system; its file name alone when none does. Never absolute: a graph
    must not publish where on the machine that built it the inputs were."""
    absolute = Path(os.path.normpath(path.absolute()))
    holders = [Path(os.path.normpath(r)) for r in roots]
    found = [absolute.relative_to(r) for r in holders if absolute.is_relative_to(r) and absolute != r]
    relative = min(found, key=lambda p: len(p.parts)) if found else Path(absolute.name)
    return display(relative).replace(os.sep, "/")


def display(path: Path) -> str:
    """`path` as text that can be written anywhere: a file name that is not UTF-8 keeps its bytes as
    backslash escapes instead of the lone surrogates Python reads it with."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, record: str | None = None,
              recall: Recall | None = None) -> Iterator[Item]:
    """The releases of one file; `record` is its name as the graph states it (default: its file name)."""
    source = display(path)
    record = record if record is not None else display(Path(path.name))
    suffix = path.suffix.lower()
    try:
        stat = path.stat()  # once: a file that vanishes after this is an error below, not a crash
        size = stat.st_size
        if size > max_bytes:
            yield IngestError(source, f"{size:,} bytes is over the limit of {max_bytes:,}; raise --max-bytes to read it")
            return
        data = path.read_bytes()
        bound = None if recall is None else _bind(recall, source, record)
        if suffix not in (".jsonl", ".json") and bound is not None and (known := bound(source, data, path)):
            yield known
            return
        decoded = decode_bytes(data, html=suffix in (".html", ".htm"))
        # A page fetched from the web: its URL (the release's identity) and fetch time, from beside it.
        fetched = page_fields(path) if suffix in (".html", ".htm", ".txt") else {}
    except (OSError, ValueError) as exc:
        yield IngestError(source, str(exc) if isinstance(exc, ValueError) else exc.strerror or repr(exc))
        return
    modified = fetched.pop("modified", None) or datetime.fromtimestamp(
        int(stat.st_mtime), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    text, encoding = decoded.text, decoded.encoding
    if suffix == ".jsonl":
        items = _jsonl(source, path, text, modified, bound)
    elif suffix == ".json":
        items = _json(source, path, text, modified, bound)
    else:
        field_name = "html" if suffix in (".html", ".htm") else "text"
        items = iter([_record(source, {field_name: text, **fetched}, path.stem, data, modified)])
    for item in items:
        yield item if not isinstance(item, RawRelease) else _with_origin(item, encoding, source, record)


def _bind(recall: Recall, source: str, record: str) -> _Bound:
    """`recall` told each record's name: the file's, and the line or index `where` gives after it."""
    return lambda where, blob, path: recall(where, blob, path, record + where[len(source):])


def _with_origin(release: RawRelease, encoding: str, source: str, record: str) -> RawRelease:
    """`release` with the encoding of its file and its record name (the file's, and the line or index
    that `source` gives it after the file's name)."""
    return replace(release, encoding=encoding, record=record + release.source[len(source):])


def _loads(text: str) -> Any:
    """json.loads, with every way it fails as a ValueError: malformed JSON, JSON nested past the
    recursion limit ("[[[[..."), an integer of more than 4,300 digits."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON at column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply to be a release record") from None
    except ValueError as exc:
        raise ValueError(f"unreadable JSON: {exc}") from None


def _jsonl(source: str, path: Path, text: str, modified: str, recall: _Bound | None) -> Iterator[Item]:
    # Lines end at "\n" alone (JSON Lines): str.splitlines() would also cut a record at a raw U+2028 or
    # NEL inside one of its strings, which JSON allows. Blank lines are skipped by the regex, in C,
    # and no list of lines is made: a file of 50 MB of newlines costs no more than its text.
    number, counted_to = 1, 0
    for match in _LINE.finditer(text):
        number += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        line = match[0].rstrip("\r")
        if not line.strip():
            continue
        where = f"{source}:{number}"
        blob = line.encode("utf-8", errors="surrogatepass")
        if recall is not None and (known := recall(where, blob, path)):
            yield known
            continue
        try:
            record = _loads(line)
        except ValueError as exc:
            yield IngestError(where, str(exc))
            continue
        yield _record(where, record, f"{path.stem}-{number}", blob, modified)


def _json(source: str, path: Path, text: str, modified: str, recall: _Bound | None) -> Iterator[Item]:
    try:
        data = _loads(text)
    except ValueError as exc:
        line = re.search(r"line (\d+)", str(exc))
        yield IngestError(f"{source}:{line[1]}" if line else source, str(exc))
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        where = f"{source}[{index}]" if isinstance(data, list) else source
        try:
            blob = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8", errors="surrogatepass")
        except (ValueError, RecursionError):
            yield IngestError(where, "JSON nested too deeply to be a release record")
            continue
        if recall is not None and (known := recall(where, blob, path)):
            yield known
            continue
        stem = path.stem
        yield _record(where, record, f"{stem}-{index}" if isinstance(data, list) else stem, blob, modified)


def _record(source: str, record: Any, fallback_key: str, blob: bytes, modified: str) -> RawRelease | IngestError:
    if not isinstance(record, dict):
        return IngestError(source, f"a record must be a JSON object, not {type(record).__name__}")
    try:
        return record_release(record, source, fallback_key, blob=blob, modified=modified)
    except IngestError as exc:
        return exc


def record_release(record: Mapping[str, Any], source: str, fallback_key: str, *, blob: bytes | None = None,
                   modified: str | None = None) -> RawRelease:
    """One release from a record (a JSON object, or {"html": page} / {"text": text} for a file);
    raises IngestError naming `source` when it is not one."""
    body = next((record[f] for f in TEXT_FIELDS if isinstance(record.get(f), str) and record[f].strip()), None)
    if body is None:
        raise IngestError(source, f"no text: the record has none of the fields {', '.join(TEXT_FIELDS)}")
    is_html = ("html" in record and body is record["html"]) or body.lstrip().startswith("<")
    page_title, page_date = None, None
    if is_html:
        try:
            page = html_to_text(body)
        except ValueError as exc:
            raise IngestError(source, str(exc)) from None
        if page is None:
            raise IngestError(source, "no article text found in the HTML (only navigation or an empty page)")
        body, page_title, page_date = page.text, page.title, page.date
    text = clean_text(body)
    if len(text.split()) < 5:
        raise IngestError(source, "too little text to be a release (fewer than 5 words)")
    not_english = refusal(text)
    if not_english:
        raise IngestError(source, not_english)
    if blob is None:
        blob = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass")
    key = _scalar(record.get("id")) or _scalar(record.get("identifier")) or fallback_key
    title = _scalar(record.get("title")) or page_title
    release = RawRelease(
        source=source,
        text=text,
        # A key becomes an IRI segment only through slug(): "../../etc/passwd" is "etc-passwd".
        key=slug(key) or hashlib.sha256(blob).hexdigest()[:12],
        title=title,
        date=next((d for f in DATE_FIELDS if (d := _scalar(record.get(f)))), None),
        url=_url(record.get("url")),
        publisher=_scalar(record.get("publisher")),
        raw_sha256=hashlib.sha256(blob).hexdigest(),
        modified=modified,
    )
    return _dated_by_page(release, page_date)


def _dated_by_page(release: RawRelease, page_date: str | None) -> RawRelease:
    """The release dated by its page's metadata when neither its record nor its text gives a date.
    A record's date field wins over the text, but the text's own dateline wins over the page's
    metadata (a site's date may be when the page was posted or moved, not when the release was
    issued): so the metadata fills only the gap, and extraction reads the text as before."""
    if release.date or not page_date or release_date(release, release.text) is not None:
        return release
    return replace(release, date=page_date)


def _scalar(value: Any) -> str | None:
    """A record's field as clean one-line text; None for what is no text (lists, objects, true)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return clean_field(str(value)) or None


def _url(value: Any) -> str | None:
    """An http(s) URL, with what a URL may not hold percent-encoded; None for anything else (a
    `javascript:` link, a host that is no host), which the release is built without."""
    text = _scalar(value) if isinstance(value, str) else None
    if not text:
        return None
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m[0].encode("utf-8")), text)
