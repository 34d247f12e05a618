"""The explorer in a real browser: Debian's Chromium, headless, driven by Selenium with the system chromedriver (no
browser download). The app runs with `streamlit run` on localhost against the sample minutes plus one document whose
names, titles and quotes carry HTML and JavaScript. Every page is opened, a saved query is run, the graph canvas
must hold nodes, nothing from a document may execute, and each page is saved as a screenshot in
artifacts/screenshots/.

Skipped, with the reason shown, where Chromium or chromedriver is not installed (`./dev.py test` installs them on
Debian when it runs as root)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="Chromium och chromedriver saknas (Debian: apt-get install chromium "
                                       "chromium-driver; ./dev.py test gör det som root)")
webdriver = pytest.importorskip("selenium.webdriver")

# Markup in the places a document's text reaches the screen: an item title, a title in an attendance row, a
# sentence quoted as the evidence of a relation, the document text itself.
HOSTILE = """Hylte kommun
Kommunstyrelsen
PROTOKOLL

Sammanträdesdatum 2024-05-14

Beslutande
Anna Berg (S), <img src=x onerror="window.__xss='title'"> ordförande
Erik Holm (M)

§ 1 <script>window.__xss='item'</script>Budget 2025

Beslut
Kommunstyrelsen godkänner budgeten.

§ 2 Samverkan

Ungdomsrådet <img src=y onerror="window.__xss='quote'"> rapporterar till Kommunstyrelsen.

