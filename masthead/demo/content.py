"""Demo content for Masthead: a fictional newsroom, its sections, staff and stories.

Everything here is invented for the demo site. The towns, companies,
ministers, teams and countries are fictional, and no story describes a real
event. The module is pure data (no Django imports); ``masthead.demo.load``
turns it into pages and ``masthead.demo.pictures`` draws the illustrations.

Story bodies are written as one text block per story, paragraphs separated
by a blank line; ``_paras`` splits them and folds line breaks into spaces.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionSpec:
    slug: str
    title: str
    intro: str


@dataclass(frozen=True)
class AuthorSpec:
    key: str
    name: str
    role: str
    bio: str


@dataclass(frozen=True)
class AgencySpec:
    key: str
    name: str
    short_name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class PictureSpec:
    motif: str  # a name in masthead.demo.pictures.MOTIFS
    palette: str  # a name in masthead.demo.pictures.PALETTES
    label: str  # short text drawn on the picture, e.g. "Harbour"


@dataclass(frozen=True)
class StorySpec:
    key: str
    section: str
    title: str
    standfirst: str
    dateline: str
    paragraphs: tuple[str, ...]
    authors: tuple[str, ...] = ()
    agency: str = ""
    tags: tuple[str, ...] = ()
    age_days: float = 0.5
    updated_hours_after: float | None = None
    picture: PictureSpec | None = None
    caption: str = ""
    credit: str = ""
    related: str = ""


def _paras(text: str) -> tuple[str, ...]:
    """Split a text block on blank lines; fold each paragraph onto one line."""
    blocks = [" ".join(block.split()) for block in text.strip().split("\n\n")]
    return tuple(block for block in blocks if block)


CREDIT = "Illustration: Masthead demo"

SITE_NAME = "Masthead Demo News"
TAGLINE = "Fictional stories for a demo news site: every place, person and event here is invented."

SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(
        "pakistan",
        "Pakistan",
        "News from Karachi, Lahore, Islamabad and the country's towns and villages. "
        "Demo content: the towns, officials and events are invented.",
    ),
    SectionSpec(
        "world",
        "World",
        "Diplomacy, elections and disasters from abroad, reported from invented countries "
        "such as Aldmark, Velaria and the Tessarine Islands.",
    ),
    SectionSpec(
        "business",
        "Business",
        "Companies, trade, markets and the cost of living. The companies named here are fictional.",
    ),
    SectionSpec(
        "sport",
        "Sport",
        "Cricket, hockey, football and more, following invented teams in an invented league.",
    ),
    SectionSpec(
        "technology",
        "Technology",
        "Startups, telecoms, cyber security and science, with fictional firms and institutions.",
    ),
    SectionSpec(
        "culture",
        "Culture",
        "Books, film, music, theatre and heritage. Reviews and features about imaginary works and artists.",
    ),
)

AUTHORS: tuple[AuthorSpec, ...] = (
    AuthorSpec(
        "rehana-khatib",
        "Rehana Khatib",
        "Karachi correspondent",
        "Rehana Khatib covers the city, its port, its hospitals and its courts for the demo newsroom. "
        "She is a fictional reporter created for the Masthead demo site.",
    ),
    AuthorSpec(
        "danish-qazi",
        "Danish Qazi",
        "Islamabad correspondent",
        "Danish Qazi reports on parliament, ministries and the policy fights behind them. "
        "He is a fictional reporter created for the Masthead demo site.",
    ),
    AuthorSpec(
        "asad-jilani",
        "Asad Jilani",
        "Lahore correspondent",
        "Asad Jilani writes about Lahore, local government and the farms of central Punjab. "
        "He is a fictional reporter created for the Masthead demo site.",
    ),
    AuthorSpec(
        "zara-mehdi",
        "Zara Mehdi",
        "Foreign editor",
        "Zara Mehdi edits the world pages and writes analysis on diplomacy and shared rivers. "
        "She is a fictional editor created for the Masthead demo site.",
    ),
    AuthorSpec(
        "saima-lodhi",
        "Saima Lodhi",
        "Business editor",
        "Saima Lodhi follows trade, energy and the companies that keep the economy moving. "
        "She is a fictional editor created for the Masthead demo site.",
    ),
    AuthorSpec(
        "omer-farooqui",
        "Omer Farooqui",
        "Sports editor",
        "Omer Farooqui has covered cricket, hockey and football from grounds across the country. "
        "He is a fictional editor created for the Masthead demo site.",
    ),
    AuthorSpec(
        "hina-bukhari",
        "Hina Bukhari",
        "Technology correspondent",
        "Hina Bukhari writes about startups, telecoms, cyber security and science. "
        "She is a fictional reporter created for the Masthead demo site.",
    ),
    AuthorSpec(
        "kamran-wasti",
        "Kamran Wasti",
        "Arts and culture writer",
        "Kamran Wasti reviews films and books and writes about music, theatre and old buildings. "
        "He is a fictional critic created for the Masthead demo site.",
    ),
)

AGENCIES: tuple[AgencySpec, ...] = (
    AgencySpec("interfax", "Interfax", "Interfax", ("Ifax", "INTERFAX", "Interfax News Agency")),
    AgencySpec(
        "app",
        "Associated Press of Pakistan",
        "APP",
        ("APP", "A.P.P.", "Associated Press of Pakistan", "APP News"),
    ),
    AgencySpec("reuters", "Reuters", "Reuters", ("RTRS", "REUTERS", "Thomson Reuters")),
    AgencySpec("afp", "Agence France-Presse", "AFP", ("AFP", "A.F.P.", "Agence France Presse")),
    AgencySpec("ppi", "Pakistan Press International", "PPI", ("PPI", "P.P.I.", "Pakistan Press International")),
)

LEAD_STORY = "port-expansion"

# ---------------------------------------------------------------------------
# Pakistan

_PAKISTAN: tuple[StorySpec, ...] = (
    StorySpec(
        key="port-expansion",
        section="pakistan",
        title="Cabinet clears fourth container terminal for Karachi harbour",
        standfirst=(
            "The Rs180 billion project at the Mangrove Point basin is meant to end days of waiting "
            "for ships, but fishermen and nearby residents want guarantees first."
        ),
        dateline="Karachi",
        authors=("rehana-khatib",),
        tags=("transport", "trade", "infrastructure", "demo"),
        age_days=0.2,
        updated_hours_after=3.0,
        picture=PictureSpec("harbour", "dusk", "Harbour"),
        caption="Cranes and stacked containers on a harbour quay at dusk, with a cargo ship in the foreground.",
        credit=CREDIT,
        related="shipping-rates",
        paragraphs=_paras("""
The federal cabinet on Tuesday approved a fourth container terminal at Karachi harbour, ending two
years of back-and-forth over a project that port officials say is needed to stop ships queuing for
days outside the breakwater. The terminal, at the Mangrove Point basin on the harbour's western
edge, is expected to cost Rs180 billion.

Maritime Affairs Minister Shahida Rind told reporters after the meeting that the harbour was
handling almost a third more containers than it was designed for. "Every day a ship waits at
anchor, someone in this country pays for it, usually the exporter and in the end the consumer," she
said.

Under the approved plan, the Karachi Harbour Authority will dredge the basin to 16 metres and build
1,200 metres of new quay. A private operator will be chosen through open bidding to run the terminal
for 25 years, while the authority keeps ownership of the land.

Officials said the first berth could be ready within three years of work starting, with the rest
following as traffic grows. The design includes a rail siding so that containers can leave the
port without adding to the lorry queues on the harbour road.

Not everyone on the waterfront is convinced. About 400 small fishing boats use the basin, and the
fishermen's cooperative says it has not yet been told where they will be moved. "We are not against
the port. We are against waking up to find a fence across our jetty," said the cooperative's
secretary, Ghulam Qadir Mallah.

The harbour authority said a new landing jetty would be built before any dredging began, and that a
survey of households in the nearby Machhi Goth settlement would start next month. Families who lose
homes or boat moorings would be compensated at market rates, it said.

Environmental groups have asked for the mangrove belt that gives the basin its name to be left
intact. The plan commits the authority to replanting three hectares for every hectare cleared,
though campaigners say young plantations are no substitute for old growth.

Shipping lines welcomed the decision. A spokesman for the Karachi Shipping Agents' Forum said waiting
at anchor had added as much as $20,000 a day to the cost of some vessels this year, and that any new
capacity would soon be felt in freight rates.
"""),
    ),
    StorySpec(
        key="lahore-local-polls",
        section="pakistan",
        title="Lahore local elections set for March as commission finalises ward map",
        standfirst=(
            "Parties have six weeks to challenge the new boundaries, which add 38 wards on the city's fast-growing southern edge."
        ),
        dateline="Lahore",
        authors=("asad-jilani",),
        tags=("elections", "infrastructure", "demo"),
        age_days=1.3,
        paragraphs=_paras("""
The provincial election commission on Monday published the final ward map for Lahore's local
government elections, clearing the way for polling in the first week of March. The city will elect
councils in 312 wards, up from 274, with most of the new seats in housing schemes that did not exist
at the last vote.

Commission secretary Arif Nawaz Bhatti said the boundaries had been drawn using fresh household
counts rather than old census blocks. "A ward should be a place people recognise, with roughly the
same number of voters as its neighbours," he told a briefing.

Parties now have six weeks to file objections, which will be heard by a three-member bench of the
commission. Officials said the draft map drew more than 900 objections last year, most of them about
polling stations placed far from where voters live.

The ruling party in the province welcomed the announcement and said it would name its candidate for
mayor by the end of the month. Opposition leaders said they would study the map before deciding
whether to challenge it, and one accused the commission of splitting older neighbourhoods to dilute
their vote.

Lahore last elected its local councils more than six years ago, and the city has since been run by
administrators appointed by the provincial government. Residents' groups say complaints about drains,
streetlights and rubbish collection have had nowhere to go in that time.

"We have had six years of files moving between offices," said Saadia Anwar, who runs a residents'
association in the Rehmanpura Extension scheme. "Whoever wins, at least we will know whose door to
knock on."
"""),
    ),
    StorySpec(
        key="canal-lining",
        section="pakistan",
        title="Lined canals bring water to Sarhadpur's tail-end farms, for some",
        standfirst=(
            "A concrete lining project has cut seepage by a third, farmers say, but villages at the far "
            "end of the network are still waiting for their turn."
        ),
        dateline="Sarhadpur",
        authors=("asad-jilani",),
        tags=("water", "agriculture", "climate", "demo"),
        age_days=4.2,
        picture=PictureSpec("field", "forest", "Canal"),
        caption="Rolling green fields under a pale sun, with a line of trees along a ridge.",
        credit=CREDIT,
        paragraphs=_paras("""
For the first time in a decade, Muhammad Akram says, water reached his wheat fields at the end of the
Sarhadpur distributary before the sowing window closed. The concrete lining laid along the channel
last spring has stopped much of the seepage that used to leave tail-end farmers with a trickle.

The provincial irrigation department says it has lined 146 kilometres of minor canals in the district
over two years, at a cost of Rs4.2 billion. Its engineers estimate that seepage losses on the lined
stretches have fallen by around a third.

"Earlier we would sit up the channel at night to make sure nobody cut our turn," Akram said, standing
by a freshly painted outlet. "Now the water comes on the day it is supposed to come, more or less."

Not every village has been so lucky. In Bela Mirza, about 20 kilometres further down the system, the
lining stops short at a bridge, and farmers say the unlined section collapses every monsoon. A
delegation from the village met the district irrigation officer last week to ask for the next phase
to start before the summer crop.

The lining has also drawn criticism from groundwater researchers, who point out that seepage from
canals recharges the aquifer that many farmers tap with tube wells. A study by the Sarhadpur
agricultural college found that water tables near some lined channels had fallen by half a metre in
two years.

