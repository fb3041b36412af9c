/**
 * Word lists for entity typing. Lists, not rules about any one article: common first names
 * (several languages), places, organisations, titles, demonyms and common sentence-initial words.
 */

import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from './names.js'

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/))
const phrases = (s: string): Set<string> => new Set(s.trim().split(/\s*\|\s*/))

/** Common first names (English, Russian, Ukrainian, European, Arabic, Asian, Indian...), with the gendered lists. */
export const FIRST_NAMES = new Set([...FEMALE_FIRST_NAMES, ...MALE_FIRST_NAMES, ...words(`
Aaron Adam Adrian Ahmed Alan Albert Alex Alexander Alexandra Alexei Alexey Ali Alice Alicia Alison Amanda Amy Ana Anatoly Andrea Andrei Andrew
Andriy Andrii Andrzej Angela Angelina Ann Anna Anne Annalena Anthony Antonio Antony Arkady Arseniy Arthur Ashley Barack Barbara Ben Benjamin Bernie
Beth Bill Bob Boris Brad Brandon Brian Bruce Carl Carlos Carol Caroline Catherine Charles Charlie Chris Christian Christina Christine Christopher
Chuck Claire Claudia Colin Daniel Danielle Dave David Dean Denis Dennis Denys Diana Dmitri Dmitriy Dmitry Dmytro Donald Doug Douglas Edward Elena
Elizabeth Elon Emily Emma Emmanuel Eric Erin Evgeny Fatima Fedor Fred Friedrich Fyodor Gabriel Gary Gavin Gennady George Georgy Gerald Giorgia Greg
Gregory Hakan Hamid Hannah Hans Harry Heather Helen Henry Hillary Hunter Igor Ilya Ivan Ivana Jack Jacob Jake James Jamie Jane Janet Jared Jason Javier
Jean Jeff Jeffrey Jennifer Jens Jeremy Jerome Jessica Jim Jimmy Joe Johann John Jon Jonathan Jose Joseph Josh Joshua Juan Julia Julie Justin Kaitlan
Kamala Karen Karl Karoline Kate Katherine Kathleen Keir Kelly Kevin Kim Kirill Kristen Kristi Kylie Larry Laura Lauren Leonid Lev Linda Lindsey Lisa
Liz Lloyd Louis Lucy Luis Maria Marco Margaret Maria Marina Mark Marta Martin Mary Matt Matthew Maxim Maya Megan Melania Michael Michel Michelle Mike
Mikhail Mitch Mohammed Muhammad Nancy Naftali Narendra Natalia Natalya Nathan Nick Nicholas Nicolas Nikita Nikolai Nikolay Oleg Oleksandr Oleksii
Oleksiy Olena Olga Olaf Pam Patrick Paul Pavel Pete Peter Petro Philip Rachel Ralph Randhir Rebecca Recep Richard Rishi Rob Robert Roman Ron Ronald
Rustem Ruslan Ryan Sam Samantha Samuel Sandra Sarah Scott Sean Sebastian Sergei Sergey Serhiy Serhii Shawn Sophie Stephen Steve Steven Susan Svetlana
Svitlana Taras Ted Thomas Tim Timothy Tom Tony Tulsi Ursula Valery Vasyl Victor Victoria Viktor Vitali Vitaly Vladimir Vladislav Volodymyr Vyacheslav
Walter Wang William Xi Yana Yevgeny Yulia Yuliia Yuri Yuriy Yury Zach Zachary Alayna Angus Fred Kaitlan Gavriil Ivana Catherine Matthew Alexander
Jaiswal Jair Luiz Inacio Benjamin Bibi Volodimir Andriy Mette Ulf Jens Kaja Antonio Mark Friedrich Emmanuel Olaf Keir Giorgia Pedro Donald JD J.D.
`)])