Beslut
Kommunstyrelsen tackar för informationen.
"""

PAGES = [("", "Översikt"), ("struktur", "Struktur"), ("arenden", "Ärenden"),
         ("personer", "Personer"), ("organ", "Organ"), ("overlapp", "Överlapp"), ("uppdrag", "Uppdrag"),
         ("underlag", "Underlag"), ("rattelser", "Rättelser"),
         ("cypher", "Cypher"),
         ("kalla", "Källa"), ("sok", "Sök")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from ingest.pipeline import ingest

    work = tmp_path_factory.mktemp("e2e")
    docs = work / "docs"
    shutil.copytree(ROOT / "data" / "sample-minutes", docs)
    (docs / "hylte-ks-2024-05-14.txt").write_text(HOSTILE, encoding="utf-8")
    db = work / "govgraph.db"
    res = ingest([docs], db)
    assert not res.failed, res.failed
    port = _free_port()
    env = {**os.environ, "GOVGRAPH_DB": str(db)}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                             "--server.address", "127.0.0.1", "--server.port", str(port),
                             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).status == 200:
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not start: " + proc.stdout.read().decode(errors="replace")[-2000:])
    yield url
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(60)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def _wait(driver, cond, timeout: float = 45.0, what: str = ""):
    end = time.time() + timeout
    last = None
    while time.time() < end:
        try:
            got = cond()
            if got:
                return got
        except Exception as e:  # the page is still being built
            last = e
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what or cond}: {last}")


def _open(driver, url: str, title: str):
    from selenium.webdriver.common.by import By

    driver.get(url)
    _wait(driver, lambda: any(title in h.text for h in driver.find_elements(By.CSS_SELECTOR, "h1")), what=title)
    # Streamlit says it is running while a script runs; wait until it has finished
    _wait(driver, lambda: not driver.find_elements(By.CSS_SELECTOR, '[data-testid="stStatusWidget"]'),
          what="the page to finish")
    time.sleep(1.5)  # tables and pictures draw after the script has finished


def _no_script_ran(driver) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        driver.switch_to.alert
        pytest.fail("an alert was opened by document text")
    except NoAlertPresentException:
        pass
    assert driver.execute_script("return window.__xss || null") is None
    for frame in driver.find_elements("css selector", "iframe"):
        driver.switch_to.frame(frame)
        try:
            assert driver.execute_script("return window.__xss || null") is None
        finally:
            driver.switch_to.default_content()


@pytest.mark.parametrize("path,title", PAGES)
def test_every_page_opens(server, browser, path, title):
    _open(browser, f"{server}/{path}", title)
    text = browser.find_element("css selector", "body").text
    assert "Traceback" not in text and "Något gick fel" not in text and "Page not found" not in text
    _no_script_ran(browser)
    browser.save_screenshot(str(SHOTS / f"{path or 'oversikt'}.png"))


def test_org_chart_canvas_draws_nodes(server, browser):
    _open(browser, f"{server}/struktur?organ=body:socsam", "Struktur")
    frame = _wait(browser, lambda: browser.find_elements("css selector", "iframe"), what="the picture")[0]
    browser.switch_to.frame(frame)
    try:
        n = _wait(browser, lambda: browser.execute_script(
            "return (typeof network !== 'undefined') && network.body.data.nodes.length"), what="vis-network")
        assert n >= 5
        assert browser.find_elements("css selector", "canvas")
        assert browser.execute_script("return window.__xss || null") is None
    finally:
        browser.switch_to.default_content()
    browser.save_screenshot(str(SHOTS / "struktur-socsam.png"))


def test_socsam_to_svom_trail(server, browser):
    _open(browser, f"{server}/arenden", "Ärenden")
    text = browser.find_element("css selector", "body").text
    assert "2023-03-24" in text and "2023-10-13" in text
    browser.save_screenshot(str(SHOTS / "arenden-socsam-svom.png"))


def test_person_page(server, browser):
    _open(browser, f"{server}/personer?id=person:margareta-winberg", "Personer")
    assert "Margareta Winberg" in browser.find_element("css selector", "h2").text
    browser.save_screenshot(str(SHOTS / "person-margareta-winberg.png"))


def test_saved_query_runs(server, browser):
    from selenium.webdriver.common.by import By

    _open(browser, f"{server}/cypher?fraga=reporting_chain", "Cypher")
    button = _wait(browser, lambda: [b for b in browser.find_elements(By.CSS_SELECTOR, "button")
                                     if b.text.strip() == "Kör"], what="the run button")[0]
    button.click()
    _wait(browser, lambda: "rader" in browser.find_element(By.CSS_SELECTOR, "body").text, what="a result")
    _wait(browser, lambda: browser.find_elements(By.CSS_SELECTOR, '[data-testid="stDataFrame"]'), what="the table")
    _no_script_ran(browser)
    browser.save_screenshot(str(SHOTS / "cypher-reporting-chain.png"))


def test_search_finds_psykiatri_grouped_by_kind_with_the_word_marked(server, browser):
    from selenium.webdriver.common.by import By

    _open(browser, f"{server}/sok?q=psykiatri", "Sök")
    text = browser.find_element(By.CSS_SELECTOR, "body").text
    for head in ("Ärenden (1)", "Paragrafer (2)", "Beslut (1)", "Textavsnitt ("):
        assert head in text, head
    assert "Skrivelse angående samverkan mellan Jämtlands läns kommuner och psykiatri" in text
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "mark")]
    assert marks and all(m.lower().startswith("psykiatri") or "psykiatri" in m.lower() for m in marks), marks
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a")]
    assert any("/arenden?arende=matter" in (h or "") for h in links)
    assert any("/kalla?doc=doc%3Asvom-2023-10-webbsida" in (h or "") for h in links)
    browser.save_screenshot(str(SHOTS / "sok-psykiatri.png"))


def test_the_sidebar_search_field_opens_the_search_page(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open(browser, f"{server}/struktur", "Struktur")
    field = _wait(browser, lambda: browser.find_elements(By.CSS_SELECTOR, '[data-testid="stSidebar"] input'),
                  what="the sidebar search field")[0]
    field.send_keys("Östlund", Keys.ENTER)
    _wait(browser, lambda: any("Sök" in h.text for h in browser.find_elements(By.CSS_SELECTOR, "h1")), what="Sök")
    _wait(browser, lambda: "Maria Östlund" in browser.find_element(By.CSS_SELECTOR, "body").text, what="a hit")
    assert "q=%C3%96stlund" in browser.current_url or "q=Östlund" in browser.current_url, browser.current_url
    browser.save_screenshot(str(SHOTS / "sok-ostlund.png"))


def test_hostile_document_text_is_shown_not_run(server, browser):
    _open(browser, f"{server}/kalla?doc=doc:hylte-ks-2024-05-14", "Källa")
    text = browser.find_element("css selector", "body").text
    assert "<script>window.__xss='item'</script>" in text  # shown as the text it is
    _no_script_ran(browser)
    _open(browser, f"{server}/struktur", "Struktur")
    _no_script_ran(browser)
    _open(browser, f"{server}/organ?id=body:hylte-kommunstyrelsen", "Organ")
    _no_script_ran(browser)
    _open(browser, f"{server}/sok?q=xss", "Sök")  # the hostile text found, its quote marked and escaped
    assert "xss" in browser.find_element("css selector", "body").text
    _no_script_ran(browser)
    browser.save_screenshot(str(SHOTS / "organ-hostile.png"))


def test_upload_adds_a_document_with_progress_and_keeps_the_rest(server, browser, tmp_path):
    """Last in this file: it adds a document to the graph the other tests look at."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "solleftea-sn-2024-04-09.txt"
    doc.write_text("Sollefteå kommun\nSocialnämnden\nPROTOKOLL\n\nSammanträdesdatum 2024-04-09\n\nBeslutande\n"
                   "Karin Holm (C), ordförande\nPer Ek (S)\n\n§ 7 Budgetuppföljning\n\nBeslut\n"
                   "Socialnämnden godkänner uppföljningen.\n", encoding="utf-8")
    def documents() -> int:  # the Dokument metric (the tables are drawn on a canvas)
        for m in browser.find_elements(By.CSS_SELECTOR, '[data-testid="stMetric"]'):
            label, _, value = m.text.partition("\n")
            if label.strip() == "Dokument":
                return int(value.strip())
        raise AssertionError("no Dokument metric")

    _open(browser, server, "Översikt")
    before = documents()
    expander = [e for e in browser.find_elements(By.CSS_SELECTOR, "summary") if "Lägg till dokument" in e.text][0]
    expander.click()
    field = _wait(browser, lambda: browser.find_elements(By.CSS_SELECTOR, "input[type=file]"), what="file input")[0]
    field.send_keys(str(doc))
    button = _wait(browser, lambda: [b for b in browser.find_elements(By.CSS_SELECTOR, "button")
                                     if b.text.strip() == "Läs in"], what="the ingest button")[0]
    button.click()
    _wait(browser, lambda: "Nya: 1" in browser.find_element(By.CSS_SELECTOR, "body").text, timeout=120,
          what="the ingest summary")
    browser.save_screenshot(str(SHOTS / "oversikt-uppladdning.png"))
    _open(browser, server, "Översikt")
    assert documents() == before + 1  # the new one added, none lost
    _open(browser, f"{server}/kalla?doc=doc:solleftea-sn-2024-04-09", "Källa")
    assert "Budgetuppföljning" in browser.find_element(By.CSS_SELECTOR, "body").text