Irrigation officials say the trade-off is worth it in a district where surface water is scarce and
diesel for pumps is expensive. They said a second phase, covering another 90 kilometres, was awaiting
approval and that tail-end villages would be given priority.

For now, Bela Mirza's farmers are patching their own stretch with sandbags and borrowed tractors. "We
are also at the end of the canal," said village elder Rashida Bibi. "But the canal does not end at
the bridge."
"""),
    ),
    StorySpec(
        key="karachi-heatwave",
        section="pakistan",
        title="Karachi opens heatstroke wards as temperatures stay above 41C",
        standfirst=(
            "Hospitals have set aside 320 beds, and the city says water tankers will go to the worst-hit neighbourhoods first."
        ),
        dateline="Karachi",
        authors=("rehana-khatib",),
        tags=("health", "weather", "climate", "demo"),
        age_days=0.6,
        updated_hours_after=5.0,
        picture=PictureSpec("skyline", "saffron", "Heatwave"),
        caption="A city skyline in orange haze under a glaring afternoon sun.",
        credit=CREDIT,
        paragraphs=_paras("""
Karachi's main public hospitals opened dedicated heatstroke wards on Wednesday after forecasters
warned that daytime temperatures would stay above 41C for at least five days. Humidity from the sea
breeze, which usually brings relief, is expected to make afternoons feel several degrees hotter.

The provincial health department said 320 beds had been set aside across six hospitals, with ice,
intravenous fluids and extra staff on every shift. Doctors have been told to treat anyone brought in
confused or with a very high temperature as an emergency, without waiting for registration.

"The first hours matter most. Cool the person, get them into shade and bring them in," said Dr
Farzana Shaikh, who heads the emergency department at Civil Lines General Hospital. She said the
wards had admitted 47 patients on the first day, most of them labourers and elderly people living
alone.

The city administration said it would send water tankers to the neighbourhoods with the longest
supply gaps and keep 40 relief camps open from noon to 6pm. Mosques and community centres in several
districts have also opened their halls as cooling spaces.

Power cuts remain the biggest worry for many residents. The electricity distribution company said it
would suspend scheduled load-shedding around hospitals, but could not promise the same for the rest
of the city if demand outstripped supply.

Construction companies have been asked to stop outdoor work between noon and 4pm, though enforcement
is likely to be patchy. Labour groups said daily-wage workers could not afford to stop unless they
were paid for the lost hours.

The meteorological office said a low-pressure system over the sea could bring cloud cover and some
relief early next week. Until then, it advised residents to stay indoors in the afternoons and to
check on elderly neighbours.
"""),
    ),
    StorySpec(
        key="jasmine-line",
        section="pakistan",
        title="Jasmine Line bus extension to Islamabad airport opens to passengers",
        standfirst=(
            "The 19-kilometre route adds seven stations and cuts the journey from the city centre "
            "to under 40 minutes, officials said."
        ),
        dateline="Islamabad",
        agency="app",
        tags=("transport", "infrastructure", "demo"),
        age_days=6.3,
        paragraphs=_paras("""
The Jasmine Line bus extension between central Islamabad and the airport opened to passengers on
Saturday, with the first bus leaving the Civic Centre interchange at 6am. The 19-kilometre route adds
seven stations and runs in a dedicated lane for most of its length.

Officials of the capital's transit company said a full journey would take under 40 minutes, compared
with more than an hour by road at peak times. Fares have been set at Rs50 for any distance for the
first three months.

The extension was inaugurated on Friday evening by Federal Minister for Communications Jamil Akhtar
Sumro, who said buses would run every eight minutes during rush hours. He said a feeder route to the
city's northern sectors would follow next year.

Early passengers praised the air-conditioned buses but complained that two stations had no shade over
their approach ramps. The transit company said canopies were being installed and would be finished
within weeks.

The project was completed nine months behind schedule because of delays in moving water and gas
lines, the company said. Its final cost has not yet been published.

About 45,000 passengers a day are expected to use the extension in its first year, the company said,
with numbers rising as new housing schemes along the airport road fill up. The company said it would review the fare after the introductory period ends.
"""),
    ),
    StorySpec(
        key="school-meals",
        section="pakistan",
        title="School meal drive brings 40,000 children back to class, survey finds",
        standfirst=(
            "An independent survey of 600 government schools found attendance up sharply where a free midday meal was offered."
        ),
        dateline="Peshawar",
        agency="ppi",
        tags=("education", "health", "demo"),
        age_days=9.0,
        picture=PictureSpec("books", "dawn", "Schools"),
        caption="Rows of exercise books and readers on two classroom shelves in warm morning light.",
        credit=CREDIT,
        paragraphs=_paras("""
A provincial programme offering a free midday meal in government primary schools has brought around
40,000 children back to class in its first year, according to an independent survey released on
Thursday. The study covered 600 schools in nine districts, half of which took part in the scheme.

Attendance in schools serving the meal rose by an average of 14 percentage points, the survey found,
with the biggest gains among girls aged eight to eleven. Schools without the meal saw little change
over the same period.

The survey was carried out by the Frontier Education Observatory, a research group that has tracked
school attendance in the province for eight years. Its director, Gul Mina Khattak, called the results
"among the clearest we have seen from any single measure".

"Parents told our enumerators the same thing again and again: if the child eats at school, one meal
less has to be found at home," she said. "For a poor family that is not a small thing."

The meal, usually lentils and bread with fruit twice a week, costs the provincial government around
Rs38 per child per day. Education officials said they hoped to extend it to twelve more districts
next year, subject to funding in the budget.

The survey also found problems. In a fifth of participating schools, meals arrived late or not at
all on some days, and many schools had no clean water for children to wash their hands before
eating.

Teachers' associations welcomed the findings but said more classrooms and teachers would be needed if
attendance kept rising. Some schools in the survey now have more than 70 pupils to a class.
"""),
    ),
    StorySpec(
        key="groundwater-bill",
        section="pakistan",
        title="National Assembly passes groundwater bill after late-night sitting",
        standfirst=(
            "The law requires licences for large tube wells and sets up a national register, "
            "but farmers' groups say small growers will bear the cost."
        ),
        dateline="Islamabad",
        authors=("danish-qazi",),
        tags=("water", "parliament", "agriculture", "demo"),
        age_days=2.5,
        updated_hours_after=14.0,
        related="canal-lining",
        paragraphs=_paras("""
The National Assembly passed a bill to regulate the pumping of groundwater late on Tuesday, after a
sitting that ran past midnight and saw the opposition walk out twice. The bill now goes to the
Senate, where the governing coalition has a narrow majority.

Under the bill, tube wells above a set pumping capacity will need a licence from provincial water
authorities, and all wells must be entered in a national register within three years. Industrial
users will pay a fee for every cubic metre they draw, with the money going to recharge projects.

Water Resources Minister Naveed Iqbal Chandio told the house that water tables under several cities
were falling by more than a metre a year. "We are drawing from a bank account that nobody has been
allowed to look at," he said. "This bill opens the passbook."

Opposition members argued that the licensing rules would hurt small farmers who rely on tube wells
when canal water fails. They moved 23 amendments, two of which were accepted, including one exempting
wells used only for drinking water.

The Kissan Alliance, a farmers' group, said it would lobby senators to raise the threshold for
licences. "A big landlord can hire a clerk to fill in the forms. A farmer with five acres cannot,"
said its spokesman, Abdul Sattar Jatoi.

Water researchers broadly welcomed the bill but said its success would depend on metering, which it
leaves to the provinces. Only a small fraction of the country's wells are metered at present.

If the Senate passes the bill without changes, it will become law once signed by the president. The
provinces would then have a year to set up their licensing offices.

On Wednesday afternoon, the Senate's standing committee on water said it would hold two public
hearings on the bill before it is put to a vote, one of them in a farming district. The committee chairman said he expected the bill to reach the floor of the Senate within a month.
"""),
    ),
    StorySpec(
        key="kundanpur-embankment",
        section="pakistan",
        title="Kundanpur flood embankment completed two years behind schedule",
        standfirst="The 27-kilometre earthen bank is meant to protect 60 villages from the river's summer floods.",
        dateline="Kundanpur",
        agency="app",
        tags=("water", "climate", "infrastructure", "demo"),
        age_days=730.0,
        picture=PictureSpec("waves", "monsoon", "Embankment"),
        caption="Grey layered water under a cloudy monsoon sky, with a small boat on the swell.",
        credit=CREDIT,
        paragraphs=_paras("""
Work on a 27-kilometre flood embankment along the river at Kundanpur has been completed, the
provincial irrigation department said on Sunday, two years after its original deadline. The earthen
bank is designed to protect around 60 villages and 30,000 acres of farmland from summer floods.

Officials said the delays were caused by disputes over land acquisition and by two monsoon seasons in
which work had to stop for months. The final cost was Rs6.8 billion, about a quarter more than first
estimated.

The embankment has been raised by up to three metres where the river broke its banks three years
ago, forcing thousands of families from their homes. Stone pitching has been added on bends where the
current is strongest.

Villagers welcomed the completion but said there were too few drainage outlets through the bank. "The
river stays out, but the rain water also stays in," said a schoolteacher from one of the villages,
who asked not to be named.

The irrigation department said eleven more outlets would be built before the next monsoon. A
maintenance team with earth-moving machinery will be stationed at the site through the flood season.
"""),
    ),
    StorySpec(
        key="canal-view-trees",
        section="pakistan",
        title="High court halts tree felling for Lahore road widening pending review",
        standfirst=(
            "Judges asked the city to show why 1,100 trees along Canal View Road must come down, "
            "and whether the road could be widened without them."
        ),
        dateline="Lahore",
        authors=("asad-jilani",),
        tags=("courts", "climate", "transport", "demo"),
        age_days=45.0,
        picture=PictureSpec("field", "jade", "Canal View Road"),
        caption="A line of round trees on a green ridge against a teal sky.",
        credit=CREDIT,
        paragraphs=_paras("""
The Lahore High Court on Thursday stopped the city from cutting down trees along Canal View Road for a
road-widening project, and ordered a fresh environmental review within 30 days. About 1,100 trees,
many of them decades-old sheesham and neem, had been marked for removal.

The order came on a petition filed by a group of residents and two environmental lawyers, who argued
that the project's original assessment had been approved without a public hearing. They said the road
could be widened on the side of the canal bank that has no trees.

A lawyer for the city's development authority told the court the project was needed to ease
congestion on one of the busiest routes into the city centre. He said the authority planned to plant
five saplings for every tree removed.

"A sapling is not a tree. It will be twenty years before it gives the shade these trees give today,"
Justice Amina Rauf remarked during the hearing, according to lawyers present.

The bench asked the authority to submit traffic counts for the road and to explain why alternatives,
including a one-way system on parallel streets, had been ruled out. The case will be heard again next
month.

Residents who gathered outside the court said they would keep watch on the trees until the next
hearing. Many trunks along the road have already been daubed with red paint and numbered for felling.
"""),
    ),
)

# ---------------------------------------------------------------------------
# World (Aldmark, Velaria, Korvath, Lunesia, Marisco and the Tessarine Islands
# are invented countries)

_WORLD: tuple[StorySpec, ...] = (
    StorySpec(
        key="sorva-treaty-talks",
        section="world",
        title="Aldmark and Velaria resume Sorva river treaty talks in Moscow",
        standfirst=(
            "Delegations met for the first time in eight months to discuss sharing the river's water, "
            "which both countries depend on for irrigation and power."
        ),
        dateline="Moscow",
        agency="interfax",
        tags=("water", "diplomacy", "climate", "demo"),
        age_days=0.4,
        updated_hours_after=6.0,
        picture=PictureSpec("waves", "ocean", "Sorva talks"),
        caption="Layered blue river water under a bright sky, with a small sailing boat mid-stream.",
        credit=CREDIT,
        paragraphs=_paras("""
Delegations from Aldmark and Velaria resumed talks on a treaty governing the Sorva river in Moscow on
Wednesday, the Aldmarkian foreign ministry said in a statement. It is the first round of
negotiations between the two countries in eight months.