/** Countries, capitals, major cities, US states, regions (single or multi-word, as written). */
export const PLACES = phrases(`
Afghanistan|Albania|Algeria|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh|Belarus|Belgium|Bolivia|Bosnia|Brazil|Bulgaria|
Cambodia|Canada|Chile|China|Colombia|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Egypt|Estonia|Ethiopia|Finland|France|Georgia|Germany|
Ghana|Greece|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Latvia|Lebanon|
Libya|Lithuania|Luxembourg|Malaysia|Mexico|Moldova|Mongolia|Montenegro|Morocco|Myanmar|Nepal|Netherlands|New Zealand|Nigeria|North Korea|
North Macedonia|Norway|Oman|Pakistan|Palestine|Panama|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Serbia|Singapore|
Slovakia|Slovenia|Somalia|South Africa|South Korea|Spain|Sri Lanka|Sudan|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Thailand|Tunisia|Turkey|
Turkiye|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|Wales|United States|
US|U.S.|USA|America|Uruguay|Uzbekistan|Venezuela|Vietnam|Yemen|Zimbabwe|Gaza|West Bank|Crimea|Donbas|Donbass|Donetsk|Luhansk|Kharkiv|Kherson|
Zaporizhzhia|Odesa|Odessa|Lviv|Dnipro|Mykolaiv|Kursk|Belgorod|Bakhmut|Mariupol|Kyiv|Kiev|Moscow|St. Petersburg|Saint Petersburg|Minsk|Warsaw|
Berlin|Paris|London|Rome|Madrid|Lisbon|Brussels|Amsterdam|The Hague|Vienna|Prague|Budapest|Bucharest|Sofia|Athens|Ankara|Istanbul|Geneva|Zurich|
Bern|Stockholm|Oslo|Copenhagen|Helsinki|Tallinn|Riga|Vilnius|Dublin|Edinburgh|Beijing|Shanghai|Hong Kong|Tokyo|Seoul|Pyongyang|New Delhi|Delhi|
Mumbai|Islamabad|Kabul|Tehran|Baghdad|Damascus|Beirut|Jerusalem|Tel Aviv|Cairo|Riyadh|Doha|Dubai|Abu Dhabi|Tbilisi|Yerevan|Baku|Astana|Tashkent|
Washington|Washington D.C.|New York|New York City|Los Angeles|Chicago|Houston|Miami|San Francisco|Boston|Seattle|Atlanta|Dallas|Philadelphia|
Anchorage|Ottawa|Toronto|Mexico City|Brasilia|Buenos Aires|Sydney|Canberra|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|
Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|
Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|
South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|Europe|Asia|Africa|Middle East|Latin America|
South America|North America|Arctic|Antarctica|Baltic|Balkans|Black Sea|Red Sea|Mediterranean|Caucasus|Siberia|Scandinavia|Pacific|Atlantic|
Indo-Pacific|Sahel|Persian Gulf|Gulf|Kremlin Palace|N.C.|N.Y.|N.J.|N.H.|N.M.|N.D.|S.C.|S.D.|R.I.|D.C.|W.Va.|Washington, D.C.
`)

/** Organisations known by name (agencies, outlets, governments' bodies, alliances). */
export const ORGANIZATIONS = phrases(`
Kremlin|White House|Pentagon|State Department|Congress|Senate|House of Representatives|Supreme Court|Treasury|NATO|EU|European Union|UN|U.N.|
United Nations|Security Council|European Commission|European Parliament|G7|G20|BRICS|OPEC|IMF|World Bank|WHO|FBI|CIA|NSA|Reuters|TASS|RIA Novosti|
RIA|Interfax|Associated Press|AP|AFP|Agence France-Presse|Bloomberg|CNN|CBS|CBS News|NBC|NBC News|ABC|ABC News|BBC|Fox News|Fox News Digital|
Fox Business|Fox Business Network|MSNBC|NPR|PBS|Newsweek|Politico|Axios|New York Times|The New York Times|Wall Street Journal|
The Wall Street Journal|Washington Post|The Washington Post|Financial Times|The Guardian|Guardian|Al Jazeera|Kyiv Independent|Ukrainska Pravda|
Kommersant|Izvestia|RT|Sputnik|Truth Social|X|Twitter|Facebook|Telegram|Instagram|YouTube|Duma|State Duma|Verkhovna Rada|Rada|Gazprom|Rosneft|
Lukoil|Hamas|Hezbollah|Taliban|Wagner|Republican Party|Democratic Party|Republicans|Democrats|GOP|Oval Office|Cable News Network|CNN Newsource|
Warner Bros. Discovery|Getty Images|Apple|Google|Microsoft|Amazon|Meta|Tesla|OpenAI
`)

