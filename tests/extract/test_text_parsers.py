import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migragraph.extract.dates import dates_in, full_dates
from migragraph.extract.money import amounts
from migragraph.extract.text import sentences


@pytest.mark.parametrize(("text", "value"), [
    ("Brussels, 04 April 2025 – Senior", "2025-04-04"),
    ("IOM - News - Ven, 03/10/2017 - 10:50", "2017-03-10"),
    ("March 25, 2021 (MOMBASA, Kenya):", "2021-03-25"),
    ("Published 22 Dec, 2023", "2023-12-22"),
    ("signed on 23.09.2020 by", "2020-09-23"),
    ("on 23 and 24 February 2016.", "2016-02-23"),
    # ratin.net (WFP, Sudan), 3 May 2019; archives1.sundayobserver.lk (UNICEF, Sri Lanka), 11 Jul 2021: a comma
    # after the month
    ("Posted on May, 3, 2019 at 10:00 am", "2019-05-03"),
    ("presented his credentials to Foreign Minister Dinesh Gunawardena, on July, 5, 2021 at the Foreign Ministry.",
     "2021-07-05"),
    # partners-popdev.org (PPD, China), 19 Mar 2016; marketscreener.com (EU, UNDP Ukraine), 15 Jul 2020: a slashed
    # date whose one number over 12 is the day, first or second
    ("Beijing: 19/03/2016. Memorandum of Understanding (MoU) has been signed", "2016-03-19"),
    ("United Nations Development Programme in Ukraine\n\n07/15/2020 | 10:46am", "2020-07-15"),
])
def test_full_dates(text: str, value: str) -> None:
    assert [d.value for d in full_dates(text)] == [value]


def test_a_slashed_date_either_order_could_read_is_left_unread() -> None:
    # (trap) pubaffairsbruxelles.eu (EU Council), 2018: "10/12/2018" is 10 December or 12 October
    assert full_dates("Foreign Affairs Council, 10/12/2018") == []


def test_relative_dates_need_an_anchor() -> None:
    text = "met today, and yesterday; on Monday they signed; in July 2012"
    anchored = [(d.value, d.relative) for d in dates_in(text, date(2025, 4, 4))]
    assert anchored == [("2025-04-04", True), ("2025-04-03", True), ("2025-03-31", True), ("2012-07", False)]
    assert [d.value for d in dates_in(text, None)] == ["2012-07"]


def test_a_relative_day_glossed_with_its_date_or_after_a_dateline_is_that_date() -> None:
    # jis.gov.jm (CARICOM), 16 Apr 2019: written a day after the signing it calls "today"
    text = "Six Financing Agreements of European Union-CARICOM cooperation were signed today (April 15)."
    assert [d.value for d in dates_in(text, date(2019, 4, 16))] == ["2019-04-15"]
    # trap: a "today" glossed with something else keeps its own day
    assert [d.value for d in dates_in("They signed today (in Kingston).", date(2019, 4, 16))] == ["2019-04-16"]
    # reliefweb.int (UNOPS), posted 18 Oct 2021: "today" after a dateline is the dateline's day
    text = "Ramallah, 14 October 2021 - UNOPS and the Ministry of Health signed an Agreement today in Ramallah."
    assert [d.value for d in dates_in(text, date(2021, 10, 18))] == ["2021-10-14"]
    # italy.iom.int (Namibia), 17 Mar 2017 (pg-6642375a7412 of ../shared/data/releases): IOM glosses a
    # relative day with its day and month, the day first; a range by its first day
    text = "IOM and Namibia’s Ministry of Environment and Tourism (MET) launched a project this week (14/03)."
    assert [d.value for d in dates_in(text, date(2017, 3, 17))] == ["2017-03-14"]
    assert [d.value for d in dates_in("It met this week (27-30/11).", date(2018, 12, 3))] == ["2018-11-27"]
    # urdupoint.com (WHO), 6 Sep 2021 (pg-416b165d2bb2): "last October" is the latest October before the
    # release; a month "last" that its day follows is that day
    text = "Last October, WHO and Russia signed four memoranda of understanding."
    assert [d.value for d in dates_in(text, date(2021, 9, 6))] == ["2020-10"]
    assert [d.value for d in dates_in("They met last May 5.", date(2021, 9, 6))] == ["2021-05-05"]
    # trap: a number over a number in brackets that glosses no day is no date
    assert dates_in("Its call centre (24/7) answers migrants.", date(2017, 3, 17)) == []


