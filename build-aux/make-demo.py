#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the feeds of the bundled demo edition (data/editions/demo.json) into
# data/demo/: one RSS 2.0 feed per section and per region, latest.xml with
# every item, and breaking.xml with the breaking strip.
#
# The Daily Demo is an invented outlet.  Every article, person, place and
# organisation below is invented for the demo and written for this project;
# the pictures come from build-aux/make-demo-images.py.  The Arabic and
# Spanish demo editions, about the same invented places and people, are in
# build-aux/make-demo-lang.py; both scripts write with build-aux/demofeeds.py.
#
# The output is deterministic (fixed dates, stable order), so running this
# again without changing the text changes no file.  The build does not run
# it: its output is committed.
#
#   build-aux/make-demo.py [OUTDIR]
#
# Body markup, kept small so the text stays readable here:
#   a blank line separates paragraphs; "## " starts a subheading; "> " starts
#   a blockquote; [words](@slug) links to another demo article by its slug;
#   "| a | b |" lines make a table (first line is the header).

import datetime
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import demofeeds  # noqa: E402

GROUPS = [
    ("news", "News", [
        ("politics", "Politics"), ("economy", "Economy"), ("sports", "Sports"),
        ("arts-culture", "Arts & Culture"), ("health", "Health"),
        ("miscellaneous", "Miscellaneous"), ("technology", "Technology"),
        ("environment", "Environment")]),
    ("articles", "Articles", [
        ("opinion", "Opinion"), ("analysis", "Analysis"), ("blog", "Blog"),
        ("features", "Features")]),
    ("videos", "Videos", [
        ("newsfeed", "News Feed"), ("video-features", "Video Features"),
        ("explainers", "Explainers"), ("tv", "TV"),
        ("digital-series", "Digital Series")]),
    ("infographs", "Infographs", [("infographs", "Infographs")]),
    ("in-pictures", "In Pictures", [("in-pictures", "In Pictures")]),
    ("live", "Live", [("live", "Live")]),
]
REGIONS = [
    ("africa", "Africa"), ("asia", "Asia"), ("asia-pacific", "Asia-Pacific"),
    ("europe", "Europe"), ("latin-america", "Latin America"), ("mena", "MENA"),
    ("palestine", "Palestine"), ("us-canada", "US & Canada"),
]

OUTLET = demofeeds.Outlet(
    script="build-aux/make-demo.py",
    site="https://demo.bulletinapp.invalid",
    site_name="The Daily Demo",
    language="en",
    groups=GROUPS,
    regions=REGIONS,
    build_date=datetime.datetime(2026, 11, 28, 11, 0, tzinfo=datetime.timezone.utc))
A = OUTLET.A
B = OUTLET.B


# ---------------------------------------------------------------- News

A("politics", "europe", "arnhold-coalition-talks-stall-over-rail-funding",
  title="Coalition talks in Arnhold stall over who pays for the northern rail line",
  lede="Negotiators from the three largest parties left the Assembly without a deal after a twelve-hour session that foundered on a single transport budget line.",
  by="Mara Ellison", date="2026-11-28 08:15", image="parliament",
  caption="Assembly staff raise the flags outside the Arnhold parliament building before the resumption of coalition talks on 27 November 2026. (Photo: Demo Wire)",
  tags=["Arnhold", "Coalition talks", "Northern Rail Authority", "Assembly", "Transport"],
  body="""
Coalition talks in Arnhold broke up in the early hours of Saturday without an agreement, as the three parties trying to form a government failed to settle how the long-promised northern rail line should be paid for.

The Civic Union, which finished first in October's election, wants the line financed from the national budget over eight years. Its two prospective partners, the Green Alliance and the Farmers' League, favour a smaller state share with the rest raised through regional bonds.

## A gap of 1.2 billion

According to a summary circulated to reporters, the parties are roughly 1.2 billion crowns apart over the life of the project. Every other chapter of the draft programme, from schools to pensions, has been initialled.

> “We agree on where the trains should run. We do not yet agree on who buys the tickets,” said Petra Lind, the Civic Union's chief negotiator, as she left the building.

Farmers' League leader Josef Brandt said his party would not sign a deal that "sends the bill to the towns the line is meant to help".

## What happens next

The talks are due to resume on Saturday morning. Under Arnhold's constitution, the Speaker can appoint a new mediator if no government is formed by 15 December. Officials at the [Northern Rail Authority](@northern-rail-authority-orders-40-locomotives) have said design work will continue regardless.
""")

A("politics", "africa", "kessara-voters-return-for-delayed-municipal-vote",
  title="Voters in Kessara return to the polls for a delayed municipal election",
  lede="Turnout passed 58 percent by early afternoon as the coastal city chose a new council after a three-month postponement caused by flooding.",
  by="Amina Sow", date="2026-11-27 15:40", image="crowd",
  caption="Voters queue outside a polling station in the Old Market district of Kessara on 27 November 2026. (Photo: Demo Wire/Idrissa Fall)",
  tags=["Kessara", "Elections", "Electoral Commission", "Local government"],
  body="""
Long queues formed outside polling stations across Kessara on Friday as the city voted for a new municipal council, three months after the original election date was abandoned when floodwater reached a third of its districts.

The Independent Electoral Commission said turnout stood at 58.4 percent at 2pm, higher than at the last municipal vote in 2022. Polls close at 7pm and provisional results are expected on Sunday.

## Flood recovery on the ballot

Seven lists are competing for 41 seats. Almost all have campaigned on drainage, housing repairs and the rebuilding of the Lower Quay market, which was closed for six weeks after the storms.

> “I have voted in every election since I was eighteen, but this is the first time I voted about my own street,” said Mariam Diallo, a 63-year-old tailor who waited an hour in the Old Market district.

Commission chair Ousmane Keita said 212 observers were deployed and that no serious incidents had been reported by midday. Two polling stations opened late because ballot boxes were delivered to the wrong school, he said, and voting hours there would be extended.

The new council will elect a mayor at its first sitting in December.
""")

A("politics", "latin-america", "rio-alto-governors-sign-water-accord",
  title="Governors of four provinces sign a water-sharing accord for the Río Alto",
  lede="The agreement sets seasonal quotas for farms and cities along the river and creates a joint authority to publish its levels every week.",
  by="Lucía Ferrer", date="2026-11-26 18:05", image="reservoir",
  caption="The Santa Inés reservoir on the Río Alto, the largest on the river, photographed from the east bank on 25 November 2026. (Photo: Demo Wire/Camila Rojas)",
  tags=["Río Alto", "Water", "Drought", "Agriculture", "Provincial governments"],
  body="""
The governors of the four provinces along the Río Alto signed an accord on Thursday that, for the first time, sets out how much of the river each may draw in a dry year.

The deal, reached after eighteen months of negotiations, divides the river's flow into seasonal quotas for irrigation, drinking water and industry, and creates the Río Alto Basin Authority to monitor them.

## Quotas that move with the rain

Rather than fixed volumes, the accord ties each province's share to the level of the Santa Inés reservoir. When the reservoir falls below 40 percent, cities are served first and irrigation is cut in equal proportion across all four provinces.

> “Nobody got everything they wanted, which is how you know it is fair,” said Governor Elena Castañeda of San Miguel, who hosted the signing.

Farmers' associations gave the accord a cautious welcome but asked for compensation in years when quotas are cut. The authority will publish river and reservoir levels every Monday, a demand of environmental groups for more than a decade.

The provincial legislatures must ratify the agreement before it takes effect next March. For a closer reading, see our [analysis of the accord](@what-the-rio-alto-accord-gets-right).
""")

A("economy", "europe", "port-of-velmora-record-container-traffic",
  title="Port of Velmora posts record container traffic as its new deep-water berth opens",
  lede="The port handled 412,000 containers in October, its busiest month ever, and expects more after the first ship docked at Berth 9 on Wednesday.",
  by="Yusuf Demir", date="2026-11-27 09:30", image="harbour",
  caption="Cranes unload the container ship Corran Star at the new Berth 9 of the Port of Velmora on 25 November 2026. (Photo: Demo Wire/Luca Berti)",
  tags=["Port of Velmora", "Shipping", "Trade", "Infrastructure", "Velmora"],
  body="""
The Port of Velmora handled more containers in October than in any month in its 140-year history, the port authority said on Friday, two days after the first ship tied up at its new deep-water berth.

Traffic reached 412,000 twenty-foot equivalent units, up 9 percent on a year earlier, driven by grain exports and a shift of routes away from congested ports further south.

## Room for bigger ships

Berth 9, which cost 310 million euros and took four years to build, is dredged to 17 metres, deep enough for the largest ships now sailing on Asian routes. The port says it lifts Velmora's annual capacity by a fifth.

> “For ten years we turned the biggest ships away. From this week we can say yes,” said Ingrid Solberg, the port authority's chief executive.

The first vessel to use the berth, the Corran Star, unloaded 6,800 containers in 31 hours.

Dock workers' unions, which signed a new three-year agreement in September, said the extra volume should bring around 300 permanent jobs. Residents' groups in the Harbourside district have asked for a night-time limit on truck traffic, which the city council will debate next month.
""")

A("economy", "asia", "sarin-bay-textile-exporters-brace-for-shipping-costs",
  title="Textile exporters in Sarin Bay brace for higher shipping costs",
  lede="Freight rates on the bay's main routes have risen by a third since September, squeezing factories that sell on thin margins to overseas retailers.",
  by="Kenji Araki", date="2026-11-26 07:50", image="factory",
  caption="Workers leave the Meridian Textiles plant in the Sarin Bay industrial zone at the end of a shift on 24 November 2026. (Photo: Demo Wire/Ravi Menon)",
  tags=["Sarin Bay", "Textiles", "Exports", "Freight", "Manufacturing"],
  body="""
Garment and textile makers in Sarin Bay are renegotiating contracts with overseas buyers after freight rates on the bay's main shipping routes rose by about a third in two months.

The Sarin Bay Exporters' Association said the cost of sending a forty-foot container to its largest markets had climbed from 2,100 dollars in September to almost 2,800 this month, as shipping lines cut sailings over the winter.

## Margins of a few cents

Most of the zone's 240 factories sell shirts and towels at margins of a few cents per item, the association says, leaving little room to absorb the increase.

> “A buyer will move an order across the sea to save four cents. We cannot pretend freight does not matter,” said Anjali Rao, who runs a 600-worker plant making bed linen.

Some firms are sending goods by rail to a deeper port 300 kilometres north, which the association says is slower but currently cheaper.

The provincial trade office has proposed a temporary cut in port fees for exporters. Economists at the Sarin Institute caution that rates usually fall again in spring, and that a fee cut would mainly help the largest shippers.
""")

A("economy", "us-canada", "northern-rail-authority-orders-40-locomotives",
  title="Northern Rail Authority orders 40 new freight locomotives",
  lede="The 1.1 billion dollar order, the largest in the authority's history, will replace diesel engines built in the 1990s with battery-hybrid models from 2028.",
  by="Ethan Marsh", date="2026-11-25 16:20", image="rail",
  caption="A freight train approaches the Cedar Junction yard of the Northern Rail Authority on 24 November 2026. (Photo: Demo Wire/Grace Holloway)",
  tags=["Northern Rail Authority", "Rail freight", "Manufacturing", "Energy", "Westmark"],
  body="""
The Northern Rail Authority has ordered 40 battery-hybrid freight locomotives in a deal worth 1.1 billion dollars, it said on Wednesday, the largest single purchase in its 60-year history.

The engines will be built at the Harlan Works plant in Westmark and will replace a fleet of diesel locomotives that has been in service since the early 1990s. Deliveries are due to begin in the spring of 2028.

## Less fuel on long grades

The new locomotives store energy recovered while braking on downhill stretches and use it to climb the steep grades of the northern line. The authority expects fuel use on the route to fall by a quarter.

> “Our oldest engines are older than some of the people who drive them,” said Marcus Reid, the authority's president. “This is overdue.”

The order will secure around 900 jobs at Harlan Works for five years, according to the plant's owners. The machinists' union welcomed the contract and said it would seek training for members who maintain the current diesel fleet.

The authority is also preparing to tender for new passenger carriages, a decision expected next year.
""")

