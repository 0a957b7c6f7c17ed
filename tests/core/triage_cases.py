"""A labelled set of realistic mentions, written for these tests (never copied from real data):
many industries, slang, typos, emoji, sarcasm, HTML escapes and Mastodon HTML, a few other
languages. Labels follow customer-care.md's borderline rules."""

QUESTION = """
@emberlinecoffee what time do you open on sundays?
do you guys ship to canada @ridgewaycycles
@tallyfox is there a way to export invoices as CSV?
how do i change my delivery address after ordering? @shopnorth
@skylineair can i bring a folding bike as checked luggage
hey @mobilo when will 5G be available in leeds?
@bankly how long does a transfer to another bank usually take
anyone know if @ridgewaycycles does repairs on carbon frames?
@emberlinecoffee r u guys dog friendly?? 🐶
@tallyfox can i add a second user to my plan without upgrading
@gamevault is the season pass included in the deluxe edition?
where can i find the size guide on your site @threadsco
@skylineair what's the baggage allowance for basic economy to madrid
@mobilo does my contract include roaming in the US?
@bankly is there a fee for using my card abroad
@cinemaplex are there any accessible seats left for friday 7pm
@emberlinecoffee do u have oat milk at the airport kiosk
@fitforge what are the opening hours on bank holidays
@tallyfox which plan has the API access? pricing page is confusing
@shopnorth how do returns work for sale items
@ridgewaycycles do you price match?
hi @greenhome, can the smart plug work without wifi?
@skylineair is wifi free on transatlantic flights?
@petpal does the grain free food come in 12kg bags
@bankly how do I set up a standing order in the app?
@gamevault when does the next patch drop
@threadsco do your jeans run small or true to size
@emberlinecoffee is the pumpkin spice back this year??
@mobilo what's the cheapest sim only deal for students
@tallyfox can invoices be sent in german?
@cinemaplex can i get a refund on tickets if i cant make it? asking before i book
@ridgewaycycles how much is a full service on an ebike
@fitforge can I freeze my membership for 2 months
@greenhome where do i find the model number on the boiler
@skylineair whats the check in cutoff at gatwick
@petpal do you deliver on saturdays
@shopnorth is the black friday sale online only?
@bankly can i get a paper statement
@gamevault is cross-play supported between ps5 and pc?
@threadsco do you have the green hoodie in XL anywhere
@tallyfox does the mobile app support dark mode?
&lt;question&gt; @emberlinecoffee how many shots in a large latte?
<p><span class="h-card"><a href="https://social.example/@ridgeway">@<span>ridgeway</span></a></span> do you stock tubeless tyres in 29"?</p>
<p>@tallyfox is there an on-prem version? asking for a client</p>
@mobilo how do i unlock my phone to use another network
@fitforge are towels included at the city centre gym
@cinemaplex what age rating is the new horror film
@skylineair can i change the name on my ticket
@greenhome does the thermostat work with alexa?
@bankly what's the daily limit for contactless
@ridgewaycycles ¿tienen bicicletas para niños de 6 años?
@emberlinecoffee ¿a qué hora cierran hoy?
@tallyfox Gibt es eine Rechnung auf Deutsch?
@shopnorth Wie lange dauert der Versand nach Österreich?
@threadsco est-ce que vous livrez en Belgique ?
@petpal é possível entregar no sábado?
@gamevault any news on the switch port?
@cinemaplex is there parking near the leicester square cinema
@fitforge do you have a student discount
@skylineair is the lounge open at 5am
@mobilo can i keep my number if i switch to you
@bankly do joint accounts get two cards
@tallyfox quick one: where do I change the invoice numbering format?
@greenhome how often should the filter be replaced
@ridgewaycycles is the trailhead 2 available in medium
@emberlinecoffee do you sell your beans online? which roast is in the matcha latte?
@shopnorth can i use two discount codes on one order
@threadsco when is the winter collection launching
@bookbarn do you buy back used textbooks?
@bookbarn is the signed edition still in stock
""".strip().splitlines()

