"""Finds release files under the inputs given and reads each into RawRelease records.

Files: ``.html``/``.htm`` (a page as saved from a site), ``.txt`` (text copied from a page),
``.json`` (one record or a list of records) and ``.jsonl`` (one record a line). A file or a line that
cannot be read becomes an IngestError beside the good releases, never instead of them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from migragraph.errors import IngestError
from migragraph.ingest.clean import clean_text, html_to_text
from migragraph.ingest.decode import decode_text
from migragraph.ingest.release import RawRelease
from migragraph.map.iris import slug

SUFFIXES = {".html", ".htm", ".txt", ".json", ".jsonl"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_FIELDS = ("text", "body", "content", "article", "html")
DATE_FIELDS = ("date", "published", "published_at", "datePublished", "issued")


@dataclass
class IngestResult:
    releases: list[RawRelease] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)


def discover(inputs: Iterable[Path]) -> tuple[list[Path], list[IngestError]]:
    """The release files named by `inputs` (files, or folders searched recursively), sorted."""
    files: set[Path] = set()
    errors: list[IngestError] = []
    for item in inputs:
        if item.is_dir():
            files.update(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                         and not any(part.startswith(".") for part in p.relative_to(item).parts))
        elif item.is_file():
            files.add(item)
        else:
            errors.append(IngestError(str(item), "no such file or folder"))
    return sorted(files), errors


def read_inputs(inputs: Iterable[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> IngestResult:
    files, errors = discover(inputs)
    result = IngestResult(errors=errors)
    for path in files:
        for item in read_file(path, max_bytes):
            if isinstance(item, IngestError):
                result.errors.append(item)
            else:
                result.releases.append(item)
    return result


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawRelease | IngestError]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield IngestError(source, f"{size:,} bytes is over the limit of {max_bytes:,}; raise --max-bytes to read it")
            return
        data = path.read_bytes()
        text = decode_text(data)
    except (OSError, ValueError) as exc:
        yield IngestError(source, str(exc) if isinstance(exc, ValueError) else exc.strerror or repr(exc))
        return
    modified = datetime.fromtimestamp(int(os.stat(path).st_mtime), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl(path, text, modified)
    elif suffix == ".json":
        yield from _json(path, text, modified)
    else:
        kind = "html" if suffix in (".html", ".htm") else "text"
        try:
            yield _release(source, path.stem, {"html" if kind == "html" else "text": text}, data, modified)
        except IngestError as exc:
            yield exc


def _jsonl(path: Path, text: str, modified: str) -> Iterator[RawRelease | IngestError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(source, f"malformed JSON at column {exc.colno}: {exc.msg}")
            continue
        yield _record(source, record, f"{path.stem}-{number}", line.encode("utf-8"), modified)


def _json(path: Path, text: str, modified: str) -> Iterator[RawRelease | IngestError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestError(f"{path}:{exc.lineno}", f"malformed JSON at column {exc.colno}: {exc.msg}")
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        source = f"{path}[{index}]" if isinstance(data, list) else str(path)
        blob = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
        yield _record(source, record, f"{path.stem}-{index}" if isinstance(data, list) else path.stem, blob, modified)


def _record(source: str, record: Any, fallback_key: str, blob: bytes, modified: str) -> RawRelease | IngestError:
    if not isinstance(record, dict):
        return IngestError(source, f"a record must be a JSON object, not {type(record).__name__}")
    key = str(record.get("id") or record.get("identifier") or "") or fallback_key
    try:
        return _release(source, key, record, blob, modified)
    except IngestError as exc:
        return exc


def _release(source: str, key: str, record: dict[str, Any], blob: bytes, modified: str) -> RawRelease:
    body = next((record[f] for f in TEXT_FIELDS if isinstance(record.get(f), str) and record[f].strip()), None)
    if body is None:
        raise IngestError(source, f"no text: the record has none of the fields {', '.join(TEXT_FIELDS)}")
    is_html = ("html" in record and body is record["html"]) or body.lstrip().startswith("<")
    page_title = None
    if is_html:
        page = html_to_text(body)
        if page is None:
            raise IngestError(source, "no article text found in the HTML (only navigation or an empty page)")
        body, page_title = page.text, page.title
    text = clean_text(body)
    if len(text.split()) < 5:
        raise IngestError(source, "too little text to be a release (fewer than 5 words)")
    date = next((str(record[f]) for f in DATE_FIELDS if record.get(f)), None)
    title = record.get("title") or page_title
    return RawRelease(
        source=source,
        text=text,
        key=slug(key) or hashlib.sha256(blob).hexdigest()[:12],
        title=str(title).strip() if title else None,
        date=date,
        url=str(record["url"]) if record.get("url") else None,
        publisher=str(record["publisher"]) if record.get("publisher") else None,
        raw_sha256=hashlib.sha256(blob).hexdigest(),
        modified=modified,
    )