A("sports", "latin-america", "ciudad-marena-wins-coastal-cup-on-penalties",
  title="Ciudad Marena win the Coastal Cup on penalties after a goalless final",
  lede="Goalkeeper Tomás Arce saved twice in the shoot-out as Marena claimed their first trophy in eleven years in front of 38,000 fans.",
  by="Daniel Okoro", date="2026-11-28 00:40", image="stadium",
  caption="Ciudad Marena players celebrate after the penalty shoot-out of the Coastal Cup final at the Estadio del Puerto on 27 November 2026. (Photo: Demo Wire/Andrés Molina)",
  tags=["Ciudad Marena", "Coastal Cup", "Football", "Tomás Arce"],
  body="""
Ciudad Marena won the Coastal Cup for the first time since 2015 on Friday night, beating Atlético Sierra 4–2 on penalties after a tense final at the Estadio del Puerto ended goalless.

Goalkeeper Tomás Arce, who joined the club in the summer from a second-division side, saved the second and fourth Sierra penalties before captain Rubén Salas scored the winning kick.

## A final of few chances

Neither side managed a shot on target in the first half. Sierra hit the post through Diego Paredes just after the hour, and Marena substitute Iván Cruz was denied by a late block in extra time.

> “I watched the takers for a week on video. After that, you guess, and tonight I guessed well,” Arce said afterwards.

Marena coach Beatriz Olmos, the first woman to coach a men's team to a Coastal Cup final, dedicated the win to the club's youth academy, which supplied five of the starting eleven.

The trophy earns Marena a place in next season's continental tournament. The team will parade through the old town on Sunday afternoon.
""")

A("sports", "africa", "tembe-highland-marathon-record-falls",
  title="Course record falls at the Tembe Highland Marathon",
  lede="Local runner Grace Moraa finished in 2:21:48, lowering the women's record by more than two minutes on a course that climbs 900 metres.",
  by="Daniel Okoro", date="2026-11-22 17:10", image="desert",
  caption="Runners on the long climb of the Tembe Highland Marathon, 24 kilometres from the finish, on 22 November 2026. (Photo: Demo Wire/Kofi Mensah)",
  tags=["Tembe", "Athletics", "Marathon", "Grace Moraa"],
  body="""
Grace Moraa broke the women's course record at the Tembe Highland Marathon on Sunday, finishing in two hours, 21 minutes and 48 seconds on one of the region's hardest routes.

The 24-year-old, who trains on the same roads, pulled away from a group of four on the long climb after the 18-kilometre mark and ran the last ten kilometres alone. The previous record, 2:24:05, had stood since 2019.

## Running at altitude

The course starts at 1,600 metres and peaks at 2,500, where cool morning air gives way to strong sun by mid-morning. Organisers moved the start forward by half an hour this year because of heat.

> “On the climb I told myself: these are my hills. Nobody knows them better,” Moraa said at the finish, wrapped in a blanket.

The men's race was won by Samuel Ndege in 2:09:55, twenty seconds outside the course record. More than 6,000 runners took part, a record for the event, which raises money for the district's rural schools.

Moraa said she would now target a spring marathon on a flat course.
""")

A("sports", "asia-pacific", "lagoon-regatta-island-crews-prepare",
  title="Island rowing crews prepare for the Lagoon Regatta",
  lede="Twenty-two crews from nine islands will race traditional outrigger boats across the Palu Rai lagoon this weekend, the largest field in the regatta's history.",
  by="Hana Kobari", date="2026-11-23 22:30", image="coast",
  caption="A crew from Motu Kea island trains on the Palu Rai lagoon at dawn on 22 November 2026. (Photo: Demo Wire/Leilani Kahale)",
  tags=["Palu Rai", "Rowing", "Lagoon Regatta", "Outrigger canoes"],
  body="""
Twenty-two crews from nine islands have registered for this year's Lagoon Regatta on Palu Rai, organisers said, the largest field since the race was revived in 1998.

Each six-person crew will paddle a traditional outrigger canoe over a 14-kilometre course around the lagoon's two reef islets. The fastest crews usually finish in about an hour and twenty minutes.

## Boats built on the beach

Several of the canoes were built this year by island carpentry schools using breadfruit wood and methods passed down within families. Organisers have added a separate class for fibreglass boats so that newer crews can take part.

> “The young ones want speed. The old ones want the boats done properly. This year we have room for both,” said regatta chair Tevita Moana.

Crews from Motu Kea island, winners for the last three years, have been training at dawn to avoid the afternoon wind. A women's race and a junior race will be held on Friday, with the main event on Saturday morning.

The regatta ends with a feast on the beach at Vai Loa, where the trophy, a carved steering paddle, is handed over.
""")

A("arts-culture", "mena", "qasr-amin-caravanserai-reopens-as-music-hall",
  title="A restored caravanserai reopens as a music hall in Qasr Amin",
  lede="After six years of restoration, the 17th-century inn on the old spice road will host concerts, with its courtyard roofed by a retractable canopy.",
  by="Leila Nasser", date="2026-11-27 19:45", image="stage",
  caption="The Qasr Amin Ensemble performs at the opening concert in the courtyard of the restored Khan al-Warda on 26 November 2026. (Photo: Demo Wire/Nadia Saleh)",
  tags=["Qasr Amin", "Khan al-Warda", "Music", "Heritage", "Restoration"],
  body="""
The Khan al-Warda, a 17th-century caravanserai in the old city of Qasr Amin, reopened on Thursday as a concert hall after a six-year restoration that its architects say saved it from collapse.

Merchants once stabled their camels on the ground floor and slept in the vaulted rooms above. The courtyard, open to the sky for three centuries, is now covered by a light canopy that slides back on summer evenings.

## Stone by stone

Engineers numbered and removed more than 4,000 stones from the damaged east wing and rebuilt it on new foundations. The original wooden gallery was repaired by local carpenters using cedar salvaged from the building itself.

> “We did not want a museum. A khan was always full of noise, of people arguing over prices and telling stories. Music is the closest thing to that,” said Salma Rahhal, the architect who led the project.

The opening concert, by the Qasr Amin Ensemble, mixed classical maqam pieces with new works commissioned for the hall. The 600 tickets sold out in under an hour.

The hall's first season includes jazz, a children's choir festival and a week of storytelling in March. Tickets for students will cost a fifth of the full price.
""")

A("arts-culture", "europe", "vellin-library-digitises-map-collection",
  title="Vellin's oldest library puts 12,000 historic maps online",
  lede="The St Aurel Library has finished a five-year project to scan its map collection, including a 1540 chart of the northern coast that few visitors were allowed to see.",
  by="Tomasz Wierzba", date="2026-11-26 11:05", image="library",
  caption="Conservator Elise Marchetti examines a 16th-century chart in the reading room of the St Aurel Library in Vellin on 24 November 2026. (Photo: Demo Pictures)",
  tags=["Vellin", "St Aurel Library", "Maps", "Archives", "Digitisation"],
  body="""
The St Aurel Library in Vellin has put its entire collection of historic maps online, more than 12,000 sheets dating from the early 16th century to the 1950s.

The project, which took five years and a team of eleven people, used a specially built camera table to photograph each map at a resolution that shows the grain of the paper and the pinholes left by old survey instruments.

## A coast drawn from the sea

The jewel of the collection is a hand-coloured chart of the northern coast made in 1540 by an unknown pilot, showing harbours and sandbanks as a sailor approaching from the sea would have seen them. It is so fragile that it has been shown to the public only three times in a century.

> “A map in a drawer helps nobody. Now a schoolchild in a village on that coast can zoom in on her own bay as it was five hundred years ago,” said chief librarian Henrik Daal.

The images are free to use for any purpose. Volunteers are invited to help transcribe place names, many of which have changed or vanished.

The library will show a selection of original maps in an exhibition opening in February.
""")

A("arts-culture", "palestine", "ein-tamra-embroidery-collective-opens-gallery",
  title="Embroidery collective opens its first gallery in Ein Tamra",
  lede="Forty women who stitch traditional patterns for a living now have a place to show and sell their work directly, in a restored stone house in the village centre.",
  by="Rania Khalil", date="2026-11-25 12:30", image="market",
  caption="Members of the Ein Tamra Embroidery Collective arrange cushions and dresses for the opening of their gallery on 24 November 2026. (Photo: Demo Wire/Yara Mansour)",
  tags=["Ein Tamra", "Embroidery", "Crafts", "Women's cooperatives", "Heritage"],
  body="""
The Ein Tamra Embroidery Collective opened its first gallery on Tuesday, in a two-storey stone house in the village centre that its members spent a year repairing.

The collective was founded in 2011 by seven women who sold dresses and cushions to visitors from their kitchens. It now has forty members, aged from 19 to 81, and sells across the region through a small website.

## Patterns that tell where you are from

Each piece uses cross-stitch patterns that, members say, once told a knowledgeable eye which village a woman came from. The gallery's first room shows old dresses lent by families, with the patterns traced and labelled.

> “My grandmother could tell you a bride's village from across the square, just by the chest panel of her dress,” said Huda Saleh, 67, who teaches the collective's younger members. “We want people to learn to read them again.”

Prices are written on each piece, with the name of the woman who made it. The collective keeps a tenth of every sale for materials and training.

The gallery is open every day except Friday. Workshops for beginners begin in January.
""")

A("health", "africa", "mobile-clinics-reach-sorro-valley-villages",
  title="Mobile clinics reach 30 villages in the Sorro valley",
  lede="Four vans equipped for check-ups, vaccinations and ultrasound scans now visit every village in the valley at least once a fortnight.",
  by="Amina Sow", date="2026-11-27 06:55", image="clinic",
  caption="Nurse Fatou Ndiaye and Dr Ibrahim Sesay in the mobile clinic stationed at Sorro Bridge on 26 November 2026. (Photo: Demo Wire/Idrissa Fall)",
  tags=["Sorro valley", "Health care", "Vaccination", "Rural health", "Maternal health"],
  body="""
A fleet of four mobile clinics now visits all 30 villages of the Sorro valley at least once every two weeks, the district health office said on Thursday, six months after the service began.

Each van carries a nurse, a midwife and a driver trained as a health assistant, with a doctor joining twice a week. They offer routine check-ups, vaccinations, malaria tests and prenatal ultrasound scans.

## Hours saved on the road

Before the vans, a woman in the valley's upper villages could spend four hours on foot and by minibus to reach the nearest health centre. The health office says prenatal check-ups have more than doubled since June.

> “Many women came to us for the first time in their seventh month. Now we see them in the third,” said midwife Aissatou Bah, who has worked in the valley for twelve years.

The vans record patient data on tablets that upload when they reach a mobile signal, so a patient can be seen by any of the four teams.

The programme is funded for two years by the district and a regional health foundation. The health office wants to add a fifth van for the valley's eastern slopes, where roads close during the rains.
""")

A("health", "asia", "lianhe-hospitals-trial-shorter-waits",
  title="Hospitals in Lianhe trial a booking system that cuts waits to under an hour",
  lede="Patients at three public hospitals can now reserve a consultation slot by phone or text, and most are seen within forty minutes of arriving.",
  by="Priya Raman", date="2026-11-25 03:20", image="lab",
  caption="A technician processes samples in the laboratory of Lianhe Central Hospital on 24 November 2026. (Photo: Demo Wire/Mei Tanaka)",
  tags=["Lianhe", "Hospitals", "Waiting times", "Public health", "Health care"],
  body="""
Three public hospitals in Lianhe have cut average waiting times for outpatient consultations from more than three hours to under one, in a trial of a booking system the city plans to extend to all its hospitals next year.

Patients call a hotline or send a text message and receive a half-hour slot, a queue number and a reminder the evening before. Walk-in patients are still seen, in a separate queue.

## Mornings without crowds

Lianhe's hospitals were known for crowded halls at dawn, where patients queued before opening time to secure a ticket. Under the trial, three quarters of consultations are booked in advance.

> “My father used to leave home at five in the morning with a flask of tea. Last week we arrived at ten and he was home for lunch,” said Zhou Lin, 41, at Lianhe Central Hospital.

Doctors say the change also helps them: laboratory tests can be ordered ahead of the appointment, so results are ready when the patient arrives.

The city's health bureau says no-shows remain a problem, at around 12 percent of bookings. It plans to let patients cancel by text and to release unused slots to the walk-in queue.
""")

