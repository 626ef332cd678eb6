"""What an extraction must say for one entity to be one node across releases (issue #14): the names a
release gives a body or a person, the body a unit belongs to, the holder a dash names, who an
agreement's parties are. Short real sentences (sources: tests/data/README.md, "Extraction patterns");
`each` runs both extractors."""

from migragraph.extract.model import Organisation
from migragraph.map.scope import identities
from tests.extract.conftest import Run, names, posts

# ----------------------------------------------------------------------------------------- bodies


def test_an_acronym_read_from_the_initials_of_a_body_the_release_names(each: Run) -> None:
    # police.ge, Georgia's Ministry of Internal Affairs: "the MIA" is never spelt out
    ex = each("IOM handed over modern equipment to the Patrol Police Department of the Ministry of Internal Affairs "
              "of Georgia. The Director of the International Relations Department of the MIA – Ekaterine "
              "Machavariani spoke.")
    ministry = names(ex)["Ministry of Internal Affairs of Georgia"]
    assert "MIA" in ex.organisations[ministry].aliases
    ird = names(ex)["International Relations Department of the MIA"]
    assert ex.organisations[ird].parent == ministry
    ids = identities(ex.organisations, "release")
    assert ids[ird].segments == ("government-of-georgia", "ministry-of-internal-affairs",
                                 "international-relations-department")


def test_an_acronym_of_a_body_named_with_and_without_its_country(each: Run) -> None:
    # police.ge: the ministry named once bare and once with its country is one body, under its fuller name, for
    # its initials too; so is a department named bare and with the ministry's initials
    ex = each("Equipment handed over in Tbilisi\n\nThe ceremony was attended by the Director of the Patrol Police "
              "Department of the Ministry of Internal Affairs – Vazha Siradze and the Director of the International "
              "Relations Department of the MIA – Ekaterine Machavariani. The Ministry of Internal Affairs of "
              "Georgia and the European Union have implemented many projects.")
    assert "Ministry of Internal Affairs" not in names(ex)
    ministry = names(ex)["Ministry of Internal Affairs of Georgia"]
    assert {"MIA", "Ministry of Internal Affairs"} <= ex.organisations[ministry].aliases
    assert ex.organisations[names(ex)["International Relations Department of the MIA"]].parent == ministry
    assert ex.organisations[names(ex)["Patrol Police Department"]].parent == ministry


def test_an_acronym_inside_a_name_is_the_longer_body(each: Run) -> None:
    # WHO media advisory (einpresswire.com), November 2019
    ex = each("H.E. Moussa Faki Mahamat, Chairperson of the African Union (AU) Commission will visit WHO "
              "headquarters and meet with WHO Director-General Dr Tedros Adhanom Ghebreyesus.")
    assert ("Moussa Faki Mahamat", "Chairperson", "African Union Commission") in posts(ex)


def test_an_eu_delegation_keeps_its_country_before_a_dash(each: Run) -> None:
    # police.ge: "…of the EU delegation to Georgia- Monika Csaki"
    ex = each("The Deputy Head of Political, Press and Information Section of the EU delegation to Georgia- "
              "Monika Csaki attended.")
    assert "Delegation of the European Union to Georgia" in names(ex)


def test_a_country_mission_named_in_full_and_an_office_before_its_chiefs_name(each: Run) -> None:
    # police.ge; iidbd (Bangladesh) with IOM Bangladesh, 2022
    ex = each("The ceremony was attended by the Chief of IOM Georgia Mission - Sanja Celebic Lukovac. CEO of IID "
              "Syeed Ahamed and Chief of Mission, IOM Bangladesh Giorgi Gigauri, signed the MoU.")
    assert {("Sanja Celebic Lukovac", "Chief", "IOM Georgia"),
            ("Giorgi Gigauri", "Chief of Mission", "IOM Bangladesh")} <= posts(ex)
    assert "IOM Georgia Mission" in ex.organisations[names(ex)["IOM Georgia"]].aliases


def test_the_commission_is_the_one_the_release_means(each: Run) -> None:
    # south.euneighbours.eu, January 2020: "the Commission" where only the EU is named
    ex = each("On Monday 20 January, the Commission has adopted its initial annual humanitarian budget for 2020. "
              "The EU is a leading donor.")
    assert "Commission" in ex.organisations["european-commission"].aliases
    ex = each("The Commission signed with ICMPD. The EU and the AU welcomed it.")  # both named: neither
    assert "european-commission" not in ex.organisations and "auc" not in ex.organisations


def test_a_government_keeps_the_names_of_its_country(each: Run) -> None:
    # un.org (Geneva), 2012
    ex = each("Gennadiy Gatilov, Deputy Foreign Minister of the Russian Federation, met the Director-General.")
    assert "Russian Federation" in ex.organisations["government-of-the-russian-federation"].aliases


