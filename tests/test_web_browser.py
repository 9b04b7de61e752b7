"""``letterpress serve`` in a real headless browser: Debian's chromium driven by Playwright
(no browser download). The server is started as a user starts it, on a free port; the tests
fill the forms, wait for the previews, download what the page makes and read it back.
Screenshots of every page go to $LETTERPRESS_SCREENSHOTS (else a temporary folder)."""

from __future__ import annotations

import csv
import io
import os
import re
import signal
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from conftest import MM, ROOT, run_cli
from pypdf import PdfReader

CHROMIUM = Path("/usr/bin/chromium")
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if os.environ.get("LETTERPRESS_REQUIRE_BROWSER") and not CHROMIUM.exists():  # .ci/run sets it
    raise RuntimeError("Debian's chromium is required here: apt-get install chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EXAMPLES = ROOT / "examples"
WAIT = 30_000  # ms: a preview on a busy 2-core machine


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """``letterpress serve --no-open`` on a free port; stopped with Ctrl-C (SIGINT)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "letterpress", "serve", "--no-open"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    found = re.search(
        r"open (http://127\.0\.0\.1:(\d+)/) in your browser; Ctrl-C stops it\.", first
    )
    assert found, (first, proc.stderr.read() if proc.poll() is not None else "")
    try:
        yield found.group(1)
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert out.strip() == "letterpress serve: stopped.", out
    assert "Traceback" not in err, err


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        accept_downloads=True, locale="en-GB", viewport={"width": 1280, "height": 900}
    )
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("LETTERPRESS_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def download(page: Any, click: str, folder: Path) -> Path:
    """Click and keep the file the browser downloads."""
    with page.expect_download() as info:
        page.click(click)
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


def labelled(page: Any) -> None:
    """Every visible field has a label, and the page fits a 640 px wide window (a 1280 px
    screen at 200 % zoom) without scrolling sideways."""
    unlabelled = page.evaluate("""() => [...document.querySelectorAll(
        'input:not([type=hidden]), select, textarea')].filter(e => !e.labels.length)
        .map(e => e.name)""")
    assert unlabelled == []
    page.set_viewport_size({"width": 640, "height": 900})
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    page.set_viewport_size({"width": 1280, "height": 900})


LETTER = {
    "#f-sender-name": "Jonas Petersen",
    "#f-sender-street": "Lindenallee 8",
    "#f-sender-postal_code": "22587",
    "#f-sender-city": "Hamburg",
    "#f-sender-country": "DE",
    "#f-recipient-name": "Ms Mei Lee",
    "#f-recipient-organization": "Nordlicht Logistik GmbH",
    "#f-recipient-street": "Hafenstraße 12",
    "#f-recipient-postal_code": "20457",
    "#f-recipient-city": "Hamburg",
    "#f-subject": "Thank you for Tuesday",
    "#f-date": "2026-11-26",
    "#f-body": "Thank you for our conversation about the analyst role.\n\n"
    "I look forward to hearing from you.",
}


def test_letter_typed_previewed_checked_and_downloaded(
    server: str, page: Any, shots: Path, tmp_path: Path
) -> None:
    page.goto(server)
    labelled(page)
    page.check("#layout-din5008-b")
    for selector, text in LETTER.items():
        page.fill(selector, text)
    page.wait_for_selector("#page-image", timeout=WAIT)
    page.wait_for_function(
        "document.querySelector('#f-body').value.includes('look forward')"
        " && !document.querySelector('.htmx-request')",
        timeout=WAIT,
    )
    page.wait_for_timeout(1500)  # the last keystroke's preview
    summary = page.inner_text("#window-summary")
    page.screenshot(path=str(shots / "letter.png"))
    pdf = download(page, "text=Download the PDF", tmp_path)
    toml = download(page, "text=Save the letter file (.toml)", tmp_path)
    text = PdfReader(pdf).pages[0].extract_text()
    assert "Thank you for Tuesday" in text and "Ms Mei Lee" in text
    # the CLI renders the saved file to the same PDF, with the same window check
    cli = run_cli("letter", str(toml), "-o", str(tmp_path / "cli.pdf"))
    assert cli.returncode == 0, cli.stderr
    assert f"Window: {summary}" in cli.stdout.splitlines()
    assert (tmp_path / "cli.pdf").read_bytes() == pdf.read_bytes()


def test_tone_findings_and_address_errors_appear_at_their_fields(
    server: str, page: Any, shots: Path
) -> None:
    page.goto(server)
    for selector, text in LETTER.items():
        page.fill(selector, text)
    page.fill("#f-body", "I can't wait to hear from you!!")
    page.wait_for_selector("#msg-body .msg.warning", timeout=WAIT)
    assert 'eager: "can\'t wait to hear"' in page.inner_text("#msg-body")
    page.fill("#f-recipient-postal_code", "1234")
    page.wait_for_selector("#msg-recipient-postal_code .msg.error", timeout=WAIT)
    assert page.inner_text("#msg-recipient-postal_code .line") == (
        "letter.toml, recipient.postal_code: '1234' is not a valid postal code for Germany; "
        "e.g. 26133, 53225, or give address_lines in the “More of the letter file (TOML)” box "
        "for a free-form address"
    )
    page.screenshot(path=str(shots / "letter-error.png"), full_page=True)


def test_keyboard_alone_reaches_every_field_and_the_download(server: str, page: Any) -> None:
    page.goto(server)
    seen = []
    for _ in range(120):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()")
        )
    assert "f-recipient-postal_code" in seen and "f-body" in seen
    assert "Download the PDF" in seen


def tab_to(page: Any, target: str) -> None:
    """Press Tab (only) until the element with id or text ``target`` has the focus."""
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "document.activeElement.id || document.activeElement.textContent.trim()"
        )
        if focused == target:
            return
    raise AssertionError(f"Tab never reached {target!r}")


def test_a_letter_made_and_downloaded_with_the_keyboard_alone(
    server: str, page: Any, tmp_path: Path
) -> None:
    page.goto(server)
    tab_to(page, "layout-din5008-b")  # the checked radio of the layout picker
    page.keyboard.press("ArrowUp")  # the arrow keys choose another layout: DIN 5008 form A
    assert page.evaluate("document.activeElement.id") == "layout-din5008-a"
    assert page.is_checked("#layout-din5008-a")
    for selector, text in LETTER.items():
        if selector != "#f-date":  # a date field is typed in the browser's own order
            tab_to(page, selector[1:])
            page.keyboard.type(text.replace("\n\n", "\n"))
    tab_to(page, "Download the PDF")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    pdf = tmp_path / "keyboard.pdf"
    info.value.save_as(pdf)
    with pdfplumber.open(pdf) as doc:
        words = doc.pages[0].extract_words()
        text = doc.pages[0].extract_text()
    assert "Thank you for Tuesday" in text and "I look forward to hearing from you." in text
    name = next(w for w in words if w["text"] == "Lee")
    # form A's address field starts 27 mm from the top, form B's 18 mm lower, at 45 mm
    assert 27 < name["top"] / MM < 54


def test_a_file_refused_on_opening_leaves_the_form_and_says_why(
    server: str, page: Any, shots: Path, tmp_path: Path
) -> None:
    page.goto(server)
    for selector, text in LETTER.items():
        page.fill(selector, text)
    bad = tmp_path / "mine.toml"
    bad.write_bytes("subject = \u201cHi\u201d\n".encode())
    page.set_input_files("#f-import", str(bad))
    page.click("button:has-text('Open')")
    page.wait_for_selector("#page-image", timeout=WAIT)  # the preview after the page loaded
    page.wait_for_function("!document.querySelector('.htmx-request')", timeout=WAIT)
    page.screenshot(path=str(shots / "letter-open-refused.png"), full_page=True)
    assert page.inner_text("#msg-import .line").startswith(
        "mine.toml, the “Open a letter file” box: invalid TOML"
    )
    assert page.input_value("#f-recipient-name") == "Ms Mei Lee"  # the form as it was


def test_a_signature_image_the_file_names_is_asked_for_until_it_is_uploaded(
    server: str, page: Any, shots: Path, tmp_path: Path
) -> None:
    from PIL import Image

    mine = tmp_path / "mine.toml"
    text = (EXAMPLES / "thank-you.toml").read_text(encoding="utf-8")
    mine.write_text(text.replace("\n[sender]", 'signature_image = "signature.png"\n\n[sender]', 1))
    page.goto(server)
    page.set_input_files("#f-import", str(mine))
    page.click("button:has-text('Open')")
    page.wait_for_selector("#page-image", timeout=WAIT)
    page.wait_for_function("!document.querySelector('.htmx-request')", timeout=WAIT)
    page.fill("#f-subject", "Thank you for Tuesday")  # a preview after the change
    page.wait_for_function(
        "document.querySelector('#msg-subject') && !document.querySelector('.htmx-request')",
        timeout=WAIT,
    )
    page.wait_for_timeout(1500)
    page.screenshot(path=str(shots / "letter-open-signature.png"), full_page=True)
    assert page.inner_text("#msg-signature_image .msg.warning .line") == (
        "the “Signature image” box: signature image 'signature.png' is not uploaded; choose "
        "the image file here (the page opens no file by its name)"
    )
    image = tmp_path / "signature.png"
    Image.new("RGB", (300, 100), "navy").save(image)
    page.set_input_files("#f-signature_image", str(image))
    page.wait_for_selector("#msg-signature_image .msg", state="detached", timeout=WAIT)
    pdf = download(page, "text=Download the PDF", tmp_path)
    assert len(PdfReader(pdf).pages[0].images) == 1


def test_the_saved_letter_file_keeps_its_signature_image(
    server: str, page: Any, shots: Path, tmp_path: Path
) -> None:
    """The letter file saved from the page names the signature image the opened file named
    (uploaded or not yet), or the image uploaded on the page: letterpress letter then
    prints the signature the page showed."""
    from PIL import Image

    (tmp_path / "opened").mkdir()
    (tmp_path / "typed").mkdir()
    mine = tmp_path / "mine.toml"
    text = (EXAMPLES / "thank-you.toml").read_text(encoding="utf-8")
    mine.write_text(text.replace("\n[sender]", 'signature_image = "sig.png"\n\n[sender]', 1))
    page.goto(server)
    page.set_input_files("#f-import", str(mine))
    page.click("button:has-text('Open')")
    page.wait_for_selector("#page-image", timeout=WAIT)
    saved = download(page, "text=Save the letter file (.toml)", tmp_path / "opened")
    assert tomllib.loads(saved.read_text(encoding="utf-8"))["signature_image"] == "sig.png"

    page.goto(server)  # a letter typed on the page, with an image chosen there
    for selector, value in LETTER.items():
        page.fill(selector, value)
    image = tmp_path / "my-signature.png"
    Image.new("RGB", (300, 100), "navy").save(image)
    page.set_input_files("#f-signature_image", str(image))
    page.wait_for_selector("#page-image", timeout=WAIT)
    page.screenshot(path=str(shots / "letter-signature-saved.png"), full_page=True)
    saved = download(page, "text=Save the letter file (.toml)", tmp_path / "typed")
    data = tomllib.loads(saved.read_text(encoding="utf-8"))
    assert data["signature_image"] == "my-signature.png"
    # saved next to the image, the file prints the signature with letterpress letter
    image.rename(saved.parent / "my-signature.png")
    out = tmp_path / "typed" / "letter.pdf"
    done = run_cli("letter", str(saved), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert len(PdfReader(out).pages[0].images) == 1


def test_remember_my_details_prefills_the_next_letter(server: str, page: Any, shots: Path) -> None:
    page.goto(server)
    page.fill("#f-sender-name", "Alex Profile")
    page.fill("#f-sender-street", "Ring 2")
    page.fill("#f-sender-postal_code", "4109")
    page.fill("#f-sender-city", "Leipzig")
    page.fill("#f-sender-country", "DE")
    page.click("text=Remember my details")
    page.wait_for_selector("#msg-sender-postal_code .msg.error", timeout=WAIT)
    page.screenshot(path=str(shots / "letter-remember-refused.png"), full_page=True)
    assert page.inner_text("#msg-sender-postal_code .line") == (
        "sender.postal_code: '4109' is not a valid postal code for Germany; e.g. 26133, 53225"
    )
    assert page.inner_text("#saved") == (
        "Error: Nothing was saved: see the message at the field marked above."
    )
    page.goto(server)
    assert page.input_value("#f-sender-name") == ""  # nothing was kept
    page.fill("#f-sender-name", "Alex Profile")
    page.fill("#f-sender-street", "Ring 2")
    page.fill("#f-sender-postal_code", "04109")
    page.fill("#f-sender-city", "Leipzig")
    page.fill("#f-sender-country", "DE")
    page.click("text=Remember my details")
    page.wait_for_selector("#saved .msg.info", timeout=WAIT)
    page.goto(server)
    assert page.input_value("#f-sender-name") == "Alex Profile"
    from letterpress.config import save_table

    save_table("me", {})


def test_merge_checks_previews_makes_and_keeps_a_manifest(
    server: str, page: Any, shots: Path, tmp_path: Path
) -> None:
    data = tmp_path / "people.csv"
    workshop = (EXAMPLES / "batch" / "workshop.csv").read_text(encoding="utf-8")
    data.write_text(
        workshop.replace("\n", "\nBen;Müller;Ring 2;1067;Dresden;;2026-12-03;10:00;A 1;\n", 1),
        encoding="utf-8",
    )
    rows = len(list(csv.reader(io.StringIO(workshop), delimiter=";"))) - 1
    page.goto(server + "merge")
    labelled(page)
    page.set_input_files("#f-template", str(EXAMPLES / "batch" / "workshop.toml"))
    page.set_input_files("#f-data", str(data))
    page.click("button:has-text('Check the rows')")
    page.wait_for_selector("#findings", timeout=WAIT)
    cells = page.eval_on_selector_all(
        "#findings tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.innerText))"
    )
    assert cells == [
        [
            "2",
            "postcode",
            "postcode '1067' looks like it lost its leading zero (01067)",
            "format the column as Text in the spreadsheet and export again, or write 01067",
        ]
    ]
    page.fill("#f-row", "3")
    page.click("button:has-text('Preview this row')")
    page.wait_for_selector("#row-image", timeout=WAIT)
    page.click("button:has-text('Make them')")
    page.wait_for_selector("#job-summary", timeout=WAIT)
    page.screenshot(path=str(shots / "merge.png"), full_page=True)
    assert page.inner_text("#job-summary").startswith(f"{rows} documents from {rows + 1} rows")
    merged = download(page, "text=Download people.pdf", tmp_path)
    manifest = download(page, "text=Download manifest.csv", tmp_path)
    assert len(PdfReader(merged).pages) == rows
    lines = list(csv.DictReader(manifest.open(encoding="utf-8")))
    assert [(m["row"], m["status"]) for m in lines][:2] == [("2", "failed"), ("3", "ok")]
    assert lines[0]["message"].startswith("postcode '1067' looks like it lost its leading zero")


def test_an_oversize_upload_gets_a_clear_message(server: str, page: Any, tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_bytes(b"name\n" + b"x" * (21 * 1024 * 1024))
    page.goto(server + "merge")
    page.set_input_files("#f-template", str(EXAMPLES / "batch" / "workshop.toml"))
    page.set_input_files("#f-data", str(big))
    page.click("button:has-text('Check the rows')")
    page.wait_for_selector("#msg-data .msg.error", timeout=WAIT)
    assert page.inner_text("#msg-data .line") == (
        "the “Data” box: 'big.csv' is larger than 20 MB; choose a file under 20 MB, or split "
        "the data into smaller files"
    )


def test_a_post_without_the_csrf_token_is_refused(server: str, page: Any) -> None:
    page.goto(server)
    answer = page.request.post(server + "letter/pdf", form={"subject": "x"})
    assert answer.status == 400
    assert (
        "the form was refused: the csrf token is missing; reload the page and send the "
        "form again" in answer.text()
    )
    forged = page.evaluate(
        """async (url) => {
        const r = await fetch(url, {method: 'POST', body: new FormData()});
        return [r.status, await r.text()]; }""",
        server + "letter/preview",
    )
    assert forged[0] == 400


def test_follow_up_call_sheet_and_estimate_pages(
    server: str, page: Any, shots: Path, tmp_path: Path
) -> None:
    page.goto(server + "follow-up")
    page.set_input_files("#f-import", str(EXAMPLES / "follow-up.toml"))
    page.click(".import button")
    page.wait_for_selector("#f-interview-date")
    labelled(page)
    page.locator("details").evaluate("d => { d.open = true; }")
    page.fill("#f-now", "2026-12-22T16:00")
    page.click("text=Advise me")
    page.wait_for_selector("#recommended", timeout=WAIT)
    assert page.inner_text("#recommended") == "Recommended: letter, call"
    page.screenshot(path=str(shots / "follow-up.png"), full_page=True)
    sheet = download(page, "text=Call sheet (PDF)", tmp_path)
    assert "Tom Berg" in PdfReader(sheet).pages[0].extract_text()

    page.goto(server + "call")
    page.set_input_files("#f-import", str(EXAMPLES / "call.toml"))
    page.click(".import button")
    page.wait_for_selector("#sheet-image", timeout=WAIT)
    labelled(page)
    page.screenshot(path=str(shots / "call.png"))
    assert download(page, "text=Download the PDF", tmp_path).read_bytes().startswith(b"%PDF")

    page.goto(server + "delivery")
    labelled(page)
    page.fill("#f-from", "Deutschland")
    page.fill("#f-to", "DE")
    page.fill("#f-to_postcode", "04275")
    page.fill("#f-posted", "2026-11-17T12:00")
    page.click("button:has-text('Estimate')")
    page.wait_for_selector("#sentence", timeout=WAIT)
    assert page.inner_text("#sentence").replace(" 2026 ", " ") == (
        "Posted Tue 17 Nov before the 17:00 collection: "
        "expected by Sat 21 Nov (95%), at the latest Mon "
        "23 Nov (99%)."
    )
    assert "Wed 18 Nov Repentance and Prayer Day (DE-SN)" in page.inner_text("#notes")
    page.screenshot(path=str(shots / "delivery.png"))


def test_pages_follow_the_browser_s_language(server: str, browser: Any, shots: Path) -> None:
    for locale, heading in (("de-DE", "Brief"), ("fr-FR", "Lettre")):
        context = browser.new_context(locale=locale)
        tab = context.new_page()
        tab.goto(server)
        assert tab.inner_text("h1") == heading
        assert tab.get_attribute("html", "lang") == locale[:2]
        tab.screenshot(path=str(shots / f"letter-{locale[:2]}.png"))
        context.close()


def test_a_failed_merge_says_what_to_do_on_the_page_in_its_terms(
    server: str, browser: Any, shots: Path, tmp_path: Path
) -> None:
    """On the German page: a problem at the page's own box names it as the page labels it
    (not by its field name, "row"), and a merge in which no row could be made says to press
    the page's button again (not the command line's "run again")."""
    data = tmp_path / "people.csv"
    header = (EXAMPLES / "batch" / "workshop.csv").read_text(encoding="utf-8").split("\n")[0]
    data.write_text(f"{header}\nBen;Müller;Ring 2;1067;Dresden;;2026-12-03;10:00;A 1;\n")
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "merge")
    page.set_input_files("#f-template", str(EXAMPLES / "batch" / "workshop.toml"))
    page.set_input_files("#f-data", str(data))
    page.fill("#f-row", "1")
    page.click("button:has-text('Diese Zeile ansehen')")
    page.wait_for_selector("#msg-row .msg.error", timeout=WAIT)
    assert page.inner_text("#msg-row .line") == (
        "the “Zeile” box: '1' is not a data row; rows count as the spreadsheet shows them: "
        "the first data row is 2"
    )
    page.click("button:has-text('Alle machen')")
    page.wait_for_selector("#job > .msg.error:last-of-type", timeout=WAIT)
    page.screenshot(path=str(shots / "merge-failed-de.png"), full_page=True)
    assert page.inner_text("#job > .msg.error:last-of-type .line") == (
        "people.csv: no document could be made: the row failed; nothing was written; fix the "
        "problems above in the files, choose them again and press “Alle machen”"
    )
    context.close()


def test_the_follow_up_page_keeps_the_signature_image_of_the_file_it_opened(
    server: str, page: Any, shots: Path, tmp_path: Path
) -> None:
    """The follow-up file opened and saved again named no signature image any more, and the
    letter made on the page had none, without a word."""
    mine = tmp_path / "mine.toml"
    text = (EXAMPLES / "follow-up.toml").read_text(encoding="utf-8")
    mine.write_text(text.replace("\n[sender]", 'signature_image = "sig.png"\n\n[sender]', 1))
    page.goto(server + "follow-up")
    page.set_input_files("#f-import", str(mine))
    page.click(".import button")
    page.wait_for_selector("#f-interview-date")
    page.screenshot(path=str(shots / "follow-up-signature.png"), full_page=True)
    assert page.inner_text("#msg-page .msg.warning .line") == (
        "follow-up.toml, signature_image: signature image 'sig.png' is not printed by this "
        "page; the saved follow-up.toml keeps it; to print it, make the letter with "
        "letterpress advise follow-up.toml --write DIR"
    )
    saved = download(page, "text=Save the follow-up file (.toml)", tmp_path)
    assert 'signature_image = "sig.png"' in saved.read_text(encoding="utf-8").splitlines()


def test_the_delivery_page_names_its_boxes_not_estimate_s_options(
    server: str, browser: Any, shots: Path
) -> None:
    """A refused postcode was "--to-postcode: ..." on the page: the box is named as the page
    labels it, in the page's language."""
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "delivery")
    page.fill("#f-from", "DE")
    page.fill("#f-to", "DE")
    page.fill("#f-to_postcode", "1234")
    page.fill("#f-posted", "2026-11-17T12:00")
    page.click("button:has-text('Berechnen')")
    page.wait_for_selector("#msg-to_postcode .msg.error", timeout=WAIT)
    page.screenshot(path=str(shots / "delivery-refused-de.png"), full_page=True)
    assert page.inner_text("#msg-to_postcode .line") == (
        "the “Postleitzahl des Empfängers” box: '1234' is not a postcode of Germany; write it "
        "like 26133"
    )
    context.close()


