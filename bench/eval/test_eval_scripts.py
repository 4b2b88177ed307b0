#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks of the evaluation scripts' logic on small hand-made inputs (no ../shared data):
the permutation test's p-values, the table's ratios and geometric mean, how MEDIQA answers
are matched to MedQuAD entries, and which rqe-train queries count as their own FAQ.
Run by ctest (bench.eval_scripts) in test builds, or directly."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import math
import random
import sys
import tempfile
import unittest
import unittest.mock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_table  # noqa: E402
import make_mediqa_qa  # noqa: E402
import make_rqe_train  # noqa: E402
import permutation_test  # noqa: E402


def score_file(path: Path, values: dict[str, float | None], measure: str = "mrr@10") -> None:
    """A qaeval --json --per-query file holding one measure (None: a query not scored)."""
    scored = {q: v for q, v in values.items() if v is not None}
    mean = sum(scored.values()) / len(scored)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({
        "queries_scored": len(scored),
        "mean": {m: mean for m in ("mrr@10", "R@1", "R@10", "map", "ndcg@10")},
        "per_query": [{"qid": q, "metrics": None if v is None else {measure: v}}
                      for q, v in values.items()],
    }))


class PermutationTest(unittest.TestCase):
    def test_exact_p_by_hand(self):
        # Differences +1, +1, +1: of the 8 sign arrangements only +++ and --- reach |3|.
        p, exact = permutation_test.p_value([1.0, 1.0, 1.0, 0.0, 0.0], 1000, 1)
        self.assertTrue(exact)
        self.assertAlmostEqual(p, 2 / 8)
        # +1, -1: every arrangement has |sum| >= 0.
        self.assertEqual(permutation_test.p_value([1.0, -1.0], 1000, 1), (1.0, True))
        # No difference at all.
        self.assertEqual(permutation_test.p_value([0.0] * 5, 1000, 1), (1.0, True))

    def test_exact_matches_enumeration(self):
        rng = random.Random(7)
        diffs = [rng.choice([1.0, -1.0, 0.5, -0.25, 1 / 3]) for _ in range(12)]
        observed = abs(sum(diffs))
        hits = sum(1 for signs in itertools.product((1, -1), repeat=12)
                   if abs(sum(s * d for s, d in zip(signs, diffs))) >= observed - 1e-12)
        p, exact = permutation_test.p_value(diffs, 1000, 1)
        self.assertTrue(exact)
        self.assertAlmostEqual(p, hits / 4096)

    def test_sampled_p_near_normal_approximation(self):
        # 400 differences: the sign-flip sum is close to normal with variance sum(d^2).
        rng = random.Random(11)
        diffs = [rng.choice([1.0, -1.0, 0.5]) * rng.random() for _ in range(400)]
        sigma = math.sqrt(sum(d * d for d in diffs))
        z = abs(sum(diffs)) / sigma
        normal_p = math.erfc(z / math.sqrt(2))
        p, exact = permutation_test.p_value(diffs, 20000, 3)
        self.assertFalse(exact)
        self.assertLess(abs(p - normal_p), 0.03)
        # A clear shift is found; the same diffs are reproducible with the same seed.
        shifted = [d + 0.3 for d in diffs]
        self.assertLess(permutation_test.p_value(shifted, 2000, 3)[0], 0.001)
        self.assertEqual(permutation_test.p_value(diffs, 500, 9),
                         permutation_test.p_value(diffs, 500, 9))

    def test_compare_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            a, b = Path(tmp, "a.json"), Path(tmp, "b.json")
            score_file(a, {"q1": 0.0, "q2": 1.0, "q3": 0.5, "q4": None})
            score_file(b, {"q1": 1.0, "q2": 1.0, "q3": 0.25, "q4": None})
            result = permutation_test.compare(a, b, "mrr@10", 1000, 1)
            self.assertEqual(result["queries"], 3)
            self.assertAlmostEqual(result["diff"], 0.75 / 3)
            self.assertEqual((result["better"], result["worse"]), (1, 1))
            # d = +1, -0.25: every sign arrangement is at least |0.75| from 0.
            self.assertAlmostEqual(result["p"], 1.0)
            score_file(b, {"q1": 1.0, "q2": 1.0, "q3": 0.75, "q4": None})
            result = permutation_test.compare(a, b, "mrr@10", 1000, 1)
            self.assertEqual((result["better"], result["worse"]), (2, 0))
            # d = +1, +0.25: |sum| >= 1.25 only for ++ and --: 2 of 4.
            self.assertAlmostEqual(result["p"], 0.5)
            score_file(b, {"q1": 1.0, "q2": 1.0, "q5": 0.25, "q4": None})
            with self.assertRaises(SystemExit):
                permutation_test.compare(a, b, "mrr@10", 1000, 1)


