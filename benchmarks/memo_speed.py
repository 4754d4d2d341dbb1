"""Speed of research memos and the guided interview.

Measures (1) building and rendering every standing memo (stakeholder x AI use x jurisdiction)
as Markdown, (2) DOCX and PDF rendering of one standing memo, and (3) a full scripted interview
(every needed question answered), reporting milliseconds per item.

Run from the repository root:  .venv/bin/python benchmarks/memo_speed.py
"""

from __future__ import annotations

import datetime as dt
import time

from railkit.kb import load_catalog
from railkit.rights.interview import AnswerError, InterviewState, answer, next_question
from railkit.rights.memo_render import render_docx, render_markdown, render_pdf
from railkit.rights.standing import build_standing_memo

DATE = dt.date(2026, 11, 27)
PLACES = ("EU", "GB", "US", "US-CA", "CA", "BR", "JP")
ANSWERS = {
    "role": "visual-artist",
    "residence": "DE",
    "ai-use": "image-generation",
    "work-kind": "image",
    "work-published": "yes",
    "work-where": "personal-website",
    "work-personal-data": "no",
    "work-optout": "no",
    "work-us-registered": "no",
    "concerns": "training-on-my-work",
    "goals": "stop-future-use",
    "developer-establishments": "US",
    "developer-offers": "EU, US",
}


def main() -> None:
    catalog = load_catalog()
    start = time.perf_counter()
    count = 0
    for group in catalog.stakeholders:
        for use in catalog.ai_uses:
            for place in PLACES:
                memo = build_standing_memo(
                    catalog, stakeholder=group, use=use, jurisdiction=place, date=DATE
                )
                render_markdown(memo)
                count += 1
    per = (time.perf_counter() - start) / count * 1000
    print(f"standing memos (markdown): {count} in total, {per:.1f} ms each")

    memo = build_standing_memo(
        catalog, stakeholder="writer", use="chatbot", jurisdiction="EU", date=DATE
    )
    for name, fn in (("docx", render_docx), ("pdf", render_pdf)):
        start = time.perf_counter()
        size = len(fn(memo))
        print(f"{name}: {(time.perf_counter() - start) * 1000:.0f} ms, {size} bytes")

    start = time.perf_counter()
    state = InterviewState.start()
    turns = 0
    while (question := next_question(state, catalog)) is not None:
        result = answer(state, question, ANSWERS.get(question.id))
        assert not isinstance(result, AnswerError), result
        state = result
        turns += 1
    elapsed = (time.perf_counter() - start) * 1000
    print(f"interview: {turns} questions, {elapsed / max(turns, 1):.1f} ms per turn")


if __name__ == "__main__":
    main()
