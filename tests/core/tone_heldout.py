"""Held-out reply drafts for the tone checks, written blind from customer-care.md (without reading
the rules or their word lists), to measure how the checks generalise. Not used for tuning."""

from __future__ import annotations

from tests.core.tone_cases import Case, _ctx

HELD_OUT: list[Case] = []


def _add(fire: str, category, draft: str, **kw) -> None:
    HELD_OUT.append(Case(draft, _ctx(category, **kw), fire=frozenset(fire.split()), good=not fire))


# missing-apology
_add("missing-apology", "complaint", "@jo Your refund was processed yesterday; allow 3 days.")
_add(
    "missing-apology",
    "complaint",
    "@kim Please restart the router and wait 5 minutes. If the light stays red, send us a DM.",
)
_add(
    "missing-apology",
    "complaint",
    "@lorna A new charger ships tomorrow, tracking follows by email.",
)
_add(
    "missing-apology",
    "complaint",
    (
        "@maxb Flight AE213 now departs at 16:40 from gate B12. Meal vouchers "
        "are at the service desk."
    ),
)
_add(
    "missing-apology",
    "complaint",
    "@ned_w The double charge will be reversed within 2 business days.",
)
_add(
    "missing-apology",
    "complaint",
    "@pam_t We've added 5 GB of free data to your plan for yesterday's outage.",
)
_add("missing-apology", "complaint", "@robbie Housekeeping is on the way to room 412 now.")

# no-next-step
_add("no-next-step", "complaint", "@jojo Oh no, so sorry your order arrived damaged!")
_add(
    "no-next-step",
    "complaint",
    "@kayla Sorry about the delay today, we know how frustrating that is.",
)
_add(
    "no-next-step",
    "complaint",
    "@leeroy Sorry to hear the app keeps crashing, that sounds really annoying.",
)
_add(
    "no-next-step", "complaint", "@pia Sorry your flat white was cold this morning, that's a shame."
)
_add("no-next-step", "question", "@mia Good question! We'll have to think about that one.")
_add("no-next-step", "question", "@nat_s Hmm, not sure to be honest. Sorry!")
_add("no-next-step", "question", "@ozzie Interesting question, thanks for asking.")

# both
_add("missing-apology no-next-step", "complaint", "@quentin Ok.")
_add("missing-apology no-next-step", "complaint", "@rubyy Hmm, interesting.")
_add("missing-apology no-next-step", "complaint", "@saul Noted.")
_add(
    "missing-apology no-next-step",
    "complaint",
    "@vera_b These things happen sometimes with online orders.",
)

# blames-customer
_add(
    "blames-customer",
    "complaint",
    (
        "@dina Sorry for the hassle, but you entered the wrong address at "
        "checkout. We'll reship as soon as you DM us the right one."
    ),
)
_add(
    "blames-customer",
    "question",
    "@kai As we already told you, refunds take 5 working days. Yours will arrive by Friday.",
)
_add(
    "blames-customer",
    "complaint",
    (
        "@lia_m Sorry about that! Looks like user error: the filter needs "
        "rinsing every week. Here's the guide: beanhouse.com/care"
    ),
)
_add(
    "blames-customer",
    "complaint",
    (
        "@moe Sorry to hear it. You should have checked in online 24h before "
        "departure; we've now moved you to the 18:40 flight."
    ),
)
_add(
    "blames-customer",
    "complaint",
    (
        "@nia Sorry! That happens when people don't read the size chart. "
        "Exchanges are free, start one at northwear.com/returns"
    ),
)
_add(
    "blames-customer",
    "complaint",
    (
        "@olly Sorry for the trouble. You failed to update the app, which is "
        "why it crashed. Update to 5.1 from the App Store and it'll work."
    ),
)
_add(
    "blames-customer",
    "complaint",
    (
        "@quin Sorry about the late arrival. If you'd read the booking email "
        "you'd know reception closes at 11pm. We've left your key at the bar."
    ),
)
_add(
    "blames-customer missing-apology",
    "complaint",
    (
        "@rhys Like we said twice already, the bill is split over 12 months. "
        "It's all in your contract, check page 3."
    ),
)