def test_an_empty_box_the_estimate_needs_is_marked_at_that_box(
    server: str, browser: Any, shots: Path
) -> None:
    """On the French page, a To box left empty said "estimate: the “Vers (pays)” box is
    required; for example the “Vers (pays)” box DE" at the top of the answer, under "see the
    message at the field marked", with no field marked; "must arrive by" with no day said
    "give either ... or ...". Each is now under its box, saying what to write there."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "delivery")
    page.fill("#f-from", "Allemagne")
    page.click("button:has-text('Estimer')")
    page.wait_for_selector("#msg-to .msg.error", timeout=WAIT)
    page.screenshot(path=str(shots / "delivery-empty-fr.png"), full_page=True)
    assert page.inner_text("#msg-to .line") == (
        "the “Vers (pays)” box: no country given; write its code or its name, e.g. DE or "
        "Deutschland"
    )
    assert page.inner_text("#estimate-messages") == ""
    page.fill("#f-to", "FR")
    page.check("#mode-arrive")
    page.click("button:has-text('Estimer')")
    page.wait_for_selector("#msg-arrive_by .msg.error", timeout=WAIT)
    assert page.inner_text("#msg-arrive_by .line") == (
        "the “Jour d'arrivée” box: no day given; choose the day the letter must arrive by"
    )
    assert page.inner_text("#msg-to") == ""
    context.close()


def test_enter_in_a_box_does_not_press_open(server: str, page: Any, tmp_path: Path) -> None:
    """Enter in a box of the Letter or Follow-up page pressed the form's first button, "Open"
    beside the file box: the page came back with "no file chosen" under it, and an uploaded
    signature image was gone."""
    from PIL import Image

    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.goto(server)
    for selector, text in LETTER.items():
        page.fill(selector, text)
    image = tmp_path / "signature.png"
    Image.new("RGB", (300, 100), "navy").save(image)
    page.set_input_files("#f-signature_image", str(image))
    page.press("#f-subject", "Enter")
    page.wait_for_timeout(2000)
    assert page.url == server
    assert page.inner_text("#msg-import") == ""
    assert page.evaluate("document.querySelector('#f-signature_image').files.length") == 1
    page.goto(server + "follow-up")
    page.press("#f-subject", "Enter")
    page.wait_for_timeout(2000)
    assert page.url == server + "follow-up"
    assert not [url for url in posts if url.endswith("/import")]


def test_the_result_table_keeps_short_cells_whole_in_a_narrow_window(
    server: str, page: Any, shots: Path, tmp_path: Path
) -> None:
    """At 200 % zoom a long name in a failed row's message squeezed the Kind column until
    "Letter" broke into "Lette" and "r"."""
    data = tmp_path / "people.csv"
    workshop = (EXAMPLES / "batch" / "workshop.csv").read_text(encoding="utf-8")
    long = "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft"
    data.write_text(
        workshop.replace("\n", f"\nMaxi;{long};Ring 2;01067;Dresden;;2026-12-03;10:00;A 1;\n", 1),
        encoding="utf-8",
    )
    page.set_viewport_size({"width": 640, "height": 900})
    page.goto(server + "merge")
    page.set_input_files("#f-template", str(EXAMPLES / "batch" / "workshop.toml"))
    page.set_input_files("#f-data", str(data))
    page.click("button:has-text('Make them')")
    page.wait_for_selector("#manifest-rows", timeout=WAIT)
    page.screenshot(path=str(shots / "merge-narrow.png"), full_page=True)
    lines_per_cell = page.eval_on_selector_all(
        "#manifest-rows tbody td",
        """cells => cells.map(c => {
            const r = document.createRange(); r.selectNodeContents(c);
            const tops = [...r.getClientRects()].map(x => Math.round(x.top));
            return [c.innerText, new Set(tops).size]; })""",
    )
    assert lines_per_cell[:3] == [["2", 1], ["Letter", 1], ["failed", 1]]
    # the column names, which the table says since the manifest does not, are whole too
    assert lines_per_cell[3][0].split() == ["first_name,", "last_name"]
    assert lines_per_cell[3][1] <= 2
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_a_date_the_date_box_cannot_show_is_not_dropped_without_a_word(
    server: str, page: Any, tmp_path: Path
) -> None:
    """A file with date = "26.11.2026" (which letterpress letter refuses) opened with an
    empty Date box, as browsers empty a date box given what it cannot show: the page printed
    today's date without a word. The date stays in the box of other settings and the Date box
    says what is wrong; a date chosen there is used."""
    mine = tmp_path / "mine.toml"
    text = (EXAMPLES / "thank-you.toml").read_text(encoding="utf-8")
    mine.write_text(text.replace("date = 2026-11-26", 'date = "26.11.2026"'))
    page.goto(server)
    page.set_input_files("#f-import", str(mine))
    page.click("button:has-text('Open')")
    page.wait_for_selector("#msg-date .msg.error", timeout=WAIT)
    assert page.inner_text("#msg-date .line") == (
        "letter.toml, date: '26.11.2026' is not a valid date; write it as YYYY-MM-DD, "
        "e.g. 2026-11-26"
    )
    assert 'date = "26.11.2026"' in page.input_value("#f-more")
    page.fill("#f-date", "2026-11-26")
    page.wait_for_selector("#page-image", timeout=WAIT)
    page.wait_for_selector("#msg-date .msg", state="detached", timeout=WAIT)


def test_a_field_with_an_error_is_marked_invalid_and_a_folded_box_opens_for_its_message(
    server: str, page: Any, shots: Path
) -> None:
    """Screen readers were not told which box was wrong (no aria-invalid), and a message in
    the folded "More of the letter file" box could not be seen."""
    page.goto(server)
    for selector, text in LETTER.items():
        page.fill(selector, text)
    page.fill("#f-recipient-postal_code", "1234")
    page.wait_for_selector("#msg-recipient-postal_code .msg.error", timeout=WAIT)
    assert page.get_attribute("#f-recipient-postal_code", "aria-invalid") == "true"
    assert page.get_attribute("#f-recipient-city", "aria-invalid") is None
    page.fill("#f-recipient-postal_code", "20457")  # corrected: no longer marked
    page.wait_for_selector("#msg-recipient-postal_code .msg", state="detached", timeout=WAIT)
    assert page.get_attribute("#f-recipient-postal_code", "aria-invalid") is None
    page.click("details > summary")
    page.fill("#f-more", "[mailing")
    page.evaluate("document.querySelector('details').open = false")  # folded, still typing
    assert not page.evaluate("document.querySelector('details').open")
    page.wait_for_selector("#msg-more .msg.error", state="attached", timeout=WAIT)
    page.wait_for_function("document.querySelector('details').open", timeout=WAIT)
    assert page.is_visible("#msg-more .msg.error")
    assert page.get_attribute("#f-more", "aria-invalid") == "true"
    page.screenshot(path=str(shots / "letter-more-error.png"), full_page=True)
    page.click("details > summary")  # the user folds it: the same message does not reopen it
    page.fill("#f-subject", "Thank you for Wednesday")
    page.wait_for_timeout(2500)
    assert not page.evaluate("document.querySelector('details').open")


def test_a_preview_that_is_not_there_leads_to_the_box_to_fix(server: str, page: Any) -> None:
    """At 200 % zoom the preview is under the form, and it said 'see the message at the field
    marked below' (the box was far above), with no way there but Tab after Tab."""
    page.set_viewport_size({"width": 640, "height": 900})
    page.goto(server + "call")
    page.wait_for_selector("#sheet #preview-waiting", timeout=WAIT)  # nothing typed yet
    page.fill("#f-call-phone", "+1 312 555 0147")
    page.press("#f-call-phone", "Tab")  # typed and left: the previews it starts, answered
    page.wait_for_load_state("networkidle")
    link = page.wait_for_selector("#sheet a.to-box", timeout=WAIT)
    assert page.inner_text("#sheet .msg") == (
        "No preview yet: see the message at the field marked. Go to that box"
    )
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'f-sender-name'", timeout=WAIT)
    label = page.evaluate(
        "document.querySelector('label[for=f-sender-name]').getBoundingClientRect().top"
    )
    assert 0 <= label < 900  # the box's label is in view, not scrolled off the top