@pytest.mark.parametrize(("text", "amount", "currency", "qualifier"), [
    ("EUR 590 million", "590000000", "EUR", None),
    ("US$ 23.65 million", "23650000", "USD", None),
    ("USD 37,100,767", "37100767", "USD", None),
    ("€115 million", "115000000", "EUR", None),
    ("4 mln euro", "4000000", "EUR", None),
    ("over EUR 590 million", "590000000", "EUR", "over"),
    ("up to $1.2bn", "1200000000", "USD", "up to"),
    ("around CHF 3 million", "3000000", "CHF", "around"),
    ("US $210 million equivalent", "210000000", "USD", None),  # worldbank.org, 15 Mar 2017
    # esteri.it, July 2021 (sg-36c4cfa8072b): the currency's word before the sum, a decimal comma
    ("Bosnia Herzegovina, where the Euro 1,5 million set aside by the Foreign Affairs Ministry will be used",
     "1500000", "EUR", None),
    ("Algeria, beneficiary of a Euro 2 million injection for training functionaries", "2000000", "EUR", None),
    # mofa.go.jp press release, 2016: a sum in words of more than one group, and a dollar of another country
    ("Emergency Grant Aid of four million seven hundred thousand US dollars", "4700000", "USD", None),
    ("a eight million dollar Grant provided by the Government of Japan", "8000000", "USD", None),  # sg-47a84959c843
    ("handed over USD one million to", "1000000", "USD", None),  # zeenews.india.com (India, UNRWA), Oct 2020
    # nzherald.co.nz (New Zealand, Fiji), undated: a dollar of another country, its conversion in brackets
    ("lifting its aid package to A$3 million ($3.75 million)", "3000000", "AUD", None),
    # a currency named before its sum, a scale of South Asia, the sum converted in brackets: unicef.org
    # (Bangladesh), 2010; kuenselonline.com, Mar 2018; arabnews.com, undated; studyadda.com (India, JICA), undated
    ("KOICA yesterday donated Taka 14 crore (USD 2 million) to the United Nations Children’s Fund",
     "140000000", "BDT", None),
    ("India handed over Nu 526.8 million to the Royal Government yesterday", "526800000", "BTN", None),
    ("Morocco received two loans of SR135 million to finance", "135000000", "SAR", None),
    ("Chennai Peripheral Ring Road (Phase 1) for Japanese Yen 40.074 billion (around Rs 2470 Crore)",
     "40074000000", "JPY", None),
    # a currency with its country's adjective, a pound, a hyphened scale, "CAD$": aa.unfpa.org (Sweden, UNFPA),
    # undated; pennews.net, 12 Apr 2020; scroll.in (ADB, India), 2020; donortracker.org, undated
    ("grant a further 20 million Swedish kronor (approximately $2.1 million) to the United Nations Population Fund",
     "20000000", "SEK", None),
    ("The United Kingdom announced a 200 million pound ($248.94 million) aid package", "200000000", "GBP", None),
    ("The Asian Development Bank on Tuesday approved a $1.5-billion (approximately Rs 11,400 crore) loan",
     "1500000000", "USD", None),
    ("economic empowerment, CAD$18 million (US$14 million) over 5 years", "18000000", "CAD", None),
])
def test_amounts(text: str, amount: str, currency: str, qualifier: str | None) -> None:
    (m,) = amounts(text)
    assert (m.amount, m.currency, m.qualifier) == (Decimal(amount), currency, qualifier)


def test_numbers_without_currency_are_not_money() -> None:
    assert amounts("over 250 police officers and 2,000 migrants in 2015") == []
    # a price in dollars, written with a space or not, is no sum given
    assert amounts("a visa costs $5 or US $5 at the border") == []
    # zawya.com (EU, Egypt), 10 May 2022 (record pg-7b60f03d640b of the shared corpus), as written: a sum with its scale left out is no grant's
    assert amounts("A €5 grant will also be directed to the Public Financial Management project with the Ministry of "
                   "Finance.") == []
    # words that count people or things are no money
    assert amounts("one of the two million people, some one hundred thousand of them children") == []


def test_sentences_keep_offsets_and_abbreviations() -> None:
    text = "Mr. Fidan met H.E. Mr. Guterres. The U.S. delegation left.\nNext line"
    spans = sentences(text)
    assert [s.text for s in spans] == ["Mr. Fidan met H.E. Mr. Guterres.", "The U.S. delegation left.", "Next line"]
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_an_initialism_does_not_end_a_sentence() -> None:
    # kff.org quoting UN News, 19 November 2019: "(A.U.)" is no end, though a capital follows
    text = ("In the drive towards universal health coverage, the World Health Organization (WHO) and the African "
            "Union (A.U.) Commission cemented their mutual commitment to global health by signing on Monday an "
            "historic agreement. WHO Director-General Tedros Adhanom Ghebreyesus signed it.")
    assert [s.text[:20] for s in sentences(text)] == ["In the drive towards", "WHO Director-General"]


def test_cities_as_releases_write_them() -> None:
    from migragraph.extract.places import city_country, is_city

    # a capital by its country's name for it, names without their accents, a curly apostrophe
    assert [city_country(c) for c in ("Ulaanbaatar", "Bogota", "Lome", "Nuku’alofa")] == ["MN", "CO", "TG", "TO"]
    assert not is_city("Erd")  # a small town's folded name would read a division's acronym as a place
    assert not is_city("Union")


@settings(max_examples=300, deadline=None)
@given(st.sets(st.text(alphabet="ab -", min_size=1, max_size=5), min_size=1, max_size=8),
       st.text(alphabet="ab -x", max_size=40))
def test_the_gazetteer_trie_matches_as_the_forms_longest_first(forms: set[str], text: str) -> None:
    from migragraph.extract.gazetteer import trie_alternation

    def pattern(alternation: str) -> re.Pattern[str]:
        return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)(?!-(?!a)[a-z])")

    flat = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    trie = trie_alternation(forms)
    assert [m.span() for m in pattern(trie).finditer(text)] == [m.span() for m in pattern(flat).finditer(text)]


def test_a_relative_day_glossed_by_the_date_it_means_is_that_date() -> None:
    # urdupoint.com (OIC, Afghanistan), page of 21 Jan 2023: "today 19 January 2023" is the 19th
    text = ("The Director of the OIC Mission in Afghanistan Dr Muhammad Saeed Ayyash met in Kabul today 19 January 2023 "
            "Minister for Foreign Affairs of the De Facto Government in Afghanistan, Mr Maulawi Amir Mutaqqi")
    assert [d.value for d in dates_in(text, date(2023, 1, 21))] == ["2023-01-19"]
    # nato.int press release of 30 Sep 2008: "on Wednesday, 1 October 2008" is the 1st
    text = "Dragan Šutanovac, will visit the NATO Headquarters on Wednesday, 1 October 2008."
    assert [d.value for d in dates_in(text, date(2008, 9, 30))] == ["2008-10-01"]