"The sides exchanged draft texts on the sharing of water during the dry season and agreed on the
agenda for the coming days," the statement said. It described the atmosphere at the talks as
"businesslike and constructive".

The head of the Velarian delegation, Deputy Foreign Minister Ilsa Varenko, told reporters before the
meeting that her country was ready to discuss "all the questions that were left open in the spring".
She did not take questions after the session.

The Sorva rises in the mountains of Aldmark and flows for more than 900 kilometres through Velaria
before reaching the sea. Both countries rely on it for irrigation, and Aldmark is building a second
hydroelectric dam on its upper course, which Velaria says could reduce summer flows downstream.

The previous round broke off in the spring after the sides failed to agree on how much water Aldmark
should guarantee to release in dry months. Velaria has proposed a minimum flow measured at the
border, while Aldmark says any figure must take account of snowfall in the mountains.

A source close to the negotiations told Interfax that the sides were also discussing a joint
monitoring commission, which would install gauges along the river and publish readings daily. "If
the numbers are shared, the argument becomes smaller," the source said.

The talks are being held at the offices of the Inter-Basin Water Council, whose secretariat has hosted
two earlier rounds. A second session is scheduled for Thursday, and a joint statement is expected at
the end of the round.

Aldmark and Velaria signed an interim water-sharing protocol 14 years ago, which expired last year.
Since then, each side has accused the other of withholding data on river levels.
"""),
    ),
    StorySpec(
        key="sorva-analysis",
        section="world",
        title="Analysis: Why the Sorva river talks keep running aground",
        standfirst=(
            "Two neighbours, one river and a half-built dam: the numbers behind a negotiation "
            "that has outlasted four governments."
        ),
        dateline="",
        authors=("zara-mehdi",),
        tags=("water", "diplomacy", "climate", "demo"),
        age_days=0.25,
        related="sorva-treaty-talks",
        paragraphs=_paras("""
Every round of talks on the Sorva river starts with the same number. Velaria says it needs at least
420 cubic metres of water a second crossing the border in the driest month to keep its southern farms
alive. Aldmark has never said that number is wrong, only that it cannot promise it.

The reason is the weather in the mountains. In a good year, snowmelt on the upper Sorva comfortably
covers both countries' needs; in a bad one, flows at the border have dropped below 300. Aldmark argues
that a fixed guarantee would force it to empty its reservoirs in exactly the years it most needs them.

Then there is the dam. Aldmark's second hydroelectric project on the river, at Kessel Gorge, is about
half built and will hold back far more water than the first. Aldmarkian officials say a dam does not
consume water, it only changes when the water arrives; Velarian farmers, who need it in July rather
than November, say that is exactly the problem.

Diplomats on both sides privately agree that the technical gaps are narrower than the rhetoric
suggests. Drafts exchanged in past rounds have included sliding scales, in which the guaranteed flow
falls in dry years according to a formula both sides can check. The sticking point has been who
measures, and who is believed.

That is why the proposal for a joint monitoring commission matters more than it sounds. Neither
country trusts the other's gauge readings, and each has accused the other of publishing numbers
selectively. A shared network would not settle the argument, but it would make it an argument about
the same figures.

Domestic politics have not helped. Four Velarian governments have come and gone since the interim
protocol was signed, and each has found it useful to be seen standing up to Aldmark. In Aldmark, the
dam has become a symbol of national ambition, and its budget has survived two recessions.

The round that opened this week is unlikely to produce a treaty. What to watch for is smaller: an
agreement on gauges, a date for the next round, and whether both sides describe the talks in the same
words afterwards. On the Sorva, that would count as progress.
"""),
    ),
    StorySpec(
        key="velaria-snap-election",
        section="world",
        title="Velaria's prime minister calls snap election after losing budget vote",
        standfirst=(
            "Tomas Redl said voters should decide on spending cuts after two coalition partners voted against his budget."
        ),
        dateline="Velgrad",
        agency="reuters",
        tags=("elections", "parliament", "economy", "demo"),
        age_days=1.1,
        updated_hours_after=4.0,
        picture=PictureSpec("crowd", "dusk", "Velgrad"),
        caption="A crowd gathered beneath a blank banner in the violet light of evening.",
        credit=CREDIT,
        paragraphs=_paras("""
Velarian Prime Minister Tomas Redl called an early general election on Thursday, hours after his
government lost a parliamentary vote on its budget. The election will be held in seven weeks, more
than a year before the end of parliament's term.

The budget was defeated by 118 votes to 104 after two smaller coalition parties sided with the
opposition, objecting to cuts in pension increases and farm subsidies. It was the first time in two
decades that a Velarian government had lost a budget vote.

"I will not govern without a budget, and I will not buy one by promising money we do not have," Redl
told reporters outside parliament in Velgrad. "The people should decide."

Opposition leader Marta Kovic said her party was ready for an election and accused the government of
"balancing the books on the backs of pensioners". Her centre-left Civic Union has led most opinion
polls since the spring.

Redl's government has been under pressure over the cost of living and over stalled talks with
neighbouring Aldmark on sharing water from the Sorva river, on which farmers in the country's south
depend. His approval rating has fallen below 30% in recent surveys.

Velarian government bond yields rose after the vote, and the national currency, the krona, fell 0.8%
against the dollar. Analysts said markets had expected the budget to pass narrowly.

Under the constitution, the government will stay on in a caretaker role until a new parliament is
sworn in, with monthly spending capped at last year's levels. New laws can only be passed with the support of a majority in parliament during that period.
"""),
    ),
    StorySpec(
        key="tessel-glacier",
        section="world",
        title="Korvath glacier retreating at fastest rate in a decade, scientists say",
        standfirst=(
            "The Tessel glacier lost 48 metres of length last summer, according to a survey by the Korvath Academy of Sciences."
        ),
        dateline="Korvagrad",
        agency="interfax",
        tags=("climate", "water", "weather", "demo"),
        age_days=5.0,
        picture=PictureSpec("mountains", "slate", "Korvath range"),
        caption="Snow-capped grey peaks in layered ridges beneath a pale, hazy sun.",
        credit=CREDIT,
        paragraphs=_paras("""
The largest glacier in the Korvath mountains retreated by 48 metres last summer, the fastest rate
recorded in more than a decade, scientists at the Korvath Academy of Sciences said on Monday. The
Tessel glacier feeds several rivers that supply drinking water to the capital, Korvagrad.

"The retreat was almost twice the average of the previous ten years," the head of the academy's
glaciology laboratory, Professor Anton Belsky, said at a press conference. He attributed it to an
unusually warm summer and thin snow cover the winter before.

According to the academy, the glacier has lost about a fifth of its area since measurements began 60
years ago. Several smaller glaciers in the range have disappeared entirely over the same period.

Belsky said melting ice could raise river flows for a time, but that in the long term the region
should prepare for lower water levels in late summer. He called for the network of automatic weather
stations in the mountains to be expanded.

The Ministry of Natural Resources will allocate additional funding for glacier monitoring next year,
the ministry's press service told Interfax. It did not specify the amount.

The academy's full report is due to be published in the spring. It will include measurements from 14 other glaciers in the range.
"""),
    ),
    StorySpec(
        key="lunesia-grain-corridor",
        section="world",
        title="Lunesia and Korvath agree rail corridor for grain exports",
        standfirst=("The agreement allows up to 3 million tonnes a year to move by rail to Korvath's ports on the Amber Sea."),
        dateline="Serova",
        agency="interfax",
        tags=("trade", "transport", "agriculture", "demo"),
        age_days=12.0,
        paragraphs=_paras("""
Lunesia and Korvath have signed an agreement to open a rail corridor for grain exports, the Lunesian
Ministry of Transport said on Friday. The document was signed in Serova by the two countries'
transport ministers.

Under the agreement, up to 3 million tonnes of grain a year can be shipped by rail from Lunesia to
Korvath's ports on the Amber Sea, with reduced transit fees for the first five years. The first
trains are expected to run in the autumn, after the harvest.

"For a country without a coastline, this is a question of survival for our farmers," Lunesian
Transport Minister Pavel Dragan said at the signing ceremony. He said the corridor would cut the cost
of getting grain to market by a quarter.

Korvath's transport minister, Ivo Marek, said his country would expand storage at the port of Halden
to handle the extra volumes. The two sides also agreed to set up a joint customs post at the border
to shorten waiting times for trains.

Lunesia harvested about 7 million tonnes of grain last year and exports roughly half of it. Most of
its exports now travel by road, which exporters say is slow and expensive.

The agreement must be ratified by both countries' parliaments. A spokesman for the Lunesian
parliament told Interfax that a vote could take place before the summer recess.
"""),
    ),
    StorySpec(
        key="geneva-flood-fund",
        section="world",
        title="Tessarine Islands lead call for flood recovery fund at Geneva water meeting",
        standfirst=(
            "Twenty-one coastal and island nations asked donors to commit money in advance "
            "for towns hit by floods and storm surges."
        ),
        dateline="Geneva",
        agency="afp",
        tags=("climate", "water", "diplomacy", "demo"),
        age_days=0.7,
        related="sorva-treaty-talks",
        picture=PictureSpec("waves", "jade", "Geneva"),
        caption="Rolling teal waves in layers under a soft glowing sky.",
        credit=CREDIT,
        paragraphs=_paras("""
A group of 21 coastal and island nations, led by the Tessarine Islands, called on Tuesday for a new
international fund to help towns recover from floods and storm surges, at a water conference in
Geneva. Under the proposal, donor countries would commit money in advance so that it could be
released within days of a disaster.

"When the water comes, we cannot wait six months for a pledging conference," Tessarine Environment
Minister Leila Moana said in her opening speech. Her country lost its main ferry pier and hundreds of
homes to a storm surge last year.

The group proposes that the fund be managed by an existing development bank and pay out according to
pre-agreed triggers, such as the height of a storm surge or a river. Delegates said the idea had been
discussed informally for several years.

Several large donor countries said they supported the idea in principle but wanted more detail on how
the fund would be governed and audited. Others said money for recovery should not be taken from
existing aid budgets.

The conference, which runs until Friday, is also discussing shared rivers. Negotiators from Aldmark
and Velaria, whose talks on the Sorva river resumed separately this week, are due to address a
session on cross-border water on Thursday.

Activists held a small demonstration outside the conference centre, carrying blue umbrellas to
represent rising seas. "Promises do not hold back water," read one banner.
"""),
    ),
    StorySpec(
        key="tessarine-ferry",
        section="world",
        title="Ferries return to the Tessarine Islands after storm closed the strait for a week",
        standfirst=(
            "Islanders queued from before dawn as the first ferry in eight days left Port Marisco "
            "carrying food, fuel and medicine."
        ),
        dateline="Port Marisco",
        authors=("zara-mehdi",),
        tags=("transport", "weather", "demo"),
        age_days=8.0,
        picture=PictureSpec("waves", "monsoon", "Strait"),
        caption="Choppy grey-blue water in the strait, with a lone boat riding the swell.",
        credit=CREDIT,
        paragraphs=_paras("""
The first ferry in eight days left Port Marisco for the Tessarine Islands on Sunday morning, after a
storm that closed the strait and left the islands short of fuel and fresh food. Hundreds of people
queued at the terminal from before dawn, many of them islanders stranded on the mainland since the
storm began.

The Marisco coastguard said waves of up to seven metres had been recorded in the strait at the height
of the storm, making it unsafe for anything smaller than a naval patrol ship. Two fishing boats were
rescued on the first night, and no deaths were reported.

On the islands, shops had run out of bread and milk by midweek, and the main power station was
rationing electricity to save diesel. The Tessarine government said a navy supply ship had delivered
medicine and baby formula on Thursday.

"We are used to storms, but not to a week without the ferry," said Ana Lutu, a schoolteacher
travelling home with her two children. "The children thought it was a holiday. I did not."