def test_a_file_name_pattern_the_sheet_cannot_fill_is_said_before_any_button(
    server: str, page: Any, shots: Path, tmp_path: Path
) -> None:
    """Said only when the merge failed, after "Make them", in the job's area."""
    data = tmp_path / "leute.csv"
    data.write_text("Vorname;Name;Straße;PLZ;Ort\nAnna;Schmidt;Hauptstraße 1;01067;Dresden\n")
    page.goto(server + "merge")
    page.set_input_files("#f-template", str(EXAMPLES / "batch" / "workshop.toml"))
    page.set_input_files("#f-data", str(data))
    page.check("#output-files")
    page.fill("#f-name", "{{ Nachname }}")
    page.press("#f-name", "Tab")
    page.wait_for_selector("#msg-name .msg.error", timeout=WAIT)
    page.screenshot(path=str(shots / "merge-name-column.png"), full_page=True)
    assert page.inner_text("#msg-name .line") == (
        "leute.csv, the “File names in the zip” box: the file name pattern uses column "
        "'Nachname', which leute.csv does not have; did you mean {{ row.Name }}? the columns "
        "are Vorname, Name, Straße, PLZ, Ort"
    )
    assert page.get_attribute("#f-name", "aria-invalid") == "true"
    page.fill("#f-name", "{{ row.Name }}")
    page.press("#f-name", "Tab")
    page.wait_for_selector("#msg-name .msg", state="detached", timeout=WAIT)
    assert page.get_attribute("#f-name", "aria-invalid") is None


