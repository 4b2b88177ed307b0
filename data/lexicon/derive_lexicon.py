#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Derives the qaindex medical lexicon (data/lexicon/*.tsv) from the Symptom Ontology, MedQuAD
and the hand-written files in data/lexicon/sources/.

Run from the repository root:

    python3 data/lexicon/derive_lexicon.py --symp ../shared/data/symptom-ontology/symp.obo

Standard library only; the output is deterministic (rows sorted, items de-duplicated in a fixed
order). --check validates the written files and prints counts (and exits 1 on an error).

Inputs
  symp.obo                               Symptom Ontology (CC0): names, EXACT/RELATED synonyms,
                                         is_a parents, is_obsolete.
  sources/symptom_additions.tsv          per-symptom lay forms, misspellings, Chinese names,
                                         specialties, parent/name overrides; new "QA:" symptoms.
  sources/symptom_exclusions.tsv         ontology terms (whole) or single phrases not to match.
  sources/group_specialties.tsv          default specialties for the ontology's grouping terms,
                                         inherited by descendants that have none of their own.
  sources/conditions.tsv                 hand-written conditions.
  sources/condition_exclusions.tsv       MedQuAD synonyms not to import for a condition.
  medquad/*/*.xml                        MedQuAD (CC BY 4.0): <Focus>/<Synonym>; the synonyms of a
                                         focus that names a hand-written condition are imported.
  sources/specialties.tsv, sources/synonyms.tsv   copied after validation, sorted.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "sources")
DELIBERATE = os.path.join(SOURCES, "deliberate_overlaps.tsv")

SYMPTOM_COLUMNS = ["id", "name", "parent", "specialties", "clinical", "lay", "misspellings", "chinese"]
CONDITION_COLUMNS = ["id", "name", "specialties", "clinical", "lay", "chinese"]
SPECIALTY_COLUMNS = ["name", "aliases", "chinese"]
SYNONYM_COLUMNS = ["clinical", "lay"]

# The Snowball English stop-word list (the analyzer keeps stop words but lets them differ inside
# a phrase). Used here only to warn about phrases that reduce to one generic content word.
STOPWORDS = set("""
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
her hers herself it its itself they them their theirs themselves what which who whom this that
these those am is are was were be been being have has had having do does did doing would should
could ought i'm you're he's she's it's we're they're i've you've we've they've i'd you'd he'd
she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't aren't wasn't weren't hasn't
haven't hadn't doesn't don't didn't won't wouldn't shan't shouldn't can't cannot couldn't mustn't
let's that's who's what's here's there's when's where's why's how's a an the and but if or
because as until while of at by for with about against between into through during before after
above below to from up down in out on off over under again further then once here there when
where why how all any both each few more most other some such no nor not only own same so than
too very
""".split())

# Words that must never be a whole matchable phrase (after stop words are dropped): they would tag
# almost every consultation.
GENERIC = set("""
problem problems issue issues trouble condition conditions disease diseases disorder disorders
symptom symptoms sign signs feel feeling feelings sick ill illness body health help pain pains
run runs pass passing black blacking worn keep keeps go going get getting come coming
""".split()) - {"pain", "pains"}

# Single words that are fine in a synonym group but would tag far too much as the whole form of a
# symptom or condition (often because a negation or a particle was dropped as a stop word:
# "can't sleep" -> "sleep", "out of breath" -> "breath", "passed out" -> "passed").
GENERIC_CONCEPT = GENERIC | set("""
sleep sleeping breathe breathing breath period periods know move moving stand food eat eating
appetite weight urine pee peeing poop pooping heart blood water tear tears spot spots taste smell
hear see remember focus concentrate kill patch discharge gland glands hungry strength energy
temperature wet balance imbalance nervous confused worried worry normal fine good bad well
""".split())


class LexiconError(Exception):
    pass


# ----------------------------------------------------------------------------------------------
# Reading TSV files

def read_tsv(path, columns):
    """Rows of a lexicon-style TSV as dicts; '#' lines and blank lines skipped; header checked."""
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                if header != columns:
                    raise LexiconError(f"{path}:{lineno}: header {header} != {columns}")
                continue
            if len(cells) > len(columns):
                raise LexiconError(f"{path}:{lineno}: {len(cells)} cells, expected {len(columns)}")
            cells += [""] * (len(columns) - len(cells))
            row = {c: v.strip() for c, v in zip(columns, cells)}
            row["_where"] = f"{os.path.basename(path)}:{lineno}"
            rows.append(row)
    if header is None:
        raise LexiconError(f"{path}: no header")
    return rows


def items(cell):
    """The '|'-separated items of a cell, trimmed, spaces collapsed, empty ones dropped."""
    out = []
    for part in cell.split("|"):
        part = " ".join(part.split())
        if part:
            out.append(part)
    return out


def dedupe(seq, seen=None):
    """seq without items already seen (case-insensitive), in order; updates seen."""
    seen = set() if seen is None else seen
    out = []
    for s in seq:
        key = s.casefold()
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


# ----------------------------------------------------------------------------------------------
# A rough phrase key for duplicate detection: case folded, punctuation split, stop words dropped,
# a light English suffix strip. It approximates what the analyzer and stemmer will make equal.

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def light_stem(w):
    if len(w) <= 3 or not w.isascii():
        return w
    if w.endswith("ies"):
        w = w[:-3] + "i"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suf in ("ing", "ed"):
        if w.endswith(suf) and len(w) - len(suf) >= 3 and re.search(r"[aeiouy]", w[: -len(suf)]):
            w = w[: -len(suf)]
            if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    if w.endswith("y") and len(w) > 3:
        w = w[:-1] + "i"
    return w


def content_words(phrase):
    text = unicodedata.normalize("NFKC", phrase).casefold().replace("'s ", " ").replace("’s ", " ")
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    words = _WORD.findall(text)
    return [w for w in words if w not in STOPWORDS]


def phrase_key(phrase):
    words = content_words(phrase)
    if any(not w.isascii() for w in words):
        return " ".join(words)
    return " ".join(light_stem(w) for w in words)


def check_item(item, where, concept=False):
    if "\t" in item or "|" in item:
        raise LexiconError(f"{where}: tab or '|' inside item {item!r}")
    words = content_words(item)
    if not words:
        raise LexiconError(f"{where}: item {item!r} has no content word")
    generic = GENERIC_CONCEPT if concept else GENERIC
    if len(words) == 1 and (words[0] in generic or light_stem(words[0]) in generic):
        raise LexiconError(f"{where}: item {item!r} reduces to the generic word {words[0]!r}")


# ----------------------------------------------------------------------------------------------
# Symptom Ontology

_SYN = re.compile(r'^"((?:[^"\\]|\\.)*)"\s+(EXACT|RELATED|BROAD|NARROW)\b')


def parse_obo(path):
    """Terms of an OBO file: id -> dict(name, synonyms=[(text, scope)], parents=[ids], obsolete)."""
    terms = {}
    cur = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.startswith("["):
                cur = {"synonyms": [], "parents": [], "obsolete": False} if line == "[Term]" else None
                continue
            if cur is None or ": " not in line:
                continue
            key, value = line.split(": ", 1)
            if key == "id":
                cur["id"] = value.strip()
                terms[cur["id"]] = cur
            elif key == "name":
                cur["name"] = value.strip()
            elif key == "synonym":
                m = _SYN.match(value)
                if m:
                    text = m.group(1).replace('\\"', '"').replace("\\\\", "\\")
                    cur["synonyms"].append((text, m.group(2)))
            elif key == "is_a":
                cur["parents"].append(value.split("!")[0].strip())
            elif key == "is_obsolete" and value.strip() == "true":
                cur["obsolete"] = True
    return terms


def build_symptoms(obo_path):
    terms = parse_obo(obo_path)
    live = {i: t for i, t in terms.items() if not t["obsolete"] and "name" in t}

    excl_rows = read_tsv(os.path.join(SOURCES, "symptom_exclusions.tsv"), ["id", "phrase", "reason"])
    excluded_terms = {}
    excluded_phrases = defaultdict(set)
    for r in excl_rows:
        if not r["reason"]:
            raise LexiconError(f"{r['_where']}: exclusion without a reason")
        if r["id"] not in live:
            raise LexiconError(f"{r['_where']}: {r['id']} is not a live ontology term")
        if r["phrase"]:
            excluded_phrases[r["id"]].add(r["phrase"].casefold())
        else:
            excluded_terms[r["id"]] = r["reason"]

    group_rows = read_tsv(os.path.join(SOURCES, "group_specialties.tsv"), ["id", "specialties"])
    group_specialties = {r["id"]: items(r["specialties"]) for r in group_rows}

    add_rows = read_tsv(os.path.join(SOURCES, "symptom_additions.tsv"), SYMPTOM_COLUMNS)
    additions = {}
    for r in add_rows:
        if r["id"] in additions:
            raise LexiconError(f"{r['_where']}: {r['id']} listed twice in additions")
        if r["id"].startswith("SYMP:"):
            if r["id"] not in live:
                raise LexiconError(f"{r['_where']}: {r['id']} is not a live ontology term")
            if r["id"] in excluded_terms:
                raise LexiconError(f"{r['_where']}: {r['id']} is excluded but has additions")
        elif r["id"].startswith("QA:"):
            if not r["name"]:
                raise LexiconError(f"{r['_where']}: new symptom {r['id']} needs a name")
        else:
            raise LexiconError(f"{r['_where']}: id must start with SYMP: or QA:")
        additions[r["id"]] = r

    kept = [i for i in live if i not in excluded_terms]

    def nearest_kept(parent_ids):
        """First kept ancestor along the first is_a chain."""
        seen = set()
        frontier = list(parent_ids)
        while frontier:
            p = frontier[0]
            if p in seen or p not in live:
                return ""
            seen.add(p)
            if p not in excluded_terms:
                return p
            frontier = live[p]["parents"]
        return ""

    def explicit_specialties(tid):
        """A term's own specialties: a list, [] when set to none ('-'), None when not given."""
        cell = additions.get(tid, {}).get("specialties", "")
        if cell == "-":
            return []
        if cell:
            return items(cell)
        return group_specialties.get(tid)

    def parents_of(tid):
        """The parent chosen in the additions first, then the ontology's is_a parents."""
        override = additions.get(tid, {}).get("parent", "")
        return ([override] if override else []) + live[tid]["parents"]

    def inherited_specialties(tid):
        """Specialties of the nearest ancestor (the term itself first) that has some."""
        seen = set()
        queue = [tid]
        while queue:
            nxt = []
            for t in queue:
                if t in seen or t not in live:
                    continue
                seen.add(t)
                found = explicit_specialties(t)
                if found is not None:
                    return found
                nxt.extend(parents_of(t))
            queue = nxt
        return []

    rows = {}
    for tid in kept:
        t = live[tid]
        add = additions.get(tid, {})
        drop = excluded_phrases.get(tid, set())
        name = t["name"].lower()
        clinical = []
        if add.get("name"):
            if name.casefold() not in drop:
                clinical.append(name)
            name = add["name"]
        elif name.casefold() in drop:
            raise LexiconError(f"{tid}: name {name!r} excluded but no new name in additions")
        for text, scope in t["synonyms"]:
            if scope not in ("EXACT", "RELATED"):
                continue
            if text.casefold() in drop:
                continue
            clinical.append(text)
        clinical += items(add.get("clinical", ""))
        parent = add.get("parent") or nearest_kept(t["parents"])
        specialties = inherited_specialties(tid)
        rows[tid] = make_symptom(tid, name, parent, specialties, clinical,
                                 items(add.get("lay", "")), items(add.get("misspellings", "")),
                                 items(add.get("chinese", "")))
        for phrase in drop:
            if phrase not in {s.casefold() for s in [t["name"]] + [s for s, _ in t["synonyms"]]}:
                raise LexiconError(f"{tid}: excluded phrase {phrase!r} is not an ontology form")

    for tid, add in additions.items():
        if tid.startswith("QA:"):
            rows[tid] = make_symptom(tid, add["name"], add["parent"], items(add["specialties"]),
                                     items(add["clinical"]), items(add["lay"]),
                                     items(add["misspellings"]), items(add["chinese"]))
    for tid, r in rows.items():
        if r["parent"] and r["parent"] not in rows:
            raise LexiconError(f"{tid}: parent {r['parent']} is not a kept symptom")
    return rows, excluded_terms, excluded_phrases, live


def make_symptom(tid, name, parent, specialties, clinical, lay, misspellings, chinese):
    name = " ".join(name.split()).lower()
    seen = {name.casefold()}
    lay = dedupe(lay, seen)
    clinical = dedupe(clinical, seen)
    misspellings = dedupe(misspellings, seen)
    return {
        "id": tid,
        "name": name,
        "parent": parent,
        "specialties": dedupe(specialties),
        "clinical": clinical,
        "lay": lay,
        "misspellings": misspellings,
        "chinese": dedupe(chinese),
    }


# ----------------------------------------------------------------------------------------------
# Conditions (hand-written) with MedQuAD synonyms

def focus_key(text):
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"['’]s\b", "", text)
    return " ".join(_WORD.findall(text))


def read_medquad(root):
    """focus key -> list of (focus, synonyms) over every MedQuAD document."""
    out = defaultdict(list)
    for sub in sorted(os.listdir(root)):
        folder = os.path.join(root, sub)
        if not os.path.isdir(folder):
            continue
        for fname in sorted(os.listdir(folder)):
            if not fname.endswith(".xml"):
                continue
            try:
                doc = ET.parse(os.path.join(folder, fname)).getroot()
            except ET.ParseError:
                continue
            focus = (doc.findtext("Focus") or "").strip()
            if not focus:
                continue
            syns = [(s.text or "").strip() for s in doc.iter("Synonym")]
            out[focus_key(focus)].append((focus, [s for s in syns if s]))
    return out


# MedQuAD synonyms with these shapes are not imported:
# - short abbreviations are ambiguous in free text ("MS", "AD", "ED", "MD");
# - parenthesised, comma- or dash-inverted forms are catalogue entries ("Cancer - breast") that
#   never occur in running text;
# - numbered subtypes ("... type 2") name sibling diseases, not synonyms;
# - test, procedure and treatment names that MedLinePlus lists beside a disease;
# - single words, unless they carry a disease suffix ("Ulcer", "Rupture", "Crabs" would tag far too
#   much; "ileitis", "myelomatosis" are specific).
_NOT_A_SYNONYM = re.compile(
    r"\b(test|testing|biopsy|score|harness|excision|avulsion|cessation|lights|antivirals?|"
    r"response|surgery|transplant|treatment|therapy|screening|vaccine|discharge)\b", re.I)
_DISEASE_SUFFIX = re.compile(r"(itis|itides|osis|oses|emia|aemia|oma|omas|pathy|iasis|plegia|algia|"
                             r"trophy|plasia|penia|rrhea|rrhoea|ectasis)$", re.I)


def importable(syn):
    if len(syn) <= 4:
        return False
    if any(ch in syn for ch in "(),;/[]|\t\"") or re.search(r"\s-|-\s|^-|-$", syn):
        return False
    if re.search(r"-[A-Z]{2,}\b", syn):  # "Heart attack-ACS", "Hives-HAE": index headings
        return False
    if re.search(r"\btype\s*[0-9ivx]+[a-z]?\b", syn, re.I):
        return False
    if _NOT_A_SYNONYM.search(syn):
        return False
    if " " not in syn.strip() and "-" not in syn and not _DISEASE_SUFFIX.search(syn):
        return False
    return True


def build_conditions(medquad_root, other_forms):
    rows = read_tsv(os.path.join(SOURCES, "conditions.tsv"), CONDITION_COLUMNS)
    excl = read_tsv(os.path.join(SOURCES, "condition_exclusions.tsv"), ["id", "phrase", "reason"])
    dropped = defaultdict(set)
    for r in excl:
        if not r["reason"] or not r["phrase"]:
            raise LexiconError(f"{r['_where']}: exclusion needs a phrase and a reason")
        dropped[r["id"]].add(r["phrase"].casefold())
    medquad = read_medquad(medquad_root) if medquad_root else {}

    # Every hand-written form of every concept, so an imported synonym never lands on a form
    # that already belongs to another concept.
    owner = dict(other_forms)
    for r in rows:
        for s in [r["name"]] + items(r["clinical"]) + items(r["lay"]):
            owner.setdefault(phrase_key(s), r["id"])

    out = {}
    imported = []
    skipped = []
    for r in rows:
        cid = r["id"]
        if cid in out:
            raise LexiconError(f"{r['_where']}: duplicate condition id {cid}")
        if not re.match(r"^(QA:[a-z0-9]+(-[a-z0-9]+)*|DOID:[0-9]+)$", cid):
            raise LexiconError(f"{r['_where']}: bad condition id {cid}")
        clinical = items(r["clinical"])
        lay = items(r["lay"])
        extra = []
        keys = {focus_key(s) for s in [r["name"]] + clinical + lay}
        for key in sorted(keys):
            for focus, syns in medquad.get(key, []):
                for syn in syns:
                    if not importable(syn) or syn.casefold() in dropped[cid]:
                        continue
                    k = phrase_key(syn)
                    if owner.get(k, cid) != cid:
                        skipped.append((cid, syn, owner[k]))
                        continue
                    extra.append(syn)
        before = {s.casefold() for s in [r["name"]] + clinical + lay}
        new = [s for s in dedupe(extra) if s.casefold() not in before]
        imported += [(cid, s) for s in new]
        for s in new:
            owner.setdefault(phrase_key(s), cid)
        seen = {r["name"].casefold()}
        lay = dedupe(lay, seen)
        out[cid] = {
            "id": cid,
            "name": r["name"],
            "specialties": dedupe(items(r["specialties"])),
            "clinical": dedupe(clinical + new, seen),
            "lay": lay,
            "chinese": dedupe(items(r["chinese"])),
        }
    return out, imported, skipped


# ----------------------------------------------------------------------------------------------
# Writing

HEADER_NOTE = {
    "symptoms.tsv": "Symptom Ontology (CC0) + sources/symptom_additions.tsv - sources/symptom_exclusions.tsv",
    "conditions.tsv": "sources/conditions.tsv + MedQuAD <Synonym> (CC BY 4.0, Ben Abacha & Demner-Fushman 2019)",
    "specialties.tsv": "sources/specialties.tsv",
    "synonyms.tsv": "sources/synonyms.tsv",
}


def write_tsv(path, columns, rows):
    name = os.path.basename(path)
    lines = [
        f"# {name}: generated by data/lexicon/derive_lexicon.py; edit sources/ and regenerate.",
        f"# From: {HEADER_NOTE[name]}. See data/lexicon/README.md.",
        "\t".join(columns),
    ]
    for r in rows:
        cells = []
        for c in columns:
            v = r[c]
            cells.append("|".join(v) if isinstance(v, list) else v)
        lines.append("\t".join(cells))
    data = "\n".join(lines) + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)


def build(args):
    symptoms, excluded_terms, excluded_phrases, live = build_symptoms(args.symp)
    symptom_owner = {}
    for sid in sorted(symptoms):
        r = symptoms[sid]
        for s in [r["name"]] + r["clinical"] + r["lay"] + r["misspellings"] + r["chinese"]:
            symptom_owner.setdefault(phrase_key(s), sid)
    medquad_root = None if args.no_medquad else args.medquad
    if medquad_root and not os.path.isdir(medquad_root):
        raise LexiconError(f"{medquad_root}: MedQuAD folder not found (pass --medquad or --no-medquad)")
    conditions, imported, skipped = build_conditions(medquad_root, symptom_owner)

    specialties = read_tsv(os.path.join(SOURCES, "specialties.tsv"), SPECIALTY_COLUMNS)
    spec_rows = [{"name": r["name"], "aliases": dedupe(items(r["aliases"])),
                  "chinese": dedupe(items(r["chinese"]))} for r in specialties]
    synonyms = read_tsv(os.path.join(SOURCES, "synonyms.tsv"), SYNONYM_COLUMNS)
    syn_rows = []
    for r in synonyms:
        seen = set()
        clinical = dedupe(items(r["clinical"]), seen)
        lay = dedupe(items(r["lay"]), seen)
        syn_rows.append({"clinical": clinical, "lay": lay})

    out = args.out
    write_tsv(os.path.join(out, "symptoms.tsv"), SYMPTOM_COLUMNS,
              [symptoms[k] for k in sorted(symptoms)])
    write_tsv(os.path.join(out, "conditions.tsv"), CONDITION_COLUMNS,
              [conditions[k] for k in sorted(conditions)])
    write_tsv(os.path.join(out, "specialties.tsv"), SPECIALTY_COLUMNS,
              sorted(spec_rows, key=lambda r: r["name"]))
    write_tsv(os.path.join(out, "synonyms.tsv"), SYNONYM_COLUMNS,
              sorted(syn_rows, key=lambda r: ("|".join(r["clinical"] + r["lay"])).casefold()))
    print(f"ontology: {len(live)} live terms, {len(excluded_terms)} excluded, "
          f"{sum(len(v) for v in excluded_phrases.values())} single phrases excluded")
    print(f"wrote {len(symptoms)} symptoms, {len(conditions)} conditions "
          f"({len(imported)} MedQuAD synonyms imported, {len(skipped)} skipped as another concept's), "
          f"{len(spec_rows)} specialties, {len(syn_rows)} synonym groups to {out}")
    if args.verbose:
        for cid, syn in imported:
            print(f"  imported {cid}: {syn}")
        for cid, syn, other in skipped:
            print(f"  skipped {cid}: {syn} (belongs to {other})")


# ----------------------------------------------------------------------------------------------
# Checking the written files

def check(out, deliberate_path, verbose=False):
    errors = []
    warnings = []

    def load(name, columns):
        try:
            return read_tsv(os.path.join(out, name), columns)
        except (OSError, LexiconError) as e:
            errors.append(str(e))
            return []

    sym = load("symptoms.tsv", SYMPTOM_COLUMNS)
    con = load("conditions.tsv", CONDITION_COLUMNS)
    spe = load("specialties.tsv", SPECIALTY_COLUMNS)
    syn = load("synonyms.tsv", SYNONYM_COLUMNS)

    canonical = {r["name"] for r in spe}
    required = ["Neurology", "Cardiology", "Dermatology", "Gastroenterology", "Otolaryngology",
                "Ophthalmology", "Orthopedics", "Pediatrics", "Psychiatry",
                "Obstetrics and Gynecology", "Urology", "Family Medicine", "Endocrinology",
                "Pulmonology", "Rheumatology", "Nephrology", "Internal Medicine", "Oncology",
                "Hematology", "Infectious Disease", "Allergy and Immunology", "Dentistry",
                "General Surgery", "Rehabilitation Medicine", "Emergency Medicine", "Geriatrics",
                "Genetics", "Hepatology"]
    for name in required:
        if name not in canonical:
            errors.append(f"specialties.tsv: canonical specialty {name!r} missing")
    alias_owner = {}
    for r in spe:
        for a in [r["name"]] + items(r["aliases"]) + items(r["chinese"]):
            check_wrap(errors, a, r["_where"])
            k = unicodedata.normalize("NFKC", a).casefold()
            if alias_owner.setdefault(k, r["name"]) != r["name"]:
                errors.append(f"{r['_where']}: alias {a!r} also names {alias_owner[k]}")
    for dept in ["肝病科", "消化科", "神经科", "心血管科", "内分泌科", "呼吸科", "肾内科", "感染科",
                 "血液科", "普通内科", "风湿免疫科"]:
        if dept not in alias_owner:
            errors.append(f"specialties.tsv: zh-consultations department {dept} does not map")

    ids = set()
    for r in sym + con:
        if r["id"] in ids:
            errors.append(f"{r['_where']}: duplicate id {r['id']}")
        ids.add(r["id"])
    sym_ids = {r["id"] for r in sym}
    for r in sym:
        if r["parent"] and r["parent"] not in sym_ids:
            errors.append(f"{r['_where']}: parent {r['parent']} does not exist")
        if r["name"] != r["name"].lower():
            errors.append(f"{r['_where']}: symptom name {r['name']!r} not lower case")
    # parent cycles
    parent = {r["id"]: r["parent"] for r in sym}
    for sid in parent:
        seen = set()
        p = sid
        while p:
            if p in seen:
                errors.append(f"symptoms.tsv: parent cycle through {sid}")
                break
            seen.add(p)
            p = parent.get(p, "")
    for r in sym + con:
        for s in items(r["specialties"]):
            if s not in canonical:
                errors.append(f"{r['_where']}: specialty {s!r} is not canonical")

    deliberate = set()
    if os.path.exists(deliberate_path):
        for r in read_tsv(deliberate_path, ["phrase", "reason"]):
            deliberate.add(phrase_key(r["phrase"]))

    owner = {}
    def claim(phrase, concept, where):
        try:
            check_item(phrase, where, concept=True)
        except LexiconError as e:
            errors.append(str(e))
            return
        k = phrase_key(phrase)
        prev = owner.setdefault(k, (concept, phrase))
        if prev[0] != concept and k not in deliberate:
            errors.append(f"{where}: {phrase!r} ({concept}) also listed as {prev[1]!r} ({prev[0]})")

    for r in sym:
        for col in ["name", "clinical", "lay", "misspellings", "chinese"]:
            for s in items(r[col]) if col != "name" else [r["name"]]:
                claim(s, r["id"], r["_where"])
    for r in con:
        for col in ["name", "clinical", "lay", "chinese"]:
            for s in items(r[col]) if col != "name" else [r["name"]]:
                claim(s, r["id"], r["_where"])
    group_owner = {}
    for i, r in enumerate(syn):
        phrases = items(r["clinical"]) + items(r["lay"])
        if len(phrases) < 2:
            errors.append(f"{r['_where']}: a synonym group needs at least two phrases")
        for s in phrases:
            try:
                check_item(s, r["_where"])
            except LexiconError as e:
                errors.append(str(e))
                continue
            k = phrase_key(s)
            if k in owner and k not in deliberate:
                errors.append(f"{r['_where']}: {s!r} is already a form of {owner[k][0]}")
            prev = group_owner.setdefault(k, i)
            if prev != i and k not in deliberate:
                errors.append(f"{r['_where']}: {s!r} is in two synonym groups")

    # phrases that lose all but one word to the stop list: reported so a reviewer sees them
    for r in sym + con:
        for col in ["name", "clinical", "lay", "misspellings"]:
            if col not in r:
                continue
            for s in (items(r[col]) if col != "name" else [r["name"]]):
                words = s.split()
                cw = content_words(s)
                if len(words) > 1 and len(cw) == 1:
                    warnings.append(f"{r['_where']}: {s!r} matches as the single word {cw[0]!r}")

    with_lay = sum(1 for r in sym if r["lay"])
    with_zh = sum(1 for r in sym if r["chinese"])
    with_spec = sum(1 for r in sym if r["specialties"])
    with_parent = sum(1 for r in sym if r["parent"])
    forms = sum(1 + len(items(r[c])) for r in sym for c in ["clinical", "lay", "misspellings", "chinese"])
    print(f"symptoms: {len(sym)} ({with_lay} with lay forms, {with_zh} with Chinese, "
          f"{with_spec} with specialties, {with_parent} with a parent, {forms} forms)")
    cforms = sum(1 + len(items(r[c])) for r in con for c in ["clinical", "lay", "chinese"])
    print(f"conditions: {len(con)} ({sum(1 for r in con if r['lay'])} with lay forms, "
          f"{sum(1 for r in con if r['chinese'])} with Chinese, {cforms} forms)")
    print(f"specialties: {len(spe)} ({sum(len(items(r['aliases'])) for r in spe)} aliases, "
          f"{sum(len(items(r['chinese'])) for r in spe)} Chinese forms)")
    print(f"synonym groups: {len(syn)}")
    if verbose:
        for w in warnings:
            print(f"note: {w}")
    elif warnings:
        print(f"notes: {len(warnings)} forms keep a single content word once stop words are dropped "
              f"(listed with --verbose)")
    for e in errors:
        print(f"error: {e}")
    print("check: " + ("OK" if not errors else f"{len(errors)} error(s)"))
    return not errors


def check_wrap(errors, item, where):
    try:
        check_item(item, where)
    except LexiconError as e:
        errors.append(str(e))


def main(argv=None):
    repo = os.path.dirname(os.path.dirname(HERE))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--symp", default=os.path.join(repo, "..", "shared", "data", "symptom-ontology", "symp.obo"),
                    help="Symptom Ontology OBO file")
    ap.add_argument("--medquad", default=os.path.join(repo, "..", "shared", "data", "medquad"),
                    help="MedQuAD folder (synonyms of condition foci)")
    ap.add_argument("--no-medquad", action="store_true", help="do not import MedQuAD synonyms")
    ap.add_argument("--out", default=HERE, help="output folder (default: data/lexicon)")
    ap.add_argument("--check", action="store_true", help="only validate the files in --out (a build always validates)")
    ap.add_argument("--verbose", action="store_true", help="list imported MedQuAD synonyms")
    args = ap.parse_args(argv)
    try:
        if args.check:
            return 0 if check(args.out, DELIBERATE, args.verbose) else 1
        build(args)
        return 0 if check(args.out, DELIBERATE, args.verbose) else 1
    except LexiconError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