class Table(unittest.TestCase):
    def test_ratio_and_geometric_mean(self):
        with tempfile.TemporaryDirectory() as tmp:
            tree = Path(tmp)
            for name, search, lucene in (("one", 0.6, 0.3), ("two", 0.2, 0.4)):
                score_file(tree / name / "qaindex-search.json", {"q": search})
                score_file(tree / name / "lucene-bm25.json", {"q": lucene})
                (tree / name / "main_measure").write_text("mrr@10\n")
            out = io.StringIO()
            with contextlib.redirect_stdout(out), unittest.mock.patch.object(
                    sys, "argv", ["eval_table.py", str(tree), "--sets", "one", "two"]):
                eval_table.main()
            text = out.getvalue()
            self.assertIn("| one | 1 | qaindex-search |", text)
            self.assertIn("MRR@10 0.600 | 2.00x |", text)
            self.assertIn("MRR@10 0.200 | 0.50x |", text)
            # sqrt(2.0 * 0.5) = 1
            self.assertIn("over 2 sets: **1.000x**", text)


class MediqaMatching(unittest.TestCase):
    def test_page_title(self):
        self.assertEqual(make_mediqa_qa.page_title("Flu (Summary)"), "Flu")
        self.assertEqual(make_mediqa_qa.page_title("Swine flu (H1N1 flu) (Symptoms)"), "Swine flu (H1N1 flu)")
        self.assertEqual(make_mediqa_qa.page_title("Drug allergies (Drug allergies, Allergic (x) , y)"),
                         "Drug allergies")
        self.assertEqual(make_mediqa_qa.page_title("What is Flu?"), "What is Flu?")
        self.assertEqual(make_mediqa_qa.page_title("(Only a section)"), "(Only a section)")

    def test_answers_matched_to_entries(self):
        with tempfile.TemporaryDirectory() as tmp:
            answer = ("How might triple A syndrome be treated? There is no cure for triple A "
                      "syndrome at this time [1]; treatment typically focuses on managing "
                      "individual signs and symptoms of the condition. " * 3)
            other = "Flu is a respiratory infection caused by a number of viruses. " * 8
            Path(tmp, "GARD").mkdir()
            Path(tmp, "GARD", "0006208.xml").write_text(
                '<Document id="1" source="GARD"><Focus>Triple A syndrome</Focus><QAPairs>'
                '<QAPair pid="1"><Question qtype="treatment">What are the treatments for '
                f'Triple A syndrome ?</Question><Answer>{answer}</Answer></QAPair>'
                '<QAPair pid="2"><Question qtype="information">What is flu ?</Question>'
                f'<Answer>{other}</Answer></QAPair></QAPairs></Document>')
            known = make_mediqa_qa.MedQuADAnswers(Path(tmp))
            # Without GARD's leading question, with citation marks gone: the same entry.
            body = answer.split("? ", 1)[1].replace(" [1]", "")
            self.assertEqual(known.find(body), (["GARD_0006208_Sec1"], []))
            # A truncated start of it is that entry too.
            self.assertEqual(known.find(body[:200]), (["GARD_0006208_Sec1"], []))
            # A whole page that begins with the entry but is much longer is not.
            self.assertEqual(known.find(body + " More text on the page." * 40),
                             ([], ["GARD_0006208_Sec1"]))
            # Text that differs within its first 300 letters is not.
            self.assertEqual(known.find(other.replace("number", "host")), ([], []))
            self.assertEqual(known.find(other), (["GARD_0006208_Sec2"], []))
            # Too short to tell.
            self.assertEqual(known.find("Flu is a respiratory"), ([], []))


class RqeTrain(unittest.TestCase):
    def test_own_faq_key(self):
        key = make_rqe_train.same_text_key
        self.assertEqual(key("Let's give these immunizations.  That's right isn't it?"),
                         key("let's give these immunizations. That's right, isn't it"))
        self.assertNotEqual(key("Why did she get Coccidiomycosis? She's in her 60's."),
                            key("Why did she get Coccidiomycosis?"))


if __name__ == "__main__":
    unittest.main()
