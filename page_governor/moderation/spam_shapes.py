"""Spam told by its shape rather than its words: a sale with a price and a way to reach the
seller, a cash tag asked to be sent money, a fine paid in gift cards, pills without a
prescription, adult and romance bait, PayPal "friends and family", a giveaway to the first
hundred who comment, "did you see this?" before a link, a pet that only needs its shipping
paid, debts erased by phone, "comment INFO and I'll message you", easy money "last week",
"visit my page for cheap …", phone testers who keep the phone, tickets the seller "can't go"
to, a thing given away for its shipping, a hacker who recovers accounts by handle, the soldier
abroad who wants a friend, an account "recovered with the help of @…", a loan for anyone who
will "inbox me", a named helper who turned $500 into thousands, a stranger's smile that "caught
my eye" with "add me", tickets with "2 left, DM me".

Each shape runs only when one of its anchor words is in the comment (most comments cost a set
operation), and each is a whole signal (``WEIGHT``: enough to flag alone at the balanced
preset). Read by :func:`page_governor.moderation.spam.detect_spam`, which adds the weight and
the evidence span, and which still clears a visitor's warning about a scam.

Links whose domain sits under a top-level domain that is almost never an agency's, a school's
or a news outlet's ("…-autos.store", "…-stream.live") weigh as a spam signal of their own
(``CHEAP_TLDS``).
"""

from __future__ import annotations

import re

from page_governor.moderation.threat_rules import wordset

WEIGHT = 0.5

# top-level domains of shops, streams and throwaway sites, not of agencies, schools or news
CHEAP_TLDS = wordset(
    "store shop top click win xyz buzz icu bid loan sbs cfd bond rest vip cam live site club biz"
)

_CONTACT = (
    r"(dm|pm|inbox|message|msg|text|call|email|e-mail|whatsapp|telegram|interested|hmu|hit me up)"
)