COMPLAINT = """
@emberlinecoffee my latte was stone cold AGAIN this morning. third time this week
@ridgewaycycles picked up my bike from service and the brakes squeal worse than before
@tallyfox 2FA codes never arrive, I'm locked out of my account
@skylineair flight delayed 4 hours and nobody at the gate knows anything
@mobilo no signal in my flat for 3 days now, what is going on
@bankly you charged me twice for the same payment, £49.99 x2
@shopnorth order #88213 never arrived, tracking says delivered 🙄
@gamevault game crashes every time i load the second chapter
@threadsco received the wrong size, ordered M got XXL
@cinemaplex booked seats online and the cinema says they dont exist
@fitforge you took my membership fee after i cancelled
@greenhome the boiler app keeps logging me out every hour
@petpal the food bag arrived ripped and half empty
@tallyfox PDF invoices show the wrong VAT rate since the update, sent 10 wrong invoices to clients
@emberlinecoffee waited 25 min for a flat white at the station, missed my train
@ridgewaycycles the ebike battery dies after 10km, it's supposed to do 80
@skylineair lost my suitcase on the way to lisbon, no update in 5 days
@mobilo my bill is £40 more than my contract says
@bankly app won't load, just spinning wheel since this morning
@shopnorth refund still not here after 3 weeks, you said 5 days
@gamevault servers down AGAIN on launch weekend, can't even log in
@threadsco the zip broke the first time i wore the jacket
@cinemaplex sound cut out for the last 20 min of the film
@fitforge showers are cold at the riverside gym every single morning
@greenhome smart plug stopped working after the firmware update
@tallyfox client portal has been broken since yesterday, getting session expired
@emberlinecoffee paid in the app and got charged twice (€3.90 x2) for order #56423
@ridgewaycycles delivery was promised for wednesday, order #97470 still says processing
@skylineair checked in online but the boarding pass won't download
@mobilo internet is down again in zone 2 of bristol
@bankly card declined at the supermarket even though I have money in the account
@petpal my subscription renewed even though I cancelled last month
@shopnorth i got someone else's order, where is mine??
@gamevault bought the dlc and it's not showing up in my library
Great, another outage. Thanks @tallyfox 🙄
Love the new update @mobilo, the app crashes every five minutes!
thanks @skylineair for losing my bag again, really appreciate it
wow @bankly perfect timing to go down on payday 👏
@emberlinecoffee the oat milk was off, tasted sour, had to bin it
@threadsco the colour in the photo is nothing like what arrived
@cinemaplex popcorn machine broken so no popcorn at all tonight?
@fitforge the app won't let me book classes, error 500
@greenhome the thermostat shows 24 degrees but the house is freezing
@tallyfox timer reset itself and I lost 3 hours of tracked time
@ridgewaycycles wrong size frame shipped for order #85976, and return label doesn't work lol
@skylineair the seat i paid extra for was given to someone else
@mobilo roaming charges on my bill for a trip I never took
@bankly I've been on hold for 55 minutes about a fraudulent charge
@shopnorth the website says no delivery slots for the next 3 weeks, really?
@gamevault the controller disconnects every few minutes since the patch
@petpal delivery driver left the parcel in the rain, all soaked
@emberlinecoffee the card machine at oranienstraße is down again, cash only?
@tallyfox why does the export keep failing with error 403?
@mobilo why is my data not working abroad? I paid for the roaming add-on
@bankly how do I get my money back? you took a payment I never authorised
@skylineair can someone call me? my booking disappeared from the app
@ridgewaycycles my new e-bike display shows error 503 and nobody at the shop can tell me why
@threadsco the discount code says expired but it's valid till sunday
@fitforge fucking app logged me out mid workout AGAIN and deleted my session
@gamevault this shit game wiped my save file, 80 hours gone
@greenhome the bloody heating has been off for 2 days and no engineer came
@cinemaplex charged me the booking fee twice, ref 55AA12
@emberlinecoffee asked for no sugar, got basically syrup with coffee in it
@petpal the app says my order is out for delivery since tuesday
mein Paket ist seit zwei Wochen nicht angekommen @shopnorth
@mobilo el internet no funciona desde ayer en mi casa
@tallyfox la facture PDF ne marche pas, page blanche
@ridgewaycycles a corrente partiu na primeira volta, não funciona
@bankly i still haven't heard back and the live chat doesn't work
@skylineair the flight was cancelled and the rebooking page gives an error
@threadsco parcel marked delivered but nothing in my building
@gamevault stuck on the loading screen since yesterday's update
@emberlinecoffee the nitro cold brew tasted burnt today. like actually burnt
@greenhome my heat pump is leaking water all over the floor
@fitforge the locker ate my card and nobody at reception can open it
@cinemaplex the film started 25 minutes late and no announcement
@bookbarn my order of 3 books arrived with one missing
@bookbarn you sent the paperback instead of the hardback I paid for
""".strip().splitlines()