A("health", "us-canada", "westmark-expands-free-dental-checks-for-children",
  title="Westmark expands free dental check-ups to every child under 14",
  lede="The province will pay for two check-ups a year and basic treatment, after a survey found a third of eight-year-olds had never seen a dentist.",
  by="Ethan Marsh", date="2026-11-24 17:35", image="clinic",
  caption="Dental hygienist Carla Jensen shows pupils how to brush at Maple Street Elementary School in Westmark on 23 November 2026. (Photo: Demo Wire/Grace Holloway)",
  tags=["Westmark", "Dental care", "Children", "Public health", "Provincial budget"],
  body="""
Every child under 14 in the province of Westmark will be entitled to two free dental check-ups a year from January, the provincial health minister said on Tuesday, extending a programme that until now covered only children in low-income families.

The plan also pays for cleanings, fillings and sealants. It will cost 46 million dollars a year, according to the province's budget office.

## A third had never seen a dentist

The decision follows a school survey this spring, in which dental hygienists examined 9,000 eight-year-olds. One in three had never been to a dentist, and one in five had untreated tooth decay.

> “Tooth decay is the most common chronic disease of childhood, and it is almost entirely preventable. That number should be zero,” said Dr Nadia Brooks, president of the Westmark Dental Association.

The association has warned that rural areas have too few dentists to meet demand. The province says it will send mobile dental teams to schools in the north and offer grants to new graduates who open practices outside the cities.

Parents will not need to register: children will be covered through their existing health cards.
""")

A("miscellaneous", "asia-pacific", "lighthouse-keeper-logbooks-found-in-attic",
  title="A lighthouse keeper's lost logbooks turn up in an island attic",
  lede="Forty years of daily entries, recording storms, passing ships and the odd stranded whale, were found by a couple renovating an old house on Toroa island.",
  by="Hana Kobari", date="2026-11-27 02:15", image="coast",
  caption="Mere and Sione Tapu with the logbooks of the Cape Toroa lighthouse at their home on Toroa island on 26 November 2026. (Photo: Demo Pictures/Leilani Kahale)",
  tags=["Toroa island", "History", "Lighthouses", "Archives"],
  body="""
A couple renovating a weatherboard house on Toroa island have found the missing logbooks of the Cape Toroa lighthouse, which historians had given up for lost.

Mere and Sione Tapu found the 38 leather-bound volumes in a sea chest under the roof while replacing insulation. They cover 1921 to 1961, the years the light was kept by Arthur Penhale and later by his daughter, Ruth.

## Storms, ships and a whale

The entries record wind and weather every four hours, the ships that passed, and events both grand and small: the great storm of 1936, a shipwreck whose crew were all saved, a whale stranded on the reef for two days in 1949.

> “Wind north-west, strong. Whale still on the reef. Half the island down on the rocks with buckets keeping him wet,” reads an entry in Ruth Penhale's hand.

The island museum says the logbooks are in good condition despite decades in the damp. They will be scanned and the originals kept in a climate-controlled room.

The Tapus, who bought the house last year, said they had no idea of its history. The museum has since learned that Ruth Penhale lived there after the light was automated.
""")

A("miscellaneous", "europe", "town-of-brisk-counts-more-bicycles-than-residents",
  title="The town of Brisk counts its bicycles: there are more than residents",
  lede="A volunteer census found 31,400 bicycles for 27,900 people, including 600 abandoned at the railway station.",
  by="Mara Ellison", date="2026-11-26 14:45", image="rain",
  caption="Cyclists ride through the rain on Canal Street in Brisk on 25 November 2026. (Photo: Demo Wire/Luca Berti)",
  tags=["Brisk", "Cycling", "Transport", "Census"],
  body="""
The town of Brisk has more bicycles than people, according to a census carried out by 140 volunteers over a single weekend in October.

They counted 31,400 bicycles in sheds, gardens, racks and on the street, against a population of 27,900. The figure includes about 600 bicycles left to rust at the railway station, some of them for years.

## Counted street by street

Volunteers walked every street with a printed map and a tally sheet, knocking on doors to ask residents how many bicycles they kept indoors. Cargo bikes, tricycles and children's bikes were counted separately.

> “We thought it would be close. We did not expect to win by three and a half thousand,” said organiser Pieter Janssen, a retired geography teacher.

The council says the census will help it decide where to build new racks, which are full by eight in the morning near the station and the high school.

The abandoned bicycles will be labelled with a notice this week. Those still unclaimed after a month will be repaired by a local charity and given to people who cannot afford one.
""")

A("miscellaneous", "latin-america", "san-ariel-night-market-turns-car-park-into-festival",
  title="A night market turns a San Ariel car park into a food festival",
  lede="Every Friday, 120 stalls now fill the municipal car park behind the bus station, and the city says it will keep the market through the summer.",
  by="Sofía Quintero", date="2026-11-28 03:05", image="night-lights",
  caption="Visitors walk among the stalls of the Friday night market behind the San Ariel bus station on 27 November 2026. (Photo: Demo Wire/Camila Rojas)",
  tags=["San Ariel", "Food", "Markets", "Small business", "Nightlife"],
  body="""
For five days a week, the car park behind the San Ariel bus station holds nothing but commuters' cars. On Friday nights it becomes the busiest place in the city.

The night market began in September with 30 stalls as a trial. It now has 120, selling grilled corn, empanadas, fruit juices, second-hand books and hand-made jewellery, with a stage for local bands at one end.

## Cheap rents, long queues

Stallholders pay a flat fee of the equivalent of ten dollars a night, which includes electricity and a share of the cleaning. Many are home cooks who had never sold food before.

> “I used to cook for my family and my neighbours. Now I cook for four hundred people, and my neighbours still want theirs for free,” laughed Rosa Villalobos, whose stall sells stuffed peppers.

Police say there have been no serious incidents, and nearby shops report more evening trade. Some residents have complained about noise after midnight.

The city council voted on Thursday to keep the market running until the end of March, with music ending at 11pm. A second market is being considered for the northern districts.
""")

A("technology", "asia", "kaito-labs-unveils-seawater-salt-battery",
  title="Kaito Labs unveils a grid battery made from seawater salts",
  lede="The start-up's sodium-based cells use no lithium or cobalt and will be tested at a substation in Minato Heights next spring.",
  by="Priya Raman", date="2026-11-27 04:10", image="lab",
  caption="Researcher Aiko Mori assembles a test cell at the Kaito Labs workshop in Minato Heights on 25 November 2026. (Photo: Demo Wire/Mei Tanaka)",
  tags=["Kaito Labs", "Batteries", "Energy storage", "Minato Heights", "Start-ups"],
  body="""
Kaito Labs, a four-year-old start-up in Minato Heights, has unveiled a battery for storing electricity on the grid that is made mainly from sodium extracted from seawater salts.

The company says its cells use no lithium, cobalt or nickel, cost about 40 percent less than comparable lithium-ion packs, and keep 80 percent of their capacity after 6,000 charge cycles in laboratory tests.

## Heavier, but cheaper

The cells are bulkier and heavier than lithium batteries, which rules them out for phones or cars. For a grid battery that sits in a shed beside a substation, the company argues, weight matters less than price and safety.

> “Nobody has ever asked how much a substation weighs,” said Kaito Labs' founder, Ren Takeda. “They ask what it costs, and whether it can catch fire.”

The company says its cells do not go into thermal runaway when punctured, a claim it plans to have verified by an independent testing body in January.

A 2-megawatt-hour pilot will be installed at a substation in Minato Heights next spring. Independent researchers welcomed the results but noted that many battery chemistries perform well in the lab and fail to scale.
""")

A("technology", "us-canada", "lakeshore-tests-driverless-buses",
  title="Lakeshore tests driverless buses on a single downtown route",
  lede="Two electric shuttles will carry passengers along a 3-kilometre loop for six months, with a safety operator on board at all times.",
  by="Ethan Marsh", date="2026-11-26 20:25", image="skyline-day",
  caption="The downtown skyline of Lakeshore seen from the Harbour Loop route on 25 November 2026. (Photo: Demo Wire/Grace Holloway)",
  tags=["Lakeshore", "Autonomous vehicles", "Public transport", "City council"],
  body="""
The city of Lakeshore began a six-month trial of driverless electric buses on Thursday, on a 3-kilometre loop linking the ferry terminal, the central library and the convention centre.

The two shuttles carry up to twelve passengers each and run every ten minutes at a top speed of 25 kilometres an hour. A trained safety operator rides on board and can stop the vehicle at any time.

## Slow and watchful

The buses use cameras and laser sensors to follow a digital map of the route and stop for pedestrians. During a test run with reporters, a shuttle braked gently for a cyclist who swerved into its lane.

> “It drives like my grandfather: slowly, politely, and it stops for everything,” said passenger Dana Whitford, who rode the loop twice on the first morning.

The trial costs the city 1.8 million dollars, shared with a provincial innovation fund. Transit union representatives said they would watch closely and want guarantees that no driving jobs will be cut.

The city will publish a monthly report on incidents, ridership and how often operators had to take over. The service is free during the trial.
""")

A("technology", "mena", "desert-data-centre-cooled-by-underground-water-opens",
  title="A desert data centre cooled by underground water opens near Wadi Nour",
  lede="The facility pumps cool water from a deep aquifer through its server halls and returns it underground, using a fraction of the power of air conditioning.",
  by="Omar Haddad", date="2026-11-25 09:40", image="desert",
  caption="The approach road to the Wadi Nour data centre, 40 kilometres from the city, on 24 November 2026. (Photo: Demo Wire/Nadia Saleh)",
  tags=["Wadi Nour", "Data centres", "Water", "Energy", "Cloud computing"],
  body="""
A data centre built in the desert 40 kilometres from Wadi Nour opened on Tuesday, cooled not by air conditioning but by water drawn from an aquifer 300 metres underground.

The water, which stays at about 22 degrees all year, is pumped through heat exchangers in the server halls and returned to the aquifer a little warmer through a separate well two kilometres away. The operator says no water is consumed.

## A cooler way to compute

Cooling usually accounts for up to 40 percent of a data centre's electricity. The operator, Nour Digital, says the system cuts that share to under 10 percent. The rest of the power comes from a solar farm next door and the grid at night.

> “In the desert everyone fights the heat with electricity. We decided to borrow some cold from underground instead,” said chief engineer Karim Mansour.

Hydrologists at the regional university will monitor the aquifer's temperature for five years. Some have warned that returning warmer water could affect wells used by farms, which the company says its models rule out.

The first phase has room for 4,000 servers. Two more halls are planned by 2029.
""")

A("environment", "asia-pacific", "tarin-estuary-mangrove-replanting-doubles-bird-counts",
  title="Mangrove replanting doubles bird counts in the Tarin estuary",
  lede="Ten years after volunteers began replanting cleared mudflats, the estuary's autumn survey recorded 41 species, up from 19.",
  by="Ines Vogel", date="2026-11-27 22:50", image="forest",
  caption="Young mangroves on the eastern bank of the Tarin estuary, planted by volunteers in 2017, photographed on 26 November 2026. (Photo: Demo Wire/Leilani Kahale)",
  tags=["Tarin estuary", "Mangroves", "Birds", "Conservation", "Volunteers"],
  body="""
The number of bird species seen in the Tarin estuary has more than doubled in a decade, according to this year's autumn survey, which conservationists credit to the replanting of mangroves cleared for shrimp ponds in the 1990s.

Volunteers counted 41 species over three days, including the black-faced spoonbill and the mangrove kingfisher, neither seen in the estuary for thirty years. The first survey, in 2016, recorded 19.

## Planted by hand

Since 2016, schoolchildren, fishing families and weekend volunteers have planted more than 300,000 seedlings across 180 hectares of abandoned ponds. About two thirds survived, a rate the project says is high for mangroves.

> “The fishermen were our harshest critics. Now they tell us where the crabs have come back,” said Lani Mahe, who coordinates the project for the Tarin Coast Trust.

Fishing families report larger catches of crab and mullet near the replanted areas, though researchers caution that catch records are incomplete.

The trust hopes to have another 60 hectares planted by 2030 and is asking the district to protect the area as a reserve, which would bar new ponds on the estuary's banks.
""")

