"""Labelled reply drafts for the tone checks, written for these tests from customer-care.md's
table and its decided edge cases. Each case names the codes that must fire (``fire``), or none
(``good``: a reply a careful manager would send as is), or a code that must stay quiet (``quiet``: the traps —
an apology that says "sorry", acronyms in capitals, the brand's own support address)."""

from __future__ import annotations

from dataclasses import dataclass

from socialdesk.core.limits import NetworkLimits
from socialdesk.core.tone import BannedPhrase, ReplyContext


@dataclass(frozen=True)
class Case:
    draft: str
    context: ReplyContext
    fire: frozenset[str] = frozenset()
    quiet: frozenset[str] = frozenset()
    good: bool = False


CASES: list[Case] = []


def _ctx(category, **kw) -> ReplyContext:
    return ReplyContext(mention_category=category, **kw)


def fire(codes: str, category: str | None, *drafts: str, **kw) -> None:
    for draft in drafts:
        CASES.append(Case(draft, _ctx(category, **kw), fire=frozenset(codes.split())))


def quiet(codes: str, category: str | None, *drafts: str, **kw) -> None:
    for draft in drafts:
        CASES.append(Case(draft, _ctx(category, **kw), quiet=frozenset(codes.split())))


def good(category: str | None, *drafts: str, **kw) -> None:
    for draft in drafts:
        CASES.append(Case(draft, _ctx(category, **kw), good=True))


# -- good replies: nothing should fire -----------------------------------------------------------
good(
    "complaint",
    "@maria_k So sorry your parcel arrived damaged. We'll send a replacement today, no need to return the old one.",
    "@dan_b That's really frustrating, let's fix it. Could you DM us the email on your account so we can look?",
    "@lee.h Yes, this was our mistake. We apologise, and we've refunded the second charge; it shows in 3-5 days.",
    "@priya_s Sorry for the wait on hold this morning. Send us a DM and one of our team will call you back today.",
    "@tom_w We're sorry the app keeps logging you out. A fix is rolling out tonight; updating to 4.2.1 sorts it.",
    "@jess_r Ugh, sorry about the cold coffee! Show this tweet at the counter next time and the next one's on us.",
    "@kev_o Apologies for the delay on your order. It left our warehouse this morning and arrives tomorrow.",
    "@anna_m That's not the experience we want you to have. I've passed this to the store manager, who'll DM you.",
    "@chris_p Sorry, the charger shouldn't do that. Please DM us and we'll arrange a free replacement.",
    "@sam_j We're so sorry about the mix-up with your booking. Check your DMs, we've sent you the new details.",
    "@olivia_n Sorry the heating isn't fixed yet. An engineer is booked for Thursday between 8 and 12.",
    "@ben_t You're right, the delivery window was missed and that's on us. We've credited £5 to your account.",
    "@hana_k Sorry about this! Try clearing the app cache in Settings > Apps; if that fails, DM us.",
    "@liam_d We hear you, and we're sorry. Our team is looking into the outage and we'll update you within the hour.",
    "@rosa_v So sorry your flight was cancelled. Rebooking is free on our site: example-air.com/rebook",
    "@ned_f Sorry for the trouble with the login. Reset it here: https://help.example.com/reset and you're set.",
    "@ivy_c Really sorry about the missing item. We'll ship it out tomorrow with express delivery at no cost.",
    "@omar_z That's frustrating, sorry. Please send us a DM with your order number and we'll chase the courier.",
    "@mei_l Sorry about the noise last night. The manager will call you this afternoon to make it right.",
    "@josh_g Apologies, the promo code should have worked. We've applied the discount to your order manually.",
)
good(
    "question",
    "@ellie_f Yes! The blue one is back in stock online and ships within 2 days.",
    "@raj_p Our Leeds store is open until 8pm on weekdays and 10-4 on Sundays.",
    "@nina_b Good question: the Pro plan includes 5 users, and you can add more for $4 each.",
    "@carl_m You can change your delivery address in the app under Orders > Edit until it ships.",
    "@zoe_t It works with iOS 16 and later, and Android 12 and up.",
    "@finn_h Returns are free within 30 days. Here's how: https://example.com/returns",
    "@ana_r Not yet, but the vegan menu arrives in all stores next month.",
    "@mo_k The sale ends Sunday at midnight, so there's still time!",
    "@lucy_w Hi Lucy, the FAQ has the full size guide: example.com/sizes. The M fits a UK 12.",
    "@gabe_s Delivery to Ireland takes 3-5 working days and costs €6.",
    "@ruth_a Great question! Head to Settings > Privacy and switch off Sharing.",
    "@ali_m Absolutely, the bags are recyclable at any of our stores.",
    "@tina_x The ETA for the new firmware is early June, and it adds USB-C charging.",
    "@dev_n Happy to check! Send us a DM with the postcode and we'll look up delivery slots.",
    "@kim_y Hi Kim, the kids' menu is served until 7pm. See you soon.",
)
good(
    "praise",
    "@harper_l Thank you so much! We'll pass your kind words on to the team.",
    "@noah_b Thanks Noah, that made our day!",
    "@ava_j Aw, thank you! So glad the new blend is a hit.",
    "@eli_k Thanks for the shout-out, enjoy the new kit!",
    "@mila_p We appreciate it, Mila. See you at the next tasting!",
    "@leo_r Cheers Leo, glad the repair went smoothly.",
    "@isla_m Thank you! The team will be thrilled to hear this.",
    "@jack_t Thanks! Your kind words mean a lot to us.",
)
good(
    "feedback",
    "@ruby_c Love this idea, thanks! I've passed it to our product team.",
    "@owen_d Thanks for the suggestion. A dark mode is on our list for this year.",
    "@nora_g Great idea, we'll share it with the menu team.",
    "@sean_h Thanks, noted! We'll let you know if oat milk comes to the drive-thru.",
)
good(
    "criticism",
    "@paul_q Thanks for the honest feedback. We hear you on the prices and have shared it with the team.",
    "@ellen_v Fair point, and thanks for saying it. We're working on shorter queues this summer.",
    "@ravi_u We understand why the new logo isn't for everyone. Thanks for telling us.",
)
good(
    "other",
    "@jules_b Ha, we love that too! Enjoy the weekend.",
    "@pia_s Thanks for the mention!",
    "@max_o Happy Friday to you too!",
    "@lena_f Good luck with the marathon on Sunday!",
)
good(
    None,
    "Our stores are open as usual this bank holiday weekend. Call us on 0800 123 4567 with any questions.",
    "Heads up: the app will be down for maintenance tonight from 1-2am GMT. Thanks for bearing with us.",
    "New on the menu: the pumpkin spice oat latte. Available from today in all UK stores.",
    "Questions about your order? Email support@emberline.coffee and we'll reply within a day.",
)