# defensive
_add(
    "defensive",
    "complaint",
    (
        "@jonas That's not true, we've never charged for returns. Sorry for the"
        " confusion though: DM us and we'll check what happened."
    ),
)
_add(
    "defensive",
    "criticism",
    "@kasia Sorry you see it that way, but actually, we haven't raised prices once this year.",
)
_add(
    "defensive",
    "complaint",
    (
        "@lucie With all due respect, our wifi is the fastest in the city. "
        "Sorry it was slow in your room, a technician will check it tonight."
    ),
)
_add(
    "defensive",
    "complaint",
    (
        "@mika We have to disagree, 94% of our flights were on time last month."
        " Sorry about today's delay, your meal voucher is in the app."
    ),
)
_add(
    "defensive",
    "criticism",
    (
        "@noor Sorry you feel that way, but that's simply false. Our beans are "
        "100% Arabica, and we're happy to share the supplier details."
    ),
)
_add(
    "defensive",
    "complaint",
    (
        "@opal That's not what happened at the counter. Sorry for the mix-up "
        "though, we're refunding the delivery fee today."
    ),
)
_add(
    "defensive",
    "criticism",
    "@piet We understand the concern, but we never sold anyone's data and we never will.",
)
_add(
    "defensive missing-apology no-next-step",
    "complaint",
    "@ravi That's not true, the parcel was delivered on time.",
)

# shouting
_add("shouting", "complaint", "@jordy WE ARE SO SORRY ABOUT THIS. A NEW ONE SHIPS TODAY.")
_add("shouting", "praise", "@kaylee THANK YOU SO MUCH FOR THE LOVE, SEE YOU NEXT WEEK")
_add("shouting", "question", "@lenny YES, WE ARE OPEN ON SUNDAYS FROM 10 TO 4.")
_add(
    "shouting", "complaint", "@moira SORRY, THE ENGINEER WILL COME BACK TOMORROW MORNING TO FIX IT."
)
_add("shouting", "praise", "@otto HAPPY BIRTHDAY AND THANKS FOR CHOOSING US FOR THE PARTY")
_add(
    "shouting",
    "question",
    "@petra THE NEW SEASON COLLECTION DROPS FRIDAY AT 9AM, ONLINE AND IN STORE",
)
_add("shouting", "complaint", "@quincy SORRY FOR THE OUTAGE, SERVICE SHOULD BE BACK BY 6PM TONIGHT")
_add("shouting excess-punctuation", "praise", "@rosa THANK YOU, YOU ARE THE BEST!!!")

# excess-punctuation
_add("excess-punctuation", "praise", "@jules Thank you so much!!")
_add("excess-punctuation", "complaint", "@kenji Sorry about that!! A new pair ships tomorrow.")
_add("excess-punctuation", "question", "@lola Yes, we're open till midnight on Fridays!!!")
_add("excess-punctuation", "praise", "@mateo Wow, thanks for the shout-out!!! See you soon.")
_add(
    "excess-punctuation",
    "complaint",
    "@nadia Sorry, the wifi is down again?! We're sending someone to your room right now.",
)
_add(
    "excess-punctuation",
    "complaint",
    "@oscarp Which store was this??? Sorry again, DM us the details and we'll sort it out today.",
)
_add(
    "excess-punctuation",
    "praise",
    "@peggy Thanks! So great to hear! Loved having you! Come back soon!",
)
_add("unthanked-praise excess-punctuation", "praise", "@sunny Glad you liked it!!")