The ferry operator said it would run extra sailings for the next three days, including two overnight
crossings for freight. It asked passengers without urgent reasons to travel to wait until the
weekend.

The storm has renewed calls for a second, larger ferry on the route. The Tessarine government has
asked Marisco to share the cost, arguing that tourism to the islands benefits both countries.
"""),
    ),
    StorySpec(
        key="aldmark-high-speed-rail",
        section="world",
        title="Aldmark opens its first high-speed rail line",
        standfirst=(
            "Trains will run at up to 300 km/h between the capital Aldhaven and the port city "
            "of Rensburg, cutting the journey to 70 minutes."
        ),
        dateline="Aldhaven",
        agency="reuters",
        tags=("transport", "infrastructure", "demo"),
        age_days=900.0,
        paragraphs=_paras("""
Aldmark opened its first high-speed rail line on Saturday, linking the capital Aldhaven with the
northern port city of Rensburg. Trains will run at up to 300 kilometres an hour, cutting the journey
from three hours to about 70 minutes.

Prime Minister Henrik Varga travelled on the first train, which left Aldhaven Central at 9am to the
sound of a military band. "Today the country got smaller and our ambitions got bigger," he told
passengers.

The 240-kilometre line took nine years to build and cost about 11 billion crowns, roughly 30% more
than planned. Tunnelling through the Grey Hills and a legal challenge from landowners caused most of
the delays.

The state railway expects 6 million passengers a year on the line by its third year of operation.
Advance tickets will start at 19 crowns.

Critics have said the money would have been better spent upgrading regional lines, many of which
still run on single tracks laid more than a century ago. The government says a regional
modernisation programme will begin next year.

A second high-speed line, south to the border with Velaria, is at the planning stage. Officials said construction could begin within four years if funding is approved.
"""),
    ),
)

# ---------------------------------------------------------------------------
# Business

_BUSINESS: tuple[StorySpec, ...] = (
    StorySpec(
        key="shipping-rates",
        section="business",
        title="Freight rates ease as new shipping line adds a weekly Karachi call",
        standfirst=(
            "Exporters say the extra service has knocked up to 15 percent off the cost of a container "
            "to northern Europe, at least for now."
        ),
        dateline="Karachi",
        authors=("saima-lodhi",),
        tags=("trade", "transport", "economy", "demo"),
        age_days=1.6,
        picture=PictureSpec("chart", "ocean", "Freight"),
        caption="A bar chart with a falling and rising trend line drawn in shades of sea blue.",
        credit=CREDIT,
        paragraphs=_paras("""
The cost of shipping a container from Karachi to northern Europe has fallen by as much as 15 percent
in a month, exporters say, after a new service began calling at the port every week. The Gulf Star
Line added Karachi to its Asia-Europe loop at the start of the month, using ships that carry around
8,000 containers.

Freight forwarders said spot rates for a 40-foot container to the main north European ports had
dropped from around $3,400 to below $2,900. Rates to the Gulf and East Africa have also softened,
though by smaller margins.

"For the first time this year we are getting three quotes instead of one," said Humaira Dossani, who
manages logistics for a Karachi garment exporter. "That alone changes the conversation."

The new call comes as congestion at the harbour has eased slightly from its peak in the spring. The
average wait for a berth has fallen to just under two days, according to the Karachi Harbour
Authority, though it remains well above the authority's half-day target.

Shipping agents cautioned that the relief might not last. Lines often add capacity to win market
share and withdraw it once rates fall too far, and the busy season before European holidays usually
pushes prices up in late summer.

Exporters' associations said the episode showed why the harbour's planned fourth terminal mattered.
With more berths, they argued, Karachi could attract larger ships and regular services instead of
depending on one line's decision.

The Gulf Star Line did not respond to questions about how long it intended to keep Karachi on the
route. Two rival lines said they were watching the route closely.
"""),
    ),
    StorySpec(
        key="indus-crescent-linen",
        section="business",
        title="Indus Crescent Textiles bets on home linen as export orders recover",
        standfirst=(
            "The Lahore-based group will add 400 looms and hire 1,500 workers after orders from European "
            "retailers rose for a third straight quarter."
        ),
        dateline="Lahore",
        authors=("saima-lodhi", "asad-jilani"),
        tags=("trade", "economy", "energy", "demo"),
        age_days=3.5,
        paragraphs=_paras("""
Indus Crescent Textiles, one of the country's larger home-textile exporters, said on Monday it would
invest Rs9 billion in 400 new looms and a finishing plant at its mill outside Lahore. The company said
the expansion would create around 1,500 jobs over two years.

Chief executive Faisal Rehman Qureshi said orders for bed linen and towels from European retailers had
risen for three straight quarters after two difficult years. "Our customers cut their stocks to the
bone. Now they are buying again, and they want shorter lead times," he told analysts.

The company reported a net profit of Rs2.1 billion for the quarter to March, up 38 percent from a year
earlier, on sales of Rs31 billion. Its shares rose 4.6 percent in Karachi trading.

Qureshi said the finishing plant would let the company dye and print fabric in-house instead of
sending it to subcontractors, cutting delivery times by about ten days. About a third of the plant's
power is to come from rooftop solar panels.

Analysts called the investment a vote of confidence in the sector but warned that gas and power
prices remained a risk. "Margins look healthy today, but one tariff notice can change that," said
Rabia Ghani, an analyst at a Karachi brokerage.

Textiles account for more than half of the country's exports. Industry groups have lobbied for years
for a fixed energy tariff for export-oriented mills.
"""),
    ),
    StorySpec(
        key="rooftop-solar",
        section="business",
        title="Rooftop solar connections triple in a year, Lahore power company says",
        standfirst=(
            "More than 60,000 homes and shops now sell power back to the grid, raising the question of who pays for the wires."
        ),
        dateline="Lahore",
        authors=("saima-lodhi",),
        tags=("energy", "climate", "economy", "demo"),
        age_days=7.0,
        picture=PictureSpec("chart", "saffron", "Solar"),
        caption="A rising bar chart with a trend line, drawn in warm saffron and amber tones.",
        credit=CREDIT,
        paragraphs=_paras("""
The number of homes and businesses in Lahore selling rooftop solar power back to the grid has tripled
in a year to more than 60,000, the city's electricity distribution company said on Wednesday.
Together they have around 620 megawatts of panels installed, about a sixth of the city's peak summer
demand.

Company officials said the growth had been driven by a sharp fall in the price of panels and by
rising tariffs. A typical 10-kilowatt system for a house now costs around Rs1.1 million, installers
say, and pays for itself in three to four years.

"In some neighbourhoods, at noon, the flow of power reverses," said the company's director of
operations, Kashif Mehmood. "The transformers were never designed for that, and we are replacing them
as fast as we can."

The spread of solar has also created a financial problem for the company. Households with panels buy
far less power from the grid but still rely on it at night and on cloudy days, leaving fixed costs to
be spread over fewer paying units.

The power regulator is considering a proposal to lower the rate paid for power exported to the grid
and add a fixed monthly charge for solar users. Installers and consumer groups say that would punish
people for investing in clean energy.

"People did exactly what they were told to do for years: save power, go green," said Nighat Awan of
the Solar Installers' Association. "Now they are being told they did it too quickly."

A public hearing on the proposal is scheduled for next month in Islamabad. Written comments can be sent to the regulator until the end of this month.
"""),
    ),
    StorySpec(
        key="sarhad-cement-profit",
        section="business",
        title="Sarhad Cement profit falls 22% as building slowdown bites",
        standfirst="Domestic sales dropped for a fourth quarter while exports to the Gulf held up, the company said.",
        dateline="Karachi",
        agency="reuters",
        tags=("economy", "infrastructure", "demo"),
        age_days=10.0,
        paragraphs=_paras("""
Sarhad Cement, one of the country's biggest cement makers, reported a 22% drop in quarterly profit on
Tuesday, as a slowdown in construction and high financing costs weighed on domestic demand. Net profit
for the three months to March fell to 3.4 billion rupees from 4.4 billion a year earlier.

Domestic sales volumes fell 11%, the fourth quarterly decline in a row, the company said in a filing
to the stock exchange. Exports, mainly to the Gulf and East Africa, rose 6% and now make up nearly a
third of its sales.

"Private housing remains weak, and public projects have slowed as budgets are squeezed," the company
said. It added that lower coal costs had helped protect margins.

Sarhad Cement's shares fell 3.1% after the results, against a 0.4% decline in the broader market.
Analysts had expected a smaller fall in profit.

The company said it would go ahead with a waste-heat recovery plant at its northern factory, which it
expects to cut power costs by about a fifth from next year. It declared a dividend of 2.5 rupees a
share.
"""),
    ),
    StorySpec(
        key="traders-sales-tax",
        section="business",
        title="Traders ask for single-page sales tax return ahead of budget",
        standfirst=(
            "A chamber delegation told the finance ministry that simpler filing would bring more "
            "shopkeepers into the tax net than higher penalties."
        ),
        dateline="Karachi",
        agency="app",
        tags=("economy", "parliament", "demo"),
        age_days=4.0,
        paragraphs=_paras("""
A delegation of the Karachi Traders' Chamber on Thursday asked the federal finance ministry to
introduce a single-page sales tax return for small retailers in the coming budget. The chamber said
simpler filing would bring more shopkeepers into the tax net than the higher penalties proposed last
year.

Chamber president Haji Muhammad Ilyas Tabani said most small traders were willing to pay a fixed
amount but were put off by forms that needed an accountant. "A man who sells shoes should not need a
consultant to pay his tax," he told reporters after the meeting.

The chamber's proposals include a fixed monthly tax for shops below a set turnover, collected through
electricity bills, and a mobile phone application for filing. It also asked for fewer tax inspections
for traders who file on time.

Officials at the meeting said the ministry was reviewing several proposals for retailers and would
consult other chambers before the budget. They did not give details.

Successive governments have tried to bring retailers into the tax system, with limited success.
Earlier schemes were withdrawn after strikes by traders' associations.

The budget is due to be presented to parliament next month. The chamber said it would hold a meeting of traders' associations from other cities before then.
"""),
    ),
    StorySpec(
        key="gulzar-cold-chain",
        section="business",
        title="Gulzar Foods builds a cold chain to cut mango losses",
        standfirst=(
            "The food company's new pack-houses and refrigerated lorries aim to get fruit from orchard to port in 48 hours."
        ),
        dateline="Multan",
        authors=("saima-lodhi",),
        tags=("agriculture", "trade", "demo"),
        age_days=40.0,
        picture=PictureSpec("field", "desert", "Mango belt"),
        caption="Golden rolling hills with orchard trees along a ridge under a hazy summer sun.",
        credit=CREDIT,
        paragraphs=_paras("""
Gulzar Foods said on Monday it had opened three pack-houses with cold storage in the mango belt around
Multan, part of a Rs3.5 billion plan to cut the share of fruit that spoils before it reaches market.
The company estimates that as much as a third of the region's mangoes are lost between orchard and
shop.

The pack-houses will wash, grade and chill fruit within hours of picking, and a fleet of 60
refrigerated lorries will carry it to Karachi for export or to cities for sale at home. The company
says fruit can now reach the port in 48 hours without breaking the cold chain.

"A mango is like the last over of a cricket match: it is all about time," said managing director
Sidra Gulzar, whose grandfather started the company as a pickle maker. "If you lose a day, you lose
the fruit."

Growers who sign supply contracts with the company will get a guaranteed minimum price and advice on
harvesting. Gulzar said 1,200 orchards had signed up so far, most of them smaller than 25 acres.

Some growers remain wary. "Contracts are good when prices are low. When prices are high, everyone
wants to sell to the trader at the gate," said Nazir Ahmad Langah, who has 40 acres of orchards
outside the city.