# -- must fire -----------------------------------------------------------------------------------
fire("empty", "complaint", "", "   ", "@dan_b ", "@dan_b @emberline\n", "\n\n")
fire(
    "empty",
    None,
    "@a @b @c",
    "\t",
    "@someone@mastodon.social  ",
)
fire(
    "over-limit",
    "question",
    "@zoe_t " + "Thanks for asking about the update. " * 9,
    "Long story. " * 25,
    "@kim_y " + "日本語" * 100,
    "@ana_r " + "😀" * 150,
)
fire("over-limit", "question", "We are open late tonight. " * 12, network="bluesky")
fire("over-limit", "question", "We are open late tonight. " * 21, network="mastodon")
fire(
    "over-limit",
    "question",
    "Thanks for asking. " * 4,
    network="mastodon",
    limits=NetworkLimits(50),
)
fire(
    "over-limit",
    "question",
    "@x " + "word " * 80,
    "@y " + "https://example.com/a-very-long-link-indeed " * 13,
)
fire(
    "missing-apology",
    "complaint",
    "@dan_b Please restart the router and try again.",
    "@lee.h Refunds take 5-7 working days to show.",
    "@priya_s Our hold times are longer on Mondays. Try calling after 2pm.",
    "@tom_w Update the app to the latest version from the store.",
    "@jess_r The coffee is brewed at 92°C. Let us know next time and we'll make another.",
    "@kev_o Your order is with the courier and will arrive by Friday.",
    "@omar_z Check your spam folder for the confirmation email.",
    "@ivy_c The missing item ships separately. You'll get it tomorrow.",
    "@mei_l Noise complaints go to the front desk, who can move you to another room.",
)
fire(
    "missing-apology",
    None,
    "@jo_k Please DM us your details and we'll check.",
    mention_text="Absolutely furious, worst service ever, my card was charged twice and nobody cares",
)
fire(
    "no-next-step",
    "complaint",
    "@maria_k We're sorry you had a bad experience.",
    "@dan_b Sorry to hear that.",
    "@lee.h Oh no, that's not good. Sorry!",
    "@priya_s So sorry about this, that's not okay.",
    "@tom_w Apologies, that's frustrating.",
    "@kev_o We're really sorry. That's not the service we aim for.",
    "@hana_k Sorry, that sounds really annoying.",
    "@ned_f Ugh, sorry about that.",
)
fire(
    "no-next-step",
    "question",
    "@ellie_f Thanks for your question!",
    "@raj_p Great question.",
    "@nina_b Thanks for reaching out, Nina.",
    "@carl_m Hi Carl, thanks for asking!",
)
fire(
    "blames-customer",
    "complaint",
    "@dan_b Sorry, but you should have checked the size guide. We'll send a DM with options.",
    "@lee.h You failed to enter the code at checkout. Please DM us.",
    "@priya_s This is user error, the manual explains it. DM us if you need help.",
    "@tom_w As we already told you, refunds take 7 days.",
    "@kev_o If you had read the terms you'd know delivery is not guaranteed. Sorry. DM us.",
    "@omar_z Sorry, you forgot to confirm your email. Resend it from the app.",
    "@hana_k You must have installed the wrong version. Try 4.2.1 instead.",
    "@ned_f Did you even read the instructions? Sorry, DM us and we'll help.",
    "@ivy_c The problem is on your end, sorry. Restart the router and try again.",
)
fire(
    "defensive",
    "complaint",
    "@maria_k That's not true, we shipped it on time. Sorry though, DM us.",
    "@dan_b Actually, we never promised next-day delivery. Sorry, DM us for options.",
    "@lee.h With all due respect, our prices are fair. We'll DM you.",
    "@priya_s That is incorrect, the store was open. Sorry, please DM us.",
    "@tom_w To be fair, nobody else has complained about this. Sorry, DM us.",
    "@kev_o We did nothing wrong here, sorry. Please DM us your details.",
    "@omar_z You're wrong about the fees, they were on the website. Sorry, DM us.",
    "@hana_k It's not our fault the courier was late. Sorry! DM us and we'll chase it.",
    "@ned_f We stand by our decision. Sorry for the trouble; DM us if you want to discuss.",
)
fire(
    "shouting",
    None,
    "@maria_k WE ARE SO SORRY ABOUT THIS",
    "@dan_b PLEASE READ OUR FAQ BEFORE ASKING",
    "@lee.h THANK YOU SO MUCH FOR YOUR SUPPORT",
    "@priya_s DM US NOW AND WE WILL FIX IT",
    "@tom_w OUR STORES ARE OPEN UNTIL 9PM TONIGHT",
    "@kev_o THIS IS NOT ACCEPTABLE AT ALL",
    "@omar_z NO REFUNDS AFTER 30 DAYS, SORRY",
    "@hana_k YES WE SHIP TO THE USA AND CANADA",
)
fire(
    "excess-punctuation",
    None,
    "@maria_k Thanks so much!!",
    "@dan_b Really?! That shouldn't happen.",
    "@lee.h What happened???",
    "@priya_s We love this!!! Thanks!",
    "@tom_w Wow! Amazing! Thank you! See you soon!",
    "@kev_o Are you serious?? Sorry, DM us.",
    "@omar_z Thank you!!!!!!",
    "@hana_k Oh no!! Sorry about that, DM us.",
)
fire(
    "profanity",
    None,
    "@maria_k That's a shit situation, sorry. DM us.",
    "@dan_b Well that's fucking annoying, sorry! DM us.",
    "@lee.h Sorry, the courier really screwed up, what a sh1t day. DM us.",
    "@priya_s Don't be a d1ck about it.",
    "@tom_w What the f**k happened there? Sorry, DM us.",
    "@kev_o That update was crap, sorry. A fix comes tonight.",
    "@omar_z Oh b*llocks, sorry about that! We'll refund you.",
    "@hana_k Sorry, that's bullsh!t and we'll fix it today.",
    "@ned_f Damn, sorry! DM us and we'll sort it.",
    "@ivy_c wtf, that shouldn't happen. DM us.",
)
fire(
    "negative-tone",
    None,
    "@maria_k Honestly this is ridiculous. Stop complaining.",
    "@dan_b Your attitude is pathetic and rude.",
    "@lee.h We are sick of these stupid complaints.",
    "@priya_s That is a terrible, hateful thing to say.",
    "@tom_w What a stupid, worthless question.",
    "@kev_o Nobody cares about your awful opinion.",
    "@omar_z Stop whining, it's pathetic.",
    "@hana_k Your review is garbage and dishonest.",
)
fire(
    "private-data",
    None,
    "@maria_k Can you reply with your order number so we can check?",
    "@dan_b What's the email address on your account?",
    "@lee.h Please post your phone number and we'll call.",
    "@priya_s Is your email priya.s@gmail.com? We'll resend the receipt.",
    "@tom_w We'll call you at 555-867-5309 later today.",
    "@kev_o Your order #ORD-48213 ships tomorrow.",
    "@omar_z We'll send the replacement to 42 Baker Street, is that right?",
    "@hana_k Could you tell us your date of birth to verify the account?",
    "@ned_f Your card ending 4111 1111 1111 1111 was charged twice.",
    "@ivy_c Reply with your full address and we'll resend it.",
    "@mei_l Our engineer will ring you on +44 7700 900123 today.",
)
fire(
    "move-to-dm",
    "complaint",
    "@maria_k Sorry again, we're still checking with the courier and will update you today.",
    "@dan_b Sorry, we've escalated it and you'll hear back tomorrow.",
    "@lee.h Sorry for the back and forth. The refund was approved this morning.",
    "@priya_s Sorry! The engineer comes Thursday between 8 and 12.",
    "@tom_w Apologies, the fix is in 4.2.1, out tonight.",
    "@kev_o Sorry, we're still on it and will update you within the hour.",
    "@omar_z Sorry about this. The courier says it arrives tomorrow.",
    "@hana_k Sorry again, the voucher is on its way by email today.",
    thread_depth=2,
)
fire(
    "feeding-troll",
    "abuse",
    "@troll_99 We're sorry you feel so strongly. Please DM us.",
    "@hater Thanks for your feedback, we'll pass it on.",
    "@anon123 That's not a nice thing to say.",
    "@x_x Please keep it respectful.",
    "@angry Sorry you're upset. Our team will DM you.",
)
fire(
    "feeding-troll",
    "complaint",
    "@regular_troll Sorry to hear that, DM us and we'll help.",
    "@regular_troll We're looking into it and will update you today, sorry.",
    "@regular_troll Sorry, the fix is out tonight.",
    author_flags=frozenset({"troll"}),
)
fire(
    "crisis-individual-reply",
    "complaint",
    "@maria_k So sorry about the outage, we're working on it and will update you soon.",
    "@dan_b Sorry! Our team is fixing the login problem right now.",
    "@lee.h We're sorry, the app should be back within the hour.",
    "@priya_s Sorry for the disruption, updates to follow today.",
    "@tom_w Apologies, we know about the outage and will DM you.",
    "@kev_o Sorry, we'll update everyone as soon as it's fixed.",
    "@omar_z We're sorry. Refunds for today's outage come automatically within 5 days.",
    "@hana_k Sorry about this, engineers are on it now.",
    crisis=True,
)
fire(
    "crisis-individual-reply",
    "praise",
    "@ned_f Thank you for your patience today!",
    crisis=True,
)
fire(
    "robotic",
    "complaint",
    "@maria_k We apologise for any inconvenience caused. Please DM us.",
    "@dan_b Sorry. Your feedback is important to us and we'll pass it on.",
    "@lee.h Sorry, we take this very seriously and will look into it.",
    "@priya_s We apologize for the inconvenience. A refund is on its way.",
    "@tom_w Sorry to hear this. Please be advised that refunds take 5 days.",
    "@kev_o We're sorry you had a bad experience. DM us and we'll help.",
    "@omar_z Sorry, we value your feedback and will share it with the team.",
    "@hana_k Sorry for any inconvenience, we'll refund you today.",
)
_PASTED = "Sorry about this! Please DM us your order number and we'll look into it right away."
fire(
    "robotic",
    "complaint",
    "@ned_f " + _PASTED,
    "@ivy_c " + _PASTED,
    recent_replies=("@a " + _PASTED, "@b " + _PASTED, "@c " + _PASTED.lower()),
)
fire(
    "unthanked-praise",
    "praise",
    "@harper_l So glad you enjoyed it!",
    "@noah_b Enjoy the new kit, Noah!",
    "@ava_j Love to hear it!",
    "@eli_k See you next time!",
    "@mila_p Great to hear, the team worked hard on it.",
    "@leo_r Glad the repair went smoothly.",
    "@isla_m Yay! Enjoy.",
    "@jack_t We'll tell the team.",
)
_RULES = (
    BannedPhrase("cheap", "We never call our coffee cheap — say 'great value'.", "great value"),
    BannedPhrase("guys", "Use 'everyone' or 'folks', not 'guys'."),
    BannedPhrase("no problem", "Say 'happy to help' (brand voice guide, p. 3).", "happy to help"),
)
fire(
    "brand-voice",
    "praise",
    "@harper_l Thanks! Our beans are cheap and cheerful.",
    "@noah_b Thanks guys!",
    "@ava_j No problem, thank you!",
    "@eli_k Thank you, no   problem at all.",
    "@mila_p Thanks, the CHEAP beans are back.",
    "@leo_r Thank you guys, see you soon.",
    "@isla_m Thanks, no problem.",
    "@jack_t Thanks, the cheap option ships today.",
    banned_phrases=_RULES,
)
fire(
    "other-language",
    "complaint",
    "@maria_k Lo sentimos mucho. Envíanos un DM con tu pedido y lo solucionamos hoy.",
    "@dan_b Désolé pour le retard, nous vous envoyons un message privé.",
    "@lee.h Das tut uns leid! Bitte schreib uns eine DM mit deiner Bestellnummer.",
    "@priya_s Ci dispiace molto per il ritardo, ti scriviamo in privato.",
    "@tom_w Pedimos desculpa pelo atraso. Envie-nos uma DM com o número do pedido.",
    "@kev_o Sorry voor het wachten, we sturen je een DM met de details.",
    "@omar_z ご迷惑をおかけして申し訳ありません。DMでご連絡ください。",
    "@hana_k Приносим извинения за задержку, напишите нам в личные сообщения.",
)