CRITICISM = """
@emberlinecoffee used to be my favourite. not anymore
@tallyfox every update makes tallyfox worse. just stop
@ridgewaycycles your prices are a joke now
@skylineair honestly the worst airline i've ever flown
@mobilo you keep raising prices and adding nothing
@bankly banks like you are the reason people hate banks
@shopnorth quality has gone downhill so much in the last year
@gamevault greedy company, everything is microtransactions now
@threadsco overpriced for what it is tbh
@cinemaplex cinemas used to be fun, now it's just ads for 30 minutes
@fitforge not what it used to be since the new owners
@greenhome never buying from you again
@petpal your new packaging is ugly and wasteful
@tallyfox Tallyfox keeps raising prices and adding nothing
@emberlinecoffee Früher wart ihr mal gemütlich. Jetzt nur noch Kette. Schade.
@ridgewaycycles shame on you for the price hike
@skylineair what a disgrace of a company
@mobilo mediocre service, mediocre network, premium price
@bankly your customer service is a joke
@shopnorth I really hope you change but I'm sure you won't
@gamevault this franchise has gone downhill since the sequel
@threadsco meh. the old designs were better
@cinemaplex ridiculous prices for popcorn
@fitforge the vibe at this gym is terrible now
@greenhome the worst customer experience i've had
@tallyfox honestly disappointed with the direction of the product
@emberlinecoffee can't decide between you and staying home. staying home won
@petpal your company doesn't care about pets, only profit
@skylineair flying with you is always a gamble
@mobilo lost a customer today
@bankly switching to another bank, you're all the same anyway
@bookbarn online bookshops like you killed the high street
@bookbarn the new website is ugly and confusing
@shopnorth your ads are everywhere, it's exhausting
@ridgewaycycles bikes are overpriced and you know it
""".strip().splitlines()

FEEDBACK = """
@emberlinecoffee you should open a shop in cologne
@ridgewaycycles please add more kids bikes to the range
@tallyfox would be great if invoices could be scheduled
@skylineair it would be nice to choose meals when booking
@mobilo please add esim support for android
@bankly dark mode in the app would be amazing
@shopnorth idea: let us save favourite orders
@gamevault bring back split screen co-op please
@threadsco i wish the hoodies came in tall sizes
@cinemaplex how about a quiet screening for parents with babies
@fitforge you should have more evening yoga classes
@greenhome would love an option to schedule the heating by room
@petpal please bring back the old recipe
@emberlinecoffee please add more vegan options to the food counter
@emberlinecoffee the sourdough toastie would be perfect with a salted version tbh
@tallyfox feature request: recurring expenses
@ridgewaycycles a store in boston would be amazing
@skylineair suggestion: let us pick seats for free when travelling with kids
@mobilo you should do a family plan
@bankly it would be great to split bills inside the app
@shopnorth consider adding a plastic free delivery option
@gamevault add a photo mode pls
@threadsco could you bring back the striped jumper from last winter
@cinemaplex would love more subtitled screenings
@fitforge needs more squat racks at the riverside gym
@greenhome wish you made a smaller version of the heat pump
@petpal the app needs a reorder button
@tallyfox would love to see a mobile timer widget
@emberlinecoffee salted caramel cold brew would be 🔥 just saying
@bookbarn you should stock more graphic novels
@bookbarn idea: a monthly mystery book box
@ridgewaycycles please add a click and collect option
@emberlinecoffee Ihr solltet bitte mehr Sitzplätze haben
@shopnorth deberían tener envío gratis a partir de 30€
@mobilo an option to pause data would be handy
""".strip().splitlines()

