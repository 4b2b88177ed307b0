#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Writes the benchmark query mixes bench/queries/two_word.txt and long_lay.txt (deterministic).
"""Query mixes for qaindex_query_latency and the baseline searcher.

Every phrase below was written for this project. The two-word queries are symptom, condition
and body-part phrases people type into a search box; the long lay questions are composed
from templates of consumer phrasing (who is ill, what they feel, for how long, what makes it
worse, what they ask), 20 to 60 words each. A small linear congruential generator with a
fixed seed makes the output the same on every Python version.

Usage: bench/make_queries.py [--out bench/queries]
"""

import argparse
import pathlib


class Lcg:
    """Knuth's MMIX LCG: portable, unlike random.Random's algorithms across versions."""

    def __init__(self, seed):
        self.state = seed & (2**64 - 1)

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return (self.state >> 33) % n

    def pick(self, items):
        return items[self.below(len(items))]

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]


TWO_WORD = """
facial twitching|chest pain|blurred vision|back pain|knee pain|sore throat|stomach ache
heart palpitations|ringing ears|itchy rash|hair loss|heavy periods|frequent urination
night sweats|shortness breath|dry cough|high fever|blood pressure|kidney stones|joint stiffness
muscle cramps|eye floaters|ear pain|neck pain|shoulder pain|ankle swelling|swollen legs
numb hands|tingling feet|memory loss|hand tremor|double vision|dry eyes|red eyes|eyelid twitch
nose bleeds|blocked nose|hoarse voice|mouth ulcers|bad breath|tooth pain|jaw pain
acid reflux|burning chest|bloated stomach|loose stools|blood stool|chronic constipation
morning nausea|vomiting blood|yellow skin|dark urine|foamy urine|blood urine|painful urination
pelvic pain|irregular periods|missed period|breast lump|vaginal discharge|hot flashes
erectile dysfunction|testicle pain|prostate enlargement|urinary incontinence|bladder infection
skin rash|dry skin|itchy scalp|acne scars|eczema flare|psoriasis plaques|hives allergy
mole changes|wart removal|fungal nail|cold sores|shingles pain|insect bite
panic attacks|trouble sleeping|feeling anxious|low mood|constant worry|mood swings
bipolar disorder|eating disorder|attention deficit|obsessive thoughts|sleep apnea|snoring loudly
migraine headache|tension headache|cluster headache|dizzy spells|fainting episodes
vertigo attacks|seizure warning|stroke symptoms|bell palsy|facial numbness|nerve pain
sciatica pain|herniated disc|carpal tunnel|tennis elbow|frozen shoulder|plantar fasciitis
knee swelling|hip pain|wrist fracture|ankle sprain|bone density|osteoporosis treatment
gout attack|rheumatoid arthritis|lupus symptoms|joint swelling|morning stiffness
thyroid nodule|underactive thyroid|overactive thyroid|blood sugar|diabetes symptoms
insulin resistance|weight gain|unexplained weight|excessive thirst|always tired
child fever|baby rash|toddler cough|infant vomiting|teething pain|growth delay
ear infection|tonsil swelling|sinus infection|nasal polyps|hearing loss|ear wax
asthma inhaler|wheezing chest|chronic cough|pneumonia recovery|lung nodule|coughing blood
heart murmur|irregular heartbeat|chest tightness|high cholesterol|leg cramps|varicose veins
kidney function|protein urine|swollen face|dialysis diet|creatinine high|kidney cyst
anemia tiredness|low iron|vitamin deficiency|swollen glands|lymph nodes|recurring infections
fatty liver|liver enzymes|hepatitis b|gallbladder pain|pancreatitis symptoms|stomach ulcer
cataract surgery|glaucoma pressure|macular degeneration|lazy eye|eye strain|light sensitivity
pregnancy nausea|early pregnancy|miscarriage signs|ovarian cyst|polycystic ovary|menopause symptoms
allergic reaction|food allergy|drug interactions|antibiotic rash|vaccine reaction|medication dosage
restless legs|foot numbness|hand numbness|burning feet|cold hands|swollen fingers|neck lump
chest burning|heart attack|blood clot|leg ulcer|spinal stenosis|muscle weakness|facial paralysis
"""


def two_word_queries():
    phrases = [p.strip() for p in TWO_WORD.replace("\n", "|").split("|")]
    seen, out = set(), []
    for phrase in phrases:
        words = phrase.split()
        if len(words) == 2 and phrase not in seen:
            seen.add(phrase)
            out.append(phrase)
    return out


