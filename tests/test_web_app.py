"""The web page's request handlers through Flask's test client: the same lines as the CLI at
the fields they concern, CSRF, limits, loopback only, no path opened, the merge, languages."""

from __future__ import annotations

import csv
import io
import re
import time
import tomllib
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from conftest import MM, ROOT, run_cli
from pypdf import PdfReader

from letterpress.errors import Where
from letterpress.source import parse_toml
from letterpress.web import formdata, uploads
from letterpress.web.app import create_app

EXAMPLES = ROOT / "examples"


@pytest.fixture
def client() -> Any:
    """A test client with CSRF checks off (one test below turns them on)."""
    app = create_app()
    app.config["WTF_CSRF_ENABLED"] = False
    with app.test_client() as test_client:
        yield test_client
    app.extensions["letterpress.jobs"].close()


def example(name: str) -> dict[str, Any]:
    return parse_toml((EXAMPLES / name).read_text(encoding="utf-8"), Where())


def lines(html: str, slot: str) -> list[str]:
    """The message lines in one field's slot (``msg-recipient-postal_code``)."""
    match = re.search(rf'<div id="{slot}"[^>]*>(.*?)</div>', html, re.S)
    assert match, slot
    return [
        re.sub(r"&#39;", "'", m).replace("&#34;", '"').replace("&quot;", '"').replace("&amp;", "&")
        for m in re.findall(r'class="line">([^<]*)<', match.group(1))
    ]


@pytest.mark.parametrize(
    "name, fields",
    [
        ("thank-you.toml", formdata.LETTER),
        ("follow-up.toml", formdata.FOLLOWUP),
        ("call.toml", formdata.CALL),
    ],
)
def test_a_file_goes_into_the_form_and_comes_back_whole(name: str, fields: dict[str, str]) -> None:
    data = example(name)
    values = formdata.form_values(data, fields)
    assert formdata.letter_file(values, fields, name) == data
    assert tomllib.loads(formdata.as_toml(data)) == data


def test_browser_line_ends_and_blank_fields_are_not_text() -> None:
    form = {
        "subject": "Hi",
        "body": "One.\r\n\r\nTwo.\r\n",
        "opening": "",
        "cc": "A\r\nB\r\n",
        "date": "2026-11-26",
        "sender.name": "Jo",
    }
    data = formdata.letter_file(form, formdata.LETTER, "letter.toml")
    assert data["body"] == "One.\n\nTwo.\n" and data["cc"] == ["A", "B"]
    assert "opening" not in data and data["recipient"] == {}
    assert str(data["date"]) == "2026-11-26"


def test_the_preview_shows_the_window_check_the_cli_prints(client: Any, tmp_path: Path) -> None:
    values = formdata.form_values(example("thank-you.toml"), formdata.LETTER)
    html = client.post("/letter/preview", data=values).get_data(as_text=True)
    proc = run_cli("letter", str(EXAMPLES / "thank-you.toml"), "-o", str(tmp_path / "t.pdf"))
    window = next(line for line in proc.stdout.splitlines() if line.startswith("Window: "))
    assert f'<span id="window-summary">{window.removeprefix("Window: ")}' in html
    assert 'src="data:image/png;base64,' in html
    # the bundled example's text is flagged as copied, at the body, as the CLI warns
    warned = [line.removeprefix("letterpress: warning: ") for line in proc.stderr.splitlines()]
    assert lines(html, "msg-body") == [
        w.replace(str(EXAMPLES / "thank-you.toml"), "letter.toml") for w in warned
    ]


def test_a_refused_address_is_the_cli_line_at_its_field(client: Any, tmp_path: Path) -> None:
    data = example("thank-you.toml")
    data["recipient"]["postal_code"] = "1234"
    values = formdata.form_values(data, formdata.LETTER)
    html = client.post("/letter/preview", data=values).get_data(as_text=True)
    (tmp_path / "letter.toml").write_text(formdata.as_toml(data), encoding="utf-8")
    proc = run_cli("letter", "letter.toml", cwd=tmp_path)
    assert proc.returncode == 2
    # the CLI's line, with address_lines said where the page takes them
    cli = proc.stderr.strip().splitlines()[-1].removeprefix("letterpress: error: ")
    box = "in the “More of the letter file (TOML)” box "
    assert lines(html, "msg-recipient-postal_code") == [
        cli.replace("give address_lines for", f"give address_lines {box}for")
    ]
    assert "No preview yet" in html
    page = client.post("/letter/pdf", data=values)
    assert page.status_code == 422 and page.mimetype == "text/html"


def test_pdf_and_toml_downloads_are_what_the_cli_makes(client: Any, tmp_path: Path) -> None:
    values = formdata.form_values(example("thank-you.toml"), formdata.LETTER)
    pdf = client.post("/letter/pdf", data=values)
    assert pdf.mimetype == "application/pdf"
    assert pdf.headers["Content-Disposition"] == 'attachment; filename="letter-Ms-Mei-Lee.pdf"'
    toml = client.post("/letter/toml", data=values).get_data()
    (tmp_path / "letter.toml").write_bytes(toml)
    assert run_cli("letter", "letter.toml", cwd=tmp_path).returncode == 0
    assert (tmp_path / "letter.pdf").read_bytes() == pdf.get_data()  # byte for byte


def _chars(pdf: bytes) -> list[tuple[str, float, float]]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [(c["text"], c["x0"] / MM, c["top"] / MM) for c in doc.pages[0].chars]


def test_the_default_printer_moves_the_pdf_as_the_cli_does_but_not_the_picture(
    client: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from letterpress.calibrate.printers import save_printer
    from letterpress.pdf.shift import Shift

    monkeypatch.setenv("LETTERPRESS_CONFIG_DIR", str(tmp_path / "config"))
    values = formdata.form_values(example("thank-you.toml"), formdata.LETTER)
    plain_pdf = client.post("/letter/pdf", data=values).get_data()
    plain_html = client.post("/letter/preview", data=values).get_data(as_text=True)
    save_printer("Office", Shift(dx=1.5, dy=-0.75, printer="Office"), make_default=True)
    pdf = client.post("/letter/pdf", data=values).get_data()
    before, after = _chars(plain_pdf), _chars(pdf)
    assert len(before) == len(after) >= 200
    for (text, x, y), (text2, x2, y2) in zip(before, after):
        assert text == text2
        assert x2 - x == pytest.approx(1.5, abs=1e-3) and y2 - y == pytest.approx(-0.75, abs=1e-3)
    (tmp_path / "letter.toml").write_bytes(client.post("/letter/toml", data=values).get_data())
    proc = run_cli("letter", "letter.toml", cwd=tmp_path)  # the CLI uses the default printer too
    assert "Calibrated for printer 'Office'" in proc.stdout
    assert (tmp_path / "letter.pdf").read_bytes() == pdf
    html = client.post("/letter/preview", data=values).get_data(as_text=True)
    assert (
        "Calibrated for printer &#39;Office&#39;: content moved +1.5 mm across, -0.75 mm down."
        in html
    )
    image = re.compile(r'id="page-image" src="([^"]+)"')
    found, plain_found = image.search(html), image.search(plain_html)
    assert found is not None and plain_found is not None
    assert found.group(1) == plain_found.group(1)  # the sheet as it comes out of that printer


def test_import_fills_the_form_and_asks_for_the_signature_image(client: Any) -> None:
    data = example("thank-you.toml")
    data["signature_image"] = "sig.png"
    body = {"import": (io.BytesIO(formdata.as_toml(data).encode()), "mine.toml")}
    html = client.post("/letter/import", data=body, content_type="multipart/form-data").get_data(
        as_text=True
    )
    assert 'value="Ms Mei Lee"' in html and 'value="DA-2026-114"' in html
    assert lines(html, "msg-signature_image") == [
        "the “Signature image” box: signature image 'sig.png' is not uploaded; choose the "
        "image file "
        "here (the page opens no file by its name)"
    ]
    assert '<input type="hidden" name="signature_named" value="sig.png">' in html
    # every preview says so until the image is uploaded, and then no more
    values: dict[str, Any] = formdata.form_values(example("thank-you.toml"), formdata.LETTER)
    values["signature_named"] = "sig.png"
    html = client.post("/letter/preview", data=values).get_data(as_text=True)
    assert lines(html, "msg-signature_image") == [
        "the “Signature image” box: signature image 'sig.png' is not uploaded; choose the "
        "image file "
        "here (the page opens no file by its name)"
    ]
    assert 'id="msg-import"' not in html  # the opening's message is left as it is
    for accept, label in (("de", "Bild der Unterschrift"), ("fr", "Image de la signature")):
        html = client.post(
            "/letter/preview", data=values, headers={"Accept-Language": accept}
        ).get_data(as_text=True)
        assert lines(html, "msg-signature_image")[0].startswith(
            f"the “{label}” box: signature image 'sig.png' is not uploaded; "
        )
    values["signature_image"] = (io.BytesIO(png_bytes()), "sig.png")
    html = client.post("/letter/preview", data=values, content_type="multipart/form-data")
    assert lines(html.get_data(as_text=True), "msg-signature_image") == []
    bad = {"import": (io.BytesIO(b"subject = \xe2\x80\x9cHi\xe2\x80\x9d\n"), "mine.toml")}
    html = client.post("/letter/import", data=bad, content_type="multipart/form-data").get_data(
        as_text=True
    )
    (line,) = lines(html, "msg-import")
    assert line.startswith("mine.toml, the “Open a letter file” box: invalid TOML")


@pytest.mark.parametrize(
    "changes, slot, line",
    [
        (
            {"layout": "/etc/passwd"},
            "msg-layout",
            "letter.toml, layout: layout '/etc/passwd' is not a bundled layout; the web page takes "
            "the bundled layouts only: choose one of ch-left, ch-right, din5008-a, din5008-b, "
            "fr-right, uk-dl, us-letter-10",
        ),
        (
            {"more": 'signature_image = "../../etc/x.png"'},
            "msg-signature_image",
            "letter.toml, signature_image: signature image '../../etc/x.png' must be a plain file "
            "name; upload the image here and name it like signature.png",
        ),
        (
            {"more": 'signature_image = "sig.png"'},
            "msg-signature_image",
            "letter.toml, signature_image: signature image 'sig.png' is not uploaded; choose the "
            "image file here (the page opens no file by its name)",
        ),
    ],
)
def test_no_path_from_the_user_is_opened(
    client: Any, changes: dict[str, str], slot: str, line: str
) -> None:
    values = {**formdata.form_values(example("thank-you.toml"), formdata.LETTER), **changes}
    html = client.post("/letter/preview", data=values).get_data(as_text=True)
    assert lines(html, slot) == [line]


def png_bytes() -> bytes:
    """A small signature image, as a user would upload it."""
    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", (300, 100), "navy").save(image, format="PNG")
    return image.getvalue()


def test_an_uploaded_signature_is_printed(client: Any) -> None:
    values: dict[str, Any] = formdata.form_values(example("thank-you.toml"), formdata.LETTER)
    values["signature_image"] = (io.BytesIO(png_bytes()), "C:\\Users\\me\\sig.png")
    pdf = client.post("/letter/pdf", data=values, content_type="multipart/form-data")
    assert pdf.mimetype == "application/pdf"
    assert len(PdfReader(io.BytesIO(pdf.get_data())).pages[0].images) == 1


def test_form_posts_without_the_csrf_token_are_refused() -> None:
    app = create_app()
    client = app.test_client()
    values = formdata.form_values(example("thank-you.toml"), formdata.LETTER)
    for url in ("/letter/preview", "/letter/pdf", "/merge/check", "/delivery/estimate"):
        answer = client.post(url, data=values, headers={"HX-Request": "true"})
        assert answer.status_code == 400
        assert lines(f'<div id="x">{answer.get_data(as_text=True)}</div>', "x") == [
            "the form was refused: the csrf token is missing; reload the page and send the "
            "form again"
        ]
    page = client.get("/")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True))
    assert token is not None
    answer = client.post("/letter/pdf", data={**values, "csrf_token": token.group(1)})
    assert answer.mimetype == "application/pdf"