PRAISE = """
@emberlinecoffee best flat white in berlin, no contest ☕
@ridgewaycycles picked up my new trailhead 2 today and I'm in love 🚲
@tallyfox bank sync is exactly what i needed. thanks team
@skylineair amazing crew on the flight to rome today, thank you!
@mobilo signal finally works in my flat, thanks for the fix
@bankly super quick response from your chat team, thanks
@shopnorth parcel came a day early, brilliant 👏
@gamevault this update is fantastic, well done devs
@threadsco obsessed with the new jacket 😍
@cinemaplex best cinema experience i've had in years
@fitforge shout out to tom at reception, legend
@greenhome engineer was brilliant, fixed everything in 20 min
@petpal my dog loves the new food 🐶❤️
@emberlinecoffee <3 <3 <3 best team 10/10 💚
@ridgewaycycles 30 miles on the brooklyn fixie this weekend. legs are gone, bike is perfect
@tallyfox problem solved, thanks so much!
@skylineair thank you for the upgrade, what a treat
@mobilo cheers for sorting my bill so fast
@bankly love the new savings pots feature
@shopnorth thank you for the lovely handwritten note in my order
@gamevault 10/10 game, cannot stop playing
@threadsco quality is superb, will buy again
@cinemaplex thanks for the free popcorn on my birthday 🎉
@fitforge the new spin studio is gorgeous
@greenhome saving so much on bills since the heat pump, thank you
@petpal five stars for delivery, always on time
@emberlinecoffee shoutout to nlee at oranienstraße for making my morning 🙌
@emberlinecoffee ¡El mejor iced americano de Berlín! Gracias 💚
@tallyfox Danke, der Support war super schnell!
@ridgewaycycles merci pour la réparation, parfait !
@skylineair muito obrigado pelo ótimo voo
@bookbarn the packaging was beautiful, thank you
@bookbarn best bookshop on the internet, fight me
@mobilo thanks!
@bankly brilliant thanks 😊
@shopnorth super help, problem solved, once again in love with you
@gamevault kudos to the support team, sorted in minutes
@threadsco you nailed it with the new collection
@fitforge love this gym so much
@greenhome wonderful service today, thank you
@petpal thank you for the answer!!
@cinemaplex great screening tonight, thanks
@emberlinecoffee first pumpkin spice latte of the season. autumn is officially here 🎃😍
@ridgewaycycles the new saddle is amazing, no more sore bum
@tallyfox loving the new dashboard
""".strip().splitlines()

ABUSE = """
@emberlinecoffee YOUR SOCIAL MEDIA PERSON IS AN ABSOLUTE MORON
@tallyfox f**k you and f**k your customer experience
@ridgewaycycles you're all idiots, every single one of you
@skylineair THIEVES THIEVES THIEVES
@mobilo useless idiots the lot of you
@bankly scammers and liars, go to hell
@shopnorth shut up and die
@gamevault devs are clowns, absolute clowns
@threadsco whoever runs this account is stupid
@cinemaplex bunch of losers
@fitforge your staff are incompetent idiots
@greenhome crooks. frauds. scum.
@petpal screw you
@emberlinecoffee fuck off with your overpriced crap
@tallyfox you people are pathetic losers
@ridgewaycycles CRIMINALS!!! CRIMINALS!!!
@skylineair i hope your ceo gets what he deserves, scum
@mobilo dumb company with dumb staff
@bankly go to hell
@shopnorth absolute clown show, idiots
@gamevault kill yourself
@threadsco the person who designed this is a moron
@cinemaplex liars, all of you
@bookbarn stupid stupid stupid company
@greenhome ur all frauds
""".strip().splitlines()

