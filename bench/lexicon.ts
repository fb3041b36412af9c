/**
 * Word lists and sentence templates for the benchmark corpus. Everything here is invented for the
 * benchmark: towns are built from syllables, people from common first names and surnames, and the
 * outlets do not exist.
 *
 * Template syntax (see `fill` in corpus.ts): `{slot}` is a value of the event or article,
 * `{a|b|c}` is a choice among synonyms made by the seeded generator.
 */

export const TOWN_HEADS = ['Ash', 'Bel', 'Cor', 'Dun', 'Elm', 'Fen', 'Glen', 'Hal', 'Ives', 'Kil', 'Lor', 'Mar', 'Nor', 'Oak', 'Pen', 'Rav', 'Sal', 'Tor', 'Wyn', 'Brack'] as const
export const TOWN_TAILS = ['ford', 'haven', 'bury', 'mouth', 'wick', 'dale', 'port', 'field', 'moor', 'stead'] as const
export const REGIONS = ['Northmere', 'Calder', 'Eastvale', 'Sorrow Coast', 'Highfold', 'Linden Valley', 'West Marches', 'Greyhaven'] as const

export const FIRST_NAMES = [
  'Anna', 'Maria', 'Daniel', 'Thomas', 'Laura', 'Peter', 'Sofia', 'David', 'Elena', 'Martin', 'Clara', 'Jonas',
  'Ruth', 'Samuel', 'Nadia', 'Owen', 'Helen', 'Marcus', 'Irene', 'Victor', 'Leila', 'Hugo', 'Greta', 'Felix',
  'Amara', 'Tobias', 'Ines', 'Paul', 'Rosa', 'Karl', 'Maya', 'Simon', 'Lucia', 'Adam', 'Nora', 'Oscar',
] as const

/** First names with two transliterations; an outlet keeps to one style, so they differ across outlets. */
export const TRANSLITERATED: readonly (readonly [string, string])[] = [
  ['Aleksandr', 'Alexander'], ['Yevgeny', 'Evgeny'], ['Sergei', 'Sergey'], ['Dmitri', 'Dmitry'], ['Yuri', 'Yury'],
  ['Aleksei', 'Alexei'], ['Mykola', 'Nikolai'], ['Oleksandr', 'Olexander'], ['Yelena', 'Elena'], ['Natalya', 'Natalia'],
]

export const SURNAMES = [
  'Holt', 'Renner', 'Calloway', 'Abernay', 'Moravec', 'Dravenko', 'Lindqvist', 'Ardane', 'Ferris', 'Castellan',
  'Brennholm', 'Dunmore', 'Varga', 'Solberg', 'Ruiz', 'Albrecht', 'Ekwall', 'Okonjo', 'Marsh', 'Petrov',
  'Kowal', 'Hartley', 'Quinlan', 'Ostrova', 'Bellamy', 'Fairweather', 'Nakata', 'Delacroix', 'Stroud', 'Mendel',
  'Achebe', 'Lund', 'Teller', 'Vasquez', 'Brandt', 'Okafor', 'Whitlock', 'Serrano', 'Haugen', 'Ivanenko',
  'Pryce', 'Castell', 'Moreau', 'Tanaka', 'Grieve', 'Oduya', 'Fenwick', 'Larkspur', 'Rahman', 'Kessler',
] as const

/** Roles people hold in a story; `title` goes before the name, `descriptor` after it. */
export const ROLES = [
  { title: 'Mayor', descriptor: 'the mayor of {place}', org: false },
  { title: 'Fire Chief', descriptor: 'the head of the {region} fire service', org: false },
  { title: 'police spokesperson', descriptor: 'a spokesperson for {region} police', org: false },
  { title: 'union leader', descriptor: 'who leads the local branch of the workers\u2019 union', org: false },
  { title: 'chief executive', descriptor: 'chief executive of {org}', org: true },
  { title: 'company spokesperson', descriptor: 'a spokesperson for {org}', org: true },
  { title: 'Transport Minister', descriptor: 'the regional transport minister', org: false },
  { title: 'Councillor', descriptor: 'a member of the {place} city council', org: false },
  { title: 'resident', descriptor: 'who has lived in {place} for {years} years', org: false },
  { title: 'safety inspector', descriptor: 'who is leading the inquiry', org: false },
] as const

export const ORG_KINDS = ['Logistics', 'Chemicals', 'Ferries', 'Rail', 'Foods', 'Energy', 'Steel', 'Water', 'Textiles', 'Freight'] as const

export const OUTLETS = [
  'The Northmere Gazette', 'Calder Coast Herald', 'Wirepoint News Agency', 'Seaboard Observer', 'Greyhaven Public Radio',
  'The Eastvale Star', 'Highfold Today', 'The Linden Courier', 'Marches Evening News', 'Channel 9 Sorrow Coast',
  'The Daily Ledger', 'Regional Record', 'The Morning Dispatch', 'Valley Voice', 'The Harbour Times',
  'NewsNow Online', 'The Citizen Post', 'Brightline Media', 'Parish & County', 'The Standard Chronicle',
] as const