A("environment", "africa", "okari-ridge-wind-farm-supplies-grid",
  title="Wind farm on the Okari ridge begins supplying the national grid",
  lede="Its 36 turbines can generate enough electricity for about 250,000 homes, and a share of the revenue goes to the villages below the ridge.",
  by="Ines Vogel", date="2026-11-26 05:35", image="turbines",
  caption="Turbines of the Okari Ridge wind farm above the village of Lumo Pass on 25 November 2026. (Photo: Demo Wire/Kofi Mensah)",
  tags=["Okari ridge", "Wind power", "Renewable energy", "Electricity", "Rural development"],
  body="""
The Okari Ridge wind farm began sending electricity to the national grid on Wednesday, after three years of construction on an exposed ridge where the wind blows for most of the year.

Its 36 turbines have a combined capacity of 150 megawatts, which the grid operator says is enough to supply about 250,000 homes and will reduce the country's use of diesel generators at peak hours.

## A share for the villages

Under an agreement signed before construction began, 2 percent of the wind farm's revenue will go to a fund run by the seven villages on the ridge's slopes, for schools, water points and small loans.

> “They put the turbines on our hill. It is right that some of the wind money comes down to us,” said Esther Achieng, who chairs the fund's committee in Lumo Pass.

The project's developers say 70 percent of the construction workforce was hired locally, and 40 people will be employed full time to run and maintain the site.

Bird specialists will monitor the ridge, which lies on a migration route for raptors. Turbines can be stopped automatically when large flocks are detected.
""")

A("environment", "mena", "wadi-nour-solar-farm-powers-60000-homes",
  title="Solar farm near Wadi Nour now powers 60,000 homes",
  lede="The plant's second phase doubles its output, and its panels are cleaned by robots that use no water.",
  by="Omar Haddad", date="2026-11-24 08:25", image="solar",
  caption="Rows of panels at the Wadi Nour solar plant, 30 kilometres south of the city, on 23 November 2026. (Photo: Demo Wire/Nadia Saleh)",
  tags=["Wadi Nour", "Solar power", "Renewable energy", "Electricity"],
  body="""
The second phase of the Wadi Nour solar plant was connected to the grid on Monday, doubling its capacity to 220 megawatts, enough for the daytime needs of about 60,000 homes.

The plant covers 450 hectares of flat gravel desert south of the city. Its panels tilt through the day to follow the sun, which raises their output by about a fifth compared with fixed panels.

## Dust without water

Dust is the main enemy of solar power in the desert: a week of wind can cut a panel's output by a quarter. At Wadi Nour, small robots brush the panels every night, running along the rows on rails and recharging from the panels themselves.

> “Washing panels with water in a desert never made sense. The robots work while we sleep, and they never complain about the heat,” said plant manager Huda Aziz.

The plant's owners have started work on a battery store that will let it keep supplying power for three hours after sunset, from 2028.

The regional electricity company says solar now provides 18 percent of the region's power, up from 5 percent three years ago.
""")

# ------------------------------------------------------------ Articles

A("opinion", "europe", "our-trains-should-be-boring",
  title="Our trains should be boring, and that is a compliment",
  lede="The best railway is one nobody talks about: it leaves on time, arrives on time, and gives its passengers nothing to write home about.",
  by="Tomasz Wierzba", date="2026-11-27 07:00", image="rail",
  caption="Commuters wait for the 07:42 service to Vellin at Arnhold Central on 26 November 2026. (Photo: Demo Wire/Luca Berti)",
  tags=["Rail", "Transport policy", "Arnhold", "Public services"],
  body="""
Every few years a minister stands on a platform in a hard hat and promises us a railway of the future. Faster trains, gleaming stations, an app. And every few years I find myself wishing someone would promise me something much less exciting: a train that comes.

The current argument in Arnhold over the [northern rail line](@arnhold-coalition-talks-stall-over-rail-funding) is a case in point. Both sides talk about the line as a symbol: of national ambition, of fairness to the regions, of green transport. Almost nobody talks about timetables.

## The virtue of dull

The railways people love are rarely the fastest. They are the ones where the 7:42 leaves at 7:42, where the connection waits when the first train is two minutes late, and where the ticket costs the same whether you buy it today or next month.

> A railway earns trust one ordinary morning at a time, and loses it in one cancelled evening.

That kind of reliability is not glamorous. It comes from spare drivers on the roster, from track maintained before it fails, from signalling that is replaced on schedule rather than when it breaks. None of it makes a good photograph.

## Spend on the boring bits

So here is my plea to the negotiators: whatever you agree, ring-fence the money for maintenance and staff before you spend a crown on new stations. Build the line, by all means. But build it to be boring.
""")

A("opinion", "palestine", "the-olive-harvest-is-a-calendar",
  title="The olive harvest is a calendar, not just a crop",
  lede="In the hill villages, autumn is not measured in months but in the days of picking, pressing and sharing oil, and that rhythm is worth protecting.",
  by="Rania Khalil", date="2026-11-26 09:15", image="field-green",
  caption="Families pick olives on the terraces above Ein Tamra on 24 November 2026. (Photo: Demo Wire/Yara Mansour)",
  tags=["Olive harvest", "Agriculture", "Ein Tamra", "Family", "Food"],
  body="""
When I was a child, nobody in my family said "November". They said "the picking". Weddings were planned before it or after it; school homework waited; cousins who lived in the city came home without being asked.

The olive harvest is often described in numbers: tonnes picked, litres pressed, prices per tin. Those numbers matter to families who depend on the oil. But they miss what the harvest really is in the hill villages: a calendar that organises a whole season of life.

## Everyone has a job

Grandmothers sort the fruit. Children collect the olives that fall outside the tarpaulins. Men and women climb and beat the branches. In the evening the press runs until late, and the first oil is eaten with warm bread right there, in the noise and the smell.

> “The tree does not care who you are. It only cares whether you come back next year,” my grandfather used to say.

## Keep the season

Young people leave the villages for work and study, as they always have. What worries me is not that they leave, but that the season may stop calling them back. Schools could help by fitting holidays to the harvest, as some already do. Employers could let people take those days.

A tree can live for a thousand years. The least we can do is keep the calendar it gave us.
""")

A("opinion", "us-canada", "libraries-are-the-last-free-rooms-in-town",
  title="Libraries are the last free rooms in town",
  lede="Where else can you sit for an afternoon, warm and dry, without buying anything? Cities cutting library hours should think about who uses that room.",
  by="Ethan Marsh", date="2026-11-24 15:00", image="library",
  caption="Readers in the main hall of the Lakeshore Central Library on 23 November 2026. (Photo: Demo Wire/Grace Holloway)",
  tags=["Libraries", "Public services", "Lakeshore", "City budgets"],
  body="""
Count the rooms in your town where you may sit for four hours, in the warm, with a toilet and a power socket, without spending a cent. Cafés want you to order. Malls want you to shop. Even parks close at dusk and offer no roof.

The public library may be the only one left. That is why the proposal before Lakeshore's council to close branch libraries on Sundays and Mondays matters far beyond book lending.

## Who is in the room

Spend an afternoon in a branch library and you will meet the people a budget spreadsheet does not see: the student without a quiet room at home, the job seeker printing a CV, the pensioner who has not spoken to anyone all week, the parent with a toddler on a rainy day.

> “People think we are a warehouse for books,” a librarian told me last winter. “We are the living room for people who do not have one.”

## Cheap at the price

The savings from the cuts are real but small: about 0.3 percent of the city's operating budget. The cost falls on the people with the fewest alternatives.

If the council must save, let it look elsewhere first. A warm, free room is not a luxury in a northern winter. It is infrastructure.
""")

A("analysis", "asia", "why-sarin-bays-currency-slipped",
  title="Why Sarin Bay's currency slipped, and why it may not matter much",
  lede="The rupee-dollar rate has fallen 6 percent since August, but exporters, the central bank and most households have less to fear than the headlines suggest.",
  by="Yusuf Demir", date="2026-11-27 12:20", image="chart",
  caption="A chart of the Sarin Bay rupee against the dollar on a trading screen at a Sarin City bank on 26 November 2026. (Photo: Demo Wire/Ravi Menon)",
  tags=["Sarin Bay", "Currency", "Central bank", "Inflation", "Exports"],
  body="""
The Sarin Bay rupee has lost about 6 percent of its value against the dollar since August, reaching its weakest level in three years last week. The fall has prompted anxious headlines, but a closer look suggests it is neither a crisis nor a surprise.

## Three causes

First, the central bank cut interest rates twice this year, making deposits in rupees less attractive to foreign investors. Second, imports of fuel rose with the cold season, as they do every year. Third, the [rise in freight costs](@sarin-bay-textile-exporters-brace-for-shipping-costs) has cut export earnings at the margin.

None of these is a sign of deeper trouble. Foreign reserves remain equal to about seven months of imports, comfortably above the usual danger line of three.

## Winners and losers

A weaker rupee helps exporters, who earn dollars and pay wages in rupees, and partly offsets the freight increase they complain about. It hurts households through the price of imported fuel and cooking oil.

> “A six percent move over four months is what a floating currency is supposed to do. The worry would be if the bank tried to stop it,” said Dr Meera Kapoor, an economist at the Sarin Institute.

The central bank has signalled that it will intervene only to smooth sharp daily swings. If inflation stays near its 4 percent target, that looks like the right call.
""")

A("analysis", "latin-america", "what-the-rio-alto-accord-gets-right",
  title="What the Río Alto accord gets right about drought",
  lede="By tying quotas to the reservoir rather than to fixed volumes, the four provinces have written a deal that bends in a dry year instead of breaking.",
  by="Lucía Ferrer", date="2026-11-27 10:45", image="reservoir",
  caption="Irrigation channels draw water from the Río Alto near the town of Los Sauces on 25 November 2026. (Photo: Demo Wire/Camila Rojas)",
  tags=["Río Alto", "Water", "Drought", "Climate", "Agriculture"],
  body="""
Water agreements usually fail in the same way. They divide a river's average flow as if every year were average, and the first drought turns the deal into a quarrel about who took too much. The accord signed this week by the [four Río Alto provinces](@rio-alto-governors-sign-water-accord) was designed to avoid that trap.

## Shares, not volumes

Instead of promising each province a fixed number of cubic metres, the accord gives each a share of whatever water there is, with the level of the Santa Inés reservoir as the trigger for cuts. In a wet year everyone gets more; in a dry year everyone gets less, in the same proportion.

> “The river does not read treaties. A good treaty reads the river,” said hydrologist Dr Pablo Ibarra, who advised two of the provinces.

## What is missing

The accord is weaker on groundwater. Farmers who lose surface water in a dry year will pump more from wells, and the agreement says nothing about limits below ground. Nor does it say who pays farmers whose crops fail when quotas are cut.

Still, the weekly publication of river levels may prove its most important clause. A dispute is easier to settle when everyone is looking at the same number.
""")

A("analysis", "mena", "the-quiet-rise-of-regional-airlines",
  title="The quiet rise of regional airlines",
  lede="Small carriers flying turboprops between secondary cities have doubled their passenger numbers in five years, reshaping how people travel for work and family.",
  by="Omar Haddad", date="2026-11-25 18:50", image="skyline-dusk",
  caption="Evening over the business district of Qasr Amin, seen from the airport road, on 24 November 2026. (Photo: Demo Wire/Nadia Saleh)",
  tags=["Aviation", "Regional airlines", "Qasr Amin", "Tourism", "Transport"],
  body="""
Most of the region's aviation news concerns its big hub airlines and their long-haul fleets. Less noticed has been the growth of small carriers that fly 70-seat turboprops between secondary cities, many of which had no direct links at all a decade ago.

Passenger numbers on these routes have roughly doubled in five years, according to figures compiled by the regional civil aviation council, reaching 9 million last year.

## Why now

Three changes made it possible. Airports in mid-sized cities such as Qasr Amin were modernised with public money. Open-skies agreements made it easier to fly across borders. And a new generation of turboprops burns about 40 percent less fuel per seat than the jets they replace on short routes.

> “Ten years ago, going from Qasr Amin to the coast meant flying to the capital and changing. Now it is fifty minutes on a propeller plane,” said aviation consultant Rami Khoury.

## Fragile margins

The carriers remain small and vulnerable: a rise in fuel prices or the loss of a single aircraft to maintenance can wipe out a year's profit. Several have already merged.

Their success shows something simple: people want to travel between the places they live, not only between capitals.
""")

