"""The classifier: screens a comment cheaply, runs the detectors it needs, combines them.

One piece: the screen, the detectors it chooses and the verdict share one reading of the
comment per call (folded text, words, normalised spans); split across modules, that reading
would have to be passed around or computed twice.

It only flags. Every flag carries per-category scores, the exact words that triggered it, the
target of a personal attack, advisories for the reviewer, and the detector version.

Speed: most comments on a government page are clean. A first pass folds the text and reads
its words (C-level string work and one set intersection per category); a detector runs only
when the screen finds something it could react to, and the full normalisation with spans is
built only then. The screen is a superset test: it never skips a detector that could fire
(``test_screen_never_hides_a_flag`` checks this on every labelled comment).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from page_governor import __version__
from page_governor.models import Category, Classification, Evidence, Target
from page_governor.moderation import (
    harm_outcomes,
    incitement,
    masked_verbs,
    menace,
    personal_info,
    spam,
    threats,
)
from page_governor.moderation.detectors import (
    DASHED_F_SCREEN,
    NO_CONTEXT,
    SOUND_SCREEN,
    Context,
    Hit,
    detect_attack,
    detect_obscenity,
    names_official,
)
from page_governor.moderation.encoder_head import ThreatEncoder
from page_governor.moderation.insult_aim import (
    PERSON_NOUNS,
    PERSON_REFS,
    crime_doer_subject,
    names_a_thing,
    predicated_of_a_thing,
    without_possessive,
)
from page_governor.moderation.insult_shapes import may_shape
from page_governor.moderation.lexicon import PRESETS, Lexicon, load_lexicon, phrase_possible
from page_governor.moderation.model import (
    SPAM_MODEL,
    THREAT_MODEL,
    Calibration,
    LinearModel,
    ModelScore,
)
from page_governor.moderation.normalize import (
    STRETCHED,
    Normalized,
    collapse_repeats,
    has_spaced_words,
    mask_matches,
    normalize,
)
from page_governor.moderation.offtopic import detect_off_topic

ADVISORY_OFFICIAL = (
    "likely protected: aimed at an officer or official. Insults and criticism of public "
    "officials are generally protected speech; keep and log unless another category applies."
)
ADVISORY_PRIVATE = "aimed at a private person: a published comment policy may justify hiding it."
ADVISORY_UNKNOWN = "target unclear: check whom the insult is aimed at before deciding."
ADVISORY_GROUP = (
    "likely protected: aimed at a political group or movement. Name-calling in political "
    "argument is political speech; a policy against personal attacks does not cover it."
)
ADVISORY_THREAT = (
    "urgent: possible threat of violence. Review now; consider referral to investigators."
)
ADVISORY_PII = "contains personal information about someone; capture is already done."
ADVISORY_THREAT_MODEL = (
    "read as a threat by the learned model, not by a rule: the quoted sentence weighed most; "
    "read it in its thread before acting."
)
ADVISORY_THREAT_ENCODER = (
    "read as a threat by the contextual model (how the words are put together), not by a rule: "
    "read it in its thread before acting."
)

# A model verdict is reported only when a word with at least this coefficient is present: the
# reviewer must see an insulting word, not "like" or "retired".
MODEL_EVIDENCE_COEFFICIENT = 1.5

# The spam model flags a comment in which the rules see no spam signal at all (no term, link,
# money promise or lure) only at this probability or above: alone, its threshold (chosen on
# text messages and video comments) flags civic comments with links and phone numbers.
SPAM_MODEL_ALONE = 0.5
# The pieces of a link's address, which the spam model sees as words but which explain nothing.
_LINK_PARTS = frozenset({"http", "https", "www", "com", "net", "org"})
# How sure the spam model must be to call spam a comment whose only spam signal is plain links.
SPAM_MODEL_LINK_ONLY = 0.95
# Words that ask to be reached, which the spam model (trained on text messages) weighs for
# spam beside a number; alone they are a contact line.
_CONTACT_WORDS = frozenset(
    ["call", "text", "email", "e-mail", "contact", "phone", "dial", "reach", "message", "number"]
)
# the page's own content, pointed to by a visitor ("check out the department's new video", "your
# post about the K9 unit"): the spam model, trained on "check out my video", must not call that
# spam by itself
_PAGE_OWN_CONTENT = re.compile(
    r"\b(the (department|dept|city|county|sheriff|sheriff's office|police|pd|fire department|"
    r"office|agency|station|chief|mayor|town|village|district)('s|s'|s)?)\s+(new\s+|latest\s+)?"
    r"([a-z]+\s+)?(video|videos|post|posts|page|channel|photos?|pictures?|reel|livestream|stream|"
    r"story|update|website|site|article|podcast|newsletter)\b"
    # "great video on your page", "your post about the K9 unit"
    r"|\b(on|in) your (page|post|video|feed|story)\b|\byour (post|video|update|photos?|story) "
    r"(about|on|of|from|with|showing)\b"
)
# (unless the writer promotes their own: "tell me about your channel and I'll subscribe")
_OWN_PROMOTION = re.compile(
    r"\b(my (channel|page|video|videos|profile|music|song|mixtape)|subscribe|sub4sub|inbox)\b"
)
# ... unless a prize or money is offered beside them ("Win £200, text PLAY to 85222").
_PRIZE_WORDS = frozenset(
    ["win", "won", "winner", "prize", "claim", "free", "urgent", "cash", "reward", "bonus"]
)
# A word whose own coefficient in the spam model reaches this is evidence of spam (the same
# bar the model's explanation uses for the words it quotes).
SPAM_EVIDENCE_COEFFICIENT = 3.5
# Everyday words that weigh a little for spam in text messages but say nothing alone.
_COMMON_WORDS = frozenset(
    [
        "everyone",
        "new",
        "now",
        "all",
        "please",
        "here",
        "get",
        "got",
        "just",
        "can",
        "will",
        "from",
        "for",
        "live",
        "latest",
        "guys",
        "out",
        "any",
        "one",
        "two",
        "day",
        "today",
        "week",
    ]
)

# A word whose own coefficient in the threat model reaches this opens the model's reading (the
# model is not asked about a comment without one) and marks the sentence quoted as evidence.
THREAT_EVIDENCE_COEFFICIENT = 2.0

# Words that point at people without naming them: "those vegetarians", "his car".
_GROUP_MARKS = frozenset(["those", "these", "his", "their", "theirs", "hers"])
_FIRST_PERSON = frozenset(["i", "i'm", "im", "i'll", "ill", "i'd", "id", "i've", "ive"])
_IMPERATIVE_HARM = frozenset(["rot", "burn", "choke", "drown", "bleed"])

# Words the attack model weighs for an attack that describe no one by themselves ("Women like
# you are absolute heroes", "a little"): a reviewer shown them as the evidence sees no reason,
# so they do not count as the word a model flag needs. ("you're" and "she's" do count: they
# say that a person is being described.)
_NOT_INSULTS = frozenset(["like", "human", "little", "person"])

# Review priority: higher first.
PRIORITY = {
    Category.THREAT: 100,
    Category.PERSONAL_INFO: 80,
    Category.PERSONAL_ATTACK: 50,
    Category.OBSCENITY: 40,
    Category.SPAM: 20,
    Category.OFF_TOPIC: 10,
}
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "so",
        "as",
        "by",
        "with",
        "from",
        "up",
        "out",
        "if",
        "then",
        "than",
        "too",
        "very",
        "just",
        "not",
        "no",
        "do",
        "does",
        "did",
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "they",
        "them",
        "their",
        "what",
        "who",
        "whom",
        "which",
    ]
)
# Screening patterns (see Classifier._screen).
_MASKED = re.compile(r"\w[*#%]")  # "f*ck", "sh#t"
_DIGIT = re.compile(r"\d")
_SPAM_MONEY_WORDS = frozenset({"signals", "returns", "profit", "gains", "income"})
_MESSAGING_APPS = frozenset({"whatsapp", "telegram", "signal", "wechat", "kik", "snapchat"})


def _model_threshold(written: float | None, model: LinearModel | None, factor: float) -> float:
    """The probability at which a model flags: as written in moderation.yaml, else its trained
    threshold times the preset's factor (at most 0.99; 1.0 without a model)."""
    if written is not None:
        return written
    return min(0.99, (model.threshold if model else 1.0) * factor)


