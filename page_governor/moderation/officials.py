"""Who a threat on an agency page is aimed at: one vocabulary of officers, officials and the
people who do a public job, shared by every threat reader.

Each reader used to keep its own list, and the lists had drifted apart: "the assessor" was a
target for one rule and not for the next, "the dispatcher" for two modules of eight, "the tax
collector" for none. A threat does not become less of one because the official it names is
rarer, so the readers now draw on these lists and add only what their own grammar needs.

- ``TITLE_WORDS``: the titles as regular-expression alternatives (no surrounding group), plural
  forms included: police and corrections, elected and appointed officials, courts, inspectors,
  clerks and the other public servants whose work draws anger on a government page.
- ``SERVANT_TITLES``: ``TITLE_WORDS`` as a group, with the ones that only name a person after a
  determiner ("the board", "that manager"): what "the …" or "that …" may be followed by.
- ``NAMED``: a title with a surname after it ("Officer Tran", "Inspector Boyd").
- ``TITLE_WORDSET``: the titles' head words, for readers that work on word sets.

Threats against private people are threats too; these lists only decide which nouns a reader
takes for the person a harm is aimed at, the harm and the menace still have to be there.
"""

from __future__ import annotations

_POLICE = (
    r"cops?|pigs?|officers?|deputy|deputies|undersheriffs?|sheriffs?|chief|police(m[ae]n|women|"
    r"woman)?|detectives?|sergeants?|sgt|sarge|lieutenants?|lt|corporal|captains?|troopers?|"
    r"agents?|feds|marshals?|constables?|wardens?|jailers?|guards?|dispatchers?|narcs?|swat"
)
_OFFICIALS = (
    r"mayor|governor|senator|judges?|magistrates?|prosecutors?|da|"
    r"council(man|woman|member|men|women|members)?|alderm[ae]n|alderwom[ae]n|selectm[ae]n|"
    r"commissioners?|supervisors?|trustees?|treasurer|auditor|coroner|assessors?|"
    r"(tax )?collectors?|inspectors?|bailiffs?|clerks?|directors?|administrators?|"
    r"superintendents?|principals?|rangers?|caseworkers?|social workers?|code officers?|"
    r"meter maids?|harbor ?masters?|board members?|jurors?|officials?|politicians?|"
    # the chair of a board ("the zoning chair"; "the chair" alone is furniture)
    r"chair(m[ae]n|wom[ae]n|persons?)|(board|zoning|committee|council|commission|planning) chairs?"
)
TITLE_WORDS = _POLICE + "|" + _OFFICIALS
SERVANT_TITLES = "(" + TITLE_WORDS + r"|manager|board)"
NAMED = (
    r"(officer|deputy|detective|sgt|sergeant|lt|lieutenant|captain|capt|corporal|cpl|chief|"
    r"sheriff|trooper|marshal|warden|mayor|judge|commissioner|councilman|councilwoman|"
    r"councilmember|alderman|alderwoman|supervisor|inspector|director|superintendent|principal|"
    r"ranger|clerk|bailiff|assessor|treasurer|auditor|chairman|chairwoman) [a-z]+"
)


# the head word of every title, singular and plural ("the tax collector" is read at "collector";
# "board", "member", "men" and "women" are too common alone to be read as a target)
_HEADS = """cop cops pig pigs officer officers deputy deputies undersheriff undersheriffs sheriff
    sheriffs chief policeman policemen policewoman policewomen detective detectives sergeant
    sergeants sgt sarge lieutenant lieutenants lt corporal captain captains trooper troopers
    agent agents feds marshal marshals constable constables warden wardens jailer jailers guard
    guards dispatcher dispatchers narc narcs swat mayor governor senator judge judges magistrate
    magistrates prosecutor prosecutors da council councilman councilwoman councilmember
    councilmembers councilmen councilwomen alderman aldermen alderwoman alderwomen selectman
    selectmen commissioner commissioners supervisor supervisors trustee trustees treasurer
    auditor coroner assessor assessors collector collectors inspector inspectors bailiff bailiffs
    clerk clerks director directors administrator administrators superintendent superintendents
    principal principals ranger rangers caseworker caseworkers harbormaster harbormasters
    juror jurors official officials politician politicians chairman chairmen chairwoman
    chairwomen chairperson chairpersons"""
TITLE_WORDSET = frozenset(_HEADS.split())