# -- issue 20: templates sent with a blank left in, national private data, dismissive and
# passive-aggressive replies, soft blame, polite contradiction, empathy that names a bad feeling
fire(
    "unfilled-template",
    "complaint",
    "@ro_b Hi {first_name}, sorry about the delay! Your order ships today.",
    "@ro_b Hi {{ customer.first_name }}, so sorry about the mix-up. We've refunded you today.",
    "@ro_b Hi [NAME], sorry for the trouble. A replacement goes out tomorrow.",
    "@ro_b Sorry {handle}! We've credited £10 to your account for the outage.",
    "To everyone affected by …: we're sorry. Updates here every hour until it's fixed.",
    "To all customers affected by ___, we apologise. The next update is at 3pm.",
    "@ro_b Hello <name>, sorry about the wait. DM us and we'll sort it today.",
    "@ro_b Sorry about your [ISSUE], we'll have it fixed by Friday.",
)
fire(
    "private-data",
    "complaint",
    "@kai_l Sorry! The refund went to IBAN DE89 3704 0044 0532 0130 00 this morning.",
    "@kai_l Sorry for the delay, we've paid it into GB33 BUKB 2020 1555 5555 55.",
    "@kai_l Sorry about that. Is your BSN still 111222333? We'll update it today.",
    "@kai_l Sorry! Could you post your IBAN so we can refund you today?",
    "@kai_l Sorry for the hold-up: we need your NI number, QQ 12 34 56 C, confirmed. Done by Friday.",
    "@kai_l Sorry about this, your social security number 078-05-1120 is on file; we'll fix it today.",
)
fire(
    "negative-tone",
    "complaint",
    "@ana_p Sorry, but it is what it is. We'll look into it tomorrow.",
    "@ana_p Sorry to hear it. Not sure what more we can do here, but DM us if you like.",
    "@ana_p Sorry about that. Whatever works for you, just DM us.",
    "@ana_p Sorry about that. You're free to shop elsewhere, but DM us if you want it fixed today.",
)
fire(
    "blames-customer",
    "complaint",
    "@lu_k Sorry for the wait. As stated on our website, orders take five working days to arrive.",
    "@lu_k Sorry! Couriers can only use the address given at checkout. DM us and we'll redirect it today.",
    "@lu_k Sorry for the worry. Our logs show the button was pressed twice; DM us and we'll refund one today.",
    "@lu_k Sorry about the surprise. The renewal email went out a week ago. DM us and we'll refund it today.",
    "@lu_k Sorry for the trouble. As mentioned in our previous reply, it arrives Friday.",
)
fire(
    "defensive",
    "complaint",
    "@mo_t Sorry about this, but that is simply not accurate: the fee was on the booking page. DM us today.",
    "@mo_t Sorry for the confusion, though that isn't quite right. DM us and we'll go through the bill today.",
    "@mo_t Sorry to hear it. To be fair, the weather was out of our hands. Your parcel arrives tomorrow.",
    "@mo_t Sorry for the hassle. We'd have to disagree there; DM us and we'll show you the booking today.",
)
good(
    "complaint",
    "@zoe_w That must have been really scary, and we're so sorry. An engineer is on site now and will call you within the hour.",
    "@zoe_w That sounds awful, we're so sorry. Please DM us the batch number so our team can look at it today.",
    "@zoe_w What a horrible shock, sorry you're dealing with this. DM us and we'll block the card right away.",
)