class Classifier:
    """Flags comments for human review. Pure and deterministic: same text, same result."""

    def __init__(
        self,
        lexicon: Lexicon,
        model: LinearModel | None = None,
        *,
        model_threshold: float | None = None,
        spam_model: LinearModel | None = None,
        threat_model: LinearModel | None = None,
        threat_encoder: ThreatEncoder | None = None,
        calibration: Calibration | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.model = model
        self.spam_model = spam_model
        self.threat_model = threat_model
        self.calibration = calibration
        # The spam and threat models flag at their trained thresholds, scaled by the preset, or
        # as written in moderation.yaml's model.spam_threshold and model.threat_threshold (1.0
        # turns the threat model off).
        preset = PRESETS[lexicon.preset]
        self.spam_threshold = _model_threshold(
            lexicon.spam_model_threshold, spam_model, preset["spam_model_factor"]
        )
        self.threat_threshold = _model_threshold(
            lexicon.threat_model_threshold, threat_model, preset["threat_model_factor"]
        )
        # The contextual threat reader is asked about a comment the word model finds somewhat
        # threatening (its gate) but not enough to flag; it flags at its trained threshold
        # scaled as the threat model's, or as written in model.threat_encoder_threshold (1.0
        # turns it off). It needs the word model: the gate is the word model's probability.
        self.threat_encoder = threat_encoder if threat_model is not None else None
        self.encoder_threshold = (
            lexicon.threat_encoder_threshold
            if lexicon.threat_encoder_threshold is not None
            else min(0.99, threat_encoder.threshold * preset["threat_model_factor"])
            if self.threat_encoder is not None
            else 1.0
        )
        if self.encoder_threshold >= 1:
            self.threat_encoder = None
        # The model flags an attack at this probability (a person must be addressed too).
        self.model_threshold = (
            model_threshold if model_threshold is not None else lexicon.model_threshold
        )
        # Stored with every flag (at most 50 characters): the package, the lexicon and each
        # model, by the first 5 hex digits of their digests.
        model_tag = f"+atk.{model.digest[:5]}" if model else ""
        model_tag += f"+spm.{spam_model.digest[:5]}" if spam_model else ""
        # (the threat tag names the word model and the contextual reader together: a sixth tag
        # would not fit the 50 characters)
        threat_digest = threat_model.digest if threat_model else ""
        if self.threat_encoder is not None:
            both = threat_digest + self.threat_encoder.digest
            threat_digest = hashlib.sha256(both.encode()).hexdigest()
        model_tag += f"+thr.{threat_digest[:5]}" if threat_model else ""
        self.version = f"pg-{__version__}+lex.{lexicon.digest[:5]}{model_tag}"
        self._attack_words = (
            lexicon.insult_nouns
            | lexicon.contextual_nouns
            | lexicon.insult_adjectives
            | lexicon.official_slurs
        )
        self._obscene_words = lexicon.obscene_words
        self._spam_words = lexicon.spam_words
        self._gate = PERSON_REFS | PERSON_NOUNS | lexicon.official_terms
        # The spam model is asked only about comments with at least one of the words (or
        # signals: a link, a long number, money, shouting) that weigh clearly for spam.
        self._spam_evidence = frozenset(
            w
            for w, (weight, idf2) in (spam_model.features.items() if spam_model else ())
            if " " not in w
            and weight > 0
            and weight / idf2**0.5 >= SPAM_EVIDENCE_COEFFICIENT
            and w not in _FUNCTION_WORDS
            and w not in _COMMON_WORDS
        )
        # The threat model is asked only about comments with one of these words, which also
        # mark the sentence it quotes.
        self._threat_evidence = frozenset(
            w
            for w, (weight, idf2) in (
                threat_model.features.items() if threat_model and self.threat_threshold < 1 else ()
            )
            if " " not in w
            and weight > 0
            and weight / idf2**0.5 >= THREAT_EVIDENCE_COEFFICIENT
            and len(w) > 2
            and w not in _FUNCTION_WORDS
            and w not in _COMMON_WORDS
            and w not in lexicon.official_terms
        )
        # Words that name whom or what a threat could be aimed at (see _aims_at_someone).
        # (an insult names a person: "die bitch")
        self._threat_targets = (
            PERSON_REFS
            | PERSON_NOUNS
            | _FAMILY
            | _PROPERTY
            | _GROUP_MARKS
            | lexicon.official_terms
            | lexicon.insult_nouns
        )
        # The model can only produce a flag when one of these words is present (see
        # _model_evidence), so it is not even scored otherwise.
        self._evidence_words = frozenset(
            w
            for w, (weight, idf2) in (model.features.items() if model else ())
            if " " not in w
            and weight > 0
            and weight / idf2**0.5 >= MODEL_EVIDENCE_COEFFICIENT
            and len(w) > 2
            and w not in lexicon.obscene_words
            and w not in lexicon.official_terms
            and w not in _FUNCTION_WORDS
            and w not in _NOT_INSULTS
            and w not in threats.THREAT_WORDS
        )

    @classmethod
    def from_config_dir(cls, config_dir: Path, *, use_model: bool = True) -> Classifier:
        """Build from ``moderation.yaml`` and the shipped attack model.

        Raises:
            ConfigError: the lexicon file or the model is missing or invalid.
        """
        lexicon = load_lexicon(config_dir)
        return cls(
            lexicon,
            LinearModel.load() if use_model and lexicon.model_threshold < 1 else None,
            spam_model=LinearModel.load(SPAM_MODEL) if use_model else None,
            threat_model=LinearModel.load(THREAT_MODEL) if use_model else None,
            threat_encoder=ThreatEncoder.load() if use_model else None,
            calibration=Calibration.load() if use_model else None,
        )

    # -- the screen ------------------------------------------------------------------------

    def _screen(self, folded: str, words: list[str]) -> tuple[set[Category], list[re.Pattern[str]]]:
        """The detectors worth running on this comment (a superset of those that can fire).

        Ordered cheapest first: set intersections and substring tests before any regex.
        """
        lex = self.lexicon
        wordset = set(words)
        need: set[Category] = set()
        reshaped: set[str] = set()
        if "-" in folded or STRETCHED.search(folded):  # rare: hyphenated or stretched words
            for w in wordset:
                if "-" in w:
                    reshaped.add(w.replace("-", ""))
                if len(w) > 3 and STRETCHED.search(w):
                    reshaped.update(collapse_repeats(w))
        clean = " ".join(words)
        spaced = has_spaced_words(clean)  # "k i l l": obscenity or threat
        if (
            not wordset.isdisjoint(self._obscene_words)
            or not reshaped.isdisjoint(self._obscene_words)
            or phrase_possible(wordset, lex.obscene_phrase_words)
            or (
                any(root in clean for root in lex.obscene_roots)
                and lex.obscene_root_text is not None
                and lex.obscene_root_text.search(clean)
            )
            or (("*" in folded or "#" in folded or "%" in folded) and _MASKED.search(folded))
            or spaced
            or SOUND_SCREEN.search(clean)
            or ("f-" in folded and DASHED_F_SCREEN.search(folded))
        ):
            need.add(Category.OBSCENITY)
        if (
            not wordset.isdisjoint(self._attack_words)
            or not reshaped.isdisjoint(self._attack_words)
            or phrase_possible(wordset, lex.insult_phrase_words)
            or (
                ("*" in folded or "#" in folded or "%" in folded)
                and any(
                    mask_matches(w, lex.obscene_by_len) in self._attack_words
                    for w in wordset
                    if _MASKED.search(w)
                )
            )
            or may_shape(wordset)
        ):
            need.add(Category.PERSONAL_ATTACK)
        rules = threats.threat_candidates(wordset)
        if (
            rules
            or threats.may_frame(wordset)
            or incitement.may_incite(wordset)
            or menace.may_menace(wordset)
            or harm_outcomes.may_harm(wordset)
            or spaced  # "k i l l" is read again, joined
            or (("*" in folded or "#" in folded) and masked_verbs.unmasked(words) is not None)
            or menace.WEAPON_EMOJI.search(folded)  # "Officer Daniels 🔫🔫🔫"
        ):
            need.add(Category.THREAT)
        if (
            _DIGIT.search(folded)
            or ("@" in folded and personal_info.SCREEN.search(folded))
            or not wordset.isdisjoint(personal_info.NAMED_PLACE_WORDS)
            or (
                personal_info.may_show_account(folded)
                and not wordset.isdisjoint(personal_info.ACCOUNT_WORDS)
            )
            or len(personal_info.DIGIT_WORDS.intersection(wordset)) >= 3
            or ("dot" in wordset and personal_info.SCREEN.search(folded))  # "at gmail dot com"
        ):
            need.add(Category.PERSONAL_INFO)
        spam_words = (
            {w.strip(spam.MARKS) for w in wordset} if spam.has_edge_marks(clean) else wordset
        )
        if (
            not spam_words.isdisjoint(self._spam_words)
            or phrase_possible(spam_words, lex.spam_phrase_words)
            or "$" in folded
            or "%" in folded
            or "http" in folded
            or "www." in folded
            or "t.me/" in folded
            or not wordset.isdisjoint(_SPAM_MONEY_WORDS)
            or not wordset.isdisjoint(_MESSAGING_APPS)
            or spam.may_scam_shape(wordset, folded)
            or spam.TLD.search(folded)
        ):
            need.add(Category.SPAM)
        return need, rules

    def _model_probability(self, folded: str, words: list[str]) -> float:
        """The attack model's probability, for comments that address a person (else 0)."""
        if (
            self.model is None
            or self._evidence_words.isdisjoint(words)
            or not ("@" in folded or not self._gate.isdisjoint(words))
        ):
            return 0.0
        return self.model.probability(words)

    # -- classify ---------------------------------------------------------------------------

    def classify(self, text: str, context: Context = NO_CONTEXT) -> Classification:
        """Classify one comment. Never raises on any string."""
        text = text if isinstance(text, str) else str(text)
        n = normalize(text)
        folded, words = n.folded, n.words
        need, rules = self._screen(folded, words)
        off_topic = None
        if context.off_topic_rule and context.post_text:
            off_topic = detect_off_topic(n, context.post_text)
            if off_topic.score:
                need.add(Category.OFF_TOPIC)
        spam_rules = Category.SPAM in need  # the screen: the spam rules could fire
        spam_p = self._spam_probability(n)
        if spam_p >= self.spam_threshold:
            need.add(Category.SPAM)
        lex = self.lexicon
        threshold = self.model_threshold
        model_p = 0.0
        threat_p = self._threat_probability(n)
        encoder_p = 0.0
        if threat_p >= self.threat_threshold:
            need.add(Category.THREAT)
        elif (
            self.threat_encoder is not None
            and threat_p >= self.threat_encoder.gate
            # It reads menace left unsaid: a comment with a word of harm ("kill", "burn",
            # "shoot") is the rules' and the word model's, whose guards know its idioms, worries
            # and reports ("burn their bridges", "going to get killed with these staffing
            # levels"); and, as the menace readers, none about a vote, a game, an event, a court
            # case or a recovery.
            and threats.THREAT_WORDS.isdisjoint(words)
            and menace.BLOCK.isdisjoint(words)
        ):
            encoder_p = self.threat_encoder.probability(text)
            if encoder_p >= self.encoder_threshold:
                need.add(Category.THREAT)
        if Category.PERSONAL_ATTACK not in need:
            model_p = self._model_probability(folded, words)
            if model_p < threshold and not need:
                return self._result(None, {}, context)
        hits: dict[Category, Hit] = {}
        if Category.OBSCENITY in need:
            hits[Category.OBSCENITY] = detect_obscenity(n, lex)
        if Category.PERSONAL_ATTACK in need or model_p >= threshold:
            hit = detect_attack(n, lex, context)
            if hit.score < lex.thresholds[Category.PERSONAL_ATTACK]:
                model_p = model_p or self._model_probability(folded, words)
                if model_p >= threshold and self.model is not None:
                    verdict = self.model.score(words, min_coefficient=MODEL_EVIDENCE_COEFFICIENT)
                    self._model_evidence(n, hit, verdict, context)
            hits[Category.PERSONAL_ATTACK] = hit
        if Category.THREAT in need:
            hit = threats.detect_threat(n, rules)
            if hit.score < lex.thresholds[Category.THREAT]:
                if threat_p >= self.threat_threshold:
                    self._threat_model_evidence(n, hit, threat_p, self.threat_threshold)
                elif encoder_p >= self.encoder_threshold:
                    self._threat_model_evidence(n, hit, encoder_p, self.encoder_threshold)
                    hit.by_encoder = hit.by_model
            hits[Category.THREAT] = hit
        if Category.PERSONAL_INFO in need:
            hits[Category.PERSONAL_INFO] = personal_info.detect_personal_info(n, context)
        if Category.SPAM in need:
            hits[Category.SPAM] = self._spam_hit(n, spam_p, run_rules=spam_rules)
        if off_topic is not None and off_topic.score:
            hits[Category.OFF_TOPIC] = off_topic
        return self._result(n, hits, context)

    def _threat_probability(self, n: Normalized) -> float:
        """The threat model's probability: the higher of the comment's as a whole and its most
        threatening sentence's (see ``threats.model_sentences``; sentences are read only when
        the whole reaches ``threats.MODEL_SENTENCES_FROM``); 0 without a model, for a
        comment of under three words, or for one with none of the words that weigh clearly for a
        threat."""
        words = n.words[: threats.MODEL_WORDS]
        if (
            self.threat_model is None
            or len(words) < threats.MODEL_MIN_WORDS
            or self._threat_evidence.isdisjoint(words)
        ):
            return 0.0
        probability = self.threat_model.probability
        best = probability(words)
        if best < threats.MODEL_SENTENCES_FROM:
            return best
        sentences = threats.model_sentences(n, self._threat_evidence)
        if len(sentences) > 1 or (sentences and sentences[0] != (0, len(words))):
            best = max(best, *(probability(words[a:b]) for a, b in sentences))
        return best

    def _threat_model_evidence(
        self, n: Normalized, hit: Hit, probability: float, threshold: float
    ) -> None:
        """A threat the rules did not read, on a model's word (the word model's or the
        contextual reader's ``probability``, flagging at ``threshold``). The evidence is the most
        threatening sentence, by the word model, of those it reads as threats on their own that
        the rules' guards accept (``threats.model_may_read``); when the comment reads as a threat
        only as a whole, its most threatening sentence, and only if the guards accept every
        sentence."""
        model = self.threat_model
        assert model is not None
        words, t = n.words, self.threat_threshold
        units = threats.model_sentences(n, self._threat_evidence)
        if not units and len(words) < threats.MODEL_SENTENCE_WORDS:
            units = [(0, len(words))]  # "@USER die bitch": the comment is its one sentence
        scored = sorted((-model.probability(words[a:b]), a, b) for a, b in units)
        candidates = [(a, b) for p, a, b in scored if -p >= t]
        if not candidates and all(threats.model_may_read(n, a, b) for _, a, b in scored):
            candidates = [(a, b) for _, a, b in scored[:1]]
        for first, end in candidates:
            if self._aims_at_someone(n, first, end) and threats.model_may_read(n, first, end):
                score = 0.5 + 0.35 * (probability - threshold) / max(1e-9, 1 - threshold)
                hit.add(score, (n.span(first)[0], n.span(end - 1)[1]))
                hit.by_model = True
                return

    def _aims_at_someone(self, n: Normalized, first: int, end: int) -> bool:
        """Whether a sentence names someone or something a threat could be aimed at: a person
        ("you", "him", "those", "the deputy", an insult), a family, a house or car, or a name (a
        capitalised word after the first), or the reader, ordered to come to harm ("Die in a
        fire"). "Hope all goes well tomo" and "I'm gonna be bored to death" aim at no one."""
        words = n.words
        if not self._threat_targets.isdisjoint(words[first:end]):
            return True
        if words[first] in threats.THREAT_WORDS or words[first] in _IMPERATIVE_HARM:
            return True  # an order to die or burn is given to the reader: "Die in a fire"
        return any(
            n.capitalised(i) and words[i] not in _FIRST_PERSON for i in range(first + 1, end)
        )

    def _spam_probability(self, n: Normalized) -> float:
        """The spam model's probability (0 without a model, or for a comment of under four
        words: too little to tell a scam from a reply)."""
        if self.spam_model is None or len(n.words) < 4:
            return 0.0
        words = spam.model_words(n.words[:400], n.original[:5000])
        if self._spam_evidence.isdisjoint(words):
            return 0.0  # not one word that weighs for spam: the model is not asked
        return self.spam_model.probability(words)

    def _spam_hit(self, n: Normalized, spam_p: float, *, run_rules: bool = True) -> Hit:
        """The spam rules' verdict, raised by the model's when it is surer; a flag the model
        alone raises quotes the words that weighed most. ``run_rules=False``: the screen found
        nothing the rules could react to, so they are not run."""
        if spam.victim_question(n):
            return Hit()
        hit = spam.detect_spam(n, self.lexicon) if run_rules else Hit()
        t = self.spam_threshold
        if self.spam_model is None or spam_p < t:
            return hit
        if hit.score == 0 and spam_p < max(t, SPAM_MODEL_ALONE):
            return hit  # no spam signal of its own: the model alone must be surer
        if hit.links_only and spam_p < SPAM_MODEL_LINK_ONLY:
            # Plain links and nothing else: residents share the meeting video, the news story
            # and its source; the model (trained on comment spam, where links are rarely
            # innocent) must be nearly sure before such links are called spam.
            return hit
        score = 0.5 + 0.35 * (spam_p - t) / max(1e-9, 1 - t)
        if score <= hit.score:
            return hit
        if hit.evidence:
            hit.score = score
            return hit
        # The model's own reasons: the words that weighed most (not the pieces of a link's
        # address, "http", "t", "co"), and the links themselves.
        verdict = self.spam_model.score(n.words[:400], min_coefficient=1.0)
        top = {w for w in verdict.top_words if len(w) > 2 and w not in _LINK_PARTS}
        links = spam.link_spans(n.original)
        if (
            top <= _CONTACT_WORDS
            and not links
            and _PRIZE_WORDS.isdisjoint(n.words[:400])
            and not spam.has_money(n.original[:5000])
        ):
            # Only "call" or "email" beside a number or an address: how residents pass on the
            # records office's number or a lost dog's owner's, not a scam by itself.
            return hit
        if (
            hit.score == 0
            and not links
            and _PRIZE_WORDS.isdisjoint(n.words[:400])
            and not spam.has_money(n.original[:5000])
            and _PAGE_OWN_CONTENT.search(n.clean, 0, 2000)
            and not _OWN_PROMOTION.search(n.clean, 0, 2000)
        ):
            # "Check out the department's new recruiting video": the page's own post, praised
            return hit
        spans = [n.span(i) for i, word in enumerate(n.words[:400]) if word in top]
        spans += links
        if not spans:
            return hit  # the model cannot point at anything: no flag on its word alone
        hit.score = score
        for span in spans:
            hit.add(score, span)
        return hit

    def _model_evidence(
        self, n: Normalized, hit: Hit, verdict: ModelScore, context: Context
    ) -> None:
        """Turn a model verdict into a flag with evidence: the words that weighed most."""
        lex = self.lexicon
        # Profanity alone is obscenity, not an attack; naming the police is not an insult;
        # threat words belong to threats. Names ("Officer Dale") are not insults either: a
        # verdict that rests only on such words is not reported as an attack.
        top = {
            w
            for w in verdict.top_words
            if len(w) > 2
            and w not in lex.obscene_words
            and w not in lex.official_terms
            and w not in _FUNCTION_WORDS
            and w not in _NOT_INSULTS
            and w not in threats.THREAT_WORDS
        }
        words = n.words
        spans = [
            n.span(i)
            for i, w in enumerate(words)
            if w in top
            and not n.capitalised(i)
            and not names_a_thing(words, i)
            and not predicated_of_a_thing(words, i)
            # ("Whoever shot that deputy is a coward": the crime's doer, see insult_aim)
            and not crime_doer_subject(words[slice(*n.sentence_bounds(i, limit=30))])
        ]
        if not spans:
            return
        # Map p in [threshold, 1] onto [0.5, 0.85]: the flag threshold is the model threshold.
        t = self.model_threshold
        score = 0.5 + 0.35 * (verdict.probability - t) / max(1e-9, 1 - t)
        for span in spans[:3]:
            hit.add(score, span)
        if hit.target is None:
            if context.is_reply_to_commenter:
                hit.target = Target.PRIVATE
            elif any(without_possessive(w) in lex.official_terms for w in words):
                hit.target = Target.OFFICIAL  # "Chief Moreno is a gutless bureaucrat"
            else:
                hit.target = Target.UNKNOWN

    def _result(
        self, n: Normalized | None, hits: dict[Category, Hit], context: Context
    ) -> Classification:
        lex = self.lexicon
        spam_hit, pii = hits.get(Category.SPAM), hits.get(Category.PERSONAL_INFO)
        if spam_hit and pii and spam_hit.score >= lex.thresholds[Category.SPAM] and pii.score < 0.6:
            pii.score, pii.evidence = 0.0, []  # a spammer's own number is not doxxing
        off = hits.get(Category.OFF_TOPIC)
        if off and spam_hit and spam_hit.score >= lex.thresholds[Category.SPAM]:
            off.score, off.evidence = 0.0, []  # spam says more than "off topic"
        scores = {cat: round(hits[cat].score, 4) if cat in hits else 0.0 for cat in Category}
        flagged_cats = tuple(cat for cat in PRIORITY if scores[cat] >= lex.thresholds[cat])
        evidence: list[Evidence] = []
        if n is not None:
            for cat in flagged_cats:
                for start, end in merge_spans(hits[cat].evidence)[:5]:
                    quoted = n.original[start:end].strip()
                    if quoted:
                        evidence.append(Evidence(cat, quoted, cat.value))
        target: Target | None = None
        advisories: list[str] = []
        if Category.THREAT in flagged_cats:
            advisories.append(ADVISORY_THREAT)
            if hits[Category.THREAT].by_encoder:
                advisories.append(ADVISORY_THREAT_ENCODER)
            elif hits[Category.THREAT].by_model:
                advisories.append(ADVISORY_THREAT_MODEL)
            aimed = threat_target(n, lex, context) if n is not None else None
            if aimed:
                advisories.append(f"threat aimed at {aimed}")
        if Category.PERSONAL_ATTACK in flagged_cats:
            target = hits[Category.PERSONAL_ATTACK].target or Target.UNKNOWN
            if (
                target is Target.UNKNOWN
                and not context.is_reply_to_commenter
                and (
                    names_official(context.parent_text, lex)
                    or names_official(context.post_text, lex)
                )
            ):
                # "what a pig" under a post about Officer Reyes, or in reply to a comment
                # about the chief: the thread names whom the insult is aimed at
                target = Target.OFFICIAL
            advisories.append(
                {
                    Target.OFFICIAL: ADVISORY_OFFICIAL,
                    Target.PRIVATE: ADVISORY_PRIVATE,
                    Target.GROUP: ADVISORY_GROUP,
                }.get(target, ADVISORY_UNKNOWN)
            )
        if Category.PERSONAL_INFO in flagged_cats:
            advisories.append(ADVISORY_PII)
        confidence: dict[Category, float] = {}
        if self.calibration is not None:
            for cat in flagged_cats:
                p = self.calibration.probability(cat.value, scores[cat])
                if p is not None:
                    confidence[cat] = p
        return Classification(
            flagged=bool(flagged_cats),
            categories=flagged_cats,
            scores=scores,
            target=target,
            evidence=tuple(evidence),
            detector_version=self.version,
            advisories=tuple(advisories),
            confidence=confidence,
        )


_FAMILY = frozenset(
    [
        "wife",
        "husband",
        "kids",
        "kid",
        "children",
        "child",
        "daughter",
        "son",
        "family",
        "families",
        "mom",
        "mother",
        "dad",
        "father",
        "grandkids",
        "spouse",
    ]
)
_PROPERTY = frozenset(
    [
        "car",
        "cars",
        "cruiser",
        "cruisers",
        "truck",
        "tires",
        "windows",
        "window",
        "station",
        "precinct",
        "substation",
        "house",
        "home",
        "office",
        "building",
        "headquarters",
        "hq",
        "vehicle",
        "vehicles",
        "hall",
    ]
)


def threat_target(n: Normalized, lex: Lexicon, context: Context) -> str | None:
    """Whom or what a flagged threat is aimed at, for the reviewer: an officer or official (or
    their family), a building or vehicle, or another visitor; None when the words do not say."""
    words = set(n.words[:2000])
    official = not lex.official_terms.isdisjoint(words) or names_official(n.original, lex)
    if not _FAMILY.isdisjoint(words):
        return "an officer's or official's family" if official else "someone's family"
    if official:
        return "an officer or official"
    if not _PROPERTY.isdisjoint(words):
        return "a building or vehicle"
    if context.is_reply_to_commenter:
        return "another visitor"
    return None


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones merged, so evidence quotes each passage once."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def priority_of(result: Classification) -> int:
    """Review priority of a flag: its most serious category; attacks on officials or on a
    political group rank below attacks on private people (they are likely protected)."""
    if not result.categories:
        return 0
    best = max(PRIORITY[c] for c in result.categories)
    if result.categories == (Category.PERSONAL_ATTACK,) and result.target in (
        Target.OFFICIAL,
        Target.GROUP,
    ):
        return 30
    if Category.PERSONAL_ATTACK in result.categories and result.target is Target.PRIVATE:
        best = max(best, 60)
    return best