# (anchor words, pattern): the pattern runs only when a word of the comment is an anchor
_SHAPES: tuple[tuple[frozenset[str], re.Pattern[str]], ...] = tuple(
    (wordset(anchors), re.compile(pattern, re.IGNORECASE))
    for anchors, pattern in (
        # a sale: "2015 F-150 for sale, $12k firm, DM if interested", "selling below face value,
        # message me" (not "someone is selling stolen bikes on Marketplace, I reported it")
        (
            "sale selling sell",
            r"\b(for sale|selling|sell(ing)? (my|a|an|these|this|two|three|four|\d))\b[^.!?]{0,80}"
            r"(\$\s?\d|\bobo\b|\bfirm\b|below face( value)?|\bcheap\b|best offer)"
            r"(?=[^!?]{0,120}\b" + _CONTACT + r"\b)",
        ),
        (
            "tickets",
            r"\b(extra|spare|\d|two|three|four)\s+tickets\b[^!?]{0,80}\b(cheap|below face|"
            r"for sale|selling)\b[^!?]{0,60}\b" + _CONTACT + r"\b|\bselling\s+(my\s+)?(\d|two|"
            r"three|four|extra|spare)\s+([a-z]+\s+){0,3}tickets\b[^!?]{0,80}\b" + _CONTACT + r"\b",
        ),
        # paid the way scammers ask, with no buyer protection: "can send PayPal F&F"
        ("paypal", r"\bpaypal\s+(f\s*&\s*f|ff|friends\s+(and|&)\s+family)\b"),
        # engagement bait: "giving away $500 gift cards to the first 300 people who comment"
        (
            "giving giveaway give",
            r"\b(giving away|give away|giveaway)\b[^!?]{0,80}\b(first\s+\d+|\d+\s+(people|"
            r"lucky|winners?|followers))\b[^!?]{0,60}\b(comment|comments|type|share|shares)\b",
        ),
        # money asked for at a cash tag: "send what you can to $ReedFamilyFund on Cash App"
        (
            "cashapp cash send donate help venmo zelle",
            r"(?<![\w$])\$[a-z][a-z0-9_]{3,}\b(?=[^!?]{0,80}\b(cash ?app|send|donate|help|"
            r"contribute|venmo|zelle)\b)|\b(send|donate|give)\b[^!?]{0,60}(?<![\w$])\$[a-z]"
            r"[a-z0-9_]{3,}\b",
        ),
        # a fine or a warrant paid in gift cards (the scam itself, not a warning about it)
        (
            "gift giftcard giftcards play itunes steam",
            r"\b(gift ?cards?|google play( cards?)?|itunes( cards?)?|steam cards?)\b[^!?]{0,40}"
            r"\b(accepted|only|payment)\b|\b(pay|paying|payment|clear it|avoid arrest)\b[^!?]{0,80}"
            r"\b(gift ?cards?|google play( cards?)?|itunes( cards?)?|steam cards?)\b",
        ),
        # pills sold without a prescription (not "is Narcan available without a prescription?")
        (
            "prescription script rx",
            r"\b(no|without|w/o)\s+(a\s+)?(prescription|script|rx)\b(?=[^?]*\b(order|buy|"
            r"shipping|delivery|discreet|online|cheap)\b)(?![^.]*\?)",
        ),
        # adult bait: "my spicy content is on my profile", "private pics on my page 🔞"
        (
            "spicy private naughty nude nudes exclusive hot sexy",
            r"\bmy\s+(spicy|private|naughty|nude|exclusive|hot|sexy)\s+(content|pics|photos|"
            r"videos|vids|page|snaps)\b",
        ),
        # romance bait: "hi dear, I'm a widow … would love to know you better, add me"
        (
            "dear",
            r"\b(hi|hello|hey)\s+dear\b(?=[^?]{0,160}\b(know you better|be your friend|add me|"
            r"accept my (friend )?request|widow|widower|lonely|single|inbox me|dm me|message me|"
            r"(can|could) we be friends|nice smile|beautiful smile)\b)",
        ),
        # a link behind "did you see this?": "OMG did you see what happened?? watch before it
        # gets deleted cutt.ly/…", "Your face is in this police video, is this you??"
        (
            "omg see saw deleted removed you face name",
            r"\b(did you see|who else saw|watch (it )?before|before (it|they) (gets?|get|is|are) "
            r"(deleted|removed|taken down)|is this you|(your|ur) (face|name|photo|car) is in)\b"
            # (only before a link)
            r"(?=[^\n]{0,200}(https?://|www\.|\b[a-z0-9-]+\.(ly|com|net|co|me|top|live|site|"
            r"store|shop|link|info|io|click|xyz)\b))",
        ),
        # a pet that only needs its shipping paid
        (
            "puppies puppy kittens kitten yorkie yorkies bulldog bulldogs retriever retrievers",
            r"\b(puppies|puppy|kittens?|yorkies?|bulldogs?|retrievers?)\b[^!?]{0,100}\b(shipping|"
            r"delivery|transport)\b(?=[^!?]{0,40}(\$\s?\d|\bfee\b|\bpay\b|\bcover\b|"
            r"\b" + _CONTACT + r"\b))|\b(cover|pay)\b[^!?]{0,20}\b(shipping|delivery|"
            r"transport)\b[^!?]{0,80}\b(puppies|puppy|kittens?)\b",
        ),
        # debts erased by phone
        (
            "erase eliminate wipe cancel",
            r"\b(erase|eliminate|wipe out|cancel)\s+(your|all your|all of your)\s+(credit card |"
            r"student loan |medical )?(debts?|balances?|loans?)\b(?=[^!?]{0,80}(\b"
            + _CONTACT
            + r"\b|\d{3}[\s.-]\d{3}))",
        ),
        # "comment INFO and I'll message you"
        (
            "comment",
            r"\bcomment\s+[\"'“]?[a-z]{2,12}[\"'”]?\s+(and|&)\s+(i'?ll|i will|we'?ll|we will)\s+"
            r"(message|dm|inbox|send|pm|text)\b",
        ),
        # easy money, told as last week's: "$1,800 last week from my couch"
        (
            "week month day",
            r"\$\s?\d[\d,.]*\s*k?\s+(last|this|in a|in one|every)\s+(week|month|day)\b"
            r"[^!?]{0,40}\b(from (my|your|the) (couch|phone|home|bed)|from home|quit|9-5|boss|"
            r"no experience)\b",
        ),
        # a business plugged on someone else's page: "visit my page for cheap furniture"
        (
            "visit check see",
            r"\b(visit|check out|see)\s+my\s+(page|profile|shop|store|site|website|bio)\s+for\s+"
            r"(cheap|the best|great|discount|affordable|best)\b",
        ),
        # tickets for tonight that the seller "can't use": "selling concert tickets for tonight,
        # can't go anymore, DM me" (not "gala tickets are on sale at the city website")
        (
            "tickets",
            r"\b(selling|sell)\s+(my\s+)?([a-z]+\s+){0,2}tickets\b[^!?]{0,80}\b(can'?t go|cannot "
            r"go|can'?t make it|can'?t use them)\b[^!?]{0,60}\b" + _CONTACT + r"\b",
        ),
        # a thing given away that only needs its shipping paid: "giving away my late husband's
        # boat, just pay shipping"
        (
            "giving give giveaway free",
            r"\b(giving away|give away|giveaway|free to (a )?good)\b[^!?]{0,100}\b(just|only)\s+"
            r"(pay|cover)\s+(for\s+)?(the\s+)?(shipping|delivery|transport|postage)\b",
        ),
        # a hacker who recovers accounts, reached by handle or app: "reliable hacker, recovered my
        # IG, Telegram @…" (not "beware of 'hackers' who say they can recover your account")
        (
            "hacker hackers",
            r"\bhackers?\b[^\n]{0,120}\b(recover\w*|got (it|them|my [a-z]+) back|restor\w*|fixed|"
            r"credit score|unlock\w*)\b[^\n]{0,80}(\b(telegram|whatsapp|instagram|ig|snapchat|"
            r"signal|gmail)\b|(?<!\w)@[a-z0-9_.]{3,})",
        ),
        # the soldier abroad who wants a friend: "I am a US Army general on a peacekeeping
        # mission, I would like to be your friend"
        (
            "army military marine navy",
            r"\b(i am|i'm|im)\s+(a\s+|an\s+)?(us\s+|u\.s\.\s+)?(army|military|marine|navy)\s+"
            r"(general|officer|doctor|surgeon|captain|sergeant|engineer|contractor|nurse)\b[^!?]{0,80}"
            r"\b(peace ?keeping|on (a )?mission|deployed|deployment|syria|afghanistan|iraq|yemen|oil "
            r"rig|be your friend|know you|lonely|widow\w*)\b",
        ),
        # an account "recovered with the help of" someone reached by handle: "I recovered my
        # hacked account with the help of @techfixer_ray" (not the agency's own help desk)
        (
            "recovered recover restored hacked disabled locked stolen",
            r"(\b(recovered|recover|got back|restored)\b[^\n]{0,40}\b(hacked|stolen|disabled|"
            r"locked)\b|\bgot (my|our) (hacked|stolen|disabled|locked)( [a-z]+){0,2} back\b|"
            r"\b(hacked|stolen|disabled|locked) (account|page|profile|instagram|facebook|ig) (was|got|"
            r"is) (restored|recovered|unlocked|back)\b)"
            r"([^\n]{0,40}\b(account|page|profile|instagram|facebook|ig)\b)?[^\n]{0,60}"
            r"((?<!\w)@[a-z0-9_.]{3,}|\b(whatsapp|telegram)\b)",
        ),
        # a loan offered to anyone: "Anyone need a loan? I can help, inbox me"
        (
            "loan loans",
            r"\b(need|needs|needing|want|looking for)\s+(a\s+)?(quick\s+|fast\s+|personal\s+)?"
            r"loans?\b[^\n]{0,60}\b(inbox|dm|message|text|whatsapp|contact)\s+(me|us)\b",
        ),
        # a named helper who turned a small sum into a big one: "Mrs. Sandra Lee helped me invest
        # $500 and I got $6,800 in a week"
        (
            "invest invested investing trade trading",
            r"\b(mrs|mr|ms|miss|dr|sir|madam)\.?\s+[a-z]+(\s+[a-z]+)?\s+(helped|taught|showed)\s+me"
            r"\b[^\n]{0,40}\b(invest\w*|trad\w*|earn\w*|mak\w* money)\b[^\n]{0,60}\b(got|made|"
            r"earned|received|profit\w*|returns?|withdrew|turned into)\b[^\n]{0,20}\$\s?\d",
        ),
        # romance bait sent to a stranger: "your smile caught my eye, check your message requests"
        (
            "smile eye requests attention",
            r"\b(your|ur)\s+(smile|profile|picture|pic|photo|beauty)\s+(caught|got|grabbed)\s+my\s+"
            r"(eye|attention)\b(?=[^\n]{0,60}\b(add me|message me|inbox me|dm me|text me|hit me up|"
            r"check (your|ur) (message|friend) requests?|accept my (request|friend request))\b)|"
            r"\b(dear|beautiful|handsome|gorgeous|sweetheart|sweetie|honey|babe|darling)\b[^\n]{0,60}"
            r"\bcheck\s+(your|ur)\s+(message|friend)\s+requests?\b",
        ),
        # tickets sold in a thread, with how many are left: "selling tickets to the show, 2 left,
        # DM me" (not the agency's fundraiser tickets at the front desk)
        (
            "tickets",
            r"\bselling\s+(\d+\s+|two\s+|a\s+few\s+|my\s+)?tickets?\b[^\n]{0,60}\b(\d+|two|few|only "
            r"\w+)\s+left\b[^\n]{0,40}\b(dm|inbox|message|text|pm)\s+me\b",
        ),
        # phone testers who keep the phone
        (
            "testers tester keep",
            r"\b(product|phone|iphone|samsung|galaxy|app)\s+testers?\b(?=[^!?]{0,80}\b(keep|free|"
            r"apply|sign up)\b)|\bkeep the (free )?(phone|iphone|galaxy|product|device)\b",
        ),
    )
)
_ANCHORS = frozenset().union(*(anchors for anchors, _ in _SHAPES))
# The classifier's screen asks only about these rarer anchors (a comment with a link, money or
# a spam term is read by the spam rules anyway): "see", "you" or "week" alone are everywhere,
# and "comment", "dear" or "script" count only beside a word of their shape.
_SCREEN = wordset(
    "obo tickets cashapp venmo zelle gift giftcard giftcards itunes prescription spicy naughty "
    "puppies puppy kittens kitten yorkie yorkies bulldog retriever erase eliminate couch testers "
    "tester hacker hackers recovered loan loans hacked"
)
_SCREEN_PAIRS = (
    (wordset("comment"), wordset("dm message inbox pm text send")),
    (
        wordset("dear"),
        wordset("know friend friends add request widow widower lonely single inbox smile"),
    ),
    (wordset("paypal"), wordset("f ff friends")),
    (wordset("giving give giveaway"), wordset("first people winners followers")),
    (wordset("script rx"), wordset("no without")),
    (wordset("google"), wordset("play")),
    (wordset("giving give giveaway free"), wordset("shipping delivery transport postage")),
    (wordset("invest invested investing trade trading"), wordset("helped taught showed")),
    (wordset("smile eye requests attention"), wordset("caught check grabbed")),
    (wordset("disabled locked stolen"), wordset("back")),
    (
        wordset("army military marine navy"),
        wordset("general officer doctor surgeon captain sergeant engineer contractor nurse"),
    ),
)