/**
 * Event kinds. Numbers: `count` (the headline number: injured, evacuated...), `other` (a second
 * count), `hours` (a duration) and `money` (millions). Templates use `{place}`, `{org}`, `{day}`
 * (e.g. "on Tuesday"), `{count}` etc. with an approximation word chosen per outlet.
 */
export const EVENT_KINDS = [
  {
    name: 'fire',
    ranges: { count: [3, 40], other: [20, 300], hours: [2, 12], money: [1, 90] }, approx: true,
    headline: ['Fire tears through {org} warehouse in {place}', '{count} hurt as blaze hits {place} warehouse', 'Warehouse fire in {place} under investigation'],
    lead: ['A fire {broke out|started} at the {org} warehouse in {place} {day}, injuring {count} people and forcing the evacuation of {other} nearby homes.',
      'Firefighters battled a blaze at a {place} warehouse owned by {org} for {hours} hours {day}, officials said.'],
    facts: ['{count} people were {injured|hurt|treated for injuries}, {according to|said} the {region} fire service.',
      'Crews {needed|took} {hours} hours to bring the fire under control.',
      'The damage was {estimated|put} at {money} million dollars.',
      'Residents of {other} homes were told to keep windows closed because of the smoke.'],
    quotes: ['We saw the smoke from the other side of town and knew at once it was serious.',
      'Our crews went into a building that was already falling apart, and every one of them came out.',
      'We will find out how this started and we will make that public.',
      'The company must answer for the state of that building, and it must answer soon.'],
  },
  {
    name: 'strike',
    ranges: { count: [200, 3000], other: [5, 60], hours: [3, 15], money: [10, 500] }, approx: true,
    headline: ['Dock workers strike at {place} port', 'Strike halts {place} port as talks collapse', '{other} ships wait as {place} port strike enters day {hours}'],
    lead: ['{count} dock workers at the port of {place} walked off the job {day} after pay talks with {org} collapsed.',
      'Work at {place} port stopped {day} as {count} workers began a strike over pay and shift patterns.'],
    facts: ['{other} ships were waiting to unload, {according to|said} the harbour office.',
      'The union is asking for a pay rise of {hours} percent.',
      'The port handles goods worth {money} million dollars a week.',
      'Talks are expected to resume {next}.'],
    quotes: ['Nobody wants a strike, but our members have waited long enough.',
      'The offer on the table is fair and it is final.',
      'Every day the port is closed costs this town jobs.',
      'We are ready to talk at any hour of the day or night.'],
  },
  {
    name: 'vote',
    ranges: { count: [7, 11], other: [2, 6], hours: [2, 9], money: [5, 400] }, approx: false,
    headline: ['{place} council approves housing plan', 'Council backs {money} million plan for {place}', 'Close vote in {place} on new homes'],
    lead: ['The {place} city council voted {count} to {other} {day} to approve a plan for new homes on the old {org} site.',
      'Councillors in {place} approved a {money} million housing plan {day} after a debate that lasted {hours} hours.'],
    facts: ['The plan would add {count}00 homes over {hours} years.',
      'The project is expected to cost {money} million dollars.',
      'Opponents collected {other}00 signatures against the plan.',
      'Building work could start {next}.'],
    quotes: ['This town needs homes that young families can afford, and this plan delivers them.',
      'We were not listened to, and we will keep fighting this in the courts.',
      'The council has made a choice that will shape {place} for a generation.',
      'Nobody should pretend this plan is perfect, but it is the best one we have.'],
  },
  {
    name: 'flood',
    ranges: { count: [50, 2000], other: [40, 200], hours: [3, 48], money: [2, 150] }, approx: true,
    headline: ['Floods force hundreds from homes in {place}', '{place} flooding: river bursts its banks', 'Heavy rain floods {place}'],
    lead: ['Heavy rain flooded parts of {place} {day}, forcing {count} residents from their homes.',
      'The river burst its banks in {place} {day} after {other} millimetres of rain fell in {hours} hours.'],
    facts: ['{count} residents were evacuated, {according to|said} the {region} emergency service.',
      '{other} millimetres of rain fell in {hours} hours.',
      'Repairs could cost {money} million dollars.',
      'Schools in {place} will stay closed until {next}.'],
    quotes: ['The water came up faster than anyone expected.',
      'We have been warning about this river for years and nobody listened.',
      'Everyone who needs a bed tonight will have one.',
      'We lost everything on the ground floor in a single night.'],
  },
  {
    name: 'derailment',
    ranges: { count: [2, 30], other: [3, 25], hours: [2, 14], money: [1, 60] }, approx: true,
    headline: ['Freight train derails near {place}', '{count} injured as train leaves tracks near {place}', 'Derailment closes line at {place}'],
    lead: ['A {org} freight train derailed near {place} {day}, injuring {count} people and closing the main line.',
      '{other} wagons of a {org} train left the tracks outside {place} {day}.'],
    facts: ['{count} people were {injured|hurt|taken to hospital}, {according to|said} police.',
      '{other} wagons left the rails.',
      'The line is expected to stay closed for {hours} days.',
      'Repairs to the track could cost {money} million dollars.'],
    quotes: ['The noise was like nothing I have ever heard.',
      'Our first concern is the people who were hurt and their families.',
      'We will not reopen the line until we are sure it is safe.',
      'This is the second derailment on this stretch and that is not a coincidence.'],
  },
] as const