Exporters say better handling could open markets that have been hard to reach because of strict rules
on shelf life. Gulzar said it had received its first trial orders from supermarket chains in the
Gulf.
"""),
    ),
    StorySpec(
        key="zarqa-electric-rickshaws",
        section="business",
        title="Zarqa Motors to assemble electric rickshaws at Sarhadpur plant",
        standfirst=("The company plans to make 20,000 three-wheelers a year and to set up battery-swap stations in four cities."),
        dateline="Karachi",
        authors=("saima-lodhi",),
        tags=("energy", "transport", "climate", "demo"),
        age_days=250.0,
        picture=PictureSpec("circuit", "jade", "E-rickshaw"),
        caption="A stylised circuit board with a central chip and glowing traces on a teal background.",
        credit=CREDIT,
        paragraphs=_paras("""
Zarqa Motors said on Wednesday it would begin assembling electric three-wheel rickshaws at its plant
in Sarhadpur early next year, with capacity for 20,000 vehicles a year. The company, which makes
petrol motorcycles, said the project would cost Rs5 billion.

The rickshaws will use removable batteries that drivers can exchange at swap stations in a few
minutes instead of charging for hours. Zarqa said it would open 150 stations in Karachi, Lahore,
Faisalabad and Multan in the first year, most of them at petrol pumps.

"A rickshaw driver cannot afford to sit for four hours while the battery charges. He has to be on the
road," said the company's chairman, Omar Zarqa Sheikh. Drivers will pay a daily subscription for
batteries, which he said would bring the upfront price close to that of a petrol rickshaw.

The company estimates a driver could save up to Rs1,500 a day on fuel, depending on distance. Rickshaw
unions said they were interested but wanted to see how the batteries coped with summer heat.

About 70 percent of the components will be imported at first, Zarqa said, with local content rising
as suppliers are developed. The company has applied for incentives under the government's electric
vehicle policy.

Transport researchers said electric rickshaws could make a noticeable dent in urban air pollution,
since two- and three-wheelers account for a large share of vehicle emissions in the big cities. They added that the benefit would depend on how the electricity used to charge the batteries was generated.
"""),
    ),
    StorySpec(
        key="noor-solar-green-bond",
        section="business",
        title="Karachi exchange lists its first green bond",
        standfirst=(
            "Noor Solar's Rs5 billion issue, the first on the exchange to fund only renewable projects, "
            "was oversubscribed nearly three times."
        ),
        dateline="Karachi",
        authors=("saima-lodhi",),
        tags=("energy", "economy", "climate", "demo"),
        age_days=1100.0,
        paragraphs=_paras("""
The first green bond to be listed on the Karachi stock exchange began trading on Monday, after Noor
Solar raised Rs5 billion to build solar farms in the south of the country. The issue drew bids worth
nearly Rs14 billion, according to the company's advisers.

The seven-year bond pays a floating rate linked to the interbank benchmark plus a margin of 1.6
percentage points. Proceeds can only be spent on renewable energy projects, and the company must
publish an annual report on the power they generate.

"This shows there is appetite in the local market for clean-energy investment, not only among
foreign lenders," Noor Solar's chief financial officer, Rehan Bashir, said at the listing ceremony. He said the company hoped to return to the market with a second issue within two years.

Most of the bond was bought by banks and mutual funds, with a smaller share taken by insurers.
Analysts said strong demand reflected both the novelty of the issue and its relatively high return.

The exchange said it was working with the securities regulator on guidelines for future green issues,
including rules on independent verification. Several other energy companies are said to be
considering similar bonds.
"""),
    ),
)

# ---------------------------------------------------------------------------
# Sport (the National Twenty League and its teams are invented)

_SPORT: tuple[StorySpec, ...] = (
    StorySpec(
        key="lanterns-semi-final",
        section="sport",
        title="Lanterns edge Kestrels off the last ball to reach the league final",
        standfirst=(
            "Needing three to win, Lahore's number ten scrambled two and then a bye as a packed stadium held its breath."
        ),
        dateline="Lahore",
        authors=("omer-farooqui",),
        tags=("cricket", "league", "demo"),
        age_days=0.9,
        updated_hours_after=2.0,
        picture=PictureSpec("stadium", "forest", "Semi-final"),
        caption="A floodlit cricket ground seen from the stands, with a packed crowd around the oval.",
        credit=CREDIT,
        paragraphs=_paras("""
Lahore Lanterns reached the final of the National Twenty League on Saturday night, beating Karachi
Kestrels by one wicket off the last ball of a semi-final that swung back and forth for three and a
half hours. Chasing 187, the Lanterns needed three from the final delivery with their last pair at
the crease.

Number ten Waqas Jamil drove the ball to long-off and turned for a second run as the fielder's throw
missed the stumps. In the confusion the ball ran away for the deciding bye, and the crowd of around
27,000 spilled on to the outfield before the umpires had collected the bails.

"I did not see where the ball went. I just heard the noise and kept running," Jamil said afterwards,
still in his pads. "My captain told me, whatever happens, do not stand and watch."

The Kestrels had looked in control after opener Danish Rauf's 71 from 44 balls took them to 186 for
six. Their 19-year-old leg-spinner Saad Mirani then took three wickets in his first two overs to leave
the Lanterns at 58 for four.

Lanterns captain Hassan Tariq rebuilt the innings with a measured 64 before he was run out in the
18th over with 31 still needed. Wicketkeeper Adeel Chaudhry kept the chase alive with three sixes in
the 19th over and was then caught at deep midwicket.

Mirani was handed the final over and conceded 14 runs, including a no-ball that gave away a free hit.
Kestrels captain Imad Soomro defended the decision, saying the young spinner had been the team's best
bowler all season.

The Lanterns will meet Islamabad Ibex in the final in Lahore on Tuesday. The Ibex beat the Lanterns
twice in the group stage.
"""),
    ),
    StorySpec(
        key="kestrels-coach-backs-mirani",
        section="sport",
        title="Kestrels coach backs young spinner after costly final over",
        standfirst=(
            "Saad Mirani's three-wicket burst had put Karachi on course for the final, and his coach "
            "says he would give him the last over again."
        ),
        dateline="Karachi",
        authors=("omer-farooqui",),
        tags=("cricket", "league", "demo"),
        age_days=0.35,
        related="lanterns-semi-final",
        paragraphs=_paras("""
Karachi Kestrels head coach Rashid Naqvi said on Sunday he had no regrets about giving the final over
of the semi-final to 19-year-old leg-spinner Saad Mirani, who conceded 14 runs as Lahore Lanterns won
off the last ball. He said Mirani would be "bowling the big overs for this country for a long time".

"Cricket is cruel to young players, but it is also how they grow," Naqvi told reporters at the team
hotel before the squad flew home. "He took three wickets when nobody else could. I will give him the
last over again, and next time he will win it for us."

The decision drew criticism on social media and from some former players, who said a seamer should
have bowled the last over with a short boundary on the leg side. Naqvi said his two fast bowlers had
struggled to grip the wet ball once the evening dew set in.

Mirani finished the season with 19 wickets, the second-highest in the league, at an economy rate of
just under seven an over. He was called up to the national emerging players' camp last month.

Captain Imad Soomro said the players had gone to Mirani's room after the match. "He was in tears. We
told him nobody loses a match in one over. We lost it in the field, with two dropped catches," Soomro
said.

The Kestrels, who won the league two years ago, finished third this season. Naqvi's contract runs for
one more season.
"""),
    ),
    StorySpec(
        key="four-rivers-cup",
        section="sport",
        title="Women's hockey team wins Four Rivers Cup in shoot-out against Serenia",
        standfirst=(
            "Goalkeeper Mahnoor Gill saved two penalties as the national side took its first international title in eleven years."
        ),
        dateline="Port Marisco",
        agency="afp",
        tags=("hockey", "women", "demo"),
        age_days=5.0,
        picture=PictureSpec("stadium", "jade", "Four Rivers Cup"),
        caption="A stadium bowl under twin floodlight towers, its pitch glowing green.",
        credit=CREDIT,
        paragraphs=_paras("""
The national women's hockey team won the Four Rivers Cup on Sunday, beating Serenia 3-2 in a penalty
shoot-out after the final ended 1-1 in regulation time. It is the team's first title at an
international tournament in eleven years.

Goalkeeper Mahnoor Gill saved two of Serenia's five attempts in the shoot-out, and captain Areeba Shah
scored the winning penalty. The players lifted their coach, Ayesha Waraich, on to their shoulders in
front of a small group of travelling supporters.

"Nobody expected us to be in the final. We expected it," Shah told AFP. "We trained on bad pitches at
home with no spectators. Today we showed what we can do on a good one."

Serenia took the lead early in the second half from a penalty corner, and the national side equalised
with six minutes left when forward Iqra Bhatti deflected in a cross from the right. Both teams missed
chances to win the match in the closing minutes.

Several teams use the six-nation tournament as preparation for continental qualifiers later in the
year. The win is expected to lift the team several places in the world rankings.

The hockey federation announced a cash reward for the squad and said the players would be received at
the airport on their return on Tuesday. Officials said a civic reception was also being planned in Lahore.
"""),
    ),
    StorySpec(
        key="sarhadpur-hockey-academy",
        section="sport",
        title="Sarhadpur academy sends six players to national junior hockey camp",
        standfirst=(
            "A club that trains on a borrowed school ground has produced more junior internationals "
            "this year than any other in the country."
        ),
        dateline="Sarhadpur",
        authors=("omer-farooqui",),
        tags=("hockey", "education", "demo"),
        age_days=13.0,
        picture=PictureSpec("field", "dawn", "Academy"),
        caption="Soft peach hills at dawn with a few trees standing on the nearest ridge.",
        credit=CREDIT,
        paragraphs=_paras("""
Six players from the Sarhadpur Hockey Academy have been called up to the national junior camp, the
most from any single club, the hockey federation said on Friday. The academy trains most evenings on
a school ground it borrows after classes end.

The academy was started eight years ago by Ghulam Mustafa, a retired railway clerk who played
first-class hockey in his youth, with twelve boys and a bag of second-hand sticks. It now has 140
players, including a girls' squad formed two years ago.

"We have no turf, so we learn to control the ball on a bumpy ground," Mustafa said. "When they get on
to a proper pitch, the ball feels like it is on a string."

The six players selected are aged between 15 and 17, and two of them are cousins. Forward Zain Abbas
scored 14 goals at the national under-17 championship in the spring.

The district administration has promised the town an artificial pitch for several years, and Mustafa
said he hoped the selections would speed it up. A district official said the project was included in
next year's development budget.

The junior camp begins in Lahore next week, ahead of a four-nation under-18 tournament. Mustafa said he would travel with the players for the first week.
"""),
    ),
    StorySpec(
        key="harbourside-promotion",
        section="sport",
        title="Harbourside FC end 20-year wait for top-flight football",
        standfirst=(
            "A 2-0 win over Ravi Rovers sealed promotion for the Karachi club, whose fans marched "
            "from the ground to the fish harbour."
        ),
        dateline="Karachi",
        authors=("omer-farooqui",),
        tags=("football", "league", "demo"),
        age_days=11.0,
        picture=PictureSpec("crowd", "ocean", "Harbourside"),
        caption="Rows of supporters in blue beneath a banner, drawn as simple rounded figures.",
        credit=CREDIT,
        paragraphs=_paras("""
Harbourside FC won promotion to the top division of the national football league for the first time
in 20 years on Wednesday, beating Ravi Rovers 2-0 in front of a capacity crowd at the Old Wharf
Ground. The home side needed only a draw after their nearest rivals lost earlier in the day.

Striker Junaid Baloch headed the opener from a corner after 23 minutes, and substitute Rizwan
Khaskheli sealed the win with a long-range shot in stoppage time. Rovers had a goal disallowed for
offside shortly before half-time.

Thousands of supporters marched from the ground to the fish harbour after the final whistle, beating
drums and waving the club's blue and silver flags. Boats in the harbour sounded their horns as the
procession passed.