# -- must stay quiet: the traps ------------------------------------------------------------------
quiet(
    "shouting",
    "question",
    "@zoe_t Yes, the FAQ covers iOS and USB setup. DM us for the PDF.",
    "@tina_x The ETA is ASAP, FYI: the UK and EU ship first.",
    "@dev_n OK, DM us your ID and we'll check the PIN reset. Sorry!",
    "@kim_y NYC and LA stores open at 9AM EST.",
    "@raj_p The new TV supports HDR and 4K over HDMI.",
)
quiet(
    "missing-apology",
    "complaint",
    "@dan_b Sorry about this, we'll refund you today.",
    "@lee.h That's really frustrating, let's fix it: DM us and we'll sort it.",
    "@priya_s Our apologies! The engineer is booked for Thursday.",
    "@tom_w You're right, that's not good enough. A replacement ships today.",
)
quiet(
    "private-data",
    "question",
    "@zoe_t Email support@emberline.coffee and we'll reply today.",
    "@ana_r Call us on 0800 123 4567, open 9-5.",
    "@finn_h Please DM us your order number and we'll check.",
    "@gabe_s Reach out to @help@mastodon.example for server questions.",
    "@ruth_a Text STOP to 12345 to unsubscribe.",
    "@ali_m Send your email address to us by direct message, please.",
    "@tina_x Please don't share your card number here; DM us instead.",
    "@mo_k Our flagship store is at 12 High Street, open till 8.",
    "@nina_b Call our hotline on +1 800 555 0199 any time.",
    "@dev_n Orders placed after 2pm ship the next day.",
)
quiet(
    "private-data",
    "question",
    "@kim_y Write to care@brightbank.example and mention this tweet.",
    brand_contacts=("care@brightbank.example",),
)
quiet(
    "profanity",
    None,
    "@maria_k Scunthorpe store opens at 9. Thanks for asking!",
    "@dan_b The class starts at 6pm; please assess the fit first. Thanks!",
    "@lee.h Passion fruit is back. Thanks for waiting!",
    "@priya_s Thanks! Our shiitake risotto returns on Monday.",
)
quiet(
    "excess-punctuation",
    None,
    "@maria_k Thanks! See you soon.",
    "@dan_b Sorry... we'll look into it today.",
    "@lee.h Really? Let us check that for you today.",
)
quiet(
    "negative-tone",
    "complaint",
    "@maria_k We're so sorry, that's awful and it should never have happened. We'll refund you today.",
    "@dan_b Sorry about the broken screen, that's terrible luck. A replacement ships tomorrow.",
    "@lee.h Sorry the delivery was late and the box was damaged. We've refunded the shipping.",
)
quiet(
    "blames-customer defensive",
    "question",
    "@finn_h You should have a confirmation email; if not, DM us and we'll resend it.",
    "@gabe_s Actually, good news: it ships free this week.",
)
