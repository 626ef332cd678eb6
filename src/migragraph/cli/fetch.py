"""`migragraph fetch SOURCE... --into DIR`: pages, feeds, sitemaps and home pages into a folder that
`migragraph build` reads offline (the work is done by migragraph.fetch).

Registered on the `migragraph` group by the import at the end of cli/main.py; `build URL...` calls
`fetch_for_build` here.

Exit codes (also in the README): 0 every URL fetched, unchanged, removed from its site or skipped as
robots.txt asks; 1 some URL failed (one line each on stderr, the others fetched); 2 usage or fatal error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from migragraph.cli.main import EXIT_OK, EXIT_PROBLEMS, cli
from migragraph.errors import ConfigError
from migragraph.fetch import FetchReport, Outcome, Settings, fetch
from migragraph.fetch.addresses import AddressPolicy
from migragraph.fetch.settings import (
    DEFAULT_DELAY,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PAGES,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
)
from migragraph.lines import printable

# How each kind of outcome is shown on stderr as it happens; the others only count in the summary.
_SHOWN = {"failed": "error", "skipped": "skipped", "removed": "removed"}


def _show(outcome: Outcome) -> None:
    label = _SHOWN.get(outcome.kind)
    if label:
        click.echo(printable(f"{label}: {outcome.url}: {outcome.reason}"), err=True)


def _policy(allow_private: bool, networks: tuple[str, ...]) -> AddressPolicy:
    try:
        return AddressPolicy.of(allow_private, networks)
    except ValueError as exc:
        raise ConfigError(f"--allow-network {exc}") from None


@cli.command("fetch")
@click.argument("sources", nargs=-1, required=True)
@click.option("--into", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the fetched pages (each with its .fetch record); build reads it.")
@click.option("--delay", type=click.FloatRange(min=0), default=DEFAULT_DELAY, show_default=True,
              help="Seconds between two requests to one host (a longer Crawl-delay in its robots.txt wins).")
@click.option("--max-pages", type=click.IntRange(min=1), default=DEFAULT_MAX_PAGES, show_default=True,
              help="Pages asked for in one run (new pages first); the rest are left for the next run.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="A response larger than this (decoded) is dropped.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds a whole response may take, from connecting to its last byte.")
@click.option("--retries", type=click.IntRange(min=0), default=DEFAULT_RETRIES, show_default=True,
              help="Tries again after a 429, a 5xx or a dropped connection, backing off.")
@click.option("--allow-private-network", is_flag=True,
              help="Also fetch from loopback and private addresses (127.0.0.0/8, 10.0.0.0/8, "
                   "192.168.0.0/16, ...).")
@click.option("--allow-network", "networks", multiple=True, metavar="CIDR",
              help="Also fetch from this network (10.1.0.0/16, 127.0.0.1), whatever its kind; repeat "
                   "for several.")
def fetch_command(sources: tuple[str, ...], into: Path, delay: float, max_pages: int, max_bytes: int,
                  timeout: float, retries: int, allow_private_network: bool,
                  networks: tuple[str, ...]) -> None:
    """Fetch the releases that SOURCE... name into the folder --into: a page URL (saved as it is), an
    RSS or Atom feed or a sitemap (the pages it names), or a site's home page (the pages of the feeds
    it announces, else of its sitemaps).

    Polite: robots.txt obeyed, one request at a time, --delay between two to one host, conditional
    requests for pages fetched before. Safe: only public addresses unless allowed, every redirect
    checked again, responses capped in size and time, only HTML, XML and text kept.
    Exit 0 when no URL failed, 1 when some did (the others are fetched), 2 on a usage or fatal error."""
    settings = Settings(delay=delay, max_pages=max_pages, max_bytes=max_bytes, timeout=timeout,
                        retries=retries, policy=_policy(allow_private_network, networks))
    report = fetch(list(sources), into, settings, on_outcome=_show)
    print_report(report)
    sys.exit(EXIT_OK if report.ok else EXIT_PROBLEMS)


def print_report(report: FetchReport) -> None:
    for line in report.found:
        click.echo(f"  {line}")
    click.echo(f"fetched into {report.into} in {report.seconds:.1f} s ({report.requests} request(s)): "
               f"{report.count('new')} new, {report.count('changed')} changed, "
               f"{report.count('unchanged')} unchanged, {report.count('removed')} removed; "
               f"{report.count('skipped')} skipped, {report.count('failed')} failed")
    if report.left:
        click.echo(f"note: {report.left} page(s) left for the next run ({report.left_new} never fetched): "
                   "the cap of pages a run was reached (--max-pages)", err=True)
    if not report.ok:
        click.echo(f"{report.count('failed')} URL(s) could not be fetched; the others were", err=True)


def fetch_for_build(urls: list[str], out: Path, allow_private_network: bool) -> tuple[Path, bool]:
    """`migragraph build URL...`: fetch `urls` with the default settings into OUT/fetched (kept, so the
    next such build asks only for what changed); the folder, and whether every URL was fetched."""
    folder = out / "fetched"
    report = fetch(urls, folder, Settings(policy=AddressPolicy(allow_private_network)), on_outcome=_show)
    print_report(report)
    return folder, report.ok