A("blog", "asia-pacific", "a-week-on-the-ferry-to-palu-rai",
  title="A week on the ferry to Palu Rai",
  lede="Notes from five days aboard the island ferry that carries schoolteachers, pigs, outboard motors and the occasional reporter between nine islands.",
  by="Hana Kobari", date="2026-11-26 04:30", image="harbour",
  caption="The inter-island ferry Moana Star loads cargo at the Palu Rai wharf on 22 November 2026. (Photo: Hana Kobari/The Daily Demo)",
  tags=["Palu Rai", "Ferries", "Islands", "Travel", "Reporter's notebook"],
  body="""
Day one. The Moana Star leaves at six in the evening, or at seven, or whenever the last crate of frozen chicken is aboard. Tonight it is seven-twenty. Nobody minds.

On deck: a headmaster returning from a training course, two nurses, a family taking a pig to a wedding, and a man with three outboard motors he is delivering to his cousins. I am the only passenger with a notebook.

## Day three

We have stopped at four islands. At each, half the village comes down to the wharf, not to travel but to see who arrives. The captain, Sione Fifita, knows everyone's name, and most of their business.

> “The ferry is the island's newspaper,” he tells me. “Whatever I carry, they will talk about it for a week.”

## Day five

On the last leg the sea turns rough and the pig is moved below deck. The headmaster spends the crossing marking exercise books on his knee. When we reach Palu Rai, children are waiting on the wharf for the books and the mail, and for the rowing crews arriving for [the regatta](@lagoon-regatta-island-crews-prepare).

I step off with salt in my hair and a notebook full of names. The ferry leaves again at dawn, or a little later.
""")

A("blog", "africa", "learning-to-bake-bread-in-a-market-town",
  title="I learned to bake bread in a market town of 3,000 people",
  lede="For two weeks I worked before dawn beside the baker of Sorro Bridge, and learned that a good loaf depends on patience, firewood and gossip.",
  by="Amina Sow", date="2026-11-24 10:10", image="market",
  caption="Baker Moussa Traoré sells the morning's bread at the Sorro Bridge market on 20 November 2026. (Photo: Amina Sow/The Daily Demo)",
  tags=["Sorro Bridge", "Food", "Bread", "Small business", "Reporter's notebook"],
  body="""
The bakery in Sorro Bridge opens at three in the morning, which is to say that Moussa Traoré opens it, lights the wood oven and starts to knead. I asked if I could help for two weeks. He laughed and said I would last three days.

I lasted, just. Here is what I learned.

## The oven decides

Moussa does not own a thermometer. He judges the oven by holding his forearm in the door and counting. Too hot and the crust burns before the crumb is cooked; too cool and the loaves come out pale and heavy. On my first morning I ruined forty baguettes.

> “Flour, water, salt, fire,” he told me. “The recipe is easy. The fire is the hard part.”

## The market decides too

By six the first customers arrive: a schoolteacher who buys for her whole staff room, the driver of the first minibus to town, the women who sell fritters beside the bus stop. Each of them brings news, and by seven Moussa knows more about the town than the mayor.

On my last day he let me shape the loaves alone. They were uneven but edible. He sold them all, at full price, and told every customer who had made them.
""")

A("blog", "europe", "counting-votes-by-lamplight",
  title="A reporter's notebook: counting votes by lamplight",
  lede="When a storm cut the power to a village polling station on election night, the count went on by oil lamp, and nobody went home.",
  by="Mara Ellison", date="2026-11-23 21:15", image="podium",
  caption="Election officials announce the village result in the community hall of Hollin Marsh after a power cut on 21 October 2026. (Photo: Mara Ellison/The Daily Demo)",
  tags=["Elections", "Arnhold", "Hollin Marsh", "Reporter's notebook", "Democracy"],
  body="""
I went to Hollin Marsh on election night because it is usually the first village in Arnhold to declare. Two hundred and forty voters, one ballot box, one hall. Normally the result is read out before nine.

At eight-fifteen the storm took the power out.

## Lamps and a tally sheet

There was a moment of silence in the dark. Then the presiding officer, a retired postmistress named Greta Holm, asked whether anyone had brought a torch. Within ten minutes the hall held six oil lamps, two camping lanterns and most of the village.

> “The law says we count in the presence of witnesses,” Mrs Holm said, peering at the tally sheet. “It does not say anything about electricity.”

## Every ballot held up

She held each ballot up to the lamp and read the choice aloud, while two clerks kept separate tallies. When their totals disagreed by one vote, they counted again. Nobody complained; someone made tea on a gas stove.

The result was announced at ten past eleven, the last in the district instead of the first. I have covered national counts in halls with giant screens and live graphics. None of them felt as much like democracy as that hall in Hollin Marsh, lit by lamps, counting every paper out loud.
""")

A("features", "palestine", "the-bakers-of-the-old-quarter",
  title="The bakers of the old quarter who start work at 3am",
  lede="In the narrow lanes of Beit Liwan's old quarter, three family bakeries have fed the neighbourhood for generations, and their ovens are lit long before the call to dawn prayer.",
  by="Rania Khalil", date="2026-11-27 05:25", image="night-lights",
  caption="Lamps light the lanes of Beit Liwan's old quarter before dawn on 26 November 2026, as the first bread comes out of the ovens. (Photo: Demo Wire/Yara Mansour)",
  tags=["Beit Liwan", "Bread", "Family business", "Old quarter", "Food"],
  body="""
At ten to three in the morning, the old quarter of Beit Liwan is silent except for a radio playing softly behind a metal shutter. Then the shutter rises, and the smell of wood smoke and warm dough spills into the lane.

Abu Nader's bakery has stood here since 1952. It is one of three in the quarter that still bake in stone ovens, and between them they make around 9,000 loaves a day: flat taboun bread, sesame rings and, on Fridays, sweet semolina cakes.

## Four generations at one oven

Nader Awad, 58, took over from his father, who took over from his. His son Sami, 24, studied accounting but came back to the oven two years ago.

> “I tried an office for one year. It was quiet and clean and I hated it,” Sami says, sliding a paddle of dough into the flames. “Here the whole neighbourhood comes through the door before seven.”

## Bread on credit

The bakeries keep notebooks of customers who pay at the end of the month, and some who cannot pay at all. Nobody is turned away, the bakers say.

By six, schoolchildren queue for sesame rings, and by nine the ovens have cooled. The bakers sleep in the afternoon, and at three the next morning the shutters rise again.
""")

A("features", "asia", "inside-the-mountain-school-with-14-pupils",
  title="Inside the mountain school with 14 pupils and a telescope",
  lede="At 2,800 metres, the village school of Serkhang has one teacher, one classroom and the darkest skies in the province, and its pupils have become amateur astronomers.",
  by="Kenji Araki", date="2026-11-25 01:40", image="mountains",
  caption="The valley below the village of Serkhang at sunset on 23 November 2026; the school sits on the ridge to the left. (Photo: Demo Wire/Mei Tanaka)",
  tags=["Serkhang", "Education", "Astronomy", "Rural schools", "Mountains"],
  body="""
The road to Serkhang ends two hours' walk below the village. Everything the school needs, from chalk to a solar panel, comes up the path on the backs of mules or people. Three years ago, that included a 20-centimetre telescope.

It was a gift from a university astronomy club after its members, trekking in the valley, spent a night in the village and were stunned by the sky. Teacher Tenzin Dolma, who has run the one-room school for eleven years, decided to use it.

## Lessons after dark

Once a month, when the moon is new, the fourteen pupils, aged 6 to 13, return to school after dinner. They have learned to find Saturn and the Andromeda galaxy, and keep a logbook of everything they see.

> “In the city, children cannot see the stars at all. Here they are so many that the children ask why the city people need a telescope,” Ms Dolma says.

## A comet in the logbook

Last winter two pupils noticed a faint fuzzy spot that moved between nights. It turned out to be a known comet, but the university club was impressed enough to invite the whole class to visit.

The trip is planned for spring. Most of the children have never seen a city, or a building with more than two floors.
""")

A("features", "us-canada", "the-last-ferry-captain-of-long-reach",
  title="The last ferry captain of Long Reach",
  lede="When the new bridge opens in March, Captain Ruth Cardinal's cable ferry will make its final crossing after 104 years of service.",
  by="Ethan Marsh", date="2026-11-23 16:30", image="harbour-night",
  caption="Captain Ruth Cardinal on the evening crossing of the Long Reach cable ferry on 22 November 2026. (Photo: Demo Wire/Grace Holloway)",
  tags=["Long Reach", "Ferries", "Bridges", "Westmark", "Local history"],
  body="""
The Long Reach ferry crosses 600 metres of river in seven minutes, pulled along a steel cable that has been replaced four times since 1922. Ruth Cardinal has captained it for 23 years. In March she will take it across for the last time.

A two-lane bridge a kilometre downstream, due to open in the spring, will make the ferry redundant. The provincial highways department says it will be sold or given to a museum.

## Seven minutes, eighty times a day

The ferry carries twelve cars, a school bus and whoever is walking. Ms Cardinal knows most of her passengers by name, and many of their dogs.

> “I have carried people to weddings, to funerals, and once a woman in labour who did not make it to the far bank,” she says. “The baby was born right here by the wheelhouse. She is twenty now.”

## Mixed feelings

Drivers welcome the bridge, which will end the queues on summer weekends. But many in Long Reach say they will miss the crossing, the only seven minutes of their day when nobody can hurry.

Ms Cardinal plans to retire. A farewell crossing, open to anyone who wants to ride, is planned for the last Sunday of March.
""")

# -------------------------------------------------------------- Videos

A("newsfeed", "europe", "floodgates-close-in-vellin",
  title="Video: Floodgates close in Vellin as the river rises",
  lede="For the first time in four years, the city closed all six of its river gates overnight as the Aure rose 2.4 metres above its normal level.",
  by="Tomasz Wierzba", date="2026-11-28 06:50", image="bridge",
  caption="The Aure at the Queen's Bridge in Vellin on the morning of 28 November 2026, after the floodgates were closed. (Photo: Demo Wire/Luca Berti)",
  tags=["Vellin", "Floods", "River Aure", "Weather", "Infrastructure"],
  video="floodgates-close-in-vellin", duration=94,
  body="""
Vellin closed all six of its river floodgates overnight as the Aure rose to its highest level in four years after three days of heavy rain upstream.

The video shows crews lowering the last gate at the Queen's Bridge shortly after 2am, as water lapped at the top of the embankment steps.

## No homes flooded

The city said no homes had been flooded by morning. Riverside roads and two underground car parks were closed as a precaution, and ferries across the Aure were suspended.

> “The gates did exactly what they were built to do. It is a long night for the crews, but a quiet one for everyone else,” said Anna Verhoef, head of the city's water board.

The river is expected to peak around midday on Saturday and fall slowly over the weekend. Residents of the low-lying Weir Street area have been advised to move cars to higher ground.

The gates were built after the 1998 floods and have been closed fully only five times since.
""")

A("newsfeed", "mena", "crowds-at-opening-of-qasr-amin-metro",
  title="Video: Crowds ride the first trains of the Qasr Amin metro",
  lede="Thousands of residents queued on Thursday morning to ride the city's first metro line, which links the old city to the university in 19 minutes.",
  by="Omar Haddad", date="2026-11-26 10:35", image="crowd",
  caption="Passengers crowd the platform at Old City station for the first service of the Qasr Amin metro on 26 November 2026. (Photo: Demo Wire/Nadia Saleh)",
  tags=["Qasr Amin", "Metro", "Public transport", "Urban planning"],
  video="crowds-ride-qasr-amin-metro", duration=121,
  body="""
Thousands of people queued at the stations of the Qasr Amin metro on Thursday to ride its first trains, after nine years of construction beneath the city's crowded streets.

The video shows passengers filling the platform at Old City station before the first service at 6am, and applause as the doors opened.

## Nineteen minutes across the city

Line 1 runs 14 kilometres, with 12 stations, from the old city to the university campus. The trip, which can take more than an hour by bus at rush hour, takes 19 minutes.

> “I have watched them dig outside my shop for nine years. Today I left the shop to my son and rode it twice,” said Mahmoud Saleh, a spice merchant near Old City station.

Rides are free for the first week. After that, a single ticket will cost the same as a bus fare, and transfers between the two will be free.

Work on Line 2, which will serve the eastern suburbs and the airport, is due to begin next year.
""")