/** Attribution cues: `{name}` is the speaker's name, `{q}` the quote. */
export const QUOTE_FORMS = [
  '\u201c{q}\u201d {name} said.',
  '\u201c{q}\u201d {name} told reporters.',
  '{name} said in a statement: \u201c{q}\u201d',
  '\u201c{q}\u201d {name} wrote on social media.',
  '"{q}" {name} told {outlet}.',
  '{name} said: "{q}"',
  '\u201c{q}\u201d said {name}, {descriptor}.',
  '\u201c{q},\u201d {pronoun} said.',
] as const

/** Sentences with relative or absolute dates, common to every kind of event. */
export const DATE_SENTENCES = [
  'Officials said a full report would be published {next}.',
  'A similar incident was reported in {place} last month.',
  'The {org} site was last inspected on {absolute}.',
  'A public meeting is planned for {next} in the town hall.',
  '{region} officials met {day} and are due to meet again {next}.',
  'The inquiry is expected to report by {month}.',
] as const

export const BACKGROUND_SENTENCES = [
  '{place} has a population of about {pop},000.',
  '{org} employs {other}0 people in {place}, {according to|said} its website.',
  'The area has seen several similar incidents in recent years.',
  '{region} is one of the fastest-growing regions in the country.',
  'Local businesses said the disruption was already costing them customers.',
] as const

export const FURNITURE = {
  top: ['Skip to content', 'Skip to main content', 'Menu', 'Listen to this article', 'NEW You can now listen to articles!'],
  nav: ['News | Local | Business | Sport | Weather', 'Home > News > Region', 'World | Politics | Business | Opinion | Video'],
  photo: ['{person}/{outlet}', 'Photo: {person} / {outlet}', 'Photograph: {person}/{outlet}', '({person}/{outlet} via Newsroom Images)'],
  readMore: ['Read more: {headline}', 'READ MORE: {headline}', 'Related: {headline}'],
  newsletter: ['Sign up for our morning newsletter, delivered to your inbox every weekday.', 'Get the top stories in your inbox: subscribe to the Daily Briefing.', 'Enjoying this story? Sign up for our free newsletter.'],
  email: ['{author} can be reached at {email}', 'Write to {author} at {email}', 'Contact the reporter: {email}'],
  copyright: ['\u00a9 {year} {outlet}. All rights reserved.', 'Copyright {year} {outlet}', '\u00a9 {year} {outlet}'],
  comments: ['Comments are closed on this article.', 'Comments are moderated and may take up to 24 hours to appear.', 'BE PART OF THE CONVERSATION'],
} as const

/** Quotes any official or witness might give, so people in one event never share a quote. */
export const GENERIC_QUOTES = [
  'Our thoughts are with everyone affected and with their families.',
  'It is too early to say what went wrong, and I will not guess.',
  'We have asked for a full and independent inquiry.',
  'People in {place} deserve answers, and they deserve them quickly.',
  'I have lived here all my life and I have never seen anything like it.',
  'We are working with the authorities and will share everything we know.',
  'There were warnings, and those warnings were ignored.',
  'The response from the emergency services was outstanding.',
  'We will not rest until everyone is back in their homes.',
  'This could have been much worse, and we were lucky.',
  'We need more money for {region}, not more promises.',
  'I want to thank the volunteers who came out in the middle of the night.',
] as const

/** Context and reaction sentences with synonyms, common to every kind of event. */
export const CONTEXT_SENTENCES = [
  'Emergency services {were called|arrived} shortly after {noon|the alarm was raised|the first reports came in}.',
  'Police closed several roads around the site and asked drivers to avoid the area.',
  'The {region} government said it was {monitoring|following} the situation closely.',
  'Several residents said they {had heard|heard} a loud noise before the alarm was raised.',
  '{org} did not respond to {a request|requests} for comment {by the time of publication|on the details}.',
  'Opposition politicians called for an urgent debate in the regional assembly.',
  'Videos shared online showed crowds gathering near the scene.',
  'A hotline has been set up for families looking for information.',
  'It was not immediately clear how long the disruption would last.',
  'Local schools and shops {stayed|remained} open, officials said.',
  'Insurers said it was too early to estimate claims.',
  'The {place} city council held an emergency meeting {day}.',
  'Traffic on the main road into {place} was diverted for several hours.',
  'Volunteers handed out food and blankets at a community centre.',
] as const