WHO = [
    ("I", "have", "my"), ("I", "have", "my"), ("I", "have", "my"),
    ("my mother", "has", "her"), ("my father", "has", "his"), ("my husband", "has", "his"),
    ("my wife", "has", "her"), ("my son", "has", "his"), ("my daughter", "has", "her"),
    ("my grandmother", "has", "her"),
]
AGES = ["", "", " (34)", " (58)", " (71)", " (6)", " (19)", " (45)", " (83)", " (27)"]
OPENERS = ["", "", "Hello,", "Hi doctor,", "Please help.", "Good morning,", "Dear doctor,",
           "I am worried.", "Question about", "Hello there,"]
COMPLAINTS = [
    "been getting headaches almost every afternoon",
    "had a twitching eyelid that will not stop",
    "been feeling dizzy when standing up quickly",
    "had pain in the lower back that goes down the leg",
    "noticed a red itchy rash on the arms and neck",
    "had a cough that gets worse at night",
    "been short of breath when climbing the stairs",
    "had a burning feeling in the chest after meals",
    "been waking up with stiff and swollen fingers",
    "had ringing in the ears and some trouble hearing",
    "been peeing much more often than usual and always feel thirsty",
    "had blurry vision and seeing spots",
    "had a racing heart even when resting",
    "had stomach cramps and loose stools",
    "been losing weight without trying",
    "had numbness and tingling in both hands",
    "been feeling sad and cannot enjoy anything",
    "had trouble falling asleep and wake up many times",
    "had very heavy periods with clots",
    "had pain when passing urine",
    "noticed hair falling out in patches",
    "had a sore throat and swollen glands in the neck",
    "had swollen ankles by the end of the day",
    "had knee pain and a clicking sound when walking",
    "had a fever that comes and goes",
    "been feeling tired all the time even after sleeping",
    "had pain in the jaw when chewing",
    "had a lump under the skin on the neck",
    "been feeling anxious with tightness in the chest",
    "had blood in the stool a few times",
]
DURATIONS = ["for two days", "for about a week", "for three weeks", "for a month",
             "for several months", "since last year", "on and off for years",
             "since the start of winter", "since a car accident", "after starting a new medicine"]
TRIGGERS = ["", "", "", " and it is worse in the morning", " and it gets worse after exercise",
            " and it is worse when lying down", " and stress makes it worse",
            " especially after drinking coffee", " mostly when working at the computer",
            " and it seems worse in cold weather"]
DETAILS = [
    "The doctor at the clinic said it was nothing but it has not gone away.",
    "Painkillers help a little but the problem always comes back.",
    "There is a family history of diabetes and heart disease.",
    "Blood tests last month were normal.",
    "The pharmacist suggested a cream but it did not work.",
    "There is no fever and appetite is normal.",
    "Sleep has been poor because of it.",
    "Blood pressure medicine is taken every day.",
    "An x-ray was done and showed nothing unusual.",
    "It started after a bad cold.",
    "Sometimes there is also nausea.",
    "Work has been very stressful recently.",
]
CLOSERS = [
    "What could be causing this?", "Should we see a specialist or wait?",
    "Is this something serious?", "What tests should be done?",
    "Which department should we go to?", "Can this be treated at home?",
    "Is it safe to keep exercising?", "Could this be related to the medication?",
    "Do we need to go to the emergency room?", "What should we do next?",
]


def long_lay_questions(count, rng):
    out, seen = [], set()
    while len(out) < count:
        who, have, _ = rng.pick(WHO)
        age = rng.pick(AGES) if who != "I" else ""
        opener = rng.pick(OPENERS)
        sentence = f"{who}{age} {have} {rng.pick(COMPLAINTS)} {rng.pick(DURATIONS)}{rng.pick(TRIGGERS)}."
        if not opener.endswith(","):
            sentence = sentence[0].upper() + sentence[1:]
        parts = [opener, sentence] if opener else [sentence]
        parts.append(rng.pick(DETAILS))
        if rng.below(2):
            parts.append(rng.pick(DETAILS))
        parts.append(rng.pick(CLOSERS))
        text = " ".join(p for p in parts if p)
        words = len(text.split())
        if 20 <= words <= 60 and text not in seen:
            seen.add(text)
            out.append(text)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(pathlib.Path(__file__).resolve().parent / "queries"))
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    rng = Lcg(20240611)
    two = two_word_queries()
    rng.shuffle(two)
    if len(two) < 200:
        raise SystemExit(f"only {len(two)} two-word queries written")
    header = "# Generated by bench/make_queries.py; do not edit by hand.\n"
    (out / "two_word.txt").write_text(header + "\n".join(two[:200]) + "\n", encoding="utf-8")
    lay = long_lay_questions(100, rng)
    (out / "long_lay.txt").write_text(header + "\n".join(lay) + "\n", encoding="utf-8")
    print(f"wrote {out / 'two_word.txt'} (200) and {out / 'long_lay.txt'} ({len(lay)})")


if __name__ == "__main__":
    main()