SPAM = """
🚀 Crypto Gains 🚀 @emberlinecoffee @tallyfox 10x your money today https://crypto-doubler.example/ref=8841
great post! We'd love to feature you, DM us 💌 @ridgewaycycles
@skylineair get 1000 free followers now!! click here http://followers.biz/x
@mobilo earn $500 a day from home, link in bio
@bankly Your account has been flagged for a violation. Verify here: www.win-big-now.biz
@shopnorth 70% off sunglasses today only https://bit.ly/3kQx9Lp
@gamevault check out my channel for free skins!! https://skins.top/free
@threadsco follow back? 🙏 #followforfollow
@cinemaplex best casino bonus in the UK, sign up now https://casino.click/bonus
@fitforge collab? we promote fitness brands, DM for rates
@greenhome buy cheap likes and followers, fast delivery https://likes.xyz
@petpal giveaway!!! follow us and retweet to win https://giveaway.link
@emberlinecoffee @beckera @zoe_park @lucia_petrov 70% off sunglasses today only https://bit.ly/3kQx9Lp
@tallyfox NFT airdrop live now, claim yours https://nft-drop.io/claim
@ridgewaycycles promo code SAVE50 on all supplements, link in bio
@skylineair boost your account with real followers https://grow.biz
@mobilo win big with our betting tips, check my profile
@bankly make money fast with bitcoin, DM me for info
@shopnorth cheap designer bags 90% off https://bags.top
@gamevault free vbucks generator 100% working https://vbucks.click
@threadsco sponsor us and get 10k likes
@cinemaplex check out my shop for movie posters https://posters.biz
@fitforge lose 10kg in a week, limited offer, buy now
@bookbarn follow me for daily book deals https://deals.link
@greenhome discount code inside, click the link https://codes.xyz
""".strip().splitlines()

OTHER = """
@emberlinecoffee nvm found it
@tallyfox seems to be working now, will let you know
@ridgewaycycles at the trailhead with the crew today
@skylineair boarding now ✈️
@mobilo ok
@bankly 👍
@shopnorth just ordered, let's see
@gamevault streaming it later tonight
@threadsco wearing my hoodie in the rain today
@cinemaplex watching the new film with my sister
writing a blog post comparing @tallyfox and toggl, stay tuned 🤔
@emberlinecoffee coffee and a book, sunday sorted
@fitforge leg day today
@greenhome installing the new thermostat this weekend
@petpal the dog is asleep on the food bag lol
@bookbarn reading in the park
@ridgewaycycles @mike_b see you at the ride on saturday
@skylineair back home after 2 weeks
@mobilo new phone day
@emberlinecoffee rainy thursday, caramel macchiato, good book.
@tallyfox @emberlinecoffee
@shopnorth 🙂
@gamevault lol
@cinemaplex popcorn time
@threadsco same
""".strip().splitlines()

CASES = [
    (text, category)
    for category, texts in (
        ("question", QUESTION),
        ("complaint", COMPLAINT),
        ("criticism", CRITICISM),
        ("feedback", FEEDBACK),
        ("praise", PRAISE),
        ("abuse", ABUSE),
        ("spam", SPAM),
        ("other", OTHER),
    )
    for text in texts
]

# The real inbound tweets in ../shared/data/twcs-sample.csv, labelled here by tweet id only (the
# corpus may not be copied into the project).
TWCS_LABELS = {
    "119237": "complaint", "119239": "criticism", "119241": "complaint", "119244": "complaint",
    "119242": "complaint", "119249": "complaint", "119250": "complaint", "119253": "complaint",
    "119255": "complaint", "119258": "other", "119260": "praise", "119256": "complaint",
    "119263": "complaint", "119265": "complaint", "119268": "complaint", "119270": "complaint",
    "119272": "complaint", "119274": "complaint", "119276": "complaint", "119278": "complaint",
    "119280": "complaint", "119282": "other", "119285": "complaint", "119287": "complaint",
    "119283": "complaint", "119290": "complaint", "119291": "praise", "119292": "complaint",
    "119294": "complaint", "119296": "praise", "119297": "question", "119299": "complaint",
    "119301": "criticism", "119302": "complaint", "119305": "complaint", "119306": "other",
    "119309": "criticism", "119310": "criticism", "119313": "criticism", "119315": "complaint",
    "119318": "question", "119321": "complaint", "119319": "complaint", "119324": "complaint",
    "119326": "complaint", "119328": "complaint", "119330": "feedback", "119331": "complaint",
    "119333": "complaint",
}  # fmt: skip