def test_an_opened_file_s_own_layout_is_said_and_a_bundled_one_chosen(
    server: str, page: Any, shots: Path, tmp_path: Path
) -> None:
    """No layout was chosen after opening a file that names a layout file: the user saw no
    choice made and no word about it."""
    letter = tmp_path / "mine.toml"
    text = (EXAMPLES / "thank-you.toml").read_text(encoding="utf-8")
    letter.write_text(re.sub(r'(?m)^layout = ".*"$', 'layout = "layouts/my-envelope.toml"', text))
    assert "my-envelope" in letter.read_text()
    page.goto(server)
    page.set_input_files("#f-import", str(letter))
    page.click("button[formaction$='/letter/import']")
    page.wait_for_selector("#page-image", timeout=WAIT)
    assert page.is_checked("#layout-din5008-b")
    assert page.inner_text("#msg-layout .line").startswith(
        "layout 'layouts/my-envelope.toml' is not one the page can show"
    )
    page.screenshot(path=str(shots / "letter-own-layout.png"), full_page=True)
    page.check("#layout-own")
    page.wait_for_selector("#msg-layout .msg.error", timeout=WAIT)
    assert page.inner_text("#msg-layout .line").startswith(
        "letter.toml, layout: layout 'layouts/my-envelope.toml' is not a bundled layout"
    )
    saved = download(page, "button[formaction$='/letter/toml']", tmp_path / "out")
    assert tomllib.loads(saved.read_text(encoding="utf-8"))["layout"] == (
        "layouts/my-envelope.toml"
    )