"My father brought me to this ground when we were in the top division. I have waited since I was
twelve to bring my own son," said Abdul Ghani, a dockworker with his face painted in club colours.

The club is owned by a cooperative of its supporters and runs on one of the smallest budgets in the
league. Coach Naseer Ahmed said several of his players worked part-time jobs and trained in the
evenings.

The board said the club would need floodlights and better seating to meet top-flight rules, and
appealed to local businesses for sponsorship. It has until the start of the season to complete the work.
"""),
    ),
    StorySpec(
        key="islamabad-half-marathon",
        section="sport",
        title="Islamabad half marathon moves to a 5am start because of heat",
        standfirst=(
            "Organisers have doubled the water points and cut the cap on entries after dozens "
            "of runners were treated for exhaustion last year."
        ),
        dateline="Islamabad",
        agency="app",
        tags=("weather", "health", "demo"),
        age_days=3.0,
        paragraphs=_paras("""
The Islamabad half marathon will start at 5am this year instead of 7am, organisers said on Monday,
after forecasters predicted temperatures above 35C by mid-morning on race day. More than 6,000 runners
have registered for the race, which takes place next Sunday.

Water stations will be set up every two kilometres along the route, double last year's number, and
medical teams with cooling tents will be posted at the halfway point and the finish. Organisers also
cut the cap on entries from 8,000 to 7,000.

Last year, 41 runners were treated for heat exhaustion and two were taken to hospital. Race director
Shafqat Naeem said the organisers had learned from that experience.

"A half marathon is supposed to be a celebration, not a test of survival," he said. "We would rather
runners grumble about the alarm clock than end up in a tent."

Runners were advised to drink plenty of water in the days before the race and not to chase personal
best times if it was hot. Roads along the route will be closed from 4am to 10am.
"""),
    ),
    StorySpec(
        key="kestrels-first-title",
        section="sport",
        title="Kestrels win first National Twenty League title",
        standfirst="Karachi beat Islamabad Ibex by 22 runs in the final, with captain Imad Soomro making an unbeaten 88.",
        dateline="Karachi",
        authors=("omer-farooqui",),
        tags=("cricket", "league", "demo"),
        age_days=760.0,
        picture=PictureSpec("stadium", "ink", "Champions"),
        caption="A cricket stadium at night, lit by floodlights, its stands speckled with fans.",
        credit=CREDIT,
        paragraphs=_paras("""
Karachi Kestrels won the National Twenty League for the first time on Sunday night, beating Islamabad
Ibex by 22 runs in the final in Karachi. Captain Imad Soomro made an unbeaten 88 from 52 balls as the
Kestrels posted 192 for five.

The Ibex were well placed at 101 for two after 11 overs but lost six wickets for 37 runs as the
Kestrels' spinners tightened their grip. Fast bowler Mohsin Kalhoro returned to take two wickets in
the 18th over and settle the contest.

"Seven seasons we have come close. Tonight we are champions and nobody can take it away," Soomro said
as fireworks went off over the stadium. He dedicated the win to the groundstaff, who had worked
through the night after heavy rain two days before the final.

The Kestrels finished the group stage in fourth place and needed to win their last match to qualify
for the knockouts. They did not lose again.

Soomro was named player of the tournament for his 512 runs. The Ibex's Nadeem Khattak was the leading
wicket-taker with 21.
"""),
    ),
    StorySpec(
        key="lahore-led-floodlights",
        section="sport",
        title="Lahore's main cricket stadium switches to LED floodlights",
        standfirst=(
            "The new lights use about half the power of the old ones and come on instantly, "
            "which broadcasters say will help evening matches."
        ),
        dateline="Lahore",
        authors=("omer-farooqui",),
        tags=("cricket", "energy", "infrastructure", "demo"),
        age_days=60.0,
        paragraphs=_paras("""
The main cricket stadium in Lahore has replaced its floodlights with LED fittings ahead of the new
domestic season, the provincial sports board said on Tuesday. The 1,200 new lamps on six towers use
about half the electricity of the metal-halide lights they replace.

Unlike the old lights, which took 20 minutes to reach full brightness, the LEDs come on instantly, so
play will no longer be held up after a power interruption. The board said the system could also be
dimmed in sections for concerts and other events.

Broadcasters welcomed the change, saying more even light would improve picture quality and remove the
flicker that showed up in slow-motion replays. "For the first time the ball will look the same colour
at both ends," said one production manager.

The project cost Rs780 million and was finished two weeks ahead of schedule, the board said. Solar
panels on the stadium roof will supply part of the power for day matches and practice sessions.

Similar upgrades are planned for grounds in Karachi and Islamabad over the next two years. The board said the savings on electricity bills would cover the cost of the project within six years.
"""),
    ),
)

# ---------------------------------------------------------------------------
# Technology

_TECHNOLOGY: tuple[StorySpec, ...] = (
    StorySpec(
        key="urdu-speech-model",
        section="technology",
        title="Lahore startup releases Urdu speech system trained on call-centre audio",
        standfirst=(
            "Baat Labs says its software follows callers who mix Urdu with English and Punjabi, "
            "the way most people actually talk."
        ),
        dateline="Lahore",
        authors=("hina-bukhari",),
        tags=("startups", "internet", "demo"),
        age_days=1.8,
        picture=PictureSpec("circuit", "ink", "Speech"),
        caption="Circuit traces converging on a central chip, drawn in indigo and pale gold.",
        credit=CREDIT,
        paragraphs=_paras("""
Baat Labs, a Lahore startup, on Tuesday released a speech recognition system for Urdu that it says can
follow callers who switch between Urdu, English and Punjabi in the same sentence. The company is
offering it to banks, telecom operators and call centres.

The system was trained on around 9,000 hours of recorded calls, collected with customers' consent from
three partner companies and transcribed by a team of 120 people in Lahore and Multan. Baat Labs says
it correctly transcribes about nine words in ten in ordinary customer calls.

"Nobody calls a bank and speaks textbook Urdu. They say 'mera card block ho gaya hai', and half of
that sentence is English," said co-founder Mehwish Tanvir, a former telecom engineer. "Systems built
for one clean language fall over."

The company says the system runs on its own servers inside the country, which matters for banks that
may not send customer data abroad. It has also released a smaller version that works offline on a
laptop.

Researchers welcomed the release but said accuracy figures from a company's own tests should be
treated with caution until they are checked independently. They also asked how long call recordings
would be kept.

Baat Labs said recordings used for training had been stripped of names, card numbers and other
personal details, and that the original audio would be deleted after a year. It said an independent audit of its data handling would be published later this year.

The startup raised $3 million from local and Gulf investors last year and employs 45 people. It plans
to add Sindhi and Pashto next.
"""),
    ),
    StorySpec(
        key="paisa-pocket-savings",
        section="technology",
        title="Paisa Pocket wallet passes five million users, plans round-up savings",
        standfirst=(
            "The Karachi fintech says most of its users are first-time account holders, "
            "and women now make up a third of new sign-ups."
        ),
        dateline="Karachi",
        authors=("hina-bukhari",),
        tags=("startups", "economy", "women", "demo"),
        age_days=6.0,
        picture=PictureSpec("chart", "jade", "Wallet"),
        caption="A green bar chart with a climbing trend line and marked data points.",
        credit=CREDIT,
        paragraphs=_paras("""
Paisa Pocket, a mobile wallet run by a Karachi fintech company, said on Wednesday it had passed five
million registered users, three years after its launch. About 60 percent of its users had never had a
bank account before, the company said.

Most transactions on the app are small: mobile top-ups, utility bills and transfers to family, with an
average value of around Rs1,800. About 2.2 million people use the app at least once a month.

Chief executive Talha Moin said the company would launch a savings feature next month that rounds each
payment up to the nearest hundred rupees and puts the difference into a savings pot. The money will be
held by a partner bank and earn a small return.

"People tell us they cannot save because there is never anything left at the end of the month," Moin
said. "So we will save a little at the start of every payment instead."

Women make up about a third of new sign-ups, up from a fifth a year ago, which the company credits to
a network of female agents in smaller towns. Researchers said that was encouraging but noted that
many accounts opened in women's names were still operated by male relatives.

Paisa Pocket is not yet profitable. It raised $12 million from investors last year and expects to
break even within two years.
"""),
    ),
    StorySpec(
        key="parcel-sms-scam",
        section="technology",
        title="Regulator warns of fake parcel messages after spike in card fraud",
        standfirst=(
            "Texts asking recipients to pay a small delivery fee lead to a fake payment page that captures card details."
        ),
        dateline="Islamabad",
        authors=("hina-bukhari", "danish-qazi"),
        tags=("cyber", "internet", "demo"),
        age_days=2.2,
        updated_hours_after=20.0,
        paragraphs=_paras("""
The National Telecom Board on Friday warned mobile phone users about a wave of fake text messages
claiming that a parcel was waiting for delivery and asking for a small fee to release it. The board
said it had received more than 4,000 complaints in a week.

The messages contain a link to a web page made to look like a courier company's site. Users who enter
their card details to pay the fee, typically Rs150, later find much larger amounts withdrawn from
their accounts.

"The fee is small so that people do not think twice. The theft is big," said Saima Jadoon, the board's
director of cyber security. She said the links changed every few hours to avoid being blocked.

Several banks said they had seen a sharp rise in disputed card payments linked to the scam. One bank
said it had temporarily blocked online payments on about 1,300 cards after detecting suspicious
activity.

The board advised users not to click links in unexpected messages and to check deliveries only
through a courier's official app or website. Suspicious messages can be reported by forwarding them
to a short code, and mobile operators have blocked more than 900 sender numbers so far.

Anyone who has entered card details on a suspicious site should call their bank at once to block the
card, the board said. Banks do not ask for card PINs or one-time passwords by text message.

In an update on Saturday, the board said cyber crime investigators had traced several sender numbers
to a single location and that raids were under way. It did not say whether anyone had been arrested.
"""),
    ),
    StorySpec(
        key="land-records-app",
        section="technology",
        title="Land records app cuts queues in Kanwal Nagar, when the signal holds",
        standfirst=(
            "Farmers can now get a copy of their ownership record on a phone, but many villages still "
            "depend on one tower and a lot of patience."
        ),
        dateline="Kanwal Nagar",
        authors=("hina-bukhari",),
        tags=("internet", "agriculture", "demo"),
        age_days=8.0,
        picture=PictureSpec("field", "desert", "Land records"),
        caption="Sandy hills ploughed in curving furrows, with trees on the horizon.",
        credit=CREDIT,
        paragraphs=_paras("""
For years, getting a copy of a land ownership record in Kanwal Nagar meant a day off work, a bus ride
to the district office and, often, a small payment to someone behind a counter. Since the provincial
land authority launched a mobile app in the district in the spring, many farmers get the same
document on their phones in minutes.

The authority says more than 80,000 copies have been issued through the app in the district so far,
and that the average wait at its service centre has fallen from three hours to under forty minutes.
Fees are paid through mobile wallets, and each document carries a code that banks can check.

"I needed the record for a crop loan. My nephew did it on his phone while we had tea," said Ghulam
Rasool, who farms twelve acres of cotton and wheat. "Before, it was two trips and Rs2,000 for someone
else's tea."

But in villages further from the main road, the app has run into a simple problem: weak mobile
signal. Several villages rely on a single tower that fails during power cuts, and users say the app
often times out before the document downloads.

The land authority said it was adding an option to request a record by text message and collect a
printed copy at the nearest post office. It has also asked mobile operators to fit backup batteries
to towers in the district.

Lawyers who handle land disputes said digital records had reduced some kinds of fraud but not others.
Records are only as good as what was typed in, one said, and errors from old paper registers have been
copied straight into the new system.
"""),
    ),
    StorySpec(
        key="zora-weather-satellite",
        section="technology",
        title="Velaria's first weather satellite reaches orbit",
        standfirst=("The 400-kilogram Zora-1 will send cloud images every 15 minutes, the national space agency said."),
        dateline="Velgrad",
        agency="interfax",
        tags=("space", "weather", "climate", "demo"),
        age_days=9.0,
        picture=PictureSpec("mountains", "ink", "Launch"),
        caption="Dark layered mountains under a deep blue night sky with a bright moon.",
        credit=CREDIT,
        paragraphs=_paras("""