# Written after the rules were tuned on the sets above, as unseen mentions: their first run scored
# 0.72. The misses then led to more general rules (negative first-person text, thanks for a fix,
# free links), so this set is no longer unseen — a fresh one is the honest next check.
HELD_OUT = [
    (
        "@velocab my driver never showed up and I still got charged the cancellation fee",
        "complaint",
    ),
    ("@velocab the app keeps saying payment failed but the money left my account", "complaint"),
    ("@brewhouse my pint glass had a crack in it, cut my lip", "complaint"),
    ("@streamly the picture freezes every 10 seconds on the smart tv app", "complaint"),
    ("@streamly subtitles are out of sync on every episode since yesterday", "complaint"),
    ("@homegrid power cut again on our street, third time this month", "complaint"),
    ("@homegrid my meter reading was estimated way too high, bill is double", "complaint"),
    ("@quickcart the eggs arrived smashed 🙃", "complaint"),
    ("@quickcart the substitute for oat milk was... cow's milk. great.", "complaint"),
    (
        "@flyhigh gate changed 3 times and nobody announced it, nearly missed the flight",
        "complaint",
    ),
    ("@flyhigh my refund request was rejected with no reason", "complaint"),
    ("@pixelphone screen went black after the update and won't turn on", "complaint"),
    ("@pixelphone the camera app crashes when I switch to video", "complaint"),
    ("@velocab what's the cheapest way to get to the airport from the centre?", "question"),
    ("@brewhouse do you do gluten free beer", "question"),
    ("@streamly how many screens can I watch on at once with the basic plan", "question"),
    ("@homegrid when will the smart meter engineer come to my area?", "question"),
    ("@quickcart is same day delivery available in york", "question"),
    ("@flyhigh can I take a power bank in hand luggage?", "question"),
    ("@pixelphone does the new model support wireless charging", "question"),
    ("@brewhouse are dogs allowed in the beer garden", "question"),
    ("@streamly where do I cancel my trial", "question"),
    ("@quickcart how do I add a delivery note for the driver", "question"),
    ("@velocab you should add a quiet ride option", "feedback"),
    ("@brewhouse would be great to have a non-alcoholic ipa on tap", "feedback"),
    ("@streamly please add a skip intro button on the web app", "feedback"),
    ("@quickcart i wish I could schedule deliveries a week ahead", "feedback"),
    ("@pixelphone bring back the headphone jack 🙏", "feedback"),
    ("@flyhigh idea: let families board together automatically", "feedback"),
    ("@velocab driver today was lovely, thanks!", "praise"),
    ("@brewhouse best sunday roast in town, every time", "praise"),
    ("@streamly the new documentary series is brilliant", "praise"),
    ("@homegrid thanks for fixing the outage so quickly last night", "praise"),
    ("@quickcart always on time, love it", "praise"),
    ("@flyhigh smooth flight and friendly crew, thank you 😊", "praise"),
    ("@pixelphone battery life on this thing is amazing", "praise"),
    ("@velocab prices have gone up so much, not worth it anymore", "criticism"),
    ("@brewhouse the place lost its charm since the refurb", "criticism"),
    ("@streamly too many price rises, might cancel", "criticism"),
    ("@homegrid energy companies are all the same, greedy", "criticism"),
    ("@flyhigh honestly the most disappointing airline in europe", "criticism"),
    ("@pixelphone your phones were better 5 years ago", "criticism"),
    ("@velocab you're a bunch of useless idiots", "abuse"),
    ("@brewhouse your manager is a moron", "abuse"),
    ("@streamly shut up and die", "abuse"),
    ("@homegrid THIEVES!!! THIEVES!!!", "abuse"),
    ("@quickcart screw you and your stupid app", "abuse"),
    ("@velocab earn $300 a day driving with my referral link https://ref.biz/x", "spam"),
    ("@brewhouse free followers here 👉 https://fans.top", "spam"),
    ("@streamly watch all movies free https://freeflix.click", "spam"),
    ("@homegrid crypto signals daily, join now https://pump.link", "spam"),
    ("@pixelphone giveaway time! follow and retweet https://give.xyz", "spam"),
    ("@velocab on my way home", "other"),
    ("@brewhouse sunday plans sorted", "other"),
    ("@streamly binge night with the kids", "other"),
    ("@flyhigh off to lisbon ✈️", "other"),
    ("@pixelphone unboxing later", "other"),
    ("@quickcart ok thanks, it works now", "other"),
]
