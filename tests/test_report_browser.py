"""The report in a real browser: headless Chromium draws the timeline, highlights evidence and jumps to it."""
from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_report import REPO, Page, doc_pages, sample_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()),
                       reason="needs /usr/bin/chromium and /usr/bin/chromedriver (scripts/setup.sh installs them)"),
]


@pytest.fixture
def browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager must never download a driver
    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    options.add_argument("--window-size=1400,1000")
    options.binary_location = str(CHROMIUM)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return sample_site(tmp_path_factory)


def rect(driver, element) -> dict[str, float]:
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return {top: r.top, bottom: r.bottom, height: r.height, inner: window.innerHeight};", element)


def in_viewport(box: dict[str, float]) -> bool:
    """Fully visible, or (a span taller than the window) covering part of it."""
    if box["height"] <= box["inner"]:
        return box["top"] >= 0 and box["bottom"] <= box["inner"]
    return box["top"] < box["inner"] and box["bottom"] > 0


def errors_logged(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_timeline_highlights_and_jump_to_evidence(site: tuple[Path, Path], browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    db, out = site
    driver = browser
    driver.get((out / "index.html").as_uri())
    svg = driver.find_element(By.CSS_SELECTOR, "svg.timeline-svg")
    assert svg.rect["width"] > 0 and svg.rect["height"] > 0
    sizes = driver.execute_script(
        "return Array.from(document.querySelectorAll('svg.timeline-svg .marker'))"
        ".map(m => { const b = m.getBBox(); return b.width * b.height; });")
    assert sizes and all(s > 0 for s in sizes)
    assert not errors_logged(driver)

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    decisions = conn.execute("SELECT count(*) FROM decisions WHERE span_end > span_start").fetchone()[0]
    conn.close()
    # the page with the most highlighted decisions, its last one far down the text
    pages = sorted(doc_pages(out), key=lambda p: sum(r.startswith("decision-") for r in Page(
        p.read_text(encoding="utf-8")).mark_ids))
    driver.get(pages[-1].as_uri())
    marks = driver.find_elements(By.CSS_SELECTOR, "mark.rec-decision")
    assert bool(marks) == bool(decisions)
    kind = "decision" if decisions else "date"
    rows = driver.find_elements(By.CSS_SELECTOR, f"#t-{kind} tr[data-target]")
    assert rows, f"no {kind} row links to the text"
    row = rows[-1]
    ref = row.get_attribute("data-target")
    target = driver.find_element(By.ID, ref)
    driver.execute_script("window.scrollTo(0, 0)")
    before = rect(driver, target)
    row.click()
    after = rect(driver, target)
    assert in_viewport(after), (before, after)
    if not in_viewport(before):
        assert driver.execute_script("return window.scrollY") > 0
    assert "flash" in target.get_attribute("class").split()
    assert "selected" in row.get_attribute("class").split()
    assert driver.execute_script("return location.hash") == f"#{ref}"
    assert not errors_logged(driver)
    shot = tmp_path / "report.png"
    assert driver.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    if os.environ.get("ARKISTO_SCREENSHOT"):
        (REPO / "docs").mkdir(exist_ok=True)
        shutil.copy(shot, REPO / "docs" / "report.png")


def test_a_timeline_marker_opens_its_evidence_centred(site: tuple[Path, Path], browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    _, out = site
    driver = browser
    driver.get((out / "index.html").as_uri())
    links = driver.execute_script(
        "return Array.from(document.querySelectorAll('svg.timeline-svg a')).map(a => a.getAttribute('href'));")
    assert links
    path, _, ref = links[-1].partition("#")
    assert ref and "://" not in path
    driver.get((out / path).as_uri() + "#" + ref)
    target = driver.find_element(By.ID, ref)
    WebDriverWait(driver, 5).until(lambda d: "flash" in target.get_attribute("class").split())
    assert in_viewport(rect(driver, target))
    assert driver.find_element(By.ID, f"row-{ref}").get_attribute("class").split().count("selected") == 1