Velaria's first national weather satellite, Zora-1, has reached its planned orbit and is working
normally, the Velarian Space Agency said on Wednesday. The satellite was launched from the Tarvos
launch site in neighbouring Korvath on Tuesday evening.

"All systems of the spacecraft are operating normally, and stable communication with it has been
established," the agency said in a statement. The first images are expected within two weeks, once
the instruments have been calibrated.

The 400-kilogram satellite carries a camera that will photograph cloud cover over Velaria and
neighbouring countries every 15 minutes, as well as a sensor that measures soil moisture. It was built
by a consortium of Velarian universities with imported components.

Agency director Dmitri Orlan told reporters the satellite would improve warnings of storms and floods,
which he said cost the economy hundreds of millions a year. Its data will also be shared with the
national water authority to monitor the Sorva river basin.

The launch took place under an agreement between the Velarian and Korvath space agencies signed two
years ago, Interfax was told at the Velarian agency. A second satellite is planned within three years.
"""),
    ),
    StorySpec(
        key="karachi-smart-meters",
        section="technology",
        title="Karachi utility pilots smart meters in 20,000 homes",
        standfirst=(
            "The meters report usage every half hour and can be switched off remotely, which the company "
            "says will cut theft and consumer groups say needs safeguards."
        ),
        dateline="Karachi",
        authors=("hina-bukhari", "rehana-khatib"),
        tags=("energy", "infrastructure", "internet", "demo"),
        age_days=35.0,
        paragraphs=_paras("""
Karachi's electricity utility has begun installing smart meters in 20,000 homes in three
neighbourhoods, in a pilot it says could be extended to the whole city within five years. The meters
send readings to the company every half hour over the mobile network.

The company said the meters would end estimated bills and disputes over readings, and let customers
follow their usage on an app. They will also allow time-of-day tariffs, with cheaper power at night,
once the regulator approves them.

The meters can also be disconnected remotely, which the company says will help it tackle theft and
unpaid bills. Losses from theft and faulty meters in the pilot areas are about a quarter of the power
supplied, according to the company.

Consumer groups said remote disconnection should require notice and should never be used during
heatwaves or at night. "A smart meter should not become a switch that someone in an office flicks
without looking at who is on the other side," said Arif Lakhani of the Citizens' Power Forum.

The company said customers would receive two text reminders before any disconnection and that no home
would be cut off on a public holiday. It will publish the results of the pilot after six months.
"""),
    ),
    StorySpec(
        key="chip-design-lab",
        section="technology",
        title="Islamabad university opens chip design lab with 200 scholarships",
        standfirst=(
            "Students will design circuits on industry software and send test chips for manufacture abroad twice a year."
        ),
        dateline="Islamabad",
        authors=("hina-bukhari",),
        tags=("education", "startups", "demo"),
        age_days=150.0,
        paragraphs=_paras("""
A public university in Islamabad has opened a semiconductor design laboratory with 200 scholarships
for a new one-year postgraduate diploma, the Higher Skills Commission said on Thursday. Students will
learn to design chips on industry software donated by two foreign companies.

Twice a year, the best designs will be sent to a foundry abroad as part of a shared wafer run, which
lets many small designs be made on the same silicon disc at low cost. Students will then test the
chips they designed in the lab.

"We will not build a chip factory here in the next decade. But design is done on computers, and
computers we have," said the laboratory's director, Dr Sana Farooq. She said design accounted for a
large part of the value of a modern chip.

The commission said graduates would be placed with local firms that provide design services to
foreign clients, a small but growing sector in Lahore and Islamabad. About 600 engineers work in the
sector now.

Applications for the first intake closed with more than 3,000 candidates. Scholarships cover tuition
and a monthly stipend, and recipients must work in the country for two years after graduating.
"""),
    ),
    StorySpec(
        key="tarang-5g-trial",
        section="technology",
        title="First 5G trial call made on Tarang Telecom network in Islamabad",
        standfirst=(
            "The operator recorded download speeds above one gigabit per second, but commercial service "
            "depends on a spectrum auction yet to be scheduled."
        ),
        dateline="Islamabad",
        authors=("hina-bukhari",),
        tags=("internet", "infrastructure", "demo"),
        age_days=1150.0,
        paragraphs=_paras("""
Tarang Telecom said on Monday it had made the country's first call on a 5G mobile network, in a trial
at its headquarters in Islamabad. The company said it recorded download speeds of more than one
gigabit per second on a test phone.

The trial used spectrum lent by the telecom regulator for testing, and the network consists of three
masts around the company's offices. Commercial service will depend on an auction of 5G spectrum that
has not yet been scheduled.

"This is a technical milestone, not a launch. Customers should not throw away their phones," said
Tarang's chief technology officer, Nabeel Hashmi. He said the company wanted to show that its network
was ready for the next generation.

Analysts said few customers own phones that support 5G and that operators would first want to recover
their investment in 4G. They expect any commercial rollout to begin with business users and fixed
wireless broadband.

The regulator said it would publish a consultation on 5G spectrum later in the year. Tarang's rivals said they were also preparing trials of their own.
"""),
    ),
    StorySpec(
        key="port-marisco-ransomware",
        section="technology",
        title="Ransomware attack halts container bookings at Port Marisco",
        standfirst=(
            "Lorries queued for kilometres after the port's booking system went offline; "
            "officials said no ships had been diverted yet."
        ),
        dateline="Port Marisco",
        agency="reuters",
        tags=("cyber", "transport", "trade", "demo"),
        age_days=4.0,
        picture=PictureSpec("circuit", "dusk", "Port systems"),
        caption="Tangled circuit traces around a dark chip, in dusky violet and rose.",
        credit=CREDIT,
        paragraphs=_paras("""
A ransomware attack took the container booking system at Port Marisco offline on Monday, forcing the
port to process lorries by hand and leaving queues several kilometres long on the approach road. The
port authority said ships were still being loaded, but more slowly.

"We detected unauthorised encryption on several servers early on Monday morning and shut down the
affected systems as a precaution," the authority said in a statement. It said it had informed the
national cyber security centre and was working with outside specialists.

The authority did not say whether a ransom had been demanded. A person familiar with the matter said
a note had been left on affected systems but declined to give details.

Port Marisco handles about 2 million containers a year and is the main gateway for imports to the
Tessarine Islands and for transit cargo to landlocked Lunesia. Hauliers said drivers had waited up to
nine hours to enter the terminal.

Shipping lines said they had not yet diverted vessels to other ports but would reassess if systems
were not restored by midweek. Two lines said they had stopped taking new bookings for the port for 48
hours.

Security researchers said ports had become frequent targets for ransomware because every hour of
disruption is so costly. Several ports around the world have been hit by similar attacks in recent
years.
"""),
    ),
)

# ---------------------------------------------------------------------------
# Culture

_CULTURE: tuple[StorySpec, ...] = (
    StorySpec(
        key="ravi-book-fair",
        section="culture",
        title="Ravi Book Fair opens with record stalls and a new translation prize",
        standfirst=(
            "More than 300 publishers have taken stalls at the five-day fair, where a prize for translation "
            "between regional languages will be awarded for the first time."
        ),
        dateline="Lahore",
        authors=("kamran-wasti",),
        tags=("books", "arts", "demo"),
        age_days=2.8,
        picture=PictureSpec("books", "rose", "Book fair"),
        caption="Two shelves of books in shades of rose and plum, some of them leaning.",
        credit=CREDIT,
        paragraphs=_paras("""
The Ravi Book Fair opened in Lahore on Thursday with more than 300 publishers and booksellers, the
largest number in its 19-year history. Organisers expect around 200,000 visitors over five days at the
city's expo centre.

This year the fair will award, for the first time, a prize for translation between the country's
regional languages, worth Rs1 million. The shortlist includes a Sindhi novel translated into Punjabi,
a collection of Balochi folk tales in Urdu and a Pashto memoir rendered in Saraiki.

"We translate into English all the time, and into Urdu sometimes. We almost never translate between
our own languages," said the prize's founder, retired professor Shamim Ara Jafri. "A reader in Multan
should be able to read a writer from Quetta without going through London."

Publishers reported strong early sales of children's books and cheap paperback editions of Urdu
classics. Several stalls were selling books at fixed prices of Rs300 and Rs500, which organisers said
was aimed at students.

The fair has also set aside a hall for small presses and self-published authors, who pay a reduced
fee for a table. Among them was a group of schoolteachers from Sarhadpur selling a collection of
stories written by their pupils.

Paper prices remain the trade's biggest worry. Publishers said the cost of paper had nearly doubled in
three years, and that many had cut print runs to 500 copies or fewer.

The translation prize will be announced on the fair's final evening, on Monday. The fair is open from 10am to 9pm daily, and entry is free for students.
"""),
    ),
    StorySpec(
        key="salt-road-review",
        section="culture",
        title="Review: 'The Salt Road' finds poetry in a desert caravan",
        standfirst=(
            "Mehreen Soomro's second feature is slow, beautiful and occasionally exasperating, "
            "with a remarkable debut from Taimur Ali."
        ),
        dateline="",
        authors=("kamran-wasti",),
        tags=("film", "arts", "demo"),
        age_days=4.5,
        picture=PictureSpec("mountains", "desert", "The Salt Road"),
        caption="Sand-coloured ridges and pale peaks under a hazy desert sun.",
        credit=CREDIT,
        paragraphs=_paras("""
Early in "The Salt Road", an old camel driver tells a boy that the desert never lies, it only waits. It
is the kind of line that could sink a lesser film, but Mehreen Soomro's second feature earns it,
mostly by taking its time.

The story is simple. Fourteen-year-old Bakhtiar, played by newcomer Taimur Ali, joins his uncle's salt
caravan on its last journey across the desert before a new highway makes it unnecessary. Over three
weeks and twelve camels, he learns the route, loses a friend and finds out why his father never came
back from the same road.

Soomro and her cinematographer, Farid Jokhio, shoot the desert as a place of colour rather than
emptiness: pink salt flats at dawn, indigo nights, the orange glow of a cooking fire on a face. Almost
every frame could hang on a wall, and some scenes last long enough to suggest they would like to.

That is the film's weakness as well as its strength. A middle section in which the caravan waits out a
sandstorm runs for nearly twenty minutes with little dialogue, and the audience at the Karachi
screening I attended grew restless.

But Ali is remarkable. He has the watchful stillness of a boy who has learned not to ask questions, and
when Bakhtiar finally does ask one, in the film's best scene, the effect is devastating.

Veteran actor Nawaz Qaimkhani, as the uncle, gives the film its dry humour. His running argument with a
camel named Sultan is the closest the film comes to comedy, and it is very funny.

"The Salt Road" is not for everyone, and it will test the patience of audiences raised on quick cuts.
For those willing to slow down, it is one of the most beautiful films made in the country in years.

"The Salt Road" is showing in cinemas in Karachi, Lahore and Islamabad. It is in Urdu and Sindhi, with
English subtitles.
"""),
    ),
    StorySpec(
        key="noor-brothers-qawwali",
        section="culture",
        title="A young qawwali ensemble fills a walled-city courtyard",
        standfirst=(
            "The Noor Brothers, none of them older than 24, are drawing crowds with long Thursday evenings "
            "that mix old poems with new compositions."
        ),
        dateline="Lahore",
        authors=("kamran-wasti",),
        tags=("music", "arts", "demo"),
        age_days=13.0,
        picture=PictureSpec("crowd", "saffron", "Qawwali"),
        caption="A close-packed audience in saffron and rust tones gathered under a hanging banner.",
        credit=CREDIT,
        paragraphs=_paras("""