def test_a_board_named_after_its_body_is_that_bodys_board() -> None:
    # worldbank.org, 2019 and 2017: "World Bank Board of Executive Directors", "World Bank’s Board of …"
    orgs = {"world-bank": Organisation("world-bank", "World Bank"),
            "wbb": Organisation("wbb", "World Bank Board of Executive Directors", parent="world-bank", unit=True),
            "imf": Organisation("imf", "International Monetary Fund", {"IMF"}),
            "imfb": Organisation("imfb", "Board of Executive Directors", parent="imf", unit=True)}
    ids = identities(orgs, "release")
    assert ids["wbb"].segments == ("world-bank", "board-of-executive-directors")
    assert ids["imfb"].segments == ("imf", "board-of-executive-directors")  # not the World Bank's
    alone = identities({"b": Organisation("b", "Board of Executive Directors")}, "release")
    assert alone["b"].segments == ("release", "board-of-executive-directors")  # whose, the release does not say


# ----------------------------------------------------------------------------------------- persons


def test_the_holder_a_dash_names_not_the_name_before(each: Run) -> None:
    # police.ge: a list of officials, each "Title – Name,"
    ex = each("IOM handed over modern equipment to the Patrol Police Department. The ceremony was attented by "
              "the Director of the Patrol Police Department of the Ministry of Internal Affairs – Vazha Siradze, "
              "Head of the Main Division of Border Management of the Patrol Police Department – Guram "
              "Davitashvili, and others.")
    held = {(person, role) for person, role, _ in posts(ex)}
    assert {("Vazha Siradze", "Director"), ("Guram Davitashvili", "Head of Main Division of Border Management")} \
        <= held
    assert ("Vazha Siradze", "Head of Main Division of Border Management") not in held


def test_an_official_signing_on_behalf_of_a_body_holds_a_post_there(each: Run) -> None:
    # icmpd.org, 11 December 2020
    ex = each("The MoU was signed by H.E. Mrs Amira ElFadil, Commissioner for Social Affairs on behalf of the "
              "Chairperson of the AU Commission, H.E. Moussa Faki Mohamet, while Director General, Mr. Michael "
              "Spindelegger, signed on behalf of ICMPD. Speaking during the ceremony, Commissioner El Fadil said "
              "the MoU would stand.")
    assert {("Amira ElFadil", "Commissioner for Social Affairs", "African Union Commission"),
            ("Michael Spindelegger", "Director General", "International Centre for Migration Policy Development")
            } <= posts(ex)
    elfadil = next(p for p in ex.persons.values() if p.name == "Amira ElFadil")
    assert "El Fadil" in elfadil.aliases  # the particle written apart
    assert "MoU" not in {p.name for p in ex.persons.values()}


def test_a_name_told_alone_is_the_persons_alias(each: Run) -> None:
    # bdnews24.com, 2023; urdupoint.com, 2021
    ex = each("Amy Pope, director general of the International Organisation for Migration (IOM), paid a courtesy "
              "visit. Before joining IOM, Pope served as the senior advisor on migration to US President Joe "
              "Biden. The Pope is not her.")
    pope = next(p for p in ex.persons.values() if p.name == "Amy Pope")
    assert "Pope" in pope.aliases
    assert sum(1 for m in ex_mentions(ex) if m == "Pope") == 0  # no person of its own


def ex_mentions(ex: object) -> list[str]:
    return [p.name for p in ex.persons.values()]  # type: ignore[attr-defined]


# ----------------------------------------------------------------------------------------- agreements


def test_a_headquarters_is_where_a_party_signs_not_a_party(each: Run) -> None:
    # kff.org (quoting UN News), 19 November 2019
    ex = each("WHO Director-General Tedros Adhanom Ghebreyesus and A.U. Chairperson Moussa Faki Mahamat signed a "
              "Memorandum of Understanding (MoU) at WHO Headquarters to expand their relationship. The World "
              "Health Organization (WHO) and the African Union (A.U.) Commission signed on Monday.")
    for framework in ex.frameworks:
        assert "who-headquarters" not in framework.parties


def test_a_quoted_project_left_open_after_its_acronym(each: Run) -> None:
    # police.ge: the quote never closes
    ex = each("Mentioned equipment was purchased within the framework of EU funded project “Sustaining Border "
              "Management and Migration Governance in Georgia (SBMMG), aim of which is to enhance capacities.")
    assert [f.name for f in ex.frameworks] == [
        "Sustaining Border Management and Migration Governance in Georgia (SBMMG)"]
    assert "SBMMG" not in names(ex)  # the project's acronym, no organisation