A("newsfeed", "asia-pacific", "typhoon-season-ends-quietly",
  title="Video: The typhoon season ends quietly across the southern isles",
  lede="For the first time in seven years, no storm made landfall on the southern islands, and forecasters officially closed the season on Tuesday.",
  by="Hana Kobari", date="2026-11-24 23:20", image="rain",
  caption="Late-season rain over the harbour town of Nui Vale on 24 November 2026. (Photo: Demo Wire/Leilani Kahale)",
  tags=["Weather", "Typhoons", "Southern isles", "Climate"],
  video="typhoon-season-ends-quietly", duration=76,
  body="""
The southern islands' typhoon season has ended without a single storm making landfall, the regional weather bureau said on Tuesday, the first quiet season since 2019.

The video shows late-season rain over the harbour town of Nui Vale, the closest the islands came to a storm this year, when a typhoon passed 300 kilometres to the east in October.

## Why it was calm

Forecasters said cooler sea temperatures in the early summer and steady westerly winds steered storms away from the islands. Eleven typhoons formed in the wider ocean, close to the average.

> “A quiet season is good news, but it is not a promise. The next one could be very different,” said chief forecaster Dr Tomasi Lui.

The bureau urged islanders not to let their guard down, and said it would use the calm months to install new automatic weather stations on six of the outer islands.

Shelter drills in schools will go ahead as planned in February.
""")

A("video-features", "africa", "women-who-run-kessaras-solar-repair-shop",
  title="Video: The women who run Kessara's solar repair shop",
  lede="Five women trained as electricians now repair solar lamps, panels and batteries for families across the city's outer districts.",
  by="Amina Sow", date="2026-11-27 13:00", image="solar",
  caption="Technicians at the Sunrise Repair cooperative test a solar panel on the roof of their workshop in Kessara on 25 November 2026. (Photo: Demo Wire/Idrissa Fall)",
  tags=["Kessara", "Solar power", "Women", "Small business", "Repair"],
  video="kessara-solar-repair-shop", duration=312,
  body="""
In a workshop of corrugated iron on the edge of Kessara, five women in blue overalls are taking apart a solar lamp. The battery is dead, the switch is loose and the panel is cracked. In twenty minutes it works again.

The Sunrise Repair cooperative began in 2023 after its founders completed an electrician's course run by a vocational school. They now fix about 400 solar lamps, panels and home batteries a month.

## Repair, not replace

Most of their customers are families in the outer districts who rely on small solar kits because the grid is unreliable. A new kit costs a month's wages; a repair costs a tenth of that.

> “When the lamp stops, the children stop their homework. So people come to us fast,” said the cooperative's founder, Aminata Koné.

## Training the next group

The cooperative has taken on four apprentices this year, all young women from the districts it serves. It is also asking manufacturers to sell spare parts, which are hard to find.

The film follows a day in the workshop, from the morning queue to a house call by motorbike.
""")

A("video-features", "latin-america", "coffee-pickers-of-sierra-plata",
  title="Video: A day with the coffee pickers of Sierra Plata",
  lede="On steep slopes at 1,700 metres, the harvest is done by hand, one ripe cherry at a time, by families who return every year.",
  by="Sofía Quintero", date="2026-11-25 14:15", image="field-green",
  caption="Pickers work along the rows of the La Esperanza coffee farm in Sierra Plata on 23 November 2026. (Photo: Demo Wire/Andrés Molina)",
  tags=["Sierra Plata", "Coffee", "Agriculture", "Harvest", "Work"],
  video="coffee-pickers-of-sierra-plata", duration=284,
  body="""
The harvest at La Esperanza begins at six, when mist still hangs over the slopes. By seven, forty pickers are moving along the rows, baskets tied to their waists, choosing only the cherries that have turned deep red.

The farm's owner, Alicia Montoya, says the same families have come back for the harvest for three generations. Pickers are paid by weight, and the fastest can fill eight baskets a day.

## Only the ripe ones

Machines cannot work on slopes this steep, and they cannot tell a ripe cherry from a green one. That selection, Montoya says, is what makes the farm's coffee worth the price.

> “A machine picks everything. A person picks only what is ready, and comes back for the rest next week,” she says.

## Better pay, fewer hands

Pay has risen since a regional agreement two years ago, but farms still struggle to find enough pickers as young people move to the cities.

The film follows picker Jaime Rivas, 52, and his daughter Lupe, 19, from the first row in the morning to the weighing shed at dusk.
""")

A("video-features", "palestine", "choir-of-grandmothers-in-ein-tamra",
  title="Video: A choir of grandmothers in Ein Tamra",
  lede="Twenty-three women aged 60 to 88 meet every Thursday to sing the wedding and harvest songs of their youth, and have recorded their first album.",
  by="Rania Khalil", date="2026-11-24 19:30", image="stage",
  caption="Members of the Ein Tamra Women's Choir perform at the village hall on 21 November 2026. (Photo: Demo Wire/Yara Mansour)",
  tags=["Ein Tamra", "Music", "Folk songs", "Heritage", "Women"],
  video="choir-of-grandmothers-in-ein-tamra", duration=247,
  body="""
Every Thursday afternoon, the village hall of Ein Tamra fills with singing. Twenty-three women, the youngest 60 and the oldest 88, rehearse songs many of them learned as girls at weddings and during the olive harvest.

The choir was started four years ago by music teacher Dalia Khoury, who wanted to record the songs before they were forgotten. She expected a handful of singers; thirty turned up to the first meeting.

## Songs without paper

None of the songs was ever written down. The women sing them from memory, and sometimes argue about the words.

> “Each of us learned it a little differently, from a different aunt,” said Umm Khalil, 81. “So we sing all the versions, one after another.”

## An album at last

This month the choir released its first album, sixteen songs recorded in the village hall, with notes on where and when each was sung. Copies were given free to every household in the village.

The film joins a rehearsal and follows two of the singers home, where they teach the songs to their granddaughters.
""")

A("explainers", "us-canada", "explainer-how-a-freight-timetable-is-built",
  title="Explainer: How a freight timetable is built",
  lede="Passenger trains get the headlines, but freight trains run to timetables too, planned a year ahead and rewritten every day.",
  by="Ethan Marsh", date="2026-11-26 13:40", image="rail",
  caption="Signal controllers at work over the Cedar Junction yard of the Northern Rail Authority on 24 November 2026. (Photo: Demo Wire/Grace Holloway)",
  tags=["Rail freight", "Northern Rail Authority", "Explainer", "Logistics"],
  video="how-a-freight-timetable-is-built", duration=215,
  body="""
A freight train carrying grain from the prairies to the coast has to share the line with passenger trains, maintenance crews and dozens of other freight trains. How does it know when to go? This explainer follows one train through the [Northern Rail Authority's](@northern-rail-authority-orders-40-locomotives) system.

## Paths, not trains

Timetable planners do not schedule trains; they sell "paths", slots of time on each stretch of track. Each spring, freight companies bid for paths for the following year, and planners fit them around passenger services, which have priority.

## The daily rewrite

The yearly plan is only the start. Every afternoon, a team at Cedar Junction adjusts the next day's timetable for late ships, harvest peaks, track repairs and weather.

> “The annual timetable is the plan. The daily timetable is what actually happens. We rewrite about a fifth of it every day,” explains planner Lauren Okafor.

## Why it matters

A well-planned path lets a train run without stopping, which saves fuel and wear. Each unplanned stop of a heavy freight train costs about as much diesel as a car uses in a month.

The video uses animated maps to show how one grain train crosses 1,400 kilometres in 31 hours.
""")

A("explainers", "asia", "explainer-what-a-heat-index-measures",
  title="Explainer: What a heat index really measures",
  lede="Why does 34 degrees feel worse in Lianhe than in the desert? The answer is humidity, and the heat index tries to put a number on it.",
  by="Priya Raman", date="2026-11-25 06:10", image="skyline-day",
  caption="Midday haze over central Lianhe on 24 November 2026, with the temperature at 31 degrees and humidity at 78 percent. (Photo: Demo Wire/Mei Tanaka)",
  tags=["Weather", "Heat", "Heatstroke", "Explainer", "Lianhe"],
  video="what-a-heat-index-measures", duration=188,
  body="""
Weather forecasts in Lianhe now give two numbers: the temperature and the heat index, often several degrees higher. This short explainer asks what the second number means.

## Sweat needs dry air

The body cools itself by sweating: as sweat evaporates, it carries heat away from the skin. In dry air this works well. In humid air, sweat evaporates slowly, and the body struggles to shed heat.

The heat index combines temperature and humidity into a single "feels like" temperature. At 32 degrees and 80 percent humidity, the index is around 43.

> “Temperature tells you about the air. The heat index tells you about your body in that air,” says Dr Wei Chen, a physician who studies heat illness.

## What it does not measure

The index assumes shade and a light breeze. In full sun, the strain on the body can be much greater, and it says nothing about how long you are exposed.

The video shows how to read the index in the city's forecasts and which levels mean that outdoor work should stop.
""")

A("explainers", "europe", "explainer-how-ports-decide-which-ship-docks-first",
  title="Explainer: How a port decides which ship docks first",
  lede="At the Port of Velmora, as many as twenty ships can wait offshore at once. Who goes first is decided by a mix of contracts, tides and cranes.",
  by="Yusuf Demir", date="2026-11-24 11:55", image="harbour",
  caption="Ships wait at anchor off the Port of Velmora on 23 November 2026. (Photo: Demo Wire/Luca Berti)",
  tags=["Port of Velmora", "Shipping", "Explainer", "Logistics"],
  video="how-ports-decide-which-ship-docks-first", duration=201,
  body="""
Look out to sea from Velmora on a busy day and you will count a dozen ships at anchor, waiting. Their order of arrival at the quay is not simply first come, first served. This explainer shows why.

## Windows booked in advance

Big container lines book "berth windows" months ahead, usually the same day and hour each week. A ship that arrives within its window is handled first; a late ship loses its place and waits for a gap.

## Tides and cranes

Deep-draught ships can only enter the channel near high tide. And each berth has a fixed number of cranes: a ship with 6,000 containers to unload needs the berths with the most, such as the [new Berth 9](@port-of-velmora-record-container-traffic).

> “It is a puzzle with moving pieces. A storm in the ocean on Monday changes the queue at Velmora on Thursday,” says harbour master Jonas Ek.

## Who decides

The port's planning office publishes the queue every six hours. Disputes between lines are rare but heated, and are settled by the harbour master.

The video follows one ship from its anchorage to the quay, over 14 hours.
""")

A("tv", "mena", "the-evening-desk-water-wages-and-a-new-metro",
  title="The Evening Desk: Water, wages and a new metro line",
  lede="In this week's edition: the first days of the Qasr Amin metro, the debate over a higher minimum wage, and how cities in the region are saving water.",
  by="Omar Haddad", date="2026-11-27 18:00", image="studio",
  caption="Presenters Layla Sabbagh and Samir Aziz on the set of The Evening Desk on 27 November 2026. (Photo: The Daily Demo)",
  tags=["The Evening Desk", "Qasr Amin", "Wages", "Water", "Minimum wage"],
  video="the-evening-desk-27-november", duration=1560,
  body="""
This week's Evening Desk opens at Old City station, where reporter Nadia Saleh rode the first trains of the [Qasr Amin metro](@crowds-at-opening-of-qasr-amin-metro) with commuters, shopkeepers and a group of schoolchildren on their first trip underground.

## The minimum wage debate

In the studio, Layla Sabbagh and Samir Aziz are joined by an economist and a trade unionist to discuss the government's proposal to raise the minimum wage by 12 percent from next year.

> “A raise that is eaten by rents is not a raise. We need both,” union representative Hala Mansour tells the programme.

The economist, Dr Rami Khoury, warns that small businesses may hire fewer young workers, and argues for a smaller rise in the first year.

## Every drop counts

The final segment visits three cities that have cut water losses from leaking pipes by a third, using acoustic sensors that listen for leaks at night.

The Evening Desk is broadcast every Friday at 8pm and is available to watch here after broadcast.
""")

