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
            "Parties have six weeks to challenge the new boundaries, which add 38 wards "
            "on the city's fast-growing southern edge."
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
            "Hospitals have set aside 320 beds, and the city says water tankers will go to the "
            "worst-hit neighbourhoods first."
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
with numbers rising as new housing schemes along the airport road fill up.
"""),
    ),
    StorySpec(
        key="school-meals",
        section="pakistan",
        title="School meal drive brings 40,000 children back to class, survey finds",
        standfirst=(
            "An independent survey of 600 government schools found attendance up sharply "
            "where a free midday meal was offered."
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
hearings on the bill before it is put to a vote, one of them in a farming district.
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