/** Last words that make a capitalised run an organisation ("External Affairs Ministry"). */
export const ORG_HEADS = words(`
Ministry Agency Department Council Commission Committee Party Bank Fund Organization Organisation Corporation Corp Inc Company Group Network
News Times Post Journal Tribune Herald Gazette Press Institute Foundation Association Union University College Court Office Service Services
Army Navy Forces Guard Parliament Assembly Duma Authority Administration Bureau Command Alliance Federation Coalition Media Wire Digital
Newsource Radio Television TV Channel Airlines Airways Group Holdings Agency Cabinet Government Board Ferries Railways Railway Branch Center Centre
Lines Motors Industries Systems Technologies Hospital Clinic Infirmary School Police Trust Society Shipping Museum Coastguard
`)

/** First words that make a run an organisation when followed by "of" ("Ministry of Defence"). */
export const ORG_LEADS = words('Ministry Department Bank University Office Council Court Institute Bureau Commission Embassy Church House Board Committee Agency Association')

/** Last words that make a run a place ("Zaryadye Park", "Red Square"). */
export const PLACE_HEADS = words(`
Park Square Street Avenue Boulevard Road Airport Bridge Island Islands River Sea Ocean Lake Mountains Mount Valley Bay Peninsula Province
Oblast Region Republic Kingdom Strait Canal Port Station Palace Plaza Center Centre
`)

/** Words before "of X" or after "X" that say X is a place. */
export const PLACE_CUE_BEFORE = words('city town village port capital region province oblast district state republic suburb outskirts island')
export const PLACE_CUE_AFTER = words('region province oblast district area city town village border harbour harbor island coast sandbar reef river')

/** Nationality adjectives and other capitalised adjectives that are not entities by themselves. */
export const DEMONYMS = words(`
Russian Russians Ukrainian Ukrainians American Americans European Europeans Western Eastern Northern Southern Chinese Indian Indians British
French German Germans Italian Spanish Polish Belarusian Azerbaijani Turkish Iranian Israeli Palestinian Arab Saudi Syrian Iraqi Afghan Japanese
Korean North South East West Soviet Asian African Baltic Nordic Georgian Armenian Kazakh Hungarian Romanian Czech Slovak Finnish Swedish
Norwegian Danish Dutch Belgian Swiss Austrian Greek Canadian Mexican Brazilian Venezuelan Cuban Australian Egyptian Qatari Emirati Pakistani
Allied Allies Republican Democratic Democrat Republicans Democrats Muslim Christian Jewish Catholic Orthodox Kremlin-backed Moscow-backed
Ukraine-related Russia-related Russia-Ukraine U.S.-Russia US-Russia Putin-Witkoff Witkoff-Putin
`)

/**
 * Nouns for groups of people, capitalised only to open a sentence ("Police searched his car"): no
 * entity alone; at the start of a longer run they may open a name ("Police Federation", "Workers Party").
 */
export const GROUP_NOUNS = words(`
Police Investigators Prosecutors Officers Troops Soldiers Protesters Demonstrators Residents Witnesses Voters Lawmakers Legislators
Workers Experts Analysts Researchers Supporters Opponents Activists Rescuers Firefighters
`)