A("tv", "latin-america", "sunday-review-the-week-in-regional-politics",
  title="Sunday Review: The week in regional politics",
  lede="The Río Alto water accord, a coalition that may not last, and the mayors who want more say over their cities' budgets.",
  by="Lucía Ferrer", date="2026-11-22 19:30", image="studio",
  caption="The panel of Sunday Review in the studio on 22 November 2026. (Photo: The Daily Demo)",
  tags=["Sunday Review", "Río Alto", "Provincial politics", "Mayors", "Local government"],
  video="sunday-review-22-november", duration=1740,
  body="""
Sunday Review returns with its weekly panel of journalists and analysts to discuss the political stories of the week across the region.

## A deal for the river

The programme opens with the negotiations over the Río Alto, days before the governors were due to sign. Our panel asks whether a water-sharing deal can survive a drought year and what farmers stand to lose.

> “Everyone is for sharing water, right up until the day there is not enough,” says columnist Carmen Aguirre.

## Mayors want money

The second half turns to a growing campaign by city mayors for the power to raise and spend more of their own revenue. Three mayors, from cities of very different sizes, explain what they would do with it.

Political scientist Dr Andrés Vidal argues that more local control would make voters pay more attention to city elections, where turnout has been falling for twenty years.

Sunday Review is broadcast every Sunday at 7pm. Full episodes are available here the same evening.
""")

A("tv", "asia-pacific", "science-hour-inside-a-seed-bank",
  title="Science Hour: Inside a seed bank",
  lede="This week Science Hour visits a vault that keeps the seeds of 14,000 crop varieties from across the islands, frozen at minus 20 degrees.",
  by="Hana Kobari", date="2026-11-26 08:00", image="lab",
  caption="Seed bank technician Lose Havili sorts samples for storage at the Pacific Crop Vault on 24 November 2026. (Photo: The Daily Demo)",
  tags=["Science Hour", "Seed bank", "Agriculture", "Biodiversity", "Food security"],
  video="science-hour-inside-a-seed-bank", duration=2820,
  body="""
In this week's Science Hour, presenter Dr Mele Tuilagi goes behind a steel door at the Pacific Crop Vault, where the seeds of 14,000 varieties of taro, yam, sweet potato, breadfruit and other island crops are kept in case the fields ever fail.

## Dried, sealed and frozen

Seeds are dried to a low moisture level, sealed in foil packets and stored at minus 20 degrees, where many will stay alive for decades. Crops such as taro, which do not grow well from seed, are kept instead as tiny plantlets in test tubes.

> “Every packet here is an insurance policy. After a cyclone or a new plant disease, a farmer can start again with the variety her grandparents grew,” says the vault's director, Dr Sefa Taufa.

## A library that lends

The vault has sent seeds back to islands three times in the past decade, most recently after salt water flooded fields on two atolls.

The programme also visits farmers who are testing old varieties for their tolerance to drought and salt. Science Hour is broadcast every Thursday at 9pm.
""")

A("digital-series", "africa", "small-towns-big-ideas-episode-4-recycling",
  title="Small Towns, Big Ideas, episode 4: The recycling cooperative",
  lede="In Tembe, a cooperative of 60 waste pickers turned the town dump into a sorting yard, and now sells plastic, metal and glass to factories.",
  by="Daniel Okoro", date="2026-11-26 15:30", image="factory",
  caption="Members of the Tembe Recycling Cooperative sort plastic at their yard on the edge of town on 24 November 2026. (Photo: Demo Wire/Kofi Mensah)",
  tags=["Small Towns, Big Ideas", "Tembe", "Recycling", "Cooperatives", "Waste"],
  video="small-towns-big-ideas-episode-4", duration=540,
  body="""
For years, Tembe's waste went to an open dump on the road out of town, where people picked through it for anything they could sell. In episode four of Small Towns, Big Ideas, we meet the cooperative that turned that dump into a business.

## From pickers to partners

The Tembe Recycling Cooperative was founded in 2021 by 14 waste pickers who pooled their earnings to buy a scale and a baler. It now has 60 members, a fenced sorting yard and a contract with the town council to collect waste from the market.

> “Before, we were people who dug in rubbish. Now we are the ones the factories call when they need plastic,” says the cooperative's president, Joseph Mwangi.

## Paid by the tonne

Members sort waste into 18 categories and sell it by the tonne to factories in the capital. Earnings have roughly tripled since they began selling together rather than alone.

The series visits a different small town in each episode. Next week: a village that built its own internet network with antennas on water towers.
""")

A("digital-series", "palestine", "kitchen-stories-episode-2-maqluba",
  title="Kitchen Stories, episode 2: Maqluba at Umm Samir's",
  lede="Umm Samir has made maqluba every Friday for forty years. In this episode she teaches her grandson, and the moment of turning the pot over is tense.",
  by="Rania Khalil", date="2026-11-27 11:30", image="market",
  caption="Umm Samir buys aubergines and cauliflower at the Friday market in Beit Liwan on 20 November 2026. (Photo: The Daily Demo)",
  tags=["Kitchen Stories", "Beit Liwan", "Food", "Family", "Recipes"],
  video="kitchen-stories-episode-2", duration=660,
  body="""
Kitchen Stories visits family kitchens to cook one dish with the person who makes it best. In episode two, we are in Beit Liwan with Umm Samir, 71, and a pot of maqluba, the layered dish of rice, vegetables and meat that is turned upside down to serve.

## The market first

The episode begins at the Friday market, where Umm Samir chooses aubergines by weight and squeezes every cauliflower. Her grandson Karim, 17, carries the bags and takes notes on his phone.

## The turn

Back in the kitchen, she fries the vegetables, layers them with chicken and rice, and lets the pot rest. Then comes the moment the whole family gathers for: the pot is turned over onto a tray.

> “If it holds its shape, the cook is happy all week. If it falls, we eat it anyway and nobody says anything,” she laughs.

This time it holds. Karim tries next, with less success, to loud and kind advice from three aunts.

Each episode ends with the recipe, written in the cook's own words. New episodes are published every Friday.
""")

A("digital-series", "us-canada", "night-shift-episode-1-the-bridge-inspectors",
  title="Night Shift, episode 1: The bridge inspectors",
  lede="Our new series follows people who work while the city sleeps. First: the team that climbs inside Lakeshore's bridges after midnight.",
  by="Ethan Marsh", date="2026-11-25 22:00", image="bridge",
  caption="Inspectors check the cables of the Harbour Bridge in Lakeshore shortly after midnight on 23 November 2026. (Photo: Demo Wire/Grace Holloway)",
  tags=["Night Shift", "Lakeshore", "Bridges", "Infrastructure", "Work"],
  video="night-shift-episode-1", duration=720,
  body="""
Lakeshore has 212 bridges, and every one of them is inspected at least once every two years. Most of the work happens between midnight and five, when traffic is light enough to close a lane. In the first episode of Night Shift, we spend a night with the team.

## Inside the box

The inspectors climb into the hollow steel box beneath the Harbour Bridge deck, crawling for hundreds of metres with torches, hammers and tablets. They tap the steel and listen: a dull sound can mean rust hiding under paint.

> “People drive over this bridge every day and never think about it. That means we are doing our job,” says team leader Maria Santos, who has inspected bridges for 19 years.

## Cables and cameras

On the cables, a small drone with a camera now does work that once needed a climber on a rope. The team still checks by hand anything the drone flags.

By five, the lane reopens and the team heads home as the first commuters arrive. Next episode: the night bakers who feed the city's hospitals.
""")

# ---------------------------------------------------------- Infographs

A("infographs", "europe", "in-numbers-how-velmora-harbour-grew",
  title="In numbers: How Velmora's harbour grew in a decade",
  lede="Containers, ships, jobs and trucks: ten years of growth at the Port of Velmora, from the first plans for Berth 9 to its opening this week.",
  by="Yusuf Demir", date="2026-11-26 07:10", image="chart",
  caption="Port of Velmora traffic by year, 2016–2026, in thousands of twenty-foot containers. (Graphic: The Daily Demo)",
  tags=["Port of Velmora", "Shipping", "Data", "Trade"],
  body="""
The [opening of Berth 9](@port-of-velmora-record-container-traffic) caps a decade in which the Port of Velmora almost doubled its traffic. These figures, from the port authority's annual reports, show how.

## Traffic by year

| Year | Containers (thousand TEU) | Ship calls | Port jobs |
| 2016 | 2,610 | 3,480 | 5,900 |
| 2019 | 3,150 | 3,720 | 6,400 |
| 2022 | 3,980 | 3,910 | 7,100 |
| 2025 | 4,560 | 4,050 | 7,650 |
| 2026 (forecast) | 4,900 | 4,160 | 7,950 |

Ship calls grew far more slowly than containers: ships have become much larger. The average ship calling at Velmora now carries 2.3 times as many containers as in 2016.

## Where the boxes go

Almost half of the containers leaving Velmora now travel inland by rail, up from a quarter in 2016, after the port built a rail terminal beside its container yard.

> “Every container on a train is two trucks fewer on the Harbourside roads,” said Ingrid Solberg, the port's chief executive.

Trucks still carry 51 percent of containers, which is why residents have asked for a night-time limit on truck traffic. The council will debate it next month.
""")

A("infographs", "asia", "in-numbers-rainfall-across-the-monsoon-belt",
  title="In numbers: Rainfall across the monsoon belt this year",
  lede="The monsoon brought more rain than usual to the coast and less to the interior. Here is how six cities compared with their long-term averages.",
  by="Kenji Araki", date="2026-11-24 05:45", image="chart",
  caption="Monsoon rainfall in six cities, June–September 2026, as a percentage of the 30-year average. (Graphic: The Daily Demo)",
  tags=["Monsoon", "Rainfall", "Weather", "Data", "Agriculture"],
  body="""
This year's monsoon was unusually uneven. Coastal cities received well above their average rainfall, while towns in the interior saw a late start and long dry spells in August. These figures are from the regional meteorological service.

## Rainfall, June to September

| City | Rainfall (mm) | 30-year average (mm) | Difference |
| Sarin City | 2,140 | 1,780 | +20% |
| Lianhe | 1,620 | 1,450 | +12% |
| Minato Heights | 1,310 | 1,290 | +2% |
| Serkhang | 690 | 760 | −9% |
| Kanvar Plains | 540 | 720 | −25% |
| Rovan Junction | 480 | 690 | −30% |

## What it means for farms

For rice farmers in the interior, the dry August came at the worst time, when young plants need standing water. Officials expect the interior's rice harvest to be about a tenth below last year's.

> “The total for the season hides the problem. The rain came, but it came at the wrong time,” said meteorologist Dr Sunita Rao.

Reservoirs on the coast are full, and the regional water board says it will release more water to interior canals during the winter planting.
""")

A("infographs", "latin-america", "in-numbers-who-rides-the-ciudad-marena-metro",
  title="In numbers: Who rides the Ciudad Marena metro",
  lede="A survey of 12,000 passengers shows who uses the city's metro, why, and how they get to the station.",
  by="Sofía Quintero", date="2026-11-23 14:20", image="chart",
  caption="Ciudad Marena metro passengers by purpose of trip, October 2026 survey. (Graphic: The Daily Demo)",
  tags=["Ciudad Marena", "Metro", "Public transport", "Data", "Survey"],
  body="""
The Ciudad Marena metro carries about 780,000 passengers on a weekday. A survey of 12,000 of them, carried out in October by the city's transport agency, shows who they are and why they travel.

## Why people ride

| Purpose of trip | Share of passengers |
| Work | 54% |
| Study | 19% |
| Shopping and errands | 11% |
| Health appointments | 6% |
| Leisure and visits | 10% |

## How they reach the station

Six in ten passengers walk to the station, two in ten arrive by bus, and one in ten by bicycle, a share that has doubled since bike racks were added at every station in 2023. Only 4 percent drive.

> “The metro is not just a train. It is everything around the station: the pavements, the bus stops, the bike racks,” said the agency's director, Valeria Ortiz.

Women make up 52 percent of riders, and people over 60 about 9 percent. The main complaint, named by 41 percent of respondents, was crowding at rush hour. The agency has ordered twelve new trains, due from 2028.
""")