# profanity
_add("profanity", "praise", "@maya Holy shit, thank you! Best review we've had all year.")
_add(
    "profanity",
    "feedback",
    (
        "@kimmy Thanks! A dark mode would be fucking great, we've passed the "
        "idea to the product team."
    ),
)
_add(
    "profanity",
    "question",
    "@leo Fuck yeah, the rooftop bar is open until 1am tonight. See you up there.",
)
_add(
    "profanity",
    "question",
    "@ana_r Yep, the new iOS app is out today and it's fast as f*ck. Grab it from the App Store.",
)
_add(
    "profanity",
    "complaint",
    (
        "@maxi Oh sh!t, sorry about that. A replacement charger ships today, "
        "tracking is in your DMs."
    ),
)
_add("profanity", "other", "@jenny Ha, same here. Mondays are a f***ing mystery. Have a good one!")
_add("profanity", "praise", "@robin Thanks mate! Those boots look sh1t hot on you.")
_add(
    "profanity",
    "complaint",
    (
        "@salma Sorry, that was a bullsh*t fee and it shouldn't have been "
        "charged. We've refunded it today."
    ),
)

# negative-tone
_add(
    "negative-tone",
    "complaint",
    (
        "@anya Sorry for the delay. Honestly this week has been a nightmare and"
        " everyone here is miserable. Your parcel leaves tomorrow."
    ),
)
_add(
    "negative-tone",
    "complaint",
    "@benji Fine, whatever you say. Sorry, your refund will land in 3-5 days.",
)
_add(
    "negative-tone",
    "question",
    (
        "@devon Yes, checkout works on iOS. Please stop spamming us with the "
        "same question, it's annoying."
    ),
)
_add(
    "negative-tone",
    "criticism",
    "@eddie Sorry you feel that way. Frankly, we're sick of people who only come here to moan.",
)
_add(
    "negative-tone",
    "complaint",
    "@ivy_k Great, another one-star review. Sorry, we'll refund the room tonight.",
)
_add(
    "negative-tone",
    "complaint",
    (
        "@hal Sorry the update failed. This release has been a disaster and we "
        "hate it too. A fix ships Friday."
    ),
)
_add("negative-tone", "question", "@katja Ugh, fine. The store closes at 6 today.")

# private-data
_add(
    "private-data",
    "complaint",
    "@jasmin Sorry about that! Can you reply here with your order number so we can check?",
)
_add(
    "private-data",
    "complaint",
    (
        "@karl Sorry for the trouble. What's the email address on your account?"
        " We'll reset it for you."
    ),
)
_add(
    "private-data",
    "complaint",
    "@lotte Sorry for the wait! Your order #58213 shipped today with DHL.",
)
_add(
    "private-data",
    "complaint",
    (
        "@mona Sorry about the missed delivery. We'll redeliver tomorrow to 14 "
        "Elm Street, Leeds LS6 2AB."
    ),
)
_add(
    "private-data",
    "complaint",
    "@nina_k Sorry! We've sent the new password link to nina.k@gmail.com.",
)
_add(
    "private-data",
    "complaint",
    (
        "@oriol Sorry for the billing mix-up. Please post your account number "
        "and the last 4 digits of your card below."
    ),
)
_add(
    "private-data",
    "complaint",
    (
        "@pedro Sorry for the dropped calls! Our technician will ring you at "
        "07700 900123 tomorrow morning."
    ),
)
_add(
    "private-data",
    "question",
    (
        "@queenie Sure, just reply with your booking reference and phone number"
        " and we'll move your check-in."
    ),
)

# move-to-dm
_add(
    "move-to-dm",
    "complaint",
    "@jana Sorry it's still not fixed. The engineer will visit on Tuesday between 8 and 12.",
    thread_depth=2,
)
_add(
    "move-to-dm",
    "complaint",
    (
        "@kobe Sorry, the bag is still in Frankfurt. It's on the 18:00 flight "
        "and will be delivered tonight."
    ),
    thread_depth=2,
)
_add(
    "move-to-dm",
    "question",
    "@liv Yes, that plan includes roaming in the EU too, at no extra cost.",
    thread_depth=3,
)
_add(
    "move-to-dm",
    "complaint",
    "@marcus Sorry again. We've checked with the warehouse and the new sofa leaves on Monday.",
    thread_depth=2,
)
_add(
    "move-to-dm",
    "complaint",
    (
        "@nell We understand, and we're sorry this is taking so long. The "
        "refund was approved today and takes 3 days."
    ),
    thread_depth=4,
)
_add(
    "move-to-dm",
    "question",
    "@omar The upgrade is €5 a month and you can cancel it anytime in Settings.",
    thread_depth=2,
)
_add(
    "move-to-dm private-data",
    "complaint",
    "@nico Sorry it's still broken. Reply with your address and we'll send an engineer.",
    thread_depth=2,
)

