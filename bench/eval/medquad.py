# SPDX-License-Identifier: Apache-2.0
"""Reads the MedQuAD XML folders into plain records for the evaluation-set scripts."""

from __future__ import annotations

import dataclasses
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator

REPO_ROOT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """../shared beside the clone, or $QAINDEX_SHARED_DIR."""
    env = os.environ.get("QAINDEX_SHARED_DIR")
    return Path(env) if env else REPO_ROOT.parent / "shared"


def clean(text: str | None) -> str:
    """Whitespace runs (tabs, newlines) become one space; ends trimmed."""
    return " ".join((text or "").split())


@dataclasses.dataclass
class Pair:
    position: int  # 1-based position among the document's pairs (the N of ..._SecN)
    pid: str | None
    qtype: str
    question: str
    answer: str


@dataclasses.dataclass
class Document:
    relative: str  # "3_GHR_QA/0000001.xml"
    source: str  # the root's source (or, in the <doc> variant, corpus) attribute: "GHR"
    stem: str  # file name without ".xml"
    focus: str
    synonyms: list[str]
    pairs: list[Pair]

    def entry_id(self, pair: Pair) -> str:
        """qaindex's MedQuAD entry id: SOURCE_FILESTEM_SecN ("GHR_0000123_Sec2")."""
        return f"{self.source}_{self.stem}_Sec{pair.position}"


def _text(element: ET.Element | None) -> str:
    return clean("".join(element.itertext())) if element is not None else ""


def read_document(path: Path, relative: str) -> Document:
    """One MedQuAD file: <Document>, the NINDS <doc> variant or the CDC <DiseaseFile>."""
    root = ET.parse(path).getroot()
    if root.tag == "doc":
        source = root.get("corpus", "")
        focus = _text(root.find("doctitle-focus"))
        pair_elements = root.findall("./qaPairs/pair")
        question_tag, answer_tag = "question", "answer"
    else:
        source = root.get("source", "")
        focus = _text(root.find("Focus"))
        pair_elements = root.findall("./QAPairs/QAPair")
        question_tag, answer_tag = "Question", "Answer"
    synonyms = [_text(s) for s in root.findall("./FocusAnnotations/Synonyms/Synonym")]
    pairs = []
    for position, element in enumerate(pair_elements, start=1):
        question = element.find(question_tag)
        pairs.append(
            Pair(
                position=position,
                pid=element.get("pid"),
                qtype=(question.get("qtype", "") if question is not None else "").strip(),
                question=_text(question),
                answer=_text(element.find(answer_tag)),
            )
        )
    return Document(
        relative=relative,
        source=source,
        stem=path.stem,
        focus=focus,
        synonyms=[s for s in synonyms if s],
        pairs=pairs,
    )


def iter_documents(root: Path) -> Iterator[Document]:
    """Every *.xml under root, in sorted relative-path order. A file that is not well-formed
    XML is reported on stderr and skipped."""
    paths = sorted(root.rglob("*.xml"), key=lambda p: p.relative_to(root).as_posix())
    for path in paths:
        relative = path.relative_to(root).as_posix()
        try:
            yield read_document(path, relative)
        except ET.ParseError as error:
            print(f"{path}: skipped: {error}", file=sys.stderr)


def questioned_pairs(root: Path) -> Iterator[tuple[Document, Pair]]:
    """Every pair with a non-empty question, answered or not (MedQuAD's 47,457 pairs; the
    answers of three MedlinePlus subsets were removed from the public release)."""
    for document in iter_documents(root):
        for pair in document.pairs:
            if pair.question:
                yield document, pair


def answered_pairs(root: Path) -> Iterator[tuple[Document, Pair]]:
    """The pairs with a non-empty question and answer: the entries qaindex indexes."""
    for document in iter_documents(root):
        for pair in document.pairs:
            if pair.question and pair.answer:
                yield document, pair


def check_counts(counts: dict[str, int], expected: dict[str, int]) -> bool:
    """Prints each count beside its expected value ("ok" or "EXPECTED n"); counts without an
    expected value are printed as they are. True when every expected count matches."""
    ok = True
    for name, value in counts.items():
        if name in expected:
            mark = "ok" if value == expected[name] else f"EXPECTED {expected[name]}"
            ok = ok and value == expected[name]
        else:
            mark = ""
        print(f"{name:34} {value:7}  {mark}".rstrip())
    return ok


def write_jsonl(path: Path, records: list[dict]) -> None:
    """One JSON object per line, UTF-8, non-ASCII kept as it is."""
    import json

    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