/** Title words that may precede a name (case-insensitive, dots removed). */
export const TITLE_WORDS = words(`
president vice secretary minister prime foreign defense defence deputy chancellor senator sen gov governor rep representative congressman
congresswoman ambassador envoy special spokesman spokeswoman spokesperson press aide adviser advisor chief general gen admiral adm colonel col
lieutenant lt captain capt sergeant sgt major maj commander mayor judge justice director chairman chairwoman chair ceo founder leader speaker
king queen prince princess pope patriarch sheikh emir sultan officer official commissioner coordinator negotiator representative head
attorney prosecutor mr mrs ms dr prof professor rev former acting interior economy economic finance trade energy state national security
policy senior top investment cooperation counterpart first lady lord sir dame premier sec master executive moderator host anchor
majority minority whip councilman councilwoman councilmember councillor councilor assemblyman assemblywoman assemblymember alderman
alderwoman selectman selectwoman supervisor delegate sheriff reverend bishop archbishop pastor rabbi imam father editor publisher
columnist coach trooper superintendent counsel
`)

/** Heads that make a title: the role must end in one of these ("Kremlin spokesman", "Secretary of State"). */
export const ROLE_HEADS = words(`
president secretary minister chancellor senator sen gov governor rep representative congressman congresswoman ambassador envoy spokesman
spokeswoman spokesperson aide adviser advisor chief general gen admiral adm colonel col lieutenant lt captain capt sergeant sgt major maj
commander mayor judge justice director chairman chairwoman chair ceo founder leader speaker king queen prince princess pope patriarch sheikh emir
sultan officer official commissioner coordinator negotiator head attorney prosecutor mr mrs ms dr prof professor rev premier state lady lord sir
dame counterpart master executive whip councilman councilwoman councilmember councillor councilor assemblyman assemblywoman assemblymember
alderman alderwoman selectman selectwoman supervisor delegate sheriff reverend bishop archbishop pastor rabbi imam father editor
publisher columnist coach trooper superintendent counsel
`)

/** Courtesy titles: a name's form of address ("Mr. King" is a name), never a role of the person (dots removed, lower case). */
export const COURTESY_TITLES = words('mr mrs ms miss mx')

/** Honorifics that are not part of a role ("Mr. Trump"). */
export const HONORIFICS = words('mr mrs ms dr sir dame lord')

/** Common words that are capitalised at a sentence start or in headings, never entities alone. */
export const COMMON_CAPITALISED = words(`
A An The This That These Those There Then Than Thus Though Although However Earlier Later Meanwhile Still Also And But Or Nor So Yet For If When
While Where Why What Who Whom Whose Which How After Before During Since Until Following Amid Among Despite Asked Speaking According Under Over
Into Onto Upon With Without Within About Above Below Between Across Against Along Around At By From In Of On To Up Down Out Off Near Next Last
First Second Third Few Many Most More Some Several Such Each Every Both All Any No Not None Other Another Our Their His Her Its My Your We He She
It They I You Us Them Me Him Hers Theirs Here Now Today Yesterday Tomorrow Tonight Yes Yeah Well Just Only Even Never Always Often Once Again
Hours Days Weeks Months Years Authorities Officials Critics Added Read Write Update Updated Skip Jump Please Share Follow Sign Subscribe Watch Listen
Photo Video Image Images Getty Topic Article Story Stories Newsletter Comments Comment Community Guidelines News Breaking Live Opinion Analysis
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mid Late Early Shortly Afterwards Everyone Everything Nothing Something Someone Anyone Nobody
War Peace Oil Gas Energy Tariffs Tariff Sanctions Sanction President Secretary Minister Envoy Special Government Administration Ministry
Still Yet Indeed Instead Perhaps Maybe Hopefully Certainly Clearly Already Finally Overall Together Otherwise Therefore Moreover Furthermore
Corresponding Great Good Very Highly Lot Time Times Progress Made Says Said Trade Talks Deal Ceasefire Summit Meeting Deadline Director Chief
Like Unlike As Because Unless Whether Whereas Whenever Wherever Besides Beyond Behind Beside Through Throughout Toward Towards Except Via Per
`)