# What a screen reader is given to read out: the text added inside a live region (aria-live,
# role alert or status), gathered by a MutationObserver, one entry per node added.
HEAR = """() => {
  window.heard = [];
  const live = '[aria-live]:not([aria-live=off]), [role=alert], [role=status], [role=log]';
  new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(node => {
    const at = node.nodeType === 1 ? node : node.parentElement;
    if (at && at.closest(live)) {
      const text = node.textContent.replace(/\\s+/g, ' ').trim();
      if (text) window.heard.push(text);
    }
  }))).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""


def live_regions_nested(page: Any) -> list[str]:
    """Live regions inside live regions (what they say is read out twice, or cut short)."""
    return page.evaluate("""() => {
      const live = '[aria-live]:not([aria-live=off]), [role=alert], [role=status], [role=log]';
      return [...document.querySelectorAll(live)]
        .filter(e => e.parentElement && e.parentElement.closest(live)).map(e => e.outerHTML);
    }""")


def test_each_message_is_read_out_once_however_often_the_preview_is_redone(
    server: str, page: Any
) -> None:
    """The preview's "No preview yet" alert sat in a live region (read out twice: as an
    alert and as the region's change) and was read out again at every preview while the
    user typed, the same words; the messages at the boxes were not read out at all."""

    def typed(selector: str, text: str) -> None:
        with page.expect_response(lambda r: r.url.endswith("/letter/preview"), timeout=WAIT):
            page.fill(selector, text)
        page.wait_for_timeout(400)  # the answer swapped in and read out

    page.goto(server)
    page.wait_for_selector("#feedback #preview-waiting", timeout=WAIT)
    page.evaluate(HEAR)
    for word in ("Thank", "Thank you", "Thank you for Tuesday"):
        typed("#f-subject", word)
    assert live_regions_nested(page) == []
    # said once, when the first words made the page check the letter; not at every preview
    assert len([h for h in page.evaluate("window.heard") if "No preview yet" in h]) == 1
    for selector, value in LETTER.items():
        page.fill(selector, value)
    typed("#f-recipient-postal_code", "2045")
    said = page.inner_text("#msg-recipient-postal_code .msg").replace("\n", " ")
    assert "2045" in said
    typed("#f-subject", "Thank you for Wednesday")
    typed("#f-subject", "Thank you for Thursday")
    assert [h for h in page.evaluate("window.heard") if h == said] == [said]


def test_a_double_click_on_make_them_makes_one_merge(server: str, page: Any) -> None:
    """It started two merges (twice the work on the machine; the first one's answer was
    replaced by the second's)."""
    made = []
    page.on("request", lambda r: made.append(r.url) if r.url.endswith("/merge/make") else None)
    page.goto(server + "merge")
    page.set_input_files("#f-template", str(EXAMPLES / "batch" / "workshop.toml"))
    page.set_input_files("#f-data", str(EXAMPLES / "batch" / "workshop.csv"))
    page.dblclick("button:has-text('Make them')")
    page.wait_for_selector("#job-summary", timeout=WAIT)
    assert len(made) == 1


def test_a_merge_is_read_out_once_as_it_starts_and_once_as_it_ends(
    server: str, page: Any, tmp_path: Path
) -> None:
    """Its area was a live region re-rendered at every step of the progress: "Making the
    documents, 1 of 4 rows done" was read out again and again (or, as the page's live
    regions were made to read each thing once, nothing until the end)."""
    page.goto(server + "merge")
    page.set_input_files("#f-template", str(EXAMPLES / "batch" / "workshop.toml"))
    page.set_input_files("#f-data", str(EXAMPLES / "batch" / "workshop.csv"))
    page.evaluate(HEAR)
    page.click("button:has-text('Make them')")
    page.wait_for_selector("#job-summary", timeout=WAIT)
    page.wait_for_timeout(400)
    heard = page.evaluate("window.heard")
    assert [h for h in heard if "Making the documents" in h] == ["Making the documents"]
    assert [h for h in heard if "documents from" in h] == [page.inner_text("#job-summary")]


# Every box's group (its fieldset's legend) and name (its label), as a screen reader says them.
NAMED_IN_GROUP = """() => [...document.querySelectorAll(
    'input:not([type=hidden]), select, textarea')].map(e => [
      e.closest('fieldset')?.querySelector('legend')?.textContent.trim() ?? '',
      [...e.labels].map(l => l.textContent.trim()).join(' '), e.name])"""


@pytest.mark.parametrize("locale", ["en-GB", "de-DE", "fr-FR"])
def test_no_two_boxes_of_one_group_are_called_the_same(
    server: str, browser: Any, locale: str
) -> None:
    """The Follow-up page's “Who you met” had “E-mail” and “Phone” twice, the main contact's
    and the business card's: a screen reader said the same name for both, and only sight of
    the layout told them apart."""
    context = browser.new_context(locale=locale)
    tab = context.new_page()
    try:
        for name in ("", "follow-up", "call", "delivery", "merge", "labels"):
            tab.goto(server + name)
            boxes: dict[tuple[str, str], list[str]] = {}
            for group, label, field in tab.evaluate(NAMED_IN_GROUP):
                boxes.setdefault((group, label), []).append(field)
            assert {k: v for k, v in boxes.items() if len(v) > 1} == {}, name
    finally:
        context.close()


def test_a_merge_button_pressed_with_the_keyboard_keeps_the_focus(server: str, page: Any) -> None:
    """“Check the rows” was disabled while it worked, which moved the focus off it to the
    page itself: a keyboard or screen-reader user was sent back to the top of the page."""
    page.goto(server + "merge")
    page.set_input_files("#f-template", str(EXAMPLES / "batch" / "workshop.toml"))
    page.set_input_files("#f-data", str(EXAMPLES / "batch" / "workshop.csv"))
    tab_to(page, "Check the rows")
    lost = page.evaluate_handle("""() => { const seen = [];
        document.addEventListener('focusout', e => { if (!e.relatedTarget) seen.push(
            e.target.textContent.trim()); }, true); return seen; }""")
    page.keyboard.press("Enter")
    page.wait_for_selector("#check-summary", timeout=WAIT)
    assert page.evaluate("document.activeElement.textContent.trim()") == "Check the rows"
    assert lost.json_value() == []


# The words of the cells of a table broken across two lines ("organ" / "ization").
BROKEN_WORDS = """table => [...table.querySelectorAll('td')].flatMap(cell => {
    const text = cell.firstChild; if (!text || text.nodeType !== Node.TEXT_NODE) return [];
    const out = []; let at = 0;
    for (const word of text.data.split(/(\\s+)/)) {
      if (word.trim()) { const r = document.createRange(); r.setStart(text, at);
        r.setEnd(text, at + word.length);
        if (new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1) out.push(word); }
      at += word.length; }
    return out; })"""


def test_the_merge_s_tables_are_readable_at_phone_width(server: str, page: Any) -> None:
    """At 390 px the check's four columns squeezed “What to do” until its words broke,
    “recipi” / “ent's”, “organ” / “izatio” / “n”. A row is now a block of its cells, each
    with its column's name; a screen reader still reads a table."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "merge")
    page.set_input_files("#f-template", str(EXAMPLES / "batch" / "workshop.toml"))
    page.set_input_files(
        "#f-data",
        files=[
            {
                "name": "people.csv",
                "mimeType": "text/csv",
                "buffer": (EXAMPLES / "batch" / "workshop.csv")
                .read_bytes()
                .replace(b"\nAnna;Schmidt;", b"\n;;", 1),
            }
        ],
    )
    page.click("button:has-text('Check the rows')")
    page.wait_for_selector("#findings", timeout=WAIT)
    assert page.eval_on_selector("#findings", BROKEN_WORDS) == []
    assert page.get_by_role("cell", name="give the recipient's name or organization").count() == 1
    page.click("button:has-text('Make them')")
    page.wait_for_selector("#manifest-rows", timeout=WAIT)
    assert page.eval_on_selector("#manifest-rows", BROKEN_WORDS) == []
    assert page.get_by_role("columnheader", name="Message").count() == 1
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_a_downloaded_letter_is_named_after_its_file_or_its_recipient(
    server: str, page: Any, tmp_path: Path
) -> None:
    """Every letter saved was letter.pdf, whoever it was to and whatever file was opened."""
    page.goto(server)
    page.set_input_files("#f-import", str(EXAMPLES / "thank-you.toml"))
    page.click(".import button")
    page.wait_for_selector("#page-image", timeout=WAIT)
    assert download(page, "text=Download the PDF", tmp_path).name == "thank-you.pdf"
    page.goto(server)
    for selector, value in LETTER.items():
        page.fill(selector, value)
    page.fill("#f-recipient-name", "Jörg Weiß")
    assert download(page, "text=Download the PDF", tmp_path).name == "letter-Jörg-Weiß.pdf"


def test_labels_made_at_phone_width_with_the_keyboard(
    server: str, page: Any, shots: Path, tmp_path: Path
) -> None:
    """The page had no labels: a career centre posting letters had to use the terminal."""
    page.goto(server + "labels")
    labelled(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.set_input_files("#f-data", str(EXAMPLES / "labels.csv"))
    page.select_option("#f-sheet", "L7163")
    tab_to(page, "f-start")
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    tab_to(page, "Make the labels")
    page.keyboard.press("Enter")
    page.wait_for_selector("#labels-image", timeout=WAIT)
    assert page.evaluate("document.activeElement.textContent.trim()") == "Make the labels"
    assert page.inner_text("#labels-summary").endswith("from label 3; rows failed: 0.")
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    page.screenshot(path=str(shots / "labels-phone.png"), full_page=True)
    pdf = download(page, "#labels-result .downloads a", tmp_path)
    assert pdf.name == "labels-labels.pdf"
    assert "Mei Lee" in PdfReader(pdf).pages[0].extract_text()
