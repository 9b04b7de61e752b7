"""Realistic German mail-merge rows for the benchmark: Faker de_DE, seeded, no network."""

from __future__ import annotations

import csv
from pathlib import Path

from faker import Faker

COLUMNS = ["anrede", "titel", "first_name", "last_name", "company", "street", "postcode", "city"]
LOWEST_POSTCODE = "01001"  # German postcodes run from 01001 to 99998; Faker also makes 00xxx


def letter_rows(count: int, seed: int = 13) -> list[dict[str, str]]:
    """``count`` rows of contact people at German companies, the same for the same seed."""
    fake = Faker("de_DE")
    fake.seed_instance(seed)
    return [_row(fake) for _ in range(count)]


def _row(fake: Faker) -> dict[str, str]:
    """One row: a person (about one in twelve a doctor), a company and its address."""
    woman = fake.random.random() < 0.5
    postcode = fake.postcode()
    while postcode < LOWEST_POSTCODE:
        postcode = fake.postcode()
    return {
        "anrede": "Frau" if woman else "Herr",
        "titel": "Dr." if fake.random.random() < 0.08 else "",
        "first_name": fake.first_name_female() if woman else fake.first_name_male(),
        "last_name": fake.last_name(),
        "company": fake.company(),
        "street": fake.street_address(),
        "postcode": postcode,
        "city": fake.city(),
    }


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    """The rows as a semicolon-separated UTF-8 CSV, as German spreadsheets export them."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter=";")
        out.writeheader()
        out.writerows(rows)


def variety(rows: list[dict[str, str]]) -> dict[str, int]:
    """How many different cities, companies and postcodes the rows hold."""
    return {
        key: len({row[column] for row in rows})
        for key, column in (("cities", "city"), ("companies", "company"), ("postcodes", "postcode"))
    }