def may_have_shape(words: set[str], folded: str) -> bool:
    """Could a spam shape be here? (Set tests first: the classifier's screen.)"""
    return (
        not _SCREEN.isdisjoint(words)
        or any(not a.isdisjoint(words) and not b.isdisjoint(words) for a, b in _SCREEN_PAIRS)
        or ("$" in folded and _CASH_TAG.search(folded) is not None)
    )


_CASH_TAG = re.compile(r"(?<![\w$])\$[a-z][a-z0-9_]{3,}")
_NOT_THE_SCAM = re.compile(
    r"\b(scam|scams|scammer|scammers|scammed|fake|pretend\w*|impersonat\w*|beware|warning|"
    r"never ask|watch out|report(ed)? it)\b|"
    # the agency's reminder: "the court does not accept payment in gift cards", "no deputy will
    # ever ask for payment"
    r"\b(not|never|don't|doesn't|won't|cannot|can't)\s+(ever\s+)?(accept|ask|take|request)\w*\b|"
    r"\bno\s+([a-z]+\s+){0,2}(will|would)\s+(ever\s+)?(ask|call|request|demand)\b",
    re.IGNORECASE,
)


def spam_shapes(words: set[str], text: str) -> list[tuple[int, int]]:
    """Spans of the spam shapes in ``text`` (the original comment), at most one per shape; none
    when the comment warns about a scam rather than being one."""
    if _ANCHORS.isdisjoint(words):
        return []
    spans = []
    for anchors, pattern in _SHAPES:
        if anchors.isdisjoint(words):
            continue
        m = pattern.search(text, 0, 5000)
        if m:
            spans.append(m.span())
    if spans and _NOT_THE_SCAM.search(text, 0, 5000):
        return []
    return spans