def test_only_loopback_host_names_are_served() -> None:
    client = create_app().test_client()
    assert client.get("/", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    answer = client.get("/", headers={"Host": "attacker.example:8000"})
    assert answer.status_code == 400
    assert (
        "host &#39;attacker.example&#39; is not this machine&#39;s loopback address"
        in answer.get_data(as_text=True)
    )
    assert (
        create_app(exposed=True)
        .test_client()
        .get("/", headers={"Host": "box.lan:8000"})
        .status_code
        == 200
    )


def test_every_answer_forbids_loading_from_elsewhere(client: Any) -> None:
    answer = client.get("/")
    assert "default-src 'self'" in answer.headers["Content-Security-Policy"]
    assert "https://" not in answer.get_data(as_text=True)
    assert client.get("/static/htmx.min.js").status_code == 200


def test_the_page_speaks_the_browser_s_language(client: Any) -> None:
    for accept, heading in (
        ("de-DE,de;q=0.9,en;q=0.5", "<h1>Brief</h1>"),
        ("fr-CH, fr;q=0.9", "<h1>Lettre</h1>"),
        ("ja", "<h1>Letter</h1>"),
        ("", "<h1>Letter</h1>"),
    ):
        html = client.get("/", headers={"Accept-Language": accept}).get_data(as_text=True)
        assert heading in html


def test_a_bug_is_one_line_and_never_a_traceback(
    client: Any, monkeypatch: Any, capsys: Any
) -> None:
    from letterpress.web import letterpage

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(letterpage, "make", broken)
    client.application.config["PROPAGATE_EXCEPTIONS"] = False
    answer = client.post(
        "/letter/preview", data={"recipient.name": "Kim"}, headers={"HX-Request": "true"}
    )
    html = answer.get_data(as_text=True)
    assert answer.status_code == 500 and "Traceback" not in html
    assert "letterpress failed unexpectedly (ZeroDivisionError)" in html
    assert "Traceback" in capsys.readouterr().err  # on the server's terminal only


def test_the_sender_is_kept_in_the_profile_with_what_else_it_holds(client: Any) -> None:
    from letterpress.config import load_table, save_table

    save_table("me", {"timezone": "Europe/Berlin", "name": "Old"})
    sender = {"name": "Jonas Petersen", "street": "Lindenallee 8", "postal_code": "22587"}
    sender |= {"city": "Hamburg", "country": "DE"}
    client.post("/letter/sender", data={f"sender.{k}": v for k, v in sender.items()})
    assert load_table("me") == {"timezone": "Europe/Berlin", **sender}
    html = client.get("/").get_data(as_text=True)
    assert 'name="sender.name" type="text" value="Jonas Petersen"' in html
    save_table("me", {})


@pytest.mark.parametrize(
    "changes, slot, line",
    [
        (
            {"sender.postal_code": "2258"},
            "msg-sender-postal_code",
            "sender.postal_code: '2258' is not a valid postal code for Germany; e.g. 26133, 53225",
        ),
        (
            {"sender.phone": "12"},
            "msg-sender-phone",
            "sender.phone: '12' is not a phone number; write it with the country code, e.g. "
            "+49 40 1234 5678",
        ),
        (
            {"sender.name": ""},
            "msg-sender-name",
            "sender.name: missing: your name; give the name your letters are signed with",
        ),
    ],
)
def test_details_are_checked_as_init_me_checks_them_and_refused_ones_not_kept(
    client: Any, changes: dict[str, str], slot: str, line: str
) -> None:
    from letterpress.config import load_table, save_table

    save_table("me", {"name": "Old"})
    sender = {
        "sender.name": "Jonas Petersen",
        "sender.street": "Lindenallee 8",
        "sender.postal_code": "22587",
        "sender.city": "Hamburg",
        "sender.country": "Deutschland",
    }
    html = client.post("/letter/sender", data={**sender, **changes}).get_data(as_text=True)
    assert lines(html, slot) == [line]
    assert f'id="{slot}" class="msgs" hx-swap-oob="true"' in html
    assert "Nothing was saved: see the message at the field marked above." in html
    assert load_table("me") == {"name": "Old"}
    client.post("/letter/sender", data=sender)  # tidied as init --me stores it
    assert load_table("me")["country"] == "DE"
    save_table("me", {})


def test_an_unreadable_profile_is_a_warning_not_a_failure(client: Any) -> None:
    from letterpress.config import config_path

    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("me = [", encoding="utf-8")
    try:
        html = client.get("/").get_data(as_text=True)
    finally:
        path.unlink()
    (line,) = lines(html, "msg-sender-name")
    assert line.startswith(f"{path}: invalid TOML in the settings file")


def merge_files(csv_text: str, **more: Any) -> dict[str, Any]:
    return {
        "template": (
            io.BytesIO((EXAMPLES / "batch" / "workshop.toml").read_bytes()),
            "workshop.toml",
        ),
        "data": (io.BytesIO(csv_text.encode("utf-8")), "people.csv"),
        **more,
    }


WORKSHOP = (EXAMPLES / "batch" / "workshop.csv").read_text(encoding="utf-8")
ROWS = len(list(csv.reader(io.StringIO(WORKSHOP), delimiter=";"))) - 1  # cells may hold lines
BAD_ROW = "Ben;Müller;Ring 2;1067;Dresden;;2026-12-03;10:00;A 1;\n"  # lost its leading zero


def test_merge_check_is_a_table_of_rows_columns_problems_and_fixes(client: Any) -> None:
    data = WORKSHOP.replace("\n", "\n" + BAD_ROW, 1)
    html = client.post(
        "/merge/check", data=merge_files(data), content_type="multipart/form-data"
    ).get_data(as_text=True)
    rows = re.findall(
        r"<tr class=\"error\"[^>]*><td class=\"short\"[^>]*>(\d+)</td><td[^>]*>([^<]*)</td>"
        r"<td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td>",
        html,
    )
    assert rows == [
        (
            "2",
            "postcode",
            "postcode &#39;1067&#39; looks like it lost its leading zero (01067)",
            "format the column as Text in the spreadsheet and export again, or write 01067",
        )
    ]


def test_merge_preview_of_one_row_and_of_a_row_that_is_not_there(client: Any) -> None:
    html = client.post(
        "/merge/preview", data=merge_files(WORKSHOP, row="3"), content_type="multipart/form-data"
    ).get_data(as_text=True)
    assert 'id="row-image" src="data:image/png;base64,' in html
    html = client.post(
        "/merge/preview", data=merge_files(WORKSHOP, row="99"), content_type="multipart/form-data"
    ).get_data(as_text=True)
    assert lines(html, "msg-row") == [
        "people.csv, the “Row” box: no data in row 99; its data rows "
        "are 2-5 (row 1 is the header; blank rows are skipped)"
    ]
    html = client.post(
        "/merge/preview", data=merge_files(WORKSHOP, row="1"), content_type="multipart/form-data"
    ).get_data(as_text=True)
    assert lines(html, "msg-row") == [
        "the “Row” box: '1' is not a data row; rows count as the "
        "spreadsheet shows them: the first data row is 2"
    ]


def test_a_row_that_cannot_be_made_shows_why_in_its_preview_and_in_the_merge(
    client: Any,
) -> None:
    """The row's own problem above the run's verdict, named by the uploaded file's name."""
    header = WORKSHOP.split("\n", 1)[0] + "\n"
    html = client.post(
        "/merge/preview",
        data=merge_files(header + BAD_ROW, row="2"),
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    shown = lines(html, "merge-messages")
    assert shown[0] == (
        "people.csv, row 2, column 'postcode' (recipient.postal_code): postcode '1067' looks "
        "like it lost its leading zero (01067); format the column as Text in the spreadsheet "
        "and export again, or write 01067"
    )
    # the run's verdict after its reasons, in the result under the form: "above" is true
    assert shown[1].startswith("people.csv: no document could be made: the row failed")
    assert shown[1].endswith(
        "fix the problems above in the files, choose them again and press “Preview this row”"
    )
    assert lines(html, "msg-data") == [] and "field marked above" not in html
    html = finished(
        client,
        client.post(
            "/merge/make", data=merge_files(header + BAD_ROW), content_type="multipart/form-data"
        ).get_data(as_text=True),
    )
    assert "people.csv, row 2, column &#39;postcode&#39; (recipient.postal_code): postcode" in html
    assert "letterpress-web-" not in html


def workbook(sheets: dict[str, str]) -> bytes:
    """An .xlsx of ``sheets`` (name -> CSV text with ';')."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, text in sheets.items():
        sheet = book.create_sheet(name)
        for row in csv.reader(io.StringIO(text), delimiter=";"):
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_merge_leaves_out_a_choice_for_the_other_kind_of_file(client: Any) -> None:
    """A CSV delimiter chosen for a workbook, a worksheet for a CSV: not a refusal."""
    book = {"data": (io.BytesIO(workbook({"People": WORKSHOP})), "people.xlsx")}
    for data in (merge_files(WORKSHOP, sheet="People"), {**merge_files("", **book)}):
        data.setdefault("delimiter", "semicolon")
        html = client.post("/merge/check", data=data, content_type="multipart/form-data")
        assert f"Checked {ROWS} rows: {ROWS} ready" in html.get_data(as_text=True)


@pytest.mark.parametrize(
    "files, form, slot, line",
    [
        (
            {"data": (workbook({"Notes": "About\n", "People": WORKSHOP}), "people.xlsx")},
            {},
            "msg-data",
            "people.xlsx: the data file has a header but no rows in its first sheet 'Notes'; "
            "give the sheet with the addresses: 'People' in the “Worksheet” box",
        ),
        (  # was under the Data box, with the Worksheet box not marked
            {"data": (workbook({"Notes": "About\n", "People": WORKSHOP}), "people.xlsx")},
            {"sheet": "Peple"},
            "msg-sheet",
            "people.xlsx, the “Worksheet” box: no sheet named 'Peple'; sheets: Notes, People",
        ),
        (
            {},
            {"kind": "call"},
            "msg-template",
            "workshop.toml: the template has no [call] table; add one for call sheets, or use "
            "“a letter” in the “Per row” box",
        ),
        (
            {"template": (b'subject = "Hi {{ row.first_name }}\n', "mine.toml")},
            {},
            "msg-template",
            "mine.toml, the “Template (letter file)” box: invalid TOML, line 1: the text has no "
            "closing quote; end it "
            'with " on the same line, or write a text of several lines between """ and """',
        ),
    ],
)
def test_merge_problems_name_the_page_s_controls_at_their_field(
    client: Any, files: dict[str, tuple[bytes, str]], form: dict[str, str], slot: str, line: str
) -> None:
    data = merge_files(WORKSHOP, **form)
    data |= {key: (io.BytesIO(body), name) for key, (body, name) in files.items()}
    html = client.post("/merge/check", data=data, content_type="multipart/form-data")
    html = html.get_data(as_text=True)
    assert lines(html, slot) == [line]
    assert "Nothing was made: see the message at the field marked above." in html
    assert "--" not in re.sub(r"<[^>]+>", "", html)


def test_a_column_the_data_lacks_is_named_by_the_uploaded_file(client: Any) -> None:
    data = WORKSHOP.replace("postcode", "plz", 1)
    html = client.post(
        "/merge/check", data=merge_files(data), content_type="multipart/form-data"
    ).get_data(as_text=True)
    assert "which people.csv does not have" in html
    assert "letterpress-web-" not in html


def finished(client: Any, html: str) -> str:
    job = re.search(r"/merge/job/([\w-]+)", html)
    assert job is not None, html
    for _ in range(200):
        html = client.get(f"/merge/job/{job.group(1)}").get_data(as_text=True)
        if "<progress" not in html:
            return html
        time.sleep(0.05)
    raise AssertionError("the merge did not finish")


def test_merge_makes_the_pdf_and_a_manifest_naming_the_download(client: Any) -> None:
    data = WORKSHOP + BAD_ROW
    html = finished(
        client,
        client.post(
            "/merge/make", data=merge_files(data), content_type="multipart/form-data"
        ).get_data(as_text=True),
    )
    good = ROWS
    assert f"{good} documents from {good + 1} rows" in html
    links = dict(
        (name, url) for url, name in re.findall(r'href="(/merge/job/[\w-]+/([\w.-]+))"', html)
    )
    assert set(links) == {"people.pdf", "manifest.csv"}
    pdf = PdfReader(io.BytesIO(client.get(links["people.pdf"]).get_data()))
    assert len(pdf.pages) == good
    manifest = list(
        csv.DictReader(io.StringIO(client.get(links["manifest.csv"]).get_data(as_text=True)))
    )
    assert [m["status"] for m in manifest] == ["ok"] * good + ["failed"]
    assert {m["output"] for m in manifest if m["status"] == "ok"} == {"people.pdf"}
    assert "lost its leading zero" in manifest[-1]["message"]


def test_merge_as_a_zip_of_one_file_per_row(client: Any) -> None:
    import zipfile

    html = finished(
        client,
        client.post(
            "/merge/make",
            data=merge_files(WORKSHOP, output="files", name="{{ row.last_name }}"),
            content_type="multipart/form-data",
        ).get_data(as_text=True),
    )
    url = re.search(r'href="(/merge/job/[\w-]+/people.zip)"', html)
    assert url is not None
    names = zipfile.ZipFile(io.BytesIO(client.get(url.group(1)).get_data())).namelist()
    assert "manifest.csv" in names and len(names) == ROWS + 1


def test_merge_limits_rows_and_upload_size_with_clear_messages(
    client: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(uploads, "ROW_LIMIT", 2)
    html = client.post(
        "/merge/check", data=merge_files(WORKSHOP), content_type="multipart/form-data"
    ).get_data(as_text=True)
    assert lines(html, "msg-data") == [
        f"people.csv: the data has {ROWS} rows, more than "
        "the 2 this run takes; split it into files of at most 2 rows"
    ]
    monkeypatch.setattr(uploads, "UPLOAD_LIMIT", 5000)  # the template is smaller
    html = client.post(
        "/merge/check", data=merge_files("x" * 5001), content_type="multipart/form-data"
    ).get_data(as_text=True)
    assert lines(html, "msg-data") == [
        "the “Data” box: 'people.csv' is larger than 0 MB; choose a file under 0 MB, or split "
        "the data into smaller files"
    ]


def test_a_request_over_the_total_limit_gets_a_clear_message() -> None:
    app = create_app()
    app.config.update(WTF_CSRF_ENABLED=False, MAX_CONTENT_LENGTH=1000)
    answer = app.test_client().post(
        "/merge/check",
        data=merge_files("x" * 2000),
        content_type="multipart/form-data",
        headers={"HX-Request": "true"},
    )
    assert answer.status_code == 413
    assert "the upload is larger than 20 MB a file; choose files under 20 MB" in answer.get_data(
        as_text=True
    )


def test_merge_template_may_not_name_a_layout_path(client: Any) -> None:
    template = re.sub(
        rb"(?m)^layout = .*$",
        b'layout = "/tmp/evil.toml"',
        (EXAMPLES / "batch" / "workshop.toml").read_bytes(),
    )
    assert b"/tmp/evil.toml" in template
    html = client.post(
        "/merge/check",
        data=merge_files(WORKSHOP, template=(io.BytesIO(template), "workshop.toml")),
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    (line,) = lines(html, "merge-messages")
    assert line.startswith("workshop.toml, layout: layout '/tmp/evil.toml' is not a bundled")


def test_follow_up_advice_and_its_artefacts(client: Any) -> None:
    values = formdata.form_values(example("follow-up.toml"), formdata.FOLLOWUP)
    values["now"] = "2026-12-22T16:00"
    html = client.post("/follow-up/advise", data=values).get_data(as_text=True)
    assert (
        '<p id="recommended" data-announce><strong>Recommended:</strong> letter, call</p>' in html
    )
    letter = client.post("/follow-up/artefact", data={**values, "artefact": "letter"})
    assert letter.headers["Content-Disposition"] == 'attachment; filename="follow-up-letter.pdf"'
    sheet = client.post("/follow-up/artefact", data={**values, "artefact": "call"})
    assert "Tom Berg" in PdfReader(io.BytesIO(sheet.get_data())).pages[0].extract_text()
    values["interview.process"] = "email"
    email = client.post("/follow-up/artefact", data={**values, "artefact": "email"})
    assert email.mimetype == "message/rfc822" and b"X-Unsent: 1" in email.get_data()
    values["interview.date"] = "2026-13-01T10:00"
    html = client.post("/follow-up/advise", data=values).get_data(as_text=True)
    (line,) = lines(html, "msg-interview-date")
    assert line.startswith("follow-up.toml, interview.date: ")


def test_call_sheet_preview_and_pdf(client: Any) -> None:
    values = formdata.form_values(example("call.toml"), formdata.CALL)
    html = client.post("/call/preview", data=values).get_data(as_text=True)
    assert "Call Ms. Dana Whitfield on +1 312-555-0147 (2027-03-25)" in html
    pdf = client.post("/call/pdf", data={**values, "paper": "letter"})
    assert PdfReader(io.BytesIO(pdf.get_data())).pages[0].mediabox.width == 612
    html = client.post("/call/preview", data={**values, "call.phone": ""}).get_data(as_text=True)
    (line,) = lines(html, "msg-call-phone")
    assert line.startswith("call.toml, call.phone: ")


def test_delivery_estimate_lists_the_holidays_and_says_the_cli_s_lines_at_its_boxes(
    client: Any,
) -> None:
    form = {
        "from": "Deutschland",
        "to": "DE",
        "to_postcode": "04275",
        "mode": "posted",
        "posted": "2026-11-17T12:00",
    }
    html = client.post("/delivery/estimate", data=form).get_data(as_text=True)
    cli = run_cli(
        "estimate",
        "--from",
        "DE",
        "--to",
        "DE",
        "--to-postcode",
        "04275",
        "--posted",
        "2026-11-17T12:00",
    ).stdout.splitlines()
    assert f"<strong>{cli[0]}</strong>" in html
    assert (
        "<li>Public holidays on the way: Wed 18 Nov Repentance and Prayer Day (DE-SN).</li>" in html
    )
    html = client.post(
        "/delivery/estimate", data={**form, "mode": "arrive_by", "arrive_by": "2026-02-30"}
    ).get_data(as_text=True)
    cli = run_cli("estimate", "--from", "DE", "--to", "DE", "--arrive-by", "2026-02-30")
    line = cli.stderr.strip().removeprefix("letterpress: error: ")
    assert line.startswith("--arrive-by: ")  # the page names its box instead
    assert lines(html, "msg-arrive_by") == [
        "the “Arrival date” box: " + line.removeprefix("--arrive-by: ")
    ]


def test_delivery_far_ahead_says_the_cli_s_warning_at_the_posted_box(client: Any) -> None:
    form = {"from": "DE", "to": "DE", "mode": "posted", "posted": "2062-01-05T10:00"}
    html = client.post("/delivery/estimate", data=form).get_data(as_text=True)
    assert 'id="sentence"' in html  # the estimate stands
    (line,) = lines(html, "msg-posted")
    assert line.startswith(
        "the “Posting date and time” box: 2062-01-05 is more than a year after today"
    )
    assert line.endswith("which may have changed by then; check the year")


def test_delivery_from_a_country_without_carrier_points_at_the_carrier_box(client: Any) -> None:
    form = {"from": "IE", "to": "DE", "mode": "posted", "posted": "2026-11-17T12:00"}
    html = client.post("/delivery/estimate", data=form).get_data(as_text=True)
    assert lines(html, "msg-carrier") == [
        "the “Carrier” box: letterpress knows no carrier collecting letters in Ireland; "
        "for a letter abroad, “EU cross-border standard” in the “Carrier” box (to an EU "
        "country) or “UPU global target” in the “Carrier” box gives the international target; "
        "the “Carrier” box lists the carriers letterpress knows"
    ]
    assert "letterpress carriers" not in html


@pytest.mark.parametrize(
    "url, module",
    [
        ("/", "letterpage"),
        ("/follow-up", "followup"),
        ("/call", "callpage"),
        ("/merge", "mergepage"),
        ("/delivery", "deliverypage"),
    ],
)
def test_every_field_a_message_can_concern_is_on_its_page(
    client: Any, url: str, module: str
) -> None:
    import importlib

    slots = importlib.import_module(f"letterpress.web.{module}").SLOTS
    html = client.get(url).get_data(as_text=True)
    for slot in slots:
        assert f'id="msg-{slot.replace(".", "-")}"' in html, slot
        if slot not in ("import", "mode", "output"):
            assert f'name="{slot}"' in html, slot


def test_serve_refuses_a_host_others_can_reach_unless_told(tmp_path: Path) -> None:
    from conftest import assert_one_line_error

    from letterpress.web.server import is_loopback

    assert_one_line_error(
        run_cli("serve", "--host", "0.0.0.0", "--no-open"),
        "letterpress: error: --host: '0.0.0.0' is not a loopback address: "
        "anyone on the network could use the page and read what you type; "
        "leave out --host, or add --i-know-this-is-exposed if you mean it",
    )
    assert_one_line_error(
        run_cli("serve", "--port", "70000", "--no-open"), "--port: 70000 is not a port number"
    )
    for port in ("1", "1023", "-5"):
        assert_one_line_error(
            run_cli("serve", "--port", port, "--no-open"),
            f"letterpress: error: --port: {port} is not a port number; "
            "use 1024 to 65535, or leave out --port for a free one",
        )
    assert [
        is_loopback(h)
        for h in (
            "127.0.0.1",
            "127.8.0.1",
            "::1",
            "[::1]",
            "localhost",
            "0.0.0.0",
            "192.168.1.2",
            "example.org",
        )
    ] == [True, True, True, True, True, False, False, False]


def test_uploads_are_private_and_deleted_once_answered(
    client: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    import stat
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    with uploads.private_folder() as folder:
        assert folder.parent == scratch and stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert not folder.exists()
    for url, data in (
        ("/merge/check", merge_files(WORKSHOP)),
        ("/merge/preview", merge_files(WORKSHOP, row="3")),
    ):
        assert client.post(url, data=data, content_type="multipart/form-data").status_code == 200
        assert list(scratch.iterdir()) == [], url
    values: dict[str, Any] = formdata.form_values(example("thank-you.toml"), formdata.LETTER)
    values["signature_image"] = (io.BytesIO(png_bytes()), "sig.png")
    pdf = client.post("/letter/pdf", data=values, content_type="multipart/form-data")
    assert pdf.mimetype == "application/pdf" and list(scratch.iterdir()) == []
    html = finished(
        client,
        client.post(
            "/merge/make", data=merge_files(WORKSHOP), content_type="multipart/form-data"
        ).get_data(as_text=True),
    )
    assert f"{ROWS} documents from {ROWS} rows" in html
    (job,) = scratch.iterdir()  # the results stay for download; the uploads are gone
    assert stat.S_IMODE(job.stat().st_mode) == 0o700
    assert sorted(p.name for p in job.iterdir()) == ["out"]


def test_a_merge_uses_the_default_printer_but_its_row_preview_does_not(
    client: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from letterpress.calibrate.printers import save_printer
    from letterpress.pdf.shift import Shift

    monkeypatch.setenv("LETTERPRESS_CONFIG_DIR", str(tmp_path / "config"))

    def merged() -> tuple[bytes, str]:
        html = finished(
            client,
            client.post(
                "/merge/make", data=merge_files(WORKSHOP), content_type="multipart/form-data"
            ).get_data(as_text=True),
        )
        url = re.search(r'href="(/merge/job/[\w-]+/people.pdf)"', html)
        assert url is not None, html
        preview = client.post(
            "/merge/preview",
            data=merge_files(WORKSHOP, row="3"),
            content_type="multipart/form-data",
        ).get_data(as_text=True)
        return client.get(url.group(1)).get_data(), preview

    plain, plain_preview = merged()
    save_printer("Office", Shift(dx=-1, dy=2, printer="Office"), make_default=True)
    moved, preview = merged()
    before, after = _chars(plain), _chars(moved)
    assert len(before) == len(after) >= 200
    for (text, x, y), (text2, x2, y2) in zip(before, after):
        assert text == text2
        assert x2 - x == pytest.approx(-1, abs=1e-3) and y2 - y == pytest.approx(2, abs=1e-3)
    assert preview == plain_preview


@pytest.mark.parametrize(
    "lang, box",
    [("en", "More of the letter file (TOML)"), ("de", "Weiteres aus der Briefdatei (TOML)")],
)
def test_a_problem_in_the_more_box_is_named_by_the_box_in_the_page_s_language(
    client: Any, lang: str, box: str
) -> None:
    """Problems with what the "More of the letter file" box holds began with the form's
    field name ("letter.toml, more: invalid TOML") or stood at the top of the page as a key
    of a file the user never saw ("letter.toml, foo: unknown field"): they are under the box
    and name it as the page labels it."""
    form = {**formdata.form_values(example("thank-you.toml"), formdata.LETTER)}
    header = {"Accept-Language": lang}
    html = client.post(
        "/letter/preview", data={**form, "more": "subject = [1"}, headers=header
    ).get_data(as_text=True)
    assert lines(html, "msg-more") == [
        f"the “{box}” box: invalid TOML: Unclosed array (at end of document); fix the syntax "
        "in this box (quotes, = signs, [tables])"
    ]
    html = client.post(
        "/letter/preview", data={**form, "more": "foo = 1"}, headers=header
    ).get_data(as_text=True)
    (line,) = lines(html, "msg-more")
    assert line.startswith(f"foo in the “{box}” box: unknown field 'foo'; known fields: layout,")
    html = client.post(
        "/letter/pdf",
        data={**form, "more": '[recipient]\naddress_lines = ["a", 3]'},
        headers=header,
    ).get_data(as_text=True)
    assert lines(html, "msg-more") == [
        f"recipient.address_lines in the “{box}” box: must be a list of texts; write "
        'address_lines = ["...", "..."]'
    ]
    call = formdata.form_values(example("call.toml"), formdata.CALL)
    html = client.post(
        "/call/preview", data={**call, "more": "[call]\nminutes = 5\n"}, headers=header
    ).get_data(as_text=True)
    assert lines(html, "msg-more") == [
        f"call.minutes in the “{box}” box: unknown field 'minutes'; did you mean 'points'?"
    ]


def test_a_mailing_problem_on_the_follow_up_page_points_at_the_page_s_carrier_choice(
    client: Any, tmp_path: Path
) -> None:
    """A [mailing] carrier that does not post from the sender's country said "see
    `letterpress carriers`" on the page, at no field: it is under the box that holds
    [mailing] and points to the Delivery estimate page's carrier box, which shows the ids."""
    values = formdata.form_values(example("follow-up.toml"), formdata.FOLLOWUP)
    more = '[mailing]\ncarrier = "royal-mail"\nservice = "first"\n'
    html = client.post(
        "/follow-up/advise",
        data={**values, "more": more, "now": "2026-12-22T16:00"},
        headers={"Accept-Language": "de"},
    ).get_data(as_text=True)
    assert lines(html, "msg-more") == [
        "mailing.carrier in the “Weiteres aus der Briefdatei (TOML)” box: royal-mail does not "
        "collect letters in DE (the sender's country); the delivery estimate is left out; "
        'write carrier = "deutsche-post", the carrier for letters posted in DE, with one of its '
        "services (see the “Postunternehmen” box of the “Laufzeit” page), or leave carrier and "
        "service out; or remove [mailing]"
    ]
    assert (
        '<p id="recommended" data-announce>' in html
    )  # the advice stands, without the arrival date
    assert "letterpress carriers" not in html
    page = client.get("/delivery").get_data(as_text=True)
    assert '<option value="deutsche-post">Deutsche Post (deutsche-post)</option>' in page
    # the command line keeps its words
    text = (EXAMPLES / "follow-up.toml").read_text(encoding="utf-8")
    mine = tmp_path / "mine.toml"
    mine.write_text(text.replace('carrier = "deutsche-post"', 'carrier = "royal-mail"'))
    mine.write_text(mine.read_text().replace('service = "standard"', 'service = "first"'))
    cli = run_cli("advise", str(mine), "--now", "2026-12-22T16:00")
    assert cli.returncode == 0
    assert "with one of its services (see `letterpress carriers`)" in cli.stderr


def test_the_closing_s_hint_says_what_an_empty_closing_prints(client: Any) -> None:
    """The closing's hint was the opening's ("Leave empty for “Dear Ms Lee,”..."): it says
    the closing an empty field prints, which the letter then has."""
    hints = {
        "en": "Leave empty for the one that goes with the opening: “Yours sincerely,” after "
        "“Dear Ms Lee,”, else “Yours faithfully,”.",
        "de": "Leer lassen für „Mit freundlichen Grüßen“.",
        "fr": "Laisser vide pour la formule accordée à la formule d'appel : « Veuillez agréer, "
        "Madame, l’expression de mes salutations distinguées. »",
    }
    for lang, hint in hints.items():
        for url in ("/", "/follow-up"):
            html = client.get(url, headers={"Accept-Language": lang}).get_data(as_text=True)
            found = re.search(r'<p class="hint" id="h-closing">([^<]*)</p>', html)
            assert found and found.group(1).replace("&#39;", "'") == hint, (lang, url)
    form = formdata.form_values(example("thank-you.toml"), formdata.LETTER)
    for language, name, closing in (
        ("en-GB", "Ms Mei Lee", "Yours sincerely,"),
        ("en-GB", "", "Yours faithfully,"),
        ("de", "Frau Mei Lee", "Mit freundlichen Grüßen"),
        ("fr", "Madame Mei Lee", "Veuillez agréer, Madame, l’expression de mes salutations"),
    ):
        data = {**form, "closing": "", "opening": "", "language": language}
        data["recipient.name"] = name
        pdf = client.post("/letter/pdf", data=data)
        assert pdf.mimetype == "application/pdf", pdf.get_data(as_text=True)[:3000]
        text = PdfReader(io.BytesIO(pdf.get_data())).pages[0].extract_text()
        assert closing in text.replace("\n", " "), (language, text)


def test_a_worksheet_that_is_not_there_is_named_at_the_sheet_option(tmp_path: Path) -> None:
    """batch --sheet with a name the workbook lacks names the option it came from."""
    data = tmp_path / "people.xlsx"
    data.write_bytes(workbook({"Notes": "About\n", "People": WORKSHOP}))
    template = EXAMPLES / "batch" / "workshop.toml"
    done = run_cli(
        "batch", str(template), str(data), "--sheet", "Peple", "-o", str(tmp_path / "o.pdf")
    )
    assert done.returncode == 2
    assert done.stderr == (
        f"letterpress: error: {data}, --sheet: no sheet named 'Peple'; sheets: Notes, People\n"
    )


@pytest.mark.parametrize("name", ["kontakte.xls", "kontakte.xlsx"])
def test_merge_takes_every_workbook_the_batch_reads(client: Any, name: str) -> None:
    """An old Excel .xls, which letterpress batch reads, was refused by the page ("is not a
    .csv or .txt or .tsv or .xlsx or .ods file") and hidden by its file chooser."""
    sheets = ROOT / "tests" / "fixtures" / "sheets"
    data = {
        "template": (io.BytesIO((sheets / "brief.toml").read_bytes()), "brief.toml"),
        "data": (io.BytesIO((sheets / name).read_bytes()), name),
    }
    html = client.post("/merge/check", data=data, content_type="multipart/form-data")
    assert "Checked 5 rows: 5 ready" in html.get_data(as_text=True)
    page = client.get("/merge").get_data(as_text=True)
    assert 'accept=".csv,.txt,.tsv,.xlsx,.xlsm,.xls,.ods"' in page


def test_a_field_left_empty_says_to_fill_in_its_box_not_to_add_a_toml_line(
    client: Any, tmp_path: Path
) -> None:
    """An empty Subject said 'add subject = "..."' under the box, an empty interview date
    'write date = 2026-12-22T10:00': lines of a file the page user never writes."""
    form = formdata.form_values(example("thank-you.toml"), formdata.LETTER)
    html = client.post("/letter/preview", data={**form, "subject": ""}).get_data(as_text=True)
    assert lines(html, "msg-subject") == ["letter.toml, subject: missing field; fill in this box"]
    values = formdata.form_values(example("follow-up.toml"), formdata.FOLLOWUP)
    html = client.post("/follow-up/advise", data={**values, "interview.date": ""}).get_data(
        as_text=True
    )
    assert lines(html, "msg-interview-date") == [
        "follow-up.toml, interview.date: missing field; fill in this box"
    ]
    # the command line keeps the file's words
    mine = tmp_path / "mine.toml"
    mine.write_text('body = "Hi"\n[sender]\nname = "B"\n[recipient]\nname = "A"\n')
    done = run_cli("letter", str(mine), "-o", str(tmp_path / "mine.pdf"))
    assert (
        done.stderr == f'letterpress: error: {mine}, subject: missing field; add subject = "..."\n'
    )


def test_the_advice_to_give_address_lines_says_where_the_page_takes_them(client: Any) -> None:
    """ "or give address_lines for a free-form address" named a key the form has no box for:
    the line says where it is written, the box of the file's other settings."""
    form = formdata.form_values(example("thank-you.toml"), formdata.LETTER)
    html = client.post(
        "/letter/preview",
        data={**form, "recipient.postal_code": "2045"},
        headers={"Accept-Language": "fr"},
    ).get_data(as_text=True)
    assert lines(html, "msg-recipient-postal_code") == [
        "letter.toml, recipient.postal_code: '2045' is not a valid postal code for Germany; "
        "e.g. 26133, 53225, or give address_lines in the “Le reste du fichier de lettre (TOML)” "
        "box for a free-form address"
    ]


def test_a_recipient_s_postcode_the_estimate_refuses_is_named_where_it_was_written(
    client: Any, tmp_path: Path
) -> None:
    """A follow-up file whose [mailing] has no to_postcode, with a recipient postcode the
    estimate refuses, was refused at 'mailing.to_postcode', a key the file does not have (on
    the page: in the box of other settings, which does not hold it either). The advice now
    stands, and the warning names where the postcode was written, on the page at its box
    (the page showed advise's warnings nowhere before): `letter` refuses that postcode, so
    the warning is the letter's refusal (no letter is advised), not the estimate's."""
    values = formdata.form_values(example("follow-up.toml"), formdata.FOLLOWUP)
    html = client.post(
        "/follow-up/advise",
        data={**values, "recipient.postal_code": "8137", "now": "2026-12-22T16:00"},
    ).get_data(as_text=True)
    refused = (
        "recipient.postal_code: the letter cannot be printed as it stands: '8137' is not a "
        "valid postal code for Germany; e.g. 26133, 53225, or give address_lines"
    )
    assert lines(html, "msg-recipient-postal_code") == [
        f"follow-up.toml, {refused} in the “More of the letter file (TOML)” box for a "
        "free-form address"
    ]
    assert lines(html, "msg-more") == []
    mine = tmp_path / "mine.toml"
    text = (EXAMPLES / "follow-up.toml").read_text(encoding="utf-8")
    mine.write_text(text.replace('postal_code = "81373"', 'postal_code = "8137"'))
    done = run_cli("advise", str(mine), "--now", "2026-12-22T16:00")
    assert done.returncode == 0  # advised without the letter, with one warning
    assert done.stderr.splitlines()[-1] == (
        f"letterpress: warning: {mine}, {refused} for a free-form address"
    )


def test_a_form_s_address_opened_again_leads_to_its_page(client: Any) -> None:
    """After a refused download the address bar shows /letter/pdf; opening it again (Enter in
    the address bar, a bookmark) showed "The method is not allowed for the requested URL"."""
    for url, page in (
        ("/letter/pdf", "/"),
        ("/follow-up/artefact", "/follow-up"),
        ("/merge/check", "/merge"),
        ("/delivery/estimate", "/delivery"),
        ("/call/pdf", "/call"),
    ):
        answer = client.get(url)
        assert (answer.status_code, answer.headers["Location"]) == (302, page)
    assert client.get("/nope").status_code == 404


def test_an_address_that_is_no_page_says_so_in_one_line(client: Any) -> None:
    """/followup (the menu's page is /follow-up) said werkzeug's “The requested URL was not
    found on the server. If you entered the URL manually please check your spelling and try
    again; go back to the page”: two sentences, and no way named."""
    answer = client.get("/followup")
    assert answer.status_code == 404
    html = answer.get_data(as_text=True)
    assert re.findall(r'class="line">([^<]*)<', html) == [
        "there is no page /followup; choose one in the menu above"
    ]
    assert 'href="/follow-up"' in html  # the menu is there


def test_the_result_table_speaks_the_page_s_language(client: Any) -> None:
    """The rows of a finished merge showed the manifest's "letter" and "failed" on the
    German and French pages."""
    data = WORKSHOP.replace("\n", "\n" + BAD_ROW, 1)
    for lang, cells in (("de", ["Brief", "fehlgeschlagen"]), ("fr", ["Lettre", "en échec"])):
        html = client.post(
            "/merge/make",
            data=merge_files(data),
            content_type="multipart/form-data",
            headers={"Accept-Language": lang},
        ).get_data(as_text=True)
        job = re.search(r"/merge/job/([\w-]+)", html)
        assert job is not None
        for _ in range(200):
            html = client.get(
                f"/merge/job/{job.group(1)}", headers={"Accept-Language": lang}
            ).get_data(as_text=True)
            if "<progress" not in html:
                break
            time.sleep(0.05)
        row = re.search(
            r'<table id="manifest-rows"[^>]*>.*?<tbody[^>]*>\s*<tr[^>]*>(.*?)</tr>', html, re.S
        )
        assert row is not None, html
        assert re.findall(r"<td[^>]*>([^<]*)</td>", row.group(1))[:3] == ["2", *cells]


@pytest.mark.parametrize("url", ["/letter/import", "/follow-up/import", "/call/import"])
def test_a_file_that_cannot_be_opened_names_the_file_box_as_the_page_labels_it(
    client: Any, url: str
) -> None:
    """A refused letter file began with the form's field name, "import:"."""
    for files, line in (
        (
            {"import": (io.BytesIO(b"\x89PNG\r\n"), "sig.png")},
            "the “Briefdatei öffnen” box: 'sig.png' is not a .toml or .json file; choose a "
            ".toml or .json file",
        ),
        ({}, "the “Briefdatei öffnen” box: no file chosen; choose the .toml file to import"),
    ):
        html = client.post(
            url, data=files, content_type="multipart/form-data", headers={"Accept-Language": "de"}
        ).get_data(as_text=True)
        assert lines(html, "msg-import") == [line]


def test_a_refused_signature_upload_names_its_box(client: Any) -> None:
    """An upload of the wrong kind began with the form's field name, 'signature_image: ...'."""
    form = formdata.form_values(example("thank-you.toml"), formdata.LETTER)
    gif = {"signature_image": (io.BytesIO(b"GIF89a"), "sig.gif")}
    html = client.post(
        "/letter/preview",
        data={**form, **gif},
        content_type="multipart/form-data",
        headers={"Accept-Language": "fr"},
    ).get_data(as_text=True)
    assert lines(html, "msg-signature_image") == [
        "the “Image de la signature” box: 'sig.gif' is not a .png, .jpg or .jpeg file; "
        "choose a .png, .jpg or .jpeg file"
    ]
    template = (EXAMPLES / "batch" / "workshop.toml").read_text(encoding="utf-8")
    template = template.replace("\n[sender]", '\nsignature_image = "sig.png"\n[sender]', 1)
    data = merge_files(WORKSHOP, signature_image=(io.BytesIO(b"GIF89a"), "sig.gif"))
    data["template"] = (io.BytesIO(template.encode()), "workshop.toml")
    html = client.post("/merge/check", data=data, content_type="multipart/form-data").get_data(
        as_text=True
    )
    assert lines(html, "msg-signature_image") == [
        "the “Signature image” box: 'sig.gif' is not a .png, .jpg or .jpeg file; "
        "choose a .png, .jpg or .jpeg file"
    ]


def test_a_tone_finding_in_the_more_box_is_shown_under_it(client: Any) -> None:
    """A finding in a table the "More of the letter file" box holds ([email], [call]) stood
    at the top of the page as 'letter.toml: email.body: eager: ...'."""
    form = formdata.form_values(example("thank-you.toml"), formdata.LETTER)
    more = '[email]\nsubject = "Thanks"\nbody = "I can\'t wait to hear from you."\n'
    html = client.post("/letter/preview", data={**form, "more": more}).get_data(as_text=True)
    assert lines(html, "msg-more") == [
        "email.body in the “More of the letter file (TOML)” box: eager: \"can't wait to "
        'hear"; suggestion: I look forward to hearing from you.'
    ]


def test_the_advice_to_set_return_line_says_where_the_page_takes_it(client: Any) -> None:
    """A sender too long for the return line said 'set return_line = "shorter text", or
    return_line = false', a key the form has no box for."""
    form = formdata.form_values(example("thank-you.toml"), formdata.LETTER)
    name = "Maximiliane-Konstantina-Friederike von und zu Hohenzollern-Sigmaringen"
    html = client.post("/letter/preview", data={**form, "sender.name": name}).get_data(as_text=True)
    (line,) = [m for m in lines(html, "feedback-messages") if "return line" in m]
    assert line.endswith(
        'set return_line = "shorter text", or return_line = false, in the “More of the '
        "letter file (TOML)” box"
    )


def test_an_artefact_the_advice_does_not_recommend_is_named_with_its_article(
    client: Any,
) -> None:
    """'the advice does not recommend a email now': an email."""
    values = formdata.form_values(example("follow-up.toml"), formdata.FOLLOWUP)
    values["now"] = "2026-12-22T16:00"  # letter and call, no email
    answer = client.post("/follow-up/artefact", data={**values, "artefact": "email"})
    assert answer.status_code == 422
    assert (
        "follow-up.toml: the advice does not recommend an email now; use the downloads the "
        "advice shows" in answer.get_data(as_text=True)
    )


def test_the_carrier_choice_s_default_fits_its_box_and_is_explained_above_it(
    client: Any,
) -> None:
    """'The national carrier of the From country' was cut off in its select ('...of the
    From'); the option is short and the hint above the box says what it means."""
    for lang, option, hint in (
        ("en", "National post", "By default, the national post of the From country."),
        ("de", "Nationale Post", "Ohne Auswahl: die nationale Post des Von-Landes."),
    ):
        page = client.get("/delivery", headers={"Accept-Language": lang}).get_data(as_text=True)
        assert f'<option value="">{option}</option>' in page
        assert f'<p class="hint" id="h-carrier">{hint}</p>' in page
        assert 'aria-describedby="h-carrier msg-carrier"' in page


def test_call_sheet_warns_as_the_cli_does_that_the_best_time_ended_today(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`letterpress call` printed at 17:00 on the day of the example's 15:30-17:00 window says
    the window has gone; the Call sheet page said nothing: it checks against now too."""
    from datetime import datetime as real
    from zoneinfo import ZoneInfo

    from letterpress.web import callpage

    class Clock(real):
        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return real(2027, 3, 25, 17, 0, tzinfo=ZoneInfo("Europe/Berlin"))

    monkeypatch.setattr(callpage, "datetime", Clock, raising=False)
    monkeypatch.setenv("LETTERPRESS_TZ", "Europe/Berlin")
    values = formdata.form_values(example("call.toml"), formdata.CALL)
    html = client.post("/call/preview", data=values).get_data(as_text=True)
    assert lines(html, "msg-call-call_on") == [
        "call.toml, call.call_on: the best time ended at 17:00 your time (Europe/Berlin) on "
        "2027-03-25, before now (2027-03-25 17:00); write the day you will call in this box"
    ]


def test_the_call_form_reads_a_best_time_in_words_as_the_cli_does(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The form's "Their best time" refused "mornings" as `letterpress call` did; it reads
    it as the command does (09:00-12:00 there), and says "9-9"'s warning at the box."""
    monkeypatch.setenv("LETTERPRESS_TZ", "Europe/Berlin")
    values = formdata.form_values(example("call.toml"), formdata.CALL)
    pdf = client.post("/call/pdf", data={**values, "call.best_time": "mornings"})
    assert pdf.mimetype == "application/pdf"
    text = " ".join(PdfReader(io.BytesIO(pdf.get_data())).pages[0].extract_text().split())
    assert "9:00 AM–12:00 PM America/Chicago" in text and "3:00 PM–6:00 PM Europe/Berlin" in text
    html = client.post("/call/preview", data={**values, "call.best_time": "9-9"})
    assert lines(html.get_data(as_text=True), "msg-call-best_time") == [
        "call.toml, call.best_time: '9-9' is read as 09:00-21:00, twelve hours; write "
        "09:00-21:00 in this box if that is meant, else the window you mean"
    ]


def test_everyone_else_you_met_is_read_as_name_e_mail_phone_and_the_rest_is_said(
    client: Any,
) -> None:
    """A starter's '[their email address]' came back as phone = ..., and 'Head of Sales' was
    kept as a phone number without a word."""
    starter = (ROOT / "letterpress/starters/en/follow-up.toml").read_text(encoding="utf-8")
    values = formdata.form_values(parse_toml(starter, Where()), formdata.FOLLOWUP)
    assert values["interview.involved"] == "[Name], [their email address]"
    saved = tomllib.loads(client.post("/follow-up/toml", data=values).get_data(as_text=True))
    assert saved["interview"]["involved"] == [{"name": "[Name]", "email": "[their email address]"}]
    values = formdata.form_values(example("follow-up.toml"), formdata.FOLLOWUP)
    values["interview.involved"] = (
        "Tom Berg, +49 89 1234567, tom.berg@example.com\nAnn Ott, Head of Sales"
    )
    for url in ("/follow-up/advise", "/follow-up/toml"):
        html = client.post(url, data=values).get_data(as_text=True)
        assert lines(html, "msg-interview-involved") == [
            "follow-up.toml, interview.involved: 'Head of Sales' (line 2) is neither an e-mail "
            "address nor a phone number; write one person a line as name, e-mail, phone, e.g. "
            "Tom Berg, tom.berg@example.com, +49 89 1234567"
        ]


def test_a_file_name_pattern_that_cannot_be_read_is_said_at_its_box(client: Any) -> None:
    """It failed the merge with the template engine's words ("template error: expected 'end
    of print statement'.; write it like ..."), in the job's area, the box not marked."""
    html = client.post(
        "/merge/make",
        data=merge_files(WORKSHOP, output="files", name="{{ row.last_name"),
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "/merge/job/" not in html
    assert lines(html, "msg-name") == [
        "the “File names in the zip” box: '{{ row.last_name' is not a file name pattern; put "
        "each column between {{ and }} and write the rest as it is, e.g. "
        "{{ row.last_name }}-{{ n }} (a column with spaces as {{ row['last name'] }})"
    ]


def test_the_call_sheet_page_saves_its_file_as_letterpress_call_reads_it(
    client: Any, tmp_path: Path
) -> None:
    """The Call sheet page could only download the PDF; what was typed there was lost."""
    page = client.get("/call").get_data(as_text=True)
    assert 'formaction="/call/toml">Save the call file (.toml)</button>' in page
    data = {**example("call.toml"), "signature_image": "me.png"}
    opened = client.post(
        "/call/import",
        data={"import": (io.BytesIO(tomli_w.dumps(data).encode()), "call.toml")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    values = dict(re.findall(r'<input[^>]* name="([^"]+)"[^>]* value="([^"]*)"', opened))
    values |= {k: v for k, v in formdata.form_values(example("call.toml"), formdata.CALL).items()}
    saved = client.post("/call/toml", data=values)
    assert saved.headers["Content-Disposition"] == 'attachment; filename="call.toml"'
    assert tomllib.loads(saved.get_data(as_text=True)) == tomllib.loads(tomli_w.dumps(data))
    (tmp_path / "call.toml").write_bytes(saved.get_data())
    (tmp_path / "me.png").write_bytes(png_bytes())
    done = run_cli("call", "call.toml", "-o", "sheet.pdf", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    pdf = client.post("/call/pdf", data=values).get_data()
    assert (tmp_path / "sheet.pdf").read_bytes() == pdf  # byte for byte


def test_a_refused_field_is_marked_invalid_in_the_page_sent_again(client: Any) -> None:
    """The page sent back with an error said it beside the box, but not to a screen reader."""
    values = formdata.form_values(example("call.toml"), formdata.CALL)
    page = client.post("/call/pdf", data={**values, "call.phone": ""}).get_data(as_text=True)
    (phone,) = re.findall(r'<input id="f-call-phone"[^>]*>', page)
    assert 'aria-invalid="true"' in phone
    assert len(re.findall(r'aria-invalid="true"', page)) == 1


@pytest.mark.parametrize("url", ["/", "/follow-up", "/call"])
def test_a_file_s_language_the_list_lacks_stays_chosen(client: Any, url: str) -> None:
    """A starter of `letterpress init --language de-DE` opened here showed "en", the list's
    first, and the letter was made and saved in English."""
    data = {**example("follow-up.toml"), "language": "de-DE"}
    page = client.post(
        url.rstrip("/") + ("/letter/import" if url == "/" else "/import"),
        data={"import": (io.BytesIO(tomli_w.dumps(data).encode()), "letter.toml")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    (chosen,) = re.findall(r'<select id="f-language".*?</select>', page, re.S)
    assert re.findall(r'<option value="([^"]*)" selected>', chosen) == ["de-DE"]


@pytest.mark.parametrize("url", ["/follow-up", "/call"])
def test_the_layout_chosen_at_first_is_the_one_the_command_line_uses(client: Any, url: str) -> None:
    """The Follow-up page chose the list's first layout, ch-left (a Swiss one), where
    `letterpress advise` uses din5008-b."""
    page = client.get(url).get_data(as_text=True)
    (chosen,) = re.findall(r'<select id="f-layout".*?</select>', page, re.S)
    assert re.findall(r'<option value="([^"]*)" selected>', chosen) == ["din5008-b"]


LEUTE = "Vorname;Name;Straße;PLZ;Ort\nAnna;Schmidt;Hauptstraße 1;01067;Dresden\n"
NOT_A_COLUMN = (
    "leute.csv, the “File names in the zip” box: the file name pattern uses column "
    "'Nachname', which leute.csv does not have; did you mean {{ row.Name }}? the columns are "
    "Vorname, Name, Straße, PLZ, Ort"
)


@pytest.mark.parametrize(
    "pattern, line",
    [
        ("{{ Nachname }}", NOT_A_COLUMN),
        ("{{ row.Nachname }}", NOT_A_COLUMN),
        (
            "{{ Name }}-{{ n }}",
            "leute.csv, the “File names in the zip” box: the file name pattern uses 'Name' "
            "without 'row.' in front; write {{ row.Name }}",
        ),
        ("{{ row.Name }}-{{ row['Straße'] }}", None),
    ],
)
def test_a_file_name_pattern_naming_a_column_the_sheet_lacks_is_said_at_its_box_at_once(
    client: Any, pattern: str, line: str | None
) -> None:
    """It was said only when the merge failed, in the job's area (the box not marked), and a
    pattern without ``row.`` failed every row ("UndefinedError: 'Nachname' is undefined")."""
    data = {"data": (io.BytesIO(LEUTE.encode()), "leute.csv"), "output": "files", "name": pattern}
    changed = client.post("/merge/names", data=data, content_type="multipart/form-data")
    assert lines(changed.get_data(as_text=True), "msg-name") == ([line] if line else [])
    data = merge_files("", output="files", name=pattern)
    data["data"] = (io.BytesIO(LEUTE.encode()), "leute.csv")
    made = client.post("/merge/make", data=data, content_type="multipart/form-data")
    html = made.get_data(as_text=True)
    if line is None:
        assert "/merge/job/" in html
        return
    assert "/merge/job/" not in html  # nothing started
    assert lines(html, "msg-name") == [line]
    assert '<a class="to-box" href="#f-name">Go to that box</a>' in html


def test_the_file_names_are_not_checked_for_one_merged_pdf(client: Any) -> None:
    data = {"data": (io.BytesIO(LEUTE.encode()), "leute.csv"), "name": "{{ row.Nachname }}"}
    changed = client.post("/merge/names", data=data, content_type="multipart/form-data")
    assert lines(changed.get_data(as_text=True), "msg-name") == []


def chosen_layout(page: str) -> list[str]:
    """The layout the page has chosen: a checked radio button, or the selected option."""
    radios = re.findall(
        r'<input type="radio" name="layout" id="[^"]+" value="([^"]*)" checked', page
    )
    (select,) = re.findall(r'<select id="f-layout".*?</select>', page, re.S) or [""]
    return radios + re.findall(r'<option value="([^"]*)" selected>', select)


@pytest.mark.parametrize("url", ["/", "/follow-up", "/call"])
@pytest.mark.parametrize(
    "layout, instead", [("layouts/my-envelope.toml", "din5008-b"), ("DIN5008-A", "din5008-a")]
)
def test_an_opened_file_s_layout_the_page_lacks_is_said_and_kept_as_a_choice(
    client: Any, url: str, layout: str, instead: str
) -> None:
    """The Letter page chose no layout at all (no radio button checked) and previewed and
    saved the letter without the file's layout, without a word."""
    data = {**example("follow-up.toml"), "layout": layout}
    base = url.rstrip("/") or "/letter"
    page = client.post(
        base + "/import",
        data={"import": (io.BytesIO(tomli_w.dumps(data).encode()), "mine.toml")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert chosen_layout(page) == [instead]
    own = f"{layout} (kept as it is; the page cannot show it)"
    assert lines(page, "msg-layout") == [
        f"layout '{layout}' is not one the page can show; the page uses the one chosen here "
        f"({instead}); choose “{own}” to keep it in the saved file"
    ]
    assert f'value="{layout}"' in page and own in unescape(page)  # the file's own
    assert f'<input type="hidden" name="layout_named" value="{layout}">' in page
    values = formdata.form_values(data, formdata.FOLLOWUP)
    form = {**values, "layout": layout, "layout_named": layout}
    saved = client.post(base + "/toml", data=form).get_data(as_text=True)
    assert tomllib.loads(saved)["layout"] == layout  # chosen: kept in the saved file
    saved = client.post(base + "/toml", data={**form, "layout": instead}).get_data(as_text=True)
    assert tomllib.loads(saved)["layout"] == instead


def test_the_merged_pdf_is_named_after_the_data_file_in_its_own_letters(client: Any) -> None:
    """“Adressen Müller (2026).csv” gave “Adressen-M-ller-2026.pdf”."""
    html = finished(
        client,
        client.post(
            "/merge/make",
            data={
                **merge_files(WORKSHOP),
                "data": (io.BytesIO(WORKSHOP.encode()), "Adressen Mu\u0308ller (2026).csv"),
            },
            content_type="multipart/form-data",
        ).get_data(as_text=True),
    )
    assert "Download Adressen-Müller-2026.pdf" in html
    (url,) = re.findall(r'href="(/merge/job/[\w-]+/Adressen-M%C3%BCller-2026\.pdf)"', html)
    answer = client.get(url)
    assert "filename*=UTF-8''Adressen-M%C3%BCller-2026.pdf" in answer.headers["Content-Disposition"]
    assert answer.get_data().startswith(b"%PDF-")


def test_an_interview_after_now_points_at_the_as_of_box_not_at_now(client: Any) -> None:
    """It said "check the date or --now", an option of `letterpress advise` the page has not."""
    values = formdata.form_values(example("follow-up.toml"), formdata.FOLLOWUP)
    html = client.post("/follow-up/advise", data={**values, "now": "2026-12-01T09:00"})
    assert lines(html.get_data(as_text=True), "msg-interview-date") == [
        "follow-up.toml, interview.date: the interview (2026-12-22 10:00) is after now "
        "(2026-12-01 09:00); advice is for after the interview; check the date or the “As of” "
        "box"
    ]


def test_people_pasted_from_an_e_mail_program_or_a_spreadsheet_are_read_as_such(
    client: Any,
) -> None:
    """'Tom Berg <tom.berg@example.com>' was kept as a name (printed so, and no one in the
    e-mail's Cc); a line apart by semicolons or tabs was one long name too."""
    values = formdata.form_values(example("follow-up.toml"), formdata.FOLLOWUP)
    values["interview.involved"] = (
        "Tom Berg <tom.berg@example.com>\n"
        "Anna Schmidt; anna.schmidt@example.com; +49 89 1234567\n"
        '"Berg, Ann" <ann.berg@example.com>\n'
        "Ben Ott\tben.ott@example.com\n"
    )
    saved = tomllib.loads(client.post("/follow-up/toml", data=values).get_data(as_text=True))
    assert saved["interview"]["involved"] == [
        {"name": "Tom Berg", "email": "tom.berg@example.com"},
        {"name": "Anna Schmidt", "email": "anna.schmidt@example.com", "phone": "+49 89 1234567"},
        {"name": "Berg, Ann", "email": "ann.berg@example.com"},
        {"name": "Ben Ott", "email": "ben.ott@example.com"},
    ]
    shown = formdata.form_values(saved, formdata.FOLLOWUP)["interview.involved"]
    assert '"Berg, Ann", ann.berg@example.com' in shown.splitlines()  # and read back so
    again = formdata.letter_file({"interview.involved": shown}, formdata.FOLLOWUP, "f")
    assert again["interview"]["involved"] == saved["interview"]["involved"]


def test_a_hint_says_what_to_write_in_the_box_not_the_file_s_toml_line(client: Any) -> None:
    """Under the “Their time zone” box it said 'write timezone = "Europe/Berlin"', a line of
    the file, which the box does not take."""
    values = formdata.form_values(example("call.toml"), formdata.CALL)
    html = client.post("/call/preview", data={**values, "call.timezone": "Berlin"})
    assert lines(html.get_data(as_text=True), "msg-call-timezone") == [
        "call.toml, call.timezone: 'Berlin' is not an IANA time zone name; taking "
        "Europe/Berlin; write Europe/Berlin in this box"
    ]


def test_a_word_processor_s_line_break_pasted_into_a_box_is_a_line_break(client: Any) -> None:
    """Word's manual line break (Shift+Enter) comes pasted as a vertical tab, which no box
    shows: the letter was refused, "character '\\x0b' (U+000B control character) cannot be
    drawn by the bundled fonts; replace or remove it", for a character the user cannot find."""
    values = formdata.form_values(example("thank-you.toml"), formdata.LETTER)
    body = "Kind regards from the team\vof the careers service.\fSee you soon."
    answer = client.post("/letter/pdf", data={**values, "body": body})
    assert answer.status_code == 200, lines(answer.get_data(as_text=True), "msg-body")
    text = " ".join(PdfReader(io.BytesIO(answer.get_data())).pages[0].extract_text().split())
    assert "Kind regards from the team of the careers service. See you soon." in text


@pytest.mark.parametrize(
    "slot, name, hint",
    [
        (
            "template",
            "Serienbrief.docx",
            "the template is a letter file (.toml), not a document: make one on the “Letter” "
            "page with “Save the letter file (.toml)”, and write the columns in it as "
            "{{ row.COLUMN }}",
        ),
        (
            "data",
            "Adressen.numbers",
            "export the sheet from Numbers as .xlsx or as CSV (UTF-8) and choose that",
        ),
        (
            "data",
            "Adressen.docx",
            "save the list from your spreadsheet program as .xlsx or .csv and choose that",
        ),
    ],
)
def test_a_document_of_another_kind_says_what_to_choose_instead(
    client: Any, slot: str, name: str, hint: str
) -> None:
    """A Word mail-merge letter as the template said only "choose a .toml file"; a Numbers
    sheet as the data, "choose a .csv file"."""
    data = {**merge_files(WORKSHOP), slot: (io.BytesIO(b"PK\x03\x04"), name)}
    html = client.post("/merge/check", data=data, content_type="multipart/form-data")
    (line,) = lines(html.get_data(as_text=True), f"msg-{slot}")
    assert f"'{name}' is not a ." in line and line.endswith(f" file; {hint}")


@pytest.mark.parametrize("url", ["/", "/follow-up", "/call"])
def test_a_stored_layout_file_is_said_and_a_bundled_layout_chosen(
    client: Any, url: str, tmp_path: Path
) -> None:
    """`letterpress init --me` stores a layout file's path; the Letter page then chose no
    layout at all, the others showed the path as if it could be used."""
    from letterpress.config import save_table

    layout = tmp_path / "my-envelope.toml"
    save_table("me", {"name": "Jonas Petersen", "layout": str(layout)})
    try:
        page = client.get(url).get_data(as_text=True)
    finally:
        save_table("me", {})
    assert chosen_layout(page) == ["din5008-b"]
    assert lines(page, "msg-layout") == [
        f"layout '{layout}' is not one the page can show; the page uses the one chosen here "
        f"(din5008-b); choose “{layout} (kept as it is; the page cannot show it)” to keep it "
        "in the saved file"
    ]


def test_a_merge_refused_in_the_background_says_it_at_the_box_it_concerns(client: Any) -> None:
    """A template naming a column the data lacks, found once “Make them” was pressed, was
    said in the merge's area only, its box not marked and no way to it."""
    template = (EXAMPLES / "batch" / "workshop.toml").read_bytes()
    template = template.replace(b"{{ row.last_name }}", b"{{ row.Nachname }}")
    data = {**merge_files(WORKSHOP), "template": (io.BytesIO(template), "workshop.toml")}
    html = client.post("/merge/make", data=data, content_type="multipart/form-data")
    html = html.get_data(as_text=True)
    html = finished(client, html) if "/merge/job/" in html else html  # it may have ended
    assert lines(html, "msg-template") == [
        "workshop.toml, recipient.name: the template uses column 'Nachname', which people.csv "
        "does not have; columns: first_name, last_name, street, postcode, city, country, "
        "workshop, time, room, note"
    ]
    assert (
        'Nothing was made: see the message at the field marked above. <a class="to-box" '
        'href="#f-template">Go to that box</a>' in html
    )


def test_a_call_merge_without_a_sender_says_what_to_do_on_the_page_not_in_a_terminal(
    client: Any,
) -> None:
    """A call-sheet merge whose template has no [sender] said “store yours once with
    letterpress init --me”, a command a user of the page never types: it now names the
    Letter page's “Remember my details” button, which stores the same details."""
    template = (
        'language = "en-GB"\n[recipient]\nname = "{{ row.first_name }} {{ row.last_name }}"\n'
        '[call]\nphone = "+49 30 1234567"\n'
    )

    def data() -> dict[str, Any]:
        return {
            **merge_files(WORKSHOP, kind="call", row="2"),
            "template": (io.BytesIO(template.encode("utf-8")), "workshop.toml"),
        }

    html = client.post("/merge/preview", data=data(), content_type="multipart/form-data")
    said = lines(html.get_data(as_text=True), "merge-messages")
    assert said[0] == (
        "people.csv, row 2: missing table [sender]; add a [sender] table with your name (and "
        "phone for the voicemail), or store yours once: fill in “You (sender)” on the “Letter” "
        "page and press “Remember my details”"
    )
    html = client.post("/merge/check", data=data(), content_type="multipart/form-data")
    table = unescape(html.get_data(as_text=True))
    assert "init --me" not in table and "press “Remember my details”</td>" in table


def test_a_finished_merge_s_table_names_the_column_of_each_row_s_problem(client: Any) -> None:
    """The table of rows with a problem, under “Make them”, said row 2 “failed: postcode
    '1067' looks like it lost its leading zero” without the column, which the check's table
    and the command line's line name; the manifest it is read from has no such column."""
    data = WORKSHOP.replace("\n", "\n" + BAD_ROW, 1)
    html = finished(
        client,
        client.post(
            "/merge/make", data=merge_files(data), content_type="multipart/form-data"
        ).get_data(as_text=True),
    )
    heads = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', html)
    assert heads == ["Row", "Kind", "Status", "Column", "Message"]
    row = re.search(
        r'<table id="manifest-rows"[^>]*>.*?<tbody[^>]*>\s*<tr[^>]*>(.*?)</tr>', html, re.S
    )
    assert row is not None, html
    assert [unescape(c) for c in re.findall(r"<td[^>]*>([^<]*)</td>", row.group(1))] == [
        "2",
        "Letter",
        "failed",
        "postcode",
        "postcode '1067' looks like it lost its leading zero (01067); format the column as "
        "Text in the spreadsheet and export again, or write 01067",
    ]


def test_a_call_day_to_change_is_said_as_the_day_to_call_box_not_the_file_s_call_on(
    client: Any,
) -> None:
    """Under the “Day to call” box, a day gone or a Sunday said “write the day you will call
    as call_on, or leave call_on out for today” and “give a working day as call_on”: the
    file's key, which the page shows nowhere."""
    from datetime import date

    values = formdata.form_values(example("call.toml"), formdata.CALL)
    said = []
    for day in ("2025-12-25", "2099-12-27"):
        html = client.post("/call/preview", data={**values, "call.call_on": day})
        said += lines(html.get_data(as_text=True), "msg-call-call_on")
    assert said == [
        f"call.toml, call.call_on: 2025-12-25 has passed (today is {date.today().isoformat()}); "
        "write the day you will call in this box, or leave this box empty for today",
        "call.toml, call.call_on: 2099-12-27 is a Sunday, when offices are closed; give a "
        "working day in this box",
    ]


def test_a_delimiter_chosen_wrong_is_said_as_the_choices_of_its_box(client: Any) -> None:
    """A semicolon CSV merged with “,” chosen said “leave out the “CSV delimiter” box or use
    the “CSV delimiter” box semicolon”: the command line's options put into box names word
    for word, though the box offers “Detect” and “;”."""
    data = merge_files(WORKSHOP, delimiter="comma")
    html = client.post("/merge/check", data=data, content_type="multipart/form-data")
    (line,) = lines(html.get_data(as_text=True), "msg-template")
    assert line.endswith(
        "which people.csv does not have; the header has ';' in it: choose “Detect” or “;” "
        "in the “CSV delimiter” box"
    )


def test_downloads_are_named_after_the_opened_file_or_the_recipient(client: Any) -> None:
    """Every letter downloaded was letter.pdf and every call sheet call-sheet.pdf, whoever it
    was for and whatever file was opened: a career centre's downloads folder filled with
    letter (1).pdf, letter (2).pdf... They are named as `letterpress letter FILE` names its
    PDF, after the opened file, else after the recipient, in any alphabet."""

    def named(url: str, values: dict[str, str]) -> str:
        return str(client.post(url, data=values).headers["Content-Disposition"])

    opened = client.post(
        "/letter/import",
        data={"import": ((EXAMPLES / "thank-you.toml").open("rb"), "thank-you.toml")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert '<input type="hidden" name="file_name" value="thank-you">' in opened
    values = {**formdata.form_values(example("thank-you.toml"), formdata.LETTER)}
    assert named("/letter/pdf", {**values, "file_name": "thank-you"}) == (
        'attachment; filename="thank-you.pdf"'
    )
    assert named("/letter/toml", {**values, "file_name": "thank-you"}) == (
        'attachment; filename="thank-you.toml"'
    )
    typed = {**values, "recipient.name": "Jörg Weiß"}
    assert named("/letter/pdf", typed) == (
        'attachment; filename="letter-Jorg-Wei.pdf"; '
        "filename*=UTF-8''letter-J%C3%B6rg-Wei%C3%9F.pdf"
    )
    call = formdata.form_values(example("call.toml"), formdata.CALL)
    assert named("/call/pdf", {**call, "file_name": "call"}) == (
        'attachment; filename="call-call.pdf"'  # as `letterpress call call.toml` names it
    )
    assert named("/call/pdf", call) == 'attachment; filename="call-sheet-Ms-Dana-Whitfield.pdf"'


def test_labels_are_made_on_the_page_as_letterpress_labels_makes_them(
    client: Any, tmp_path: Path
) -> None:
    """The page had no way to print address labels, which a career centre posting letters
    prints: `letterpress labels` was for the terminal only."""
    page = client.get("/labels").get_data(as_text=True)
    assert 'href="/labels" aria-current="page">Labels</a>' in page
    assert '<option value="L7163">Avery L7163 · 14 × 99.1 × 38.1 mm' in page
    html = client.post(
        "/labels/make",
        data={
            "data": ((EXAMPLES / "labels.csv").open("rb"), "labels.csv"),
            "sheet": "L7163",
            "start": "3",
            "home": "DE",
        },
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    rows = len((EXAMPLES / "labels.csv").read_text(encoding="utf-8").splitlines()) - 1
    summary = re.search(r'<p id="labels-summary" data-announce>([^<]*)</p>', html)
    assert summary is not None, html
    assert summary.group(1) == (
        f"{rows} labels on 1 Avery L7163 sheet(s), from label 3; rows failed: 0."
    )
    assert 'id="labels-image" src="data:image/png;base64,' in html
    link = re.search(r'href="(/labels/file/[\w-]+/labels-labels.pdf)"', html)
    assert link is not None, html
    made = client.get(link.group(1))
    assert made.headers["Content-Disposition"].startswith("attachment; filename=labels-labels.pdf")
    run_cli(
        "labels", str(EXAMPLES / "labels.csv"), "--sheet", "L7163", "--start", "3",
        "--from", "DE", "-o", str(tmp_path / "cli.pdf"),
    )  # fmt: skip
    web = PdfReader(io.BytesIO(made.get_data())).pages[0].extract_text()
    assert web == PdfReader(tmp_path / "cli.pdf").pages[0].extract_text()


def test_a_label_row_or_choice_that_fails_is_said_at_its_place(client: Any) -> None:
    """A failed row is its line with the user's file name; a choice refused is said at its
    box, named as the page labels it, not by `labels`' options."""
    csv_text = "name,street,postal_code,city,country\n,Ring 2,01067,Dresden,DE\n"
    csv_text += "Mei Lee,Hafenstraße 12,20457,Hamburg,DE\n"

    def make(**form: str) -> str:
        data = {"data": (io.BytesIO(csv_text.encode()), "leute.csv"), "sheet": "L7163", **form}
        answer = client.post("/labels/make", data=data, content_type="multipart/form-data")
        return answer.get_data(as_text=True)

    html = make()
    assert lines(html, "labels-messages")[0] == (
        "leute.csv, row 2, column 'name' (recipient.name): missing field; give the recipient's "
        "name or organization"
    )
    assert "rows failed: 1." in html and "letterpress-merge-" not in html
    assert lines(make(start="15"), "msg-start") == [
        "the “First free label” box: sheet L7163 has labels 1 to 14; count the used labels "
        "left to right, then top to bottom"
    ]
    assert lines(make(start="x"), "msg-start") == [
        "the “First free label” box: 'x' is not a label number; count the used labels left to "
        "right, then top to bottom, and write the first free one, e.g. 5"
    ]
    assert lines(make(home="Atlantis"), "msg-home")[0].startswith(
        "the “Posted in (country)” box: unknown country 'Atlantis'"
    )


def test_the_letter_s_envelope_is_what_letterpress_envelope_makes(
    client: Any, tmp_path: Path
) -> None:
    """Not every letter goes into a window envelope, but the page had no way to print the
    plain envelope `letterpress envelope` makes from the same file."""
    values = formdata.form_values(example("thank-you.toml"), formdata.LETTER)
    made = client.post("/letter/envelope", data=values)
    assert made.mimetype == "application/pdf"
    assert made.headers["Content-Disposition"] == (
        'attachment; filename="letter-Ms-Mei-Lee-envelope.pdf"'
    )
    (tmp_path / "letter.toml").write_bytes(client.post("/letter/toml", data=values).get_data())
    assert run_cli("envelope", "letter.toml", cwd=tmp_path).returncode == 0
    assert (tmp_path / "letter-envelope.pdf").read_bytes() == made.get_data()
    refused = client.post("/letter/envelope", data={**values, "recipient.postal_code": "1234"})
    assert refused.status_code == 422
    (line,) = lines(refused.get_data(as_text=True), "msg-recipient-postal_code")
    assert line.startswith("letter.toml, recipient.postal_code: ")


@pytest.mark.parametrize(
    ("path", "typed", "waiting"),
    [
        (
            "/letter/preview",
            {"recipient.name": "Ms Mei Lee"},
            "The picture of page 1 appears here as you fill in the recipient and the text.",
        ),
        (
            "/call/preview",
            {"call.phone": "+1 312 555 0147"},
            "The sheet appears here as you fill in who to call and their number.",
        ),
    ],
)
def test_a_page_just_opened_waits_for_the_first_words_instead_of_marking_mistakes(
    client: Any, path: str, typed: dict[str, str], waiting: str
) -> None:
    """The Letter and Call pages opened with only the stored sender filled in showed, in red,
    "No preview yet: see the message at the field marked" and marked the empty recipient as
    missing before anything was typed; they now say what to fill in, and mark nothing until
    the first of it is typed."""
    sender = {"sender.name": "Jo Doe", "sender.country": "DE", "layout": "din5008-b"}
    fresh = client.post(path, data=sender).get_data(as_text=True)
    assert f'<p class="hint" id="preview-waiting">{waiting}</p>' in fresh
    assert "msg error" not in fresh and "msg warning" not in fresh
    started = client.post(path, data={**sender, **typed}).get_data(as_text=True)
    assert "preview-waiting" not in started
    assert "No preview yet" in started or 'src="data:image/png;base64,' in started