# feeding-troll
_add(
    "feeding-troll",
    "abuse",
    "@troll_123 We're sorry you feel that way. We're here if you ever want to talk.",
)
_add(
    "feeding-troll",
    "abuse",
    "@xxgrumpyxx Please keep it respectful. Our team is happy to help with any real issue.",
)
_add(
    "feeding-troll",
    "abuse",
    "@yolo_hater Hi, we'd love to understand what went wrong. Can you tell us more?",
)
_add(
    "feeding-troll",
    "complaint",
    "@zzz_truth Sorry to hear that! DM us and we'll take a look.",
    author_flags=frozenset({"troll"}),
)
_add(
    "feeding-troll", "other", "@wally99 Thanks for the mention!", author_flags=frozenset({"troll"})
)
_add(
    "feeding-troll",
    "abuse",
    (
        "@vexed_vic We understand you're angry. Our support team is available "
        "24/7 at help.northbank.com"
    ),
)
_add(
    "feeding-troll",
    "praise",
    "@ursula_x Thank you, glad you enjoyed it.",
    author_flags=frozenset({"troll"}),
)
_add("feeding-troll negative-tone", "abuse", "@basement_guy Nobody cares what you think, go away.")

# robotic
_add(
    "robotic",
    "complaint",
    (
        "@joss We apologise for any inconvenience caused. A replacement will be"
        " sent within 3 working days."
    ),
)
_add(
    "robotic",
    "feedback",
    "@kiki Your feedback is important to us and has been passed on to the relevant team.",
)
_add(
    "robotic",
    "complaint",
    "@leona Sorry for any inconvenience. Your train ticket has been refunded to your card.",
)
_add("robotic", "criticism", "@morris We value your feedback and will take it into account.")
_add(
    "robotic",
    "complaint",
    (
        "@rayna We apologize for the inconvenience this may have caused. Our "
        "engineer will visit on Monday."
    ),
)
_add(
    "robotic",
    "complaint",
    "@olga Sorry about the outage! Service is back up, please restart your router.",
    recent_replies=(
        "@aa1 Sorry about the outage! Service is back up, please restart your router.",
        "@bb2 Sorry about the outage! Service is back up, please restart your router.",
        "@cc3 Sorry about the outage! Service is back up, please restart your router.",
    ),
)
_add(
    "robotic",
    "praise",
    "@penny Thanks so much for the kind words! 💛",
    recent_replies=(
        "@dd4 Thanks so much for the kind words! 💛",
        "@ee5 Thanks so much for the kind words! 💛",
        "@ff6 @gg7 Thanks so much for the kind words! 💛",
    ),
)
_add(
    "robotic",
    "question",
    "@qadir Our opening hours are on our website: brewhaus.com/hours",
    recent_replies=(
        "@hh8 Our opening hours are on our website: brewhaus.com/hours",
        "@ii9 Our opening hours are on our website: brewhaus.com/hours",
        "@jj0 Our opening hours are on our website: brewhaus.com/hours",
        "@kk1 Our opening hours are on our website: brewhaus.com/hours",
    ),
)

# unthanked-praise
_add("unthanked-praise", "praise", "@jolene Glad you enjoyed it! See you next time.")
_add("unthanked-praise", "praise", "@kieran So happy the new app works well for you 😊")
_add(
    "unthanked-praise", "praise", "@lena That's what we love to hear. Enjoy the rest of your stay!"
)
_add("unthanked-praise", "praise", "@mads Great to hear the flight was smooth. Safe travels!")
_add("unthanked-praise", "praise", "@nessa Yay, that jacket looks amazing on you!")
_add("unthanked-praise", "praise", "@oakley Our baristas will be thrilled to hear this.")

