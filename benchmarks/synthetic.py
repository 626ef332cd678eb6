"""Seeded synthetic press releases, as JSON Lines records {title, date, url, text}.

usage: python benchmarks/synthetic.py N [--seed S] [-o FILE.jsonl]

The releases are written in the sentence shapes of real ones (UN readouts, IOM news pages, World Bank
approval lines, ministry statements; see ../shared/data/gold/*.txt), about organisations drawn from the
gazetteer (gazetteer/organisations.yaml and the governments of countries), so that the real extractor
finds their meetings, posts, frameworks and funding. A fixed cast is drawn once per seed: every
organisation has a head and every government a foreign minister who keep their names from release to
release, as in a real corpus, so entities are shared by many releases.

The same (n, seed) always gives the same records, and the first k records of generate(n) are those of
generate(k): corpora of several sizes drawn with one seed nest.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from migragraph.extract.gazetteer import OrgEntry, load
from migragraph.map.iris import slug

FIRST = ("Amina Ana Bruno Carmen Chidi David Elena Fatima Farid Grace Hana Ivan Jae Jonas Karim Laila "
         "Lucas Maria Mei Nadia Omar Pablo Priya Rania Sami Sofia Tomas Yara Yusuf Zainab").split()
LAST = ("Abebe Alvarez Bakr Chen Costa Diallo Dubois Eriksen Fischer Gomez Haddad Ito Kamara Kowalski "
        "Lindqvist Mensah Moreau Nakamura Novak Okafor Petrov Quispe Rahman Santos Silva Tanaka Varga "
        "Weber Yilmaz Zulu").split()
CITIES = ("Geneva Brussels Nairobi Bangkok Dakar Amman Vienna Rome Cairo Istanbul Manila Panama Lima Tunis "
          "Accra Kampala Beirut Madrid Berlin Oslo").split()
HEADS = ("Director General", "Executive Director", "Secretary-General", "President", "High Commissioner")
TOPICS = ("migration governance", "labour mobility", "climate mobility", "the protection of migrants",
          "return and reintegration", "border management", "humanitarian access", "data on displacement",
          "regular pathways for migration", "counter-trafficking",
          "health of migrants and mobile populations")
AIMS = ("strengthen cooperation on {topic}", "improve assistance to displaced people",
        "support governments in managing {topic}", "expand joint programmes on {topic}")
CLOSING = ("Both sides agreed to continue the dialogue at the technical level.",
           "The partners also discussed the situation of displaced people in the region.",
           "The two organizations reaffirmed their commitment to safe, orderly and regular migration.")
CURRENCIES = ("USD", "EUR", "CHF", "GBP")
MONTHS = ("January February March April May June July August September October November "
          "December").split()


@dataclass(frozen=True)
class Actor:
    """An organisation or government as releases name it, and the person who speaks for it."""

    name: str
    short: str  # what later sentences call it: an acronym, or the name again
    role: str
    person: str


def _acronym(entry: OrgEntry) -> str | None:
    found = [a for a in entry.aliases if a.isupper() and a.isalpha() and 2 <= len(a) <= 6]
    return found[0] if found else None


def _cast(rng: random.Random) -> tuple[list[Actor], list[Actor]]:
    """Organisations with an acronym (with their heads) and governments (with their foreign ministers)."""
    gaz = load()
    orgs, governments = [], []
    for key in sorted(gaz.orgs):
        entry = gaz.orgs[key]
        person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if entry.country:
            country = gaz.countries[entry.country].name
            if len(country.split()) <= 2:
                governments.append(Actor(country, country, "Minister for Foreign Affairs", person))
        elif (acronym := _acronym(entry)) and not entry.unit:
            orgs.append(Actor(entry.name, acronym, rng.choice(HEADS), person))
    return orgs, governments


def _when(rng: random.Random) -> date:
    return date(2010, 1, 1) + timedelta(days=rng.randrange(16 * 365))


def _long(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _meeting(rng: random.Random, a: Actor, b: Actor, city: str, day: date, topic: str) -> str:
    shapes = (
        f"{city}, {_long(day)} – {a.role} of the {a.name} ({a.short}), {a.person}, met with "
        f"{b.role} of {b.name}, {b.person}, in {city} today to discuss {topic}.",
        f"{city}, {_long(day)} – Senior officials from the {a.name} ({a.short}) and {b.name} met in {city} "
        f"today for their {rng.choice(('second', 'third', 'fourth', 'fifth'))} annual meeting on {topic}.",
        f"{city}, {_long(day)} – {a.short} {a.role} {a.person} held talks with {b.role} {b.person} of "
        f"{b.name} in {city} on {topic}.",
    )
    return rng.choice(shapes)


def _post(a: Actor, topic: str) -> str:
    return (f"{a.short} {a.role} {a.person} commended the long-standing partnership and reaffirmed "
            f"{a.short}’s commitment to working on {topic}.")


def _framework(rng: random.Random, a: Actor, b: Actor, day: date, topic: str) -> str:
    aim = rng.choice(AIMS).format(topic=topic)
    if rng.random() < 0.5:
        return (f"In {MONTHS[day.month - 1]} {day.year - rng.randrange(1, 8)}, the {a.short} and {b.name} "
                f"established a Strategic Cooperation Framework to {aim}.")
    return f"The {a.short} and {b.name} today signed a Memorandum of Understanding (MoU) to {aim}."


def _funding(rng: random.Random, donor: Actor, recipient: Actor, day: date, topic: str) -> str:
    amount = f"{rng.randrange(1, 900)}{rng.choice(('', '.5'))}"
    currency = rng.choice(CURRENCIES)
    if rng.random() < 0.5:
        return (f"Overall {donor.name} funding to {recipient.short} reached {currency} {amount} million "
                f"in {day.year - 1}.")
    return (f"The Government of {donor.name} has contributed {currency} {amount} million to "
            f"{recipient.short} to support {topic}.")


def _release(rng: random.Random, index: int, orgs: list[Actor], governments: list[Actor]) -> dict[str, str]:
    a = rng.choice(orgs)
    b = rng.choice(governments) if rng.random() < 0.6 else rng.choice([o for o in orgs if o != a])
    city, day, topic = rng.choice(CITIES), _when(rng), rng.choice(TOPICS)
    paragraphs = [_meeting(rng, a, b, city, day, topic), _post(a, topic)]
    if rng.random() < 0.4:
        paragraphs.append(_framework(rng, a, b, day, topic))
    if rng.random() < 0.4:
        paragraphs.append(_funding(rng, rng.choice(governments), a, day, topic))
    paragraphs.append(rng.choice(CLOSING))
    title = f"{a.short} and {b.short} discuss {topic} in {city}"
    return {
        "title": title,
        "date": day.isoformat(),
        "url": f"https://www.example.org/{slug(a.short)}/news/{day.year}/{slug(title)}-{index}",
        "text": "\n\n".join([title, *paragraphs]),
    }


def generate(n: int, seed: int = 0) -> Iterator[dict[str, str]]:
    """`n` synthetic releases, the same ones for the same seed; streamed, never all held at once."""
    cast = random.Random(f"cast-{seed}")
    orgs, governments = _cast(cast)
    for index in range(n):
        # One generator a release: record i does not depend on n, so corpora of several sizes nest.
        yield _release(random.Random(f"{seed}-{index}"), index, orgs, governments)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many releases")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, help="the .jsonl file to write (default: stdout)")
    args = parser.parse_args(argv)
    out = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    try:
        for record in generate(args.n, args.seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()


if __name__ == "__main__":
    main()