By ten o'clock on Thursday night there was no space left to sit in the courtyard of the old haveli in
Lahore's walled city, and people were standing on the stairs and leaning from the balconies. On a
carpet at one end, the Noor Brothers were twenty minutes into their second piece and only getting
started.

The ensemble has nine members, none older than 24, and four of them are brothers from a family that
has sung at shrines for five generations. They perform every Thursday through the winter in the
courtyard, which its owners lend them, and entry is free.

Lead singer Faizan Noor, 23, says the group began performing in public two years ago to keep the
family tradition alive after their grandfather died. "He used to say qawwali is not a concert. The
audience is part of the music, and if they are not moving, you are not singing well," he said.

Their repertoire mixes classical Sufi poetry in Persian and Punjabi with compositions of their own,
including one in which the harmonium falls silent for a long clapping passage that the crowd picks up.
Performances often last three hours.

Older listeners say the brothers sing with a freshness rarely heard in the walled city now. Some
purists object to the electric keyboard the group uses in a handful of newer pieces.

The ensemble has been invited to music festivals in Karachi and Islamabad next spring, but Faizan says
the Thursday sessions will continue. "This courtyard is where we learned. It would feel wrong to leave
it empty," he said.
"""),
    ),
    StorySpec(
        key="truck-art-exhibition",
        section="culture",
        title="Truck art leaves the highway for an Islamabad gallery",
        standfirst=(
            "Panels by eleven painters from workshops in Rawalpindi and Karachi go on show, "
            "with a restored lorry parked in the courtyard."
        ),
        dateline="Islamabad",
        authors=("kamran-wasti",),
        tags=("arts", "transport", "women", "demo"),
        age_days=7.0,
        paragraphs=_paras("""
A restored lorry, painted from bumper to roof with peacocks, roses and mountain lakes, has been parked
in the courtyard of the Capital Arts Centre in Islamabad for an exhibition of truck art that opened on
Saturday. Inside, more than 60 painted panels by eleven artists from workshops in Rawalpindi and
Karachi line the walls.

The exhibition, "Chalti Phirti" (On the Move), is the centre's first to be devoted entirely to the
painted lorries and buses that are among the most recognisable sights on the country's roads. Curator
Nasreen Chaudhry said she wanted visitors to see the work as art rather than decoration.

"These painters work to a standard any academy-trained artist would respect, with brushes they make
themselves, on metal, in the sun," she said. "Nobody asks for their names. We have put their names on
the wall."

Among the exhibitors is Ustad Abdul Latif, 71, who has painted lorries in a Rawalpindi workshop for
more than fifty years. His panels include a set of portraits of imaginary film stars, painted in the
style of old cinema hoardings.

Younger painters are also represented, including Sumbul Naz, one of a small number of women in the
trade, whose panels combine traditional floral borders with scenes from Karachi's beaches. She said
more families were now willing to let their daughters learn the craft.

The exhibition runs until the end of the month. The centre is also holding weekend workshops where
visitors can try painting a panel themselves.
"""),
    ),
    StorySpec(
        key="mian-rafiq-haveli",
        section="culture",
        title="First phase of Mian Rafiq haveli restoration completed in walled city",
        standfirst=(
            "Craftsmen have rebuilt the carved wooden balconies and conservators have uncovered "
            "frescoes in the reception hall of the 19th-century mansion."
        ),
        dateline="Lahore",
        authors=("kamran-wasti", "asad-jilani"),
        tags=("arts", "infrastructure", "demo"),
        age_days=90.0,
        picture=PictureSpec("skyline", "desert", "Walled city"),
        caption="Old rooftops and domes in sand and ochre tones, windows lit against a warm sky.",
        credit=CREDIT,
        paragraphs=_paras("""
The restoration of the Mian Rafiq haveli, a 19th-century merchant's mansion in Lahore's walled city,
has completed its first phase, the walled city conservation authority said on Tuesday. The carved
wooden balconies on the street front have been rebuilt and the frescoes in the main reception hall
restored.

The haveli was built by a family of cloth merchants and later divided among dozens of tenant families.
By the time restoration began three years ago, two of its balconies had collapsed and much of the
fresco work was hidden under layers of whitewash.

Woodcarvers from the city's old carpenters' quarter rebuilt the balconies in deodar using traditional
joints without nails, copying surviving fragments. Conservators spent more than a year removing
whitewash from the frescoes with scalpels and cotton swabs.

"Under the whitewash we found birds, flowers, a whole painted garden," said conservator Amna Siraj, who
led the fresco team. "Some of the colours are as bright as the day they were painted."

The second phase, covering the upper storeys and roof terraces, is expected to take two years. When it
is finished, the haveli will house a small museum of the walled city's trades and a rooftop cafe.

Tenants who lived in the building were moved to nearby flats with compensation, the authority said.
Some former residents have asked for a room in the museum to tell the story of the families who lived
there in the last century.
"""),
    ),
    StorySpec(
        key="karachi-theatre-festival",
        section="culture",
        title="Karachi theatre festival returns with 14 plays in three languages",
        standfirst=(
            "After a two-year break, the festival is back with productions in Urdu, Sindhi and English, "
            "and a stage for student companies."
        ),
        dateline="Karachi",
        authors=("kamran-wasti",),
        tags=("arts", "education", "demo"),
        age_days=33.0,
        paragraphs=_paras("""
The Karachi Theatre Festival returned on Friday after a two-year break, with 14 productions in Urdu,
Sindhi and English over ten days. Performances are being held at the arts council and at two open-air
venues near the seafront.

The opening production, an Urdu comedy about a small-town municipal office preparing for an inspection
that may never come, played to a full house. Veteran actor Rukhsana Baig, as the office's
long-suffering head clerk, was applauded several times mid-scene.

Festival director Saleem Akhund said the break had been caused by a lack of funding, since solved with
support from a group of local businesses. "We were told people do not come to the theatre any more.
Tickets for the first week sold out in two days," he said.

For the first time, the festival has a stage for student companies from the city's universities. Six
groups will perform short plays on weekday afternoons, with tickets at Rs200.

Three of the productions are in Sindhi, including a new play about fishing families on the coast by
Zubaida Memon, a schoolteacher who grew up in a fishing village. It is her first play to be staged.

The festival closes on Sunday next week with an open-air evening of folk theatre. Tickets for most shows are available at the arts council box office.
"""),
    ),
    StorySpec(
        key="sabeen-akhtar-prize",
        section="culture",
        title="Sabeen Akhtar wins national poetry prize for Urdu collection",
        standfirst=(
            "'Letters to a Closed Window' was chosen from 140 entries; the judges praised its plain language "
            "and 'unsentimental tenderness'."
        ),
        dateline="Islamabad",
        agency="app",
        tags=("books", "arts", "demo"),
        age_days=480.0,
        paragraphs=_paras("""
Poet Sabeen Akhtar has won this year's National Literature Council prize for poetry for her Urdu
collection "Letters to a Closed Window", the council announced in Islamabad on Saturday. The prize
carries an award of Rs500,000 and a medal.

The collection of 54 poems, Akhtar's third, was chosen from 140 entries by a panel of five judges. It
includes a sequence of poems addressed to the poet's mother, who died while the book was being
written.

In their citation, the judges praised the collection's plain language and its "unsentimental
tenderness". They said Akhtar had shown "that the ghazal and the free verse poem can live in the same
house without quarrelling".

Akhtar, who teaches Urdu literature at a women's college in Rawalpindi, said she had not expected to
win. "I wrote these poems for one reader, and she is not here to read them. I am glad other people
have found them," she said.

The council also announced prizes for fiction, translation and children's literature. The awards will
be presented at a ceremony next month.
"""),
    ),
    StorySpec(
        key="lantern-street-night-market",
        section="culture",
        title="Lantern Street's night market fights for its pavements",
        standfirst=(
            "For forty years, food stalls have lit up a Karachi street after dark. "
            "An anti-encroachment drive has the vendors counting the nights."
        ),
        dateline="Karachi",
        authors=("rehana-khatib", "kamran-wasti"),
        tags=("economy", "arts", "courts", "demo"),
        age_days=10.0,
        picture=PictureSpec("skyline", "dusk", "Night market"),
        caption="Rows of buildings with lit windows against a violet evening sky.",
        credit=CREDIT,
        paragraphs=_paras("""
At eleven at night, when most of Karachi's markets are pulling down their shutters, Lantern Street is
just getting going. Grills are lit along both pavements, the smell of charcoal and spice drifts over
the traffic, and families squeeze on to plastic stools under strings of bulbs.

The night market has grown up over four decades on a street of printing presses and wholesale paper
shops, which close at sunset and leave the pavements free. About 90 vendors now set up every evening,
selling everything from bun kebabs to falooda.

Last month the city's anti-encroachment department gave the vendors notice to clear the pavements,
saying the stalls blocked access for fire engines and pedestrians. Two nights later, officials arrived
with a lorry and removed a dozen stalls before a crowd of vendors and customers persuaded them to
stop.

"My father started here with one pot of haleem on a handcart," said Shakeel Qureshi, whose family stall
is one of the oldest on the street. "Now they say we are encroaching. We are the reason people come to
this street at all."

The vendors' association has proposed a deal: stalls would set up only after 9pm, keep a lane clear
down the middle of the street and pay a nightly fee to the city for cleaning. Vendors would also be
willing to register and carry licence cards, the association says.

City officials say they are open to a regulated market but that the current arrangement cannot go on.
A fire at a nearby building two years ago took longer to reach because of parked stalls and
motorcycles, one official said.

The association has also filed a petition in court asking for the removals to be paused while talks
continue. A hearing is expected later this month.

For now, the grills are still lit every night, and the customers keep coming. "Come back next year,"
Qureshi said, pressing a free kebab on a visitor. "We will still be here."
"""),
    ),
    StorySpec(
        key="sunday-book-bazaar",
        section="culture",
        title="Why we still queue for the Sunday book bazaar",
        standfirst=(
            "In an age of one-click delivery, a pavement of second-hand books is still the best bookshop in the city. A column."
        ),
        dateline="",
        authors=("kamran-wasti",),
        tags=("books", "arts", "demo"),
        age_days=20.0,
        picture=PictureSpec("books", "monsoon", "Sunday bazaar"),
        caption="Second-hand books in muted blues and greys lined up on two long shelves.",
        credit=CREDIT,
        paragraphs=_paras("""
Every Sunday morning, on a pavement outside a closed cinema, the booksellers lay out their stock on
sheets of plastic. There are textbooks and thrillers, cookbooks without covers, old Urdu digests tied
in bundles with string and, if you are lucky and early, something you did not know you were looking
for.

I have been coming here for twenty years, and I still cannot explain to friends why I prefer it to
ordering a book on my phone. The phone is faster, and it is usually cheaper. But the phone only ever
gives me what I asked for.

The bazaar works the other way round. Last month I went looking for a history of the railways and came
home with an old guide to growing roses, a Russian novel in Urdu translation and a school atlas whose
previous owner had ticked off, in pencil, every capital he hoped to visit.

The booksellers are part of the attraction. One of them, who has worked the same stretch of pavement
since before I was born, can tell from the way you pick up a book whether you will buy it. He never
haggles with students and always haggles with me.

The bazaar is smaller than it was. Some sellers have moved online, and others have retired with nobody
to take over. Those who remain say fewer young people come, though the young people who do come tend
to stay the longest.

It would be easy to make this a lament, but I do not think it is one. On the last Sunday of the month
the pavement was crowded by nine o'clock, and a girl of about ten was arguing with her father about
whether she could have one more book. She won.

The bazaar will not last forever; nothing does. But for as long as someone lays out a sheet of plastic
on a Sunday morning, I will be there, looking for the book I did not know I wanted.
"""),
    ),
)

STORIES: tuple[StorySpec, ...] = _PAKISTAN + _WORLD + _BUSINESS + _SPORT + _TECHNOLOGY + _CULTURE
