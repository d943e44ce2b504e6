"""Layout checks in the browser: no sideways scrolling, no table cut off, touch targets of at
least 24 x 24 px (WCAG 2.2, 2.5.8), and a navigation that fits one row on wide screens."""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import Page

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
WIDTHS = {"390": PHONE, "1280": DESKTOP}

# Where the screenshots go; CI keeps the folder as a test artefact (it is gitignored).
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", "test-artifacts/screenshots"))

LAYOUT_PROBLEMS = r"""() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth) {
    const wide = [...document.body.querySelectorAll('*')]
      .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
    problems.push(`page scrolls sideways: ${root.scrollWidth} px in ${window.innerWidth} px `
      + `(${wide.join(', ')})`);
  }
  for (const table of document.querySelectorAll('main table')) {
    if (!table.getClientRects().length) continue;  // inside a closed <details>
    const width = table.getBoundingClientRect().width;
    let box = table;
    while (box && box !== document.body && getComputedStyle(box).overflowX === 'visible') {
      box = box.parentElement;
    }
    if (!box || box === document.body) {
      if (table.getBoundingClientRect().right > window.innerWidth + 1)
        problems.push(`table wider than the page: ${Math.round(width)} px`);
      continue;
    }
    const scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
    if (box.scrollWidth > box.clientWidth + 1 && !scrolls)
      problems.push(`table cut off: ${Math.round(width)} px in a ${box.clientWidth} px box `
        + `that does not scroll`);
  }
  const targets = 'button, input:not([type=hidden]), select, summary, a.button, nav a';
  for (const el of document.querySelectorAll(targets)) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.closest('.visually-hidden')) continue;
    if (box.width < 23.5 || box.height < 23.5) {
      const name = (el.getAttribute('aria-label') || el.textContent || el.name || el.id || '')
        .replace(/\s+/g, ' ').trim().slice(0, 40);
      problems.push(`touch target ${Math.round(box.width)} x ${Math.round(box.height)} px: `
        + `${el.tagName.toLowerCase()} "${name}"`);
    }
  }
  return problems;
}"""

# At 1280 px a table fits its box; only a box marked as wide (the trainer's matrix, with a column
# per assignment) may scroll.
SCROLLED_TABLES = r"""() => [...document.querySelectorAll('main .table-scroll')]
  .filter(box => !box.classList.contains('table-scroll--wide'))
  .filter(box => box.getClientRects().length && box.scrollWidth > box.clientWidth + 1)
  .map(box => `table "${box.getAttribute('aria-label')}" needs sideways scrolling: `
    + `${box.scrollWidth} px in ${box.clientWidth} px`)"""

# Charts are drawn so that their labels are the body text's size at their natural size.
SHRUNK_CHARTS = r"""() => [...document.querySelectorAll('.chart img')]
  .filter(img => img.naturalWidth && img.clientWidth < img.naturalWidth - 1)
  .map(img => `chart ${img.getAttribute('src')} shrunk to ${img.clientWidth} of `
    + `${img.naturalWidth} px: its labels are smaller than the body text`)"""

NAV_ROWS = r"""() => {
  const links = [...document.querySelectorAll('nav[aria-label="Hoofdmenu"] a')]
    .filter(a => a.getClientRects().length);
  return new Set(links.map(a => Math.round(a.getBoundingClientRect().top))).size;
}"""


def layout_problems(page: Page) -> list[str]:
    problems = list(dict.fromkeys(page.evaluate(LAYOUT_PROBLEMS)))  # one line per kind
    if page.viewport_size and page.viewport_size["width"] >= 1280:
        rows = page.evaluate(NAV_ROWS)
        if rows > 1:
            problems.append(f"the navigation takes {rows} rows at 1280 px")
        problems += page.evaluate(SHRUNK_CHARTS)
        problems += page.evaluate(SCROLLED_TABLES)
    return problems


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot under SCREENSHOT_DIR as <name>-<width>.png."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"] if page.viewport_size else 0
    path = SCREENSHOT_DIR / f"{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