# --------------------------------------------------------- In Pictures

A("in-pictures", "asia-pacific", "the-lagoon-regatta",
  title="In pictures: The Lagoon Regatta on Palu Rai",
  lede="Twenty-two crews, nine islands and one carved paddle: scenes from the largest Lagoon Regatta in its history.",
  by="Hana Kobari", date="2026-11-28 09:05", image="coast",
  caption="Crews line up for the start of the Lagoon Regatta off the beach at Vai Loa, Palu Rai, on 28 November 2026. (Photo: Demo Wire/Leilani Kahale)",
  tags=["Palu Rai", "Lagoon Regatta", "Rowing", "Islands"],
  gallery=[
      ("harbour", "Canoes arrive at the Palu Rai wharf aboard the ferry Moana Star on 26 November 2026, two days before the race. (Photo: Demo Wire/Leilani Kahale)"),
      ("crowd", "Spectators from across the islands gather on the beach at Vai Loa to watch the finish on 28 November 2026. (Photo: Demo Wire/Leilani Kahale)"),
      ("lagoon", "The Nui Vale crew race past the second reef islet on their way to victory on 28 November 2026. (Photo: Demo Wire/Leilani Kahale)"),
  ],
  body="""
The largest Lagoon Regatta since the race was [revived in 1998](@lagoon-regatta-island-crews-prepare) drew twenty-two crews from nine islands to Palu Rai, and what seemed like every family on the island to the beach at Vai Loa.

## Race day

The women's and junior races were held on Friday in calm water. The main race set off at seven on Saturday morning, as the tide turned, around the lagoon's two reef islets.

> “When twenty-two canoes start at once, you can hear the paddles from the church,” said regatta chair Tevita Moana.

The crew from Motu Kea island led from the first islet but were caught on the return leg by a young crew from Nui Vale, who crossed the line eleven seconds ahead to win their first title.

## The feast

The carved steering paddle was handed over on the beach to the Nui Vale captain, 19-year-old Sefo Tanoa, to loud singing from his island's supporters. The regatta ends tonight with a feast of fish and taro cooked in earth ovens.

Photographer Leilani Kahale followed the crews from their arrival on the ferry to the finish line.
""")

A("in-pictures", "mena", "qasr-amin-spice-market-after-dark",
  title="In pictures: The spice market of Qasr Amin after dark",
  lede="When the heat of the day lifts, the covered market of Qasr Amin fills again with shoppers, traders and the smell of cumin and cardamom.",
  by="Omar Haddad", date="2026-11-25 20:40", image="market",
  caption="Traders arrange sacks of spices at the Souq al-Attarin in Qasr Amin on the evening of 24 November 2026. (Photo: Demo Wire/Nadia Saleh)",
  tags=["Qasr Amin", "Markets", "Spices", "Old city", "Food"],
  gallery=[
      ("night-lights", "Lamps are lit along the main lane of the Souq al-Attarin as evening shoppers arrive on 24 November 2026. (Photo: Demo Wire/Nadia Saleh)"),
      ("crowd", "Shoppers fill the square at the market's northern gate in Qasr Amin on 24 November 2026. (Photo: Demo Wire/Nadia Saleh)"),
      ("skyline-dusk", "The old city of Qasr Amin at dusk, seen from the roof of the Khan al-Warda on 24 November 2026. (Photo: Demo Wire/Nadia Saleh)"),
  ],
  body="""
The Souq al-Attarin, the spice market of Qasr Amin, is quiet in the afternoon, when the heat drives shoppers home. After sunset it comes back to life, and stays busy until close to midnight.

## Sacks and scales

Traders sell cumin, cardamom, dried limes, sumac and dozens of spice mixes, each family's recipe kept secret. Many stalls have been in the same family for more than a century.

> “My grandfather sold from this same step. The scale is his, the recipe is his, only the lamp is new,” said trader Yusuf al-Amin, 64.

## The evening crowd

Families come to shop for the week, students to eat cheap grilled corn and sweets, and tourists to photograph the sacks of colour under the lamps. Since the new metro opened, traders say, more young people from the suburbs have been coming in the evening.

Photographer Nadia Saleh spent three evenings in the market, from the lighting of the lamps to the last shutters.
""")

A("in-pictures", "africa", "harvest-season-in-the-sorro-valley",
  title="In pictures: Harvest season in the Sorro valley",
  lede="From the maize fields of the valley floor to the terraces of the upper villages, the harvest brings everyone out to work.",
  by="Amina Sow", date="2026-11-23 11:30", image="field",
  caption="Farmers bring in the maize harvest on the valley floor near Sorro Bridge on 21 November 2026. (Photo: Demo Wire/Idrissa Fall)",
  tags=["Sorro valley", "Agriculture", "Harvest", "Rural life"],
  gallery=[
      ("field-green", "Terraced fields of beans and millet above the village of Kandé on 21 November 2026. (Photo: Demo Wire/Idrissa Fall)"),
      ("mountains", "Morning mist over the upper Sorro valley on 22 November 2026. (Photo: Demo Wire/Idrissa Fall)"),
      ("market", "Traders buy the first maize of the season at the Sorro Bridge market on 22 November 2026. (Photo: Demo Wire/Idrissa Fall)"),
  ],
  body="""
The harvest in the Sorro valley lasts about six weeks, starting with maize on the warm valley floor and moving up the slopes to the beans and millet of the terraced upper villages.

## A good year

After two years of patchy rains, this season's harvest is expected to be the best since 2021, according to the district agriculture office. Maize yields are up by about a fifth.

> “This year the granary will be full before Christmas. Last year it was half empty,” said farmer Binta Camara, 54, in the village of Kandé.

## Everyone in the fields

Schools close for a week at the peak of the harvest so that children can help, as they always have. Traders from the towns come to the Sorro Bridge market to buy the first maize, and prices, which rose sharply last year, have begun to fall.

Photographer Idrissa Fall spent four days in the valley, from the fields at dawn to the market at noon.
""")

# ---------------------------------------------------------------- Live

A("live", "europe", "arnhold-coalition-talks-resume",
  title="Live: Arnhold coalition talks resume",
  lede="Follow the day as the three parties return to the Assembly to try to close the gap over rail funding. Updates as they happen.",
  by="Mara Ellison", date="2026-11-28 10:40", image="podium",
  caption="Civic Union negotiator Petra Lind speaks to reporters outside the Assembly in Arnhold on 28 November 2026. (Photo: Demo Wire/Luca Berti)",
  tags=["Arnhold", "Coalition talks", "Assembly", "Rail"],
  body="""
Welcome to our live coverage of the coalition talks in Arnhold, which resume this morning after [Friday's session ended without a deal](@arnhold-coalition-talks-stall-over-rail-funding). Our reporters are at the Assembly.

## Latest

10:40 — Negotiators have been inside for forty minutes. A spokesperson says the rail chapter is "the only item on the table this morning".

10:15 — Farmers' League leader Josef Brandt arrives and tells reporters he has "a new idea, but an old position". He would not say more.

> “We did not come back to repeat ourselves. We came back to finish,” said Petra Lind of the Civic Union as she arrived.

09:55 — Green Alliance negotiators arrive together on foot from the railway station, a choice their spokesperson says was "not an accident".

## Earlier

09:30 — The Speaker's office confirms the talks will continue until at least 6pm.

09:00 — A small group of residents from towns along the proposed northern line have gathered outside the Assembly with a banner reading "Just build it".

This page will be updated throughout the day.
""")

A("live", "us-canada", "winter-storm-moves-across-westmark",
  title="Live: Winter storm moves across Westmark",
  lede="Snow and strong winds are crossing the province from the west. Follow road closures, power cuts and school announcements here.",
  by="Ethan Marsh", date="2026-11-28 10:05", image="rain",
  caption="Sleet falls on Main Street in Lakeshore on the morning of 28 November 2026. (Photo: Demo Wire/Grace Holloway)",
  tags=["Westmark", "Weather", "Winter storm", "Power cuts", "Travel"],
  body="""
A winter storm is moving east across Westmark, bringing up to 30 centimetres of snow in the north and freezing rain further south. Follow our live updates through the day.

## Latest

10:05 — Westmark Power says about 8,400 customers are without electricity, most of them in the Cedar Junction area. Crews have been sent but will not climb poles while gusts exceed 70 km/h.

09:40 — The Northern Rail Authority has cancelled two passenger services between Cedar Junction and Harlan, with buses replacing trains.

> “Stay off the roads if you can. If you must drive, tell someone your route and carry a blanket,” said provincial emergency coordinator Linda Park.

09:10 — Highway 7 is closed between Harlan and the Long Reach turn-off after several cars slid off the road. No serious injuries have been reported.

## Schools and services

08:30 — All schools in the northern districts are closed today. Schools in Lakeshore are open, but buses are running late.

08:00 — The Long Reach ferry has suspended crossings until the wind drops.

Weather forecasters expect the storm to clear the province by Sunday morning.
""")

A("live", "palestine", "olive-harvest-festival-in-ein-tamra",
  title="Live: The olive harvest festival in Ein Tamra",
  lede="Music, pressing demonstrations and the first oil of the season: follow the village's annual harvest festival as it happens.",
  by="Rania Khalil", date="2026-11-28 09:20", image="crowd",
  caption="Visitors gather in the square of Ein Tamra for the opening of the olive harvest festival on 28 November 2026. (Photo: Demo Wire/Yara Mansour)",
  tags=["Ein Tamra", "Olive harvest", "Festival", "Olive oil", "Food"],
  body="""
Good morning from Ein Tamra, where the annual olive harvest festival opened at nine in the village square. Our correspondent is there all day.

## Latest

09:20 — The [grandmothers' choir](@choir-of-grandmothers-in-ein-tamra) opened the festival with three harvest songs. The square is already full.

09:05 — The press by the mosque is running a demonstration every hour. Visitors can taste the first oil of the season on warm bread.

> “Every family brings a little of its oil today, and we judge which is best. It is the most dangerous job in the village,” joked festival organiser Nabil Awad.

## Coming up

11:00 — A competition for children: who can pick a basket of olives fastest, without bruising any.

13:00 — Lunch in the square: musakhan for everyone, cooked in the bakery's ovens.

15:00 — The [embroidery collective](@ein-tamra-embroidery-collective-opens-gallery) opens its gallery to festival visitors for the afternoon.

We will bring you updates, pictures and the results of the oil contest through the day.
""")

# ------------------------------------------------------------ Breaking

B("2026-11-28 10:52", "Officials confirm coalition negotiators in Arnhold will sit until at least 6pm", "arnhold-coalition-talks-resume")
B("2026-11-28 10:31", "Westmark Power: 8,400 customers without electricity as the winter storm crosses the north", "winter-storm-moves-across-westmark")
B("2026-11-28 10:12", "Vellin water board: the Aure is expected to peak around midday; floodgates to stay closed", "floodgates-close-in-vellin")
B("2026-11-28 09:48", "Northern Rail Authority cancels two passenger services between Cedar Junction and Harlan", "winter-storm-moves-across-westmark")
B("2026-11-28 09:26", "Nui Vale crew wins the Lagoon Regatta on Palu Rai, eleven seconds ahead of Motu Kea", "the-lagoon-regatta")
B("2026-11-28 08:57", "Kessara electoral commission: provisional municipal results expected on Sunday", "kessara-voters-return-for-delayed-municipal-vote")
B("2026-11-28 08:30", "Officials confirm the Qasr Amin metro will stay free until Thursday after record ridership", "crowds-at-opening-of-qasr-amin-metro")
B("2026-11-28 08:05", "Ciudad Marena to parade the Coastal Cup through the old town on Sunday afternoon", "ciudad-marena-wins-coastal-cup-on-penalties")
B("2026-11-28 07:41", "Port of Velmora: the second ship to use Berth 9 is due to dock this evening", "port-of-velmora-record-container-traffic")
B("2026-11-28 07:15", "Weather bureau issues a frost warning for the interior valleys for Saturday night")


if __name__ == "__main__":
    OUTLET.main()