# good replies
_add("", "complaint", "@jo Sorry about that! We've sent a new one today.")
_add(
    "",
    "complaint",
    (
        "@amy_l Yes, this was our mistake. We apologise, and we've refunded the"
        " double charge; it'll show in 2-3 days."
    ),
)
_add(
    "",
    "complaint",
    (
        "@benny That's really frustrating, let's fix it. Please DM us your "
        "booking reference and we'll rebook you today."
    ),
)
_add(
    "",
    "complaint",
    (
        "@cal So sorry the delivery was late. We've refunded the shipping fee "
        "and your parcel arrives tomorrow before noon."
    ),
)
_add(
    "",
    "complaint",
    (
        "@dee Sorry for the outage in your area, Dee. Engineers are on site and"
        " expect service back by 18:00."
    ),
)
_add(
    "",
    "complaint",
    (
        "@eli Sorry your room wasn't ready. We've upgraded you to a suite for "
        "the rest of your stay; reception has the key."
    ),
)
_add(
    "",
    "complaint",
    (
        "@finn Sorry the app logged you out, Finn. Version 4.2.1 fixes it and "
        "is live now on iOS and Android."
    ),
)
_add(
    "",
    "complaint",
    (
        "@gia Sorry the oat latte was wrong this morning. Your next drink is on"
        " us, just show this message at the counter."
    ),
)
_add(
    "",
    "complaint",
    (
        "@hugo_p A lost bag is the worst, sorry. Send us a DM with your file "
        "reference and we'll chase it with the airport today."
    ),
)
_add(
    "",
    "complaint",
    (
        "@iris We're sorry your card was declined abroad. Call our 24/7 line on"
        " 0800 123 4567 and we'll unblock it right away."
    ),
)
_add(
    "",
    "complaint",
    (
        "@jay_t Sorry for the slow speeds tonight. We're upgrading the mast "
        "near you; speeds should be back to normal by Thursday."
    ),
)
_add(
    "",
    "complaint",
    (
        "@kit Sorry the zip broke after a week. Bring it to any store for a "
        "free repair, or email help@northwear.com for a prepaid return label."
    ),
)
_add(
    "",
    "complaint",
    (
        "@lou That's not how checkout should behave, sorry. We fixed the bug "
        "this morning; please try again and let us know."
    ),
)
_add(
    "",
    "complaint",
    (
        "@mae Sorry for the long wait at the gate. Your rebooking details are "
        "in your DMs, and a €15 meal voucher is in the app."
    ),
)
_add(
    "",
    "complaint",
    (
        "@nik@fosstodon.org Sorry about the sync issue! A fix rolls out today; "
        "restart the app after 3pm to get it."
    ),
)
_add(
    "",
    "complaint",
    (
        "@pat_o Sorry about the delay! Please DM us and we'll check your ETA. "
        "Our FAQ also covers USA shipping times."
    ),
)
_add(
    "",
    "complaint",
    (
        "@sam_r Sorry for the 4G outage in NYC this morning. Service is back, "
        "and we've credited a day to every affected SIM plan."
    ),
)
_add(
    "",
    "complaint",
    (
        "@tia Sorry it's still not working. We've escalated it to our tech "
        "team; please DM us your account email so we can follow up."
    ),
    thread_depth=1,
)
_add(
    "",
    "complaint",
    (
        "@uri Ah, that shouldn't happen, sorry. Text HELP to 80080 and an agent"
        " will call you back within the hour."
    ),
)
_add(
    "",
    "complaint",
    (
        "@wren Oh no, sorry the candle arrived broken. We'd love to make it "
        "right: DM us a photo and we'll send a new one."
    ),
)
_add("", "question", "@ola_k Yes! We ship to Canada; delivery takes 5-7 working days.")
_add(
    "", "question", ("@pip Our Oxford Street store is open 9-21 on weekdays and 11-17 on Sundays.")
)
_add("", "question", ("@quinny You can find the full allergen list in our FAQ: beanhouse.com/faq"))
_add(
    "",
    "question",
    "@ray Carry-on is up to 10 kg on all our flights; details at flyaero.com/baggage",
)
_add(
    "",
    "question",
    "@sia To change your PIN, go to Cards > Settings in the app, or use any of our ATMs.",
)
_add(
    "",
    "question",
    (
        "@tomm Yes, the iOS app supports Face ID since version 3.0. Turn it on "
        "under Settings > Security."
    ),
)
_add(
    "",
    "question",
    (
        "@uma Happy to check that for you! Please send us your booking "
        "reference by DM and we'll confirm your room type."
    ),
)
_add(
    "",
    "question",
    (
        "@vic eSIMs are available on all plans. Order one at telco.com/esim and"
        " it's active within an hour."
    ),
)
_add(
    "",
    "question",
    (
        "@wes Check-in is from 3pm and check-out by 11am. Early check-in is "
        "free if the room is ready."
    ),
)
_add(
    "",
    "question",
    "@xan Hi Xan, the 50% sale runs until Sunday midnight, online and in all UK stores.",
)
_add(
    "",
    "question",
    (
        "@yas Good question! Our beans come from a co-op in Huila, Colombia. "
        "More on the bag and at beanhouse.com/origin"
    ),
)
_add(
    "",
    "question",
    (
        "@zed You can export your data as CSV or PDF from Reports > Export. "
        "There's a 2-minute video at help.taskly.io/export"
    ),
)
_add(
    "",
    "question",
    "@rae Yes, the app works on iOS 16 and Android 12 or newer. The full list is in our FAQ.",
)
_add("", "praise", "@anna Thank you so much, Anna! We'll pass this on to Marco at the bar.")
_add("", "praise", ("@bo Thanks for flying with us, Bo, and congrats on the new job in Lisbon!"))
_add("", "praise", "@cy Thank you! So glad the new dashboard saves you time.")
_add(
    "",
    "praise",
    "@dana Thanks a lot for the kind words about our staff, it means a lot to the team.",
)
_add("", "praise", "@ed_w Thanks, Ed! That dress looks fantastic on you.")
_add(
    "",
    "praise",
    "@flo Thank you for 5 years with us! Enjoy the anniversary bonus data we just added.",
)
_add(
    "",
    "feedback",
    "@gil Thanks for the idea! A dark mode is on our roadmap, and we've added your vote to it.",
)
_add(
    "",
    "feedback",
    (
        "@hana Thanks for the suggestion, Hana. We've passed the request for "
        "oat milk at the airport store to the team."
    ),
)
_add(
    "",
    "feedback",
    "@ian Thanks for spotting the typo on the menu, it'll be fixed in the next print.",
)
_add(
    "",
    "criticism",
    (
        "@jen We hear you, Jen. Prices went up with bean costs this year, and "
        "we know that's not great news."
    ),
)
_add(
    "",
    "criticism",
    (
        "@ken Sorry you feel that way about the new logo. We've shared your "
        "thoughts with the design team."
    ),
)
_add(
    "",
    "criticism",
    (
        "@lia Fair point, our hold times have been too long lately. We're "
        "hiring 40 more agents this spring."
    ),
)
_add(
    "",
    "criticism",
    (
        "@mo_b We're sorry to hear you've had a rough time with us lately, Mo. "
        "That's not how we want you to feel."
    ),
)
_add("", "other", "@max_f Ha, enjoy the match tonight! 🍀")
_add(
    "", "other", ("@nora Glad it's working again, Nora. Give us a shout if anything else comes up.")
)
_add(
    "",
    None,
    "@gwen Hi Gwen, our new store in Utrecht opens on Saturday at 10. Hope to see you there.",
)
_add(
    "",
    "complaint",
    "@yuki Sorry about the outage! Service is back up, please restart your router.",
    recent_replies=(
        "@ll2 Sorry about the outage! Service is back up, please restart your router.",
        "@mm3 Sorry about the outage! Service is back up, please restart your router.",
    ),
)
_add(
    "",
    "praise",
    "@zara Thank you, Zara! Enjoy the new trainers.",
    recent_replies=(
        "@nn4 Thank you, Nils! Enjoy the new jacket.",
        "@oo5 Thank you, Omar! Enjoy the new boots.",
        "@pp6 Thank you, Pia! Enjoy the new scarf.",
    ),
)
