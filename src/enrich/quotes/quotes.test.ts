import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { QuoteMention } from '../../types.js'
import { loadSeeds, seedContaining } from '../../../test/helpers/shared.js'
import { findEntities } from '../entities/index.js'
import { splitSentences } from '../sentences/index.js'
import { findQuotes } from './index.js'
import { annotate, extractArticle } from '../../index.js'

function quotes(text: string): QuoteMention[] {
  const sentences = splitSentences(text)
  return findQuotes(text, sentences, findEntities(text, sentences))
}
const quoteText = (text: string, q: QuoteMention): string => text.slice(q.span[0], q.span[1])
/** In each text, the quote starting with those words has that speaker. */
function assertSpeakers(cases: readonly [text: string, quote: string, speaker: string][]): void {
  for (const [text, quote, speaker] of cases) assert.equal(quoteStarting(text, quote).speaker?.name, speaker, text)
}
/** Each sentence after `before`: its quote (the words after its opening mark) has that speaker. */
function assertSpeakersAfter(before: string, cases: readonly [sentence: string, speaker: string][]): void {
  for (const [sentence, speaker] of cases) assert.equal(quoteStarting(before + sentence, sentence.slice(1, 12)).speaker?.name, speaker, sentence)
}
function quoteStarting(text: string, words: string): QuoteMention {
  const q = quotes(text).find((x) => quoteText(text, x).startsWith(words))
  assert.ok(q, `no quote starting ${JSON.stringify(words)}`)
  return q
}

const cueCases: { text: string; quote: string; speaker: string; cue?: string; channel?: string; kind?: string }[] = [
  { text: 'Minister Anna Berg arrived. “We are ready,” Berg said.', quote: 'We are ready', speaker: 'Anna Berg', cue: 'said' },
  { text: '“We are ready,” said Kremlin spokesman Dmitry Peskov.', quote: 'We are ready', speaker: 'Dmitry Peskov', cue: 'said' },
  { text: 'Peter Lund told reporters: “The deal is done.”', quote: 'The deal is done', speaker: 'Peter Lund', cue: 'told reporters' },
  { text: '“The deal is done,” Peter Lund wrote on social media.', quote: 'The deal is done', speaker: 'Peter Lund', cue: 'wrote on social media', channel: 'social media' },
  { text: '“Great progress was made!” Donald Trump posted on Truth Social.', quote: 'Great progress', speaker: 'Donald Trump', cue: 'posted on Truth Social', channel: 'Truth Social' },
  { text: 'Karen Holt said in a statement: “Talks will go on.”', quote: 'Talks will go on', speaker: 'Karen Holt', cue: 'said in a statement', channel: 'a statement' },
  { text: 'Marco Rubio said on Fox Business: “Today was a good day.”', quote: 'Today was', speaker: 'Marco Rubio', cue: 'said on Fox Business', channel: 'Fox Business' },
  { text: 'The plan failed, according to Olga Marsh. “It was doomed from the start,” according to Olga Marsh.', quote: 'It was doomed', speaker: 'Olga Marsh', cue: 'according to' },
  { text: 'Mayor Tom Reed spoke first. “We will rebuild,” he said.', quote: 'We will rebuild', speaker: 'Tom Reed', cue: 'said' },
  { text: 'Mayor Tom Reed spoke first. “We will rebuild,” he added.', quote: 'We will rebuild', speaker: 'Tom Reed', cue: 'added' },
  { text: 'Mayor Tom Reed spoke first. “We will rebuild,” he wrote.', quote: 'We will rebuild', speaker: 'Tom Reed', cue: 'wrote' },
  { text: 'Ivan Petrov spoke. “There is no sense in this,” he said in a post on X.', quote: 'There is no sense', speaker: 'Ivan Petrov', cue: 'said in a post on X', channel: 'a post on X' },
  { text: 'A senior administration official spoke. “They are eager,” the official noted.', quote: 'They are eager', speaker: 'a senior administration official', cue: 'noted' },
  { text: '“Sanctions are coming,” the White House official told Reuters.', quote: 'Sanctions are coming', speaker: 'the White House official', cue: 'told Reuters', channel: 'Reuters' },
  { text: 'Asked about the deal, Maria Lopez remarked:\n“They are wily characters.”', quote: 'They are wily', speaker: 'Maria Lopez', cue: 'remarked' },
  { text: 'In a CBS interview aired Tuesday, John Hale stated:\n\n“Prices will fall.”', quote: 'Prices will fall', speaker: 'John Hale', cue: 'stated', channel: 'a CBS interview' },
  { text: 'Senator Lisa Grant called the plan “highly productive” on Monday.', quote: 'highly productive', speaker: 'Lisa Grant', kind: 'partial' },
  { text: 'The meeting was described as “useful” by Yuri Ushakov, a Kremlin aide.', quote: 'useful', speaker: 'Yuri Ushakov', kind: 'partial' },
  { text: '“Putin sent signals,” state media outlet RIA Novosti reported, citing the Kremlin.', quote: 'Putin sent', speaker: 'Kremlin', cue: 'reported' },
  { text: 'Volodymyr Zelensky, who spoke to Trump on Monday, said “it seems to be working.”', quote: 'it seems', speaker: 'Volodymyr Zelensky', cue: 'said', kind: 'partial' },
]

for (const c of cueCases) {
  test(`findQuotes cue: ${c.cue ?? c.kind} -> ${c.speaker}`, () => {
    const q = quoteStarting(c.text, c.quote)
    assert.equal(q.speaker?.name, c.speaker)
    if (c.cue) assert.equal(q.cue, c.cue)
    if (c.channel) assert.equal(q.channel, c.channel)
    assert.equal(q.kind, c.kind ?? 'direct')
    assert.equal(q.stage, 'enrich/quotes')
  })
}

test('findQuotes: the speaker span points at the speaker words (the pronoun for "he said")', () => {
  const text = 'Mayor Tom Reed spoke first. “We will rebuild,” he said.'
  const q = quoteStarting(text, 'We will')
  assert.equal(text.slice(q.speaker!.span![0], q.speaker!.span![1]), 'he')
  assert.equal(text.slice(q.cueSpan![0], q.cueSpan![1]), 'said')
})

test('findQuotes: apostrophes never open or close a quote', () => {
  const text = 'Russia’s envoy didn’t come. The Russians’ plan isn’t clear, and it’s Moscow’s call. ‘Rock ’n’ roll’ aside.'
  const found = quotes(text).map((q) => quoteText(text, q))
  assert.ok(found.every((q) => !/^(s|t|n)\b/.test(q)), found.join(' | '))
  assert.ok(!found.some((q) => q.includes('didn')))
})

test('findQuotes: a quote over several paragraphs is one quote from first word to last', () => {
  const text = 'Anna Berg said: “First paragraph here.\n\n“Second paragraph here.\n\n“Third and last,” Berg added.'
  const qs = quotes(text)
  assert.equal(qs.length, 1)
  assert.ok(quoteText(text, qs[0]).startsWith('First paragraph'))
  assert.ok(quoteText(text, qs[0]).endsWith('Third and last'))
  assert.equal(qs[0].speaker?.name, 'Anna Berg')
})

test('findQuotes: a cue-less quote right after an attributed one keeps its speaker', () => {
  const text = '“We’ll talk soon,” Peter Lund said. “Maybe not.”'
  assert.equal(quoteStarting(text, 'Maybe not').speaker?.name, 'Peter Lund')
})

test('findQuotes: scare quotes without a speaker are dropped; headline single quotes are partial', () => {
  const text = 'The so-called “deal” collapsed.\nTrump says there’s a ‘good chance’ of a meeting'
  const qs = quotes(text)
  assert.deepEqual(qs.map((q) => [quoteText(text, q), q.kind, q.speaker?.name]), [['good chance', 'partial', 'Trump']])
})

test('findQuotes: a continuation with its own attribution stays a quote of its own', () => {
  const text = '“We will rebuild,” Orrin Baskett said. “Staff will be paid.\n“Orders will be honoured,” he added.'
  const later = quoteStarting(text, 'Staff will be paid')
  assert.ok(quoteText(text, later).endsWith('will be honoured'))
  assert.equal(later.speaker?.name, 'Orrin Baskett')
  assert.ok(quoteText(text, quoteStarting(text, 'We will rebuild')).endsWith('We will rebuild'))
})

/** Attributions beyond "X said": signatures, colons, inverted verbs with titles or unnamed speakers, the sentence before. */
const moreCues: [name: string, text: string, quote: string, speaker: string | null][] = [
  ['a name after a dash signs the quote', 'Readers wrote in.\n“We deserve better answers.” ― Lidia Marquez\n', 'We deserve better', 'Lidia Marquez'],
  ['the subject before a colon introduces it', 'Moderator Hal Dunning interjected: “So the plan will change?”', 'So the plan', 'Hal Dunning'],
  ['an inverted verb skips a title and "former"', '“Nobody saw it coming,” said former Sen. Evan Brightwater, a moderate.', 'Nobody saw', 'Evan Brightwater'],
  ['an inverted verb keeps an unnamed speaker as written', '“It is a long shot,” said one Ohio Republican, who asked not to be named.', 'It is a long shot', 'one Ohio Republican'],
  ['"replied X" is inverted too', '“Not in my lifetime,” replied Tomasz Wierzba.', 'Not in my lifetime', 'Tomasz Wierzba'],
  ['"said to cheers" is still a speech verb', '“We will march on,” Nell Farrow said to cheers at a rally. “And we will win.”', 'We will march', 'Nell Farrow'],
  ['a paragraph-opening quote belongs to the subject of the sentence before', 'Clara Voss is upbeat about the vote.\n\n“We can carry the county by ten points.”', 'We can carry', 'Clara Voss'],
  ['a nationality word is a surname when the full name was given', 'Mark Cuban spoke on Sunday.\n\n“It is too early to tell,” Cuban said.', 'It is too early', 'Mark Cuban'],
  ['a middle initial and a suffix stay in the name', '“The vote is close,” said Sen. Robert P. Casey Jr. on Monday.', 'The vote is close', 'Robert P. Casey Jr.'],
  ['the Republican nominee said: a role phrase resolves back', 'Donald Trump spoke in Ohio. “We will win big,” the Republican presidential nominee said.', 'We will win big', 'Donald Trump'],
  ['doubled apostrophes are quotation marks', "Voters waited.\n\n''We will count every ballot,'' said Ada Quist, the county clerk.", 'We will count', 'Ada Quist'],
  ['"Mr." before a title word makes a name', "Voters waited.\n\n''The count is slow,'' Mr. King said.", 'The count is slow', 'King'],
  ['initials before a name do not end the sentence', '“The count is slow,” said J.M. Talbot, a fellow at the institute.', 'The count is slow', 'J.M. Talbot'],
  ['an attribution standing as its own sentence', 'Voters waited.\n\n“We will count every ballot.” Ada Quist said.', 'We will count', 'Ada Quist'],
  ['a speech verb ending the sentence before introduces the quote', 'Ada Quist, the clerk for the Orvale Election Board said in a statement. “Every ballot counts.”', 'Every ballot', 'Ada Quist'],
  ['"And" opening a sentence is no preposition', 'Voters waited.\n\nAnd Mr. Pell gloated: “I told you so.”', 'I told you so', 'Pell'],
  ['a party label between name and verb', 'At a rally, Sen. Ada Quist (D-Ore.) said the plan was “dead on arrival.”', 'dead on arrival', 'Ada Quist'],
  ['a verb after the quote and a conjunction is another clause', 'Ada Quist said she was “very encouraged” and Tom Pell calling it a win.', 'very encouraged', 'Ada Quist'],
  ['the person after an inverted verb, not the party before the name', '“The count is slow,” said Orvale party boss Ada Quist.', 'The count is slow', 'Ada Quist'],
  ['an office speaks for its owner', 'Ada Quist left early. “She was not told,” Quist’s office said.', 'She was not told', 'Ada Quist’s office'],
  ['a quote with no verb belongs to the subject of its sentence', 'Ada Quist shared her worry with donors, “I do not know which rival will show up.”', 'I do not know', 'Ada Quist'],
  ['two capitalised words open a sentence and still name a person', 'Voters waited.\n\nCarla Venn threw her support behind Sen. Tom Pell, saying it is time for “a real change.”', 'a real change', 'Carla Venn'],
  ['a leading subordinate clause does not speak', 'When Tom Pell lost, Ada Quist had one answer: “That is not true.”', 'That is not true', 'Ada Quist'],
  ['the owner of a word for something said', 'Ada Quist questioned Tom Pell’s claim that the plan was “fully funded.”', 'fully funded', 'Tom Pell'],
  ['a narration sentence naming someone hands the word over', '“I would say this,” Tom Pell answered. Ada Quist pressed. “Maybe let some people stay?”', 'Maybe let', 'Ada Quist'],
  ['a verb after a clause and a comma is still inverted', '“This will be a challenge” for the mayor, said Ada Quist, a council member.', 'This will be', 'Ada Quist'],
  ['a surname written alone makes an unknown full name a person', 'Tom Pell was joined by Buddy Arvane, a baker.\n\nArvane praised the plan.\n\n“We need someone who gets things done.”', 'We need someone', 'Buddy Arvane'],
  ['"said of X" does not make X the speaker', '“He is not ready,” Ada Quist, who is an actor, said of Tom Pell. “This town deserves better.”', 'This town deserves', 'Ada Quist'],
  ['a role phrase with a nationality finds the person with that role', 'Russian President Vladimir Putin met Tom Pell on Monday. Pell smiled.\n\n“He is a very bright man,” the Russian leader said.', 'He is a very bright', 'Vladimir Putin'],
  ['a partial quote right after an attributed one continues it', '“We will see,” said Ada Quist. Instead, “he just acts like a defeated man.”', 'he just acts', 'Ada Quist'],
  ['a speech verb in a leading subordinate clause reports other words', 'When Tom Pell suggested a delay, Ada Quist fired back: “That is not true.”', 'That is not true', 'Ada Quist'],
  ['a place after "on" before a verb is not its subject', 'Ada Quist answered the question on Facebook writing, “Yes, I will.”', 'Yes, I will', 'Ada Quist'],
  ['a passive "was asked" is not the speaker', 'In an interview, Ada Quist was asked, “What is the most dangerous place?”', 'What is the most', null],
  // Speakers found on PolNeAR train (sentences invented).
  ['a speech verb in an all-capitals headline is no verb', 'FERRY STATES ITS CASE - Ada Quist:  “The harbour will reopen in May.”', 'The harbour will', 'Ada Quist'],
  ['a party label set off by commas', '“The bill is dead,” Rep. Tom Pell, D-Ore., said on Monday.', 'The bill is dead', 'Tom Pell'],
  ['a party label in brackets before a comma', 'In Salem on Tuesday, Gov. Ada Quist (D-OR), said, “We will rebuild the pier.”', 'We will rebuild', 'Ada Quist'],
  ['a name set off by commas after a role phrase', '“The port stays open,” the harbour spokesman, Tom Pell, said on Friday.', 'The port stays', 'Tom Pell'],
  ['an age and a home town between the name and the verb', '“Both of them scare me,” Tom Pell, 30, of Raleigh, N.C., who was polled, said later.', 'Both of them', 'Tom Pell'],
  ['a role phrase with a place word nobody holds is kept as written', 'Tom Pell spoke in Ohio. “We will win,” the Oregon senator said.', 'We will win', 'the Oregon senator'],
  ['a signature opening the next paragraph', 'Claims checked this week:\n\n“Wages have not grown in forty years.”\n\n- Ada Quist.\n\nThe figure is out of date.', 'Wages have not', 'Ada Quist'],
  ['"and" before a named subject with a past verb not ending in -ed opens a clause, past an apposition', 'An executive from Vell Marine called Ms. Berg to urge her to reject it, and J. Thomas Pell, chairman of Vell Ferries, sent her a letter saying, “There is genuine concern throughout the harbour about this plan.”', 'There is genuine concern', 'J. Thomas Pell'],
  ['"and" right after a name joins two subjects of one verb, past their apposition', 'Senator Ann Smith and Senator Bob Jones, both Democrats, signed a letter saying, “The harbour plan is a mistake for every family.”', 'The harbour plan', 'Ann Smith'],
  ['"and" right after a name joins two subjects before an irregular past verb', 'Senator Ann Smith and Senator Bob Jones met reporters on Monday and said, “The harbour plan is a mistake for every family.”', 'The harbour plan', 'Ann Smith'],
  ['a participle after a comma belongs to the subject of the sentence', 'Tom Pell praised his rival, Ada Quist, saying she would be “a fine mayor.”', 'a fine mayor', 'Tom Pell'],
  ['"to" and an object after a verb is no infinitive', '“The ferry is our lifeline,” Tom Pell, the former mayor of Orvale, proclaimed to a cheering crowd.', 'The ferry is', 'Tom Pell'],
  ['an attribution of its own after a question', 'Ada Quist met Tom Pell.\n\n“Would the pier be negotiable?” Tom Pell pressed.', 'Would the pier', 'Tom Pell'],
  ['a name no entity covers, right before the verb after the quote', 'The editorial ran on Sunday.\n\n“Voters have had enough of promises,” Jun wrote.', 'Voters have had', 'Jun'],
  ['a sentence opening with a name and "went on to say"', 'The board met.\n\nBryne went on to say, “From the bottom of my heart, I know this is true.”', 'From the bottom', 'Bryne'],
  ['an aside between dashes breaks no clause', 'Tom Pell, later claiming - again wrongly - that Ada Quist wanted a toll, said the ferries were “mostly empty” in winter.', 'mostly empty', 'Tom Pell'],
  ['words reported by the outer speaker', 'Rep. Tom Pell said Ada Quist called on members to be “closely coordinated.”', 'closely coordinated', 'Tom Pell'],
  ['a clause joined by "but" with no subject of its own', 'Tom Pell used to back Ada Quist, but now said Ben Hardy had “the best plan for the port.”', 'the best plan', 'Tom Pell'],
  ['"and" before a new subject starts a clause', 'The Orvale Gazette will call you a liar and the Harbour Times will accuse you of a “freak out.”', 'freak out', 'Harbour Times'],
  ['after the quote, the clause starts at its end', 'Tom Pell “is tapping into something very deep,” Ada Quist, a Pell supporter, told the Gazette.', 'is tapping into', 'Ada Quist'],
  ['an unknown name after a body and a title noun', '“The flap will pass,” said Orvale Party boss Reinald Priebe on Monday.', 'The flap will', 'Reinald Priebe'],
  ['a sentence opening with a name the entity finder dropped', 'The gala honoured Ben Hardy and Tom Pell. A statement from Moore followed.\n\nMoore thanked him for “stepping up when the council would not.”', 'stepping up', 'Moore'],
  ['a role with its place after it is kept as written when nobody holds it', 'Tom Pell spoke in Ohio.\n\nThe senator from Oregon said the ferry plan was “dead on arrival.”', 'dead on arrival', 'The senator from Oregon'],
  ['a name set off by commas after "the leader of" a body', '“Such a ban is unacceptable,” the leader of the Orvale League, Tom Pell, said on Monday.', 'Such a ban', 'Tom Pell'],
  ['"Like" opening a sentence names no one', 'Like Ben Hardy, Tom Pell rejected the toll, arguing that there is “no money for it” in the budget.', 'no money for it', 'Tom Pell'],
  ['a capitalised pronoun after a closing "!" starts a new sentence, not an attribution', 'After the storm, Tom Pell wrote to Ada Quist, telling her, “you are the best harbour master we have had!” She replied that it was an honour.', 'you are the best', 'Tom Pell'],
  ['a mostly capitalised sentence ending in a lowercase verb is no heading', 'Orvale State University’s Dianne Bystrom agreed. “Time is running out for the pier.”', 'Time is running', 'Dianne Bystrom'],
  ['an unnamed speaker keeps whom it speaks for', 'The hearing was odd: a spokesman for Ada Quist could only quip: “I guess the pier was booked.”', 'I guess the pier', 'a spokesman for Ada Quist'],
  // Speakers found on PolNeAR train and dev (sentences invented).
  ['a signature after a non-breaking space and a dash', 'Readers wrote in.\n\n“The ferry must run all winter.”\u00a0― Tom Pell\n“The pier can wait a year.”\u00a0― Ada Quist', 'The pier can wait', 'Ada Quist'],
  ['a signature with a name no entity knows, alone on its line', 'Readers wrote in.\n\n“The ferry must run all winter.” ― Zorvan Quellik\n“The pier can wait a year.” ― Mirta Vaskellin.\n\nMore letters follow.', 'The pier can wait', 'Mirta Vaskellin'],
  ['a signature with a title before the name', 'Tom Pell spoke first.\n\n"Great speech. She is ready."\n\n-Mayor Ada Quist, writing after the speech.', 'Great speech', 'Ada Quist'],
  ['an attribution with a party label after "!" stays in the sentence', 'The museum opened late.\n\n"Perpetual motion!" Rep. Tom Pell, R-Pa., said of the crowds.', 'Perpetual motion', 'Tom Pell'],
  ['a nominee named in apposition after the role', '"Is the mayor going to resign? He should!" the presumptive GOP mayoral nominee, Ada Quist, tweeted on Sunday.', 'Is the mayor', 'Ada Quist'],
  ['an inverted verb before a role in apposition and the name', 'The board found no “ties of any consequence,” said the board’s director, Tom Pell, on Monday.', 'ties of any', 'Tom Pell'],
  ['a narration sentence with "she" hands the word to the person she is', '“I am calling from the harbour office,” Ada Quist said into the phone.\n\nShe pauses.\n\n“Well, thank you so much.”', 'Well, thank you', 'Ada Quist'],
  ['a quote that is a whole paragraph continues the quote before it', '“We stood side by side,” Ada Quist said. “He lied to me.”\n\n“… and they still go on with their little ways, saying that I am wrong.”', '… and they still go', 'Ada Quist'],
  ['a body named right before a person’s title does not speak', 'The Ferry Committee met. Ferry wants answers.\n\n“Deals are not a favour,” Ferry Chairman Tom Pell said on Monday, adding that tolls were handed out “like candy.”', 'like candy', 'Tom Pell'],
  ['a participle right after a name is that person’s', 'The new ad uses footage of Ada Quist asking, “Why are we not ahead by fifty points?”', 'Why are we not', 'Ada Quist'],
  ['an inverted verb before a title with a slash', '“The rationales do not hold,” said 9/11 widow Ada Quist.', 'The rationales', 'Ada Quist'],
  ['"reported" may come before its subject', 'Ada Quist leads the race. This is “roughly the same lead as last month,” reported Reuters.', 'roughly the same', 'Reuters'],
  ['a question and "demanded" after it', '“Every time you say that,” Tom Pell said, “you give them ammunition.”\n\n“Why is this not proof enough?” Ada Quist demanded.', 'Why is this not', 'Ada Quist'],
  ['"questioned" with no object after a question', 'Tom Pell spoke.\n\n“What was the pivot point?” Ada Quist questioned.', 'What was the pivot', 'Ada Quist'],
  ['a partial quote in the same sentence as an attributed one continues it', '“No one called the harbour,” said Tom Pell, the clerk. “This was an example of Ada Quist” and her team “just quietly deciding that the pier could wait.”', 'just quietly deciding', 'Tom Pell'],
  ['an aside like "for one" between the name and the verb', 'The mayor made charges that Tom Pell, for one, called “harbour lingo.”', 'harbour lingo', 'Tom Pell'],
  ['"said when X asked" does not make X the speaker', 'Ada Quist met Tom Pell on Monday.\n\n“Very good reporter, this guy,” Ada Quist, the mayor and the front-runner in the county by a wide margin after winning the spring vote, said when Pell asked her a question.', 'Very good reporter', 'Ada Quist'],
  ['a party label after the name gives the state of "the Florida senator"', 'Sen. Tom Pell, R-Fla., spoke on the radio after Ada Quist. Nothing Ada Quist said “will calm the town,” the Florida senator said.', 'will calm the town', 'Tom Pell'],
  ['"his claim that" before a quote: the owner is the person "his" refers to', 'Mr. Tom Pell spoke at the pier.\n\nContrary to his claim that voters would “learn nothing,” there is a wealth of detail.', 'learn nothing', 'Tom Pell'],
  ['an owner right before the quote and a word for it right after', 'Unions hate the levy. It is the pull of Ada Quist’s “if you like your ferry, you can keep it” promise that still matters.', 'if you like your ferry', 'Ada Quist'],
  ['"his comment Monday that" before a quote', 'As the debate went on and Tom Pell stood by his comment Monday that “the pier is doomed,” the crowd cheered.', 'the pier is doomed', 'Tom Pell'],
  ['an unnamed reporter for a named outlet', 'Police urged calm on the pier.\n\nA reporter for the Orvale Gazette called it “absolute chaos.”', 'absolute chaos', 'a reporter for the Orvale Gazette'],
  ['a participle after a name and an adverb', 'What do you think of Ada Quist privately saying “pray for him” in response?', 'pray for him', 'Ada Quist'],
  ['"as described by" after the quote names the agent', 'From the ferries to being “extremely careless” with the files – as described by harbour master Tom Pell – the record is poor.', 'extremely careless', 'Tom Pell'],
  ['a person before a participial clause set off by commas, after "after"', "The issue came up after Mr. Tom Pell, asked about the sailors lost under Mr. Ben Hardy, had said, ''I think our town does plenty of that.''", 'I think our town', 'Tom Pell'],
  ['a campaign named by its owner is the subject a participle belongs to', 'Ada Quist spoke. Tom Pell’s campaign shrugged off Quist’s comments, telling reporters, “Nobody on his team ever asked for her endorsement.”', 'Nobody on his team', 'Tom Pell’s campaign'],
  ['a name before an appositive role that names someone else', 'A staffer apologised on Friday.\n\nAda Quist, the press director for Rep. Tom Pell (R-Ore.), wrote that the council should “try showing a little class” at the pier.', 'try showing', 'Ada Quist'],
  ['a role phrase with the name in apposition opens the clause a participle belongs to', 'The aide resigned on Monday.\n\nOn Friday, the aide, Ada Quist, 31, who had many followers, wrote an open letter to Ben Hardy on her page, saying he should “try showing a little class” at the pier.', 'try showing', 'Ada Quist'],
  ['a name right after the close with a long appositive naming someone else', 'Candidates spoke out.\n\n“The pier is hallowed ground to us,” Zorvan Quellik, a Republican trying to unseat Representative Tom Pell, a Democrat, in the Third District, said in a statement.', 'The pier is hallowed', 'Zorvan Quellik'],
  ['a second quote after the verb that attributed the first has the same speaker', 'Candidates spoke out.\n\n“The pier is hallowed ground to us,” Zorvan Quellik, a Republican trying to unseat Representative Tom Pell, a Democrat, in the Third District, said in a statement. “Would they allow a toll on the ferry?”', 'Would they allow', 'Zorvan Quellik'],
  ['"summarized" after the quote', 'Tom Pell spoke first.\n\n“It is completely inconsistent with the plan,” summarized Quist.', 'It is completely', 'Quist'],
  ['a group named by what its members are speaks as written', 'Tom Pell sent the council his budget.\n\nThe bishops noted that “the budget fails every ferry family.”', 'the budget fails', 'The bishops'],
  ['a group subject is not the person its sentence names after it', 'Tom Pell spoke first.\n\nThe Orvale scholars corrected Mr. Tom Pell on his use of the term as “a rationale for gutting the ferry fund.”', 'a rationale', 'The Orvale scholars'],
  ['"he" after a sentence whose main clause opens with a name, past a leading "If" clause naming another man', 'Garth Vole spoke at the convention.\n\nIf last year’s keynote - delivered by radio host Tom Pell - was about the ferries, Vole’s stood out for its demand that the party change.\n\n“It is going to be a good year for the harbour,” he declared.', 'It is going to be', 'Garth Vole'],
  ['"he" in a sentence led by any participle clause naming another man looks back', 'Tom Pell and Ben Hardy campaigned.\n\nIn his interview with the Gazette, Pell also hammered the council for what he called its “utter failure on the ferries.” Amplifying the Hardy campaign message, he said the fares are too high – he also claimed the “harbour of hope has become the harbour of blame.”', 'harbour of hope', 'Tom Pell'],
  // Speakers that are texts, laws, groups and transcript turns; reported speech (issue 17 point 5, sentences invented).
  ['quoted law is the law’s text, not a person’s words', 'Tom Pell denied any offer.\n\nState law makes it a crime for anyone “who promises any job to a rival candidate.”', 'who promises', 'State law'],
  ['a quoted law continues into the next sentence', 'State law makes it a crime for anyone “who promises any job” to a rival. It is also illegal for a clerk to use “his office to sway the ferry vote” at all.', 'his office to sway', 'State law'],
  ['a code that a relative clause makes speak, not the man the sentence is about', 'Critics say the Pell job offer broke the part of the U.S. code that says: “Whoever promises any post shall be fined.”', 'Whoever promises', 'the U.S. code'],
  ['an owner’s brief speaks for the owner', 'Ada Quist’s brief said that was not her view and dismissed the reports as “misread statements and old allegations.”', 'misread statements', 'Ada Quist’s brief'],
  ['an owner’s apology is the owner’s words', 'Mr. Tom Pell’s apology noted his family’s long history on the water, including his stint “hauling nets and mending the ferry ropes.”', 'hauling nets', 'Tom Pell’s apology'],
  ['a document on a campaign’s website speaks for the campaign', 'A document on the Quist campaign’s website states that couples get the leave only if their marriage is “recognized under state law,” critics say.', 'recognized under', 'Quist campaign’s website'],
  ['"the writers" of a letter named before speak as the letter', 'The Orvale University letter argues that Tom Pell misread the teaching. The writers grant that it calls for local help but say it is “not a free pass to dismantle the council” at all.', 'not a free pass', 'The Orvale University letter'],
  ['"the scholars" are the group named before with its modifier', 'The Orvale scholars pointed to the cuts. The scholars say that it is true that “It calls for local help first, but also help from above.”', 'It calls for local', 'The Orvale scholars'],
  ['a paper named by its short title speaks', 'The ferry story ran in 1995.\n\n“After the collapse of the market, Mr. Pell’s company was left holding debt,” the Times wrote.', 'After the collapse', 'the Times'],
  ['an employer inside a role phrase is no speaker', 'Tom Pell spoke at the pier on Friday.\n\nAll we have heard, the Orvale Radio host complained, is “we need a bigger boat, we need a bigger boat.”', 'we need a bigger', 'Tom Pell'],
  ['"demands" after the quote', 'Rep. Tom Pell walked up to the camera.\n\n“Who are you!” the seven-term congressman demands.', 'Who are you', 'Tom Pell'],
  ['reported speech: the subject after "that" tells, not the subject before it', 'He later confirmed that harbour master Ada Quist called him and told him to “give some thought to stepping down,” but did not order it.', 'give some thought', 'Ada Quist'],
  ['"that" inside a leading clause opens no clause', 'Asked whether he meant that Mr. Ben Hardy lied, Mr. Tom Pell did not back down, saying, “I think the mayor has a poor record on the pier.”', 'I think the mayor', 'Tom Pell'],
  ['a clause after "that" ends at the quote: a participle after it is the main subject’s', 'Tom Pell tried to clarify his comment that Mayor Ben Hardy had a “phony plan,” saying he meant the budget.', 'phony plan', 'Tom Pell'],
  ['an ad introduced by its owner speaks for the owner', 'The Quist campaign hit back on Tuesday with a television commercial. “You paid into the ferry fund for years, every paycheck,” the advertisement says.', 'You paid into', 'Quist campaign’s television commercial'],
  ['an ad introduced after another subject is not that subject’s', 'Forty captains sent Mayor Tom Pell an ad script about his budget. “Your budget sinks the harbour,” the ad says.', 'Your budget sinks', 'the ad'],
  ['"they said" is the plural group named as a subject before', 'Five past and present Orvale party senators urged Tom Pell to step aside. “The stakes are too high, and this vote is simply too important,” they said.', 'The stakes are too high', 'Five past and present Orvale party senators'],
  ['"they" after a group phrase is that group', 'The Orvale scholars pointed to the ferry cuts. From experience, they also said they “know how cuts in fares will hurt the poor.”', 'know how cuts', 'The Orvale scholars'],
  ['"they" opening a main clause with no verb is the group before', 'The Orvale scholars pointed to the ferry cuts. From personal experience, they also “know how cuts in fares will hurt the poor.”', 'know how cuts', 'The Orvale scholars'],
  ['"they" in a clause about others is no speaker', 'Officials said the pair raised money. According to a complaint filed by the Orvale Harbour Commission, the developers ran a scheme in which they “systematically looted” the fund.', 'systematically looted', 'Orvale Harbour Commission'],
  ['"after" opens a clause with its own subject: the man asks, not the congressman', 'Rep. Tom Pell grabbed the wrist of a young man after the man approached the congressman and asked if he backed the “harbour agenda.”', 'harbour agenda', null],
  ['"after" before an object is no clause', 'In recent weeks, Ada Quist has gone after Tom Pell as a “human leech who will drain the harbour.”', 'human leech', 'Ada Quist'],
  ['a whip’s title after the close is the person’s, not the chamber’s', 'The justice spoke on Monday.\n\n“It is very unusual for a judge to say so,” Senate Minority Whip Tom Pell, D-Ore., told the outlet.', 'It is very unusual', 'Tom Pell'],
  ['a platform before a word for a post is the channel, not the speaker', 'Ada Quist made her first “Lazy Tom” Twitter post on Tuesday, accusing a former council aide of “ignoring basic safety rules at the pier,” and calling her own harbour board a “secret club.”', 'ignoring basic', 'Ada Quist'],
  ['a chamber and a committee before a chairman’s title are both the title’s', 'Senate Judiciary Chairman Tom Pell, R-Iowa, said he will "closely review" the order, but said that "as a general matter, this is an issue the council should take the lead on."', 'as a general matter', 'Tom Pell'],
  ['a "-born" adjective before a role is no speaker', 'Ada Quist was removed from the hall last year.\n\n“He tried to silence me,” the Orvale-born journalist told a radio host in August.', 'He tried to silence', 'Ada Quist'],
  ['a platform with no owner before its message may speak for itself', 'The breach came to light on Monday.\n\n“We are investigating the breach,” a Facebook message to users said.', 'We are investigating', 'Facebook'],
  ['a transcript turn names its speaker in capitals', 'The interview went on.\n\n“QUIST: But, Mayor Pell, I have to ask you about the ferry. Why go down that road?”', 'QUIST: But', 'QUIST'],
  ['each turn of a quoted transcript has its own speaker', 'The exchange was tense.\n\n“QUIST: Will you quit if the board charges you? PELL: Oh, for goodness sake. It is not going to happen.”', 'PELL: Oh', 'PELL'],
  ['a heading in capitals before a colon is no transcript turn', 'Ada Quist spoke at noon.\n\n“UPDATE: The ferry will run on Sunday after all,” Quist said.', 'UPDATE: The ferry', 'Ada Quist'],
  ['an office speaks for its owner across an aside', 'Some said no. Ada Quist’s campaign, for example, said she would “back the nominee” while Rep. Tom Pell suggested otherwise.', 'back the nominee', 'Ada Quist’s campaign'],
]

for (const [name, text, quote, speaker] of moreCues) {
  test(`findQuotes: ${name}`, () => {
    assert.equal(quoteStarting(text, quote).speaker?.name ?? null, speaker)
  })
}

test('findQuotes: a quoted transcript of two turns is two quotes, each ending where the next label starts', () => {
  const text = 'The exchange was tense.\n\n“QUIST: Will you quit if the board charges you? PELL: Oh, for goodness sake.”'
  assert.deepEqual(
    quotes(text).map((q) => [quoteText(text, q), q.speaker?.name]),
    [['QUIST: Will you quit if the board charges you?', 'QUIST'], ['PELL: Oh, for goodness sake.', 'PELL']],
  )
})

test('findQuotes: a transcript quoted one turn per paragraph, left open as a long quote is, is one quote per turn', () => {
  const text = 'The exchange was tense.\n\n“QUIST: Will you quit if the board charges you?\n\n“PELL: Oh, for goodness sake. It is not going to happen.”'
  assert.deepEqual(quotes(text).map((q) => q.speaker?.name), ['QUIST', 'PELL'])
})

test('findQuotes: a note or a count in capitals inside a quoted transcript turn is no new turn', () => {
  const note = 'The exchange was tense.\n\n“QUIST: We will act. EDITOR’S NOTE: This answer was cut.”'
  assert.deepEqual(quotes(note).map((q) => q.speaker?.name), ['QUIST'])
  const count = 'The talk went on.\n\n“QUIST: I have two rules. ONE: no lies. TWO: no excuses.”'
  assert.deepEqual(quotes(count).map((q) => q.speaker?.name), ['QUIST'])
})

test('findQuotes: a short quote is kept when a speech verb in its sentence reports it, dropped as a scare quote when none does', () => {
  const reported = 'Ada Quist said the plan was “too late” for the town.'
  assert.deepEqual(quotes(reported).map((q) => quoteText(reported, q)), ['too late'])
  const scare = 'The so-called “grand bargain” collapsed on Friday.'
  assert.deepEqual(quotes(scare), [])
})

test('findQuotes: a name in quotation marks in a noun phrase, with no speech verb, is not a quote', () => {
  const text = 'The senator appeared on the “Morning Brief Hour” show and later joined the “Fair Deal Caucus” in the capital.'
  assert.deepEqual(quotes(text), [])
})

test('findQuotes: open and close marks of different kinds pair (“...," she said)', () => {
  const text = '“Our roads are crumbling," Ada Quist said. "Families wait for repairs.”'
  assert.deepEqual(
    quotes(text).map((q) => [quoteText(text, q), q.speaker?.name]),
    [['Our roads are crumbling', 'Ada Quist'], ['Families wait for repairs.', 'Ada Quist']],
  )
})

test('findQuotes: show, book and film titles are not quotes, even next to a speaker', () => {
  const text = '“Prices are too high,” Maya Lind said Sunday on NBC’s “Meet the Press.” She also wrote the book “Counting the Cost.”'
  const found = quotes(text).map((q) => quoteText(text, q))
  assert.deepEqual(found, ['Prices are too high'])
})

test('findQuotes: a programme one is interviewed on is a title, not a quote', () => {
  const text = 'Mayor Ada Quist said in an interview with “Harbour Tonight on ORV” taped Monday that she could close the pier by order. She made an appearance on “The Morning Tide” too.'
  assert.deepEqual(quotes(text).map((q) => quoteText(text, q)), [])
})

test('findQuotes: an opening mark typed where a closing one belongs still closes the quote', () => {
  const text = 'The host pressed on. “Do you want that label?“ he asked. “No, I do not,” said Ray Oduya.'
  const found = quotes(text).map((q) => quoteText(text, q))
  assert.deepEqual(found, ['Do you want that label?', 'No, I do not'])
})

test('findQuotes: a name in apposition to a role phrase speaks, even after a comma-set adverb', () => {
  const text = "On Friday, however, the chief of the Harbor Safety Board, Lena Vorhees, said the cranes had ''failed twice in a week.''"
  assert.equal(quoteStarting(text, 'failed twice').speaker?.name, 'Lena Vorhees')
})

test('findQuotes: a place role phrase resolves only to a person whose own role holds the place', () => {
  // "Ohio" stands near Brandt only across a comma and "after": it is not his role; no one is of Ohio, so the phrase stays as written.
  const text = 'Carla Menendez spoke Friday in Dayton, Ohio, hours after Walter Brandt posted. The Ohio governor said the county was “ready for a recount.”'
  assert.equal(quoteStarting(text, 'ready for').speaker?.name, 'The Ohio governor')
  const named = 'Ohio Gov. Carla Menendez spoke first. Walter Brandt posted later. The Ohio governor said the county was “ready for a recount.”'
  assert.equal(quoteStarting(named, 'ready for').speaker?.name, 'Carla Menendez')
  const sentenceEnd = 'Rain fell all day in Ohio. Walter Brandt posted later. The Ohio senator said the county was “ready for a recount.”'
  assert.equal(quoteStarting(sentenceEnd, 'ready for').speaker?.name, 'The Ohio senator')
})

/** "she"/"he" skip a person of the other gender (known from a first name, a role or an earlier pronoun). */
const genderCases: [text: string, quote: string, speaker: string][] = [
  ['Piotr Walczak met Nadia Ferrante at the dock. “We found the leak,” she said.', 'We found the leak', 'Nadia Ferrante'],
  ['Nadia Ferrante thanked Piotr Walczak for the work. “It took a week,” he said.', 'It took a week', 'Piotr Walczak'],
  ['The pilot, Jorge Almeida, was praised by port captain Ingrid Solberg. “He kept calm,” she said.', 'He kept calm', 'Ingrid Solberg'],
  ['Piotr Walczak met spokeswoman Amara Okafor. “We are ready,” she said.', 'We are ready', 'Amara Okafor'],
  [
    'Okafor, 40, spoke first. “We are ready,” she said. Then Dale Brennick, a farmer, arrived. “So are we,” he said. Brennick waved at Okafor. “It is over,” she said.',
    'It is over',
    'Okafor',
  ],
]

/** A pronoun resolves to the subject of the main clause, not of a leading "When ..." clause. */
genderCases.push([
  'When Ms. Tovar, at a forum in Dayton, suggested a recount, Mrs. Halloran answered that she welcomed it because, she said, “the count was clean.”',
  'the count was clean',
  'Halloran',
])

for (const [text, quote, speaker] of genderCases) {
  test(`findQuotes pronoun gender: “${quote}” -> ${speaker}`, () => {
    assert.equal(quoteStarting(text, quote).speaker?.name, speaker)
  })
}

/** Every direct quote a careful reader lists in the seeds, picked by a phrase, with its speaker. */
const seedQuotes: [needle: string, phrase: string, speaker: string][] = [
  ['made!” Trump said on Truth Social', 'Great progress was made!', 'Donald Trump'],
  ['made!” Trump said on Truth Social', 'Afterwards, I updated', 'Donald Trump'],
  ['made!” Trump said on Truth Social', 'The Russians are eager', 'the White House official'],
  ['made!” Trump said on Truth Social', 'The Russians expressed their desire', 'Karoline Leavitt'],
  ['made!” Trump said on Truth Social', 'Today was a good day', 'Marco Rubio'],
  ['made!” Trump said on Truth Social', 'Putin conveyed some signals', 'Kremlin'],
  ['Kremlin spokesman Dmitry Peskov', 'Everyone agrees this War', 'Trump'],
  ['Kremlin spokesman Dmitry Peskov', 'These actions are unfair', 'Randhir Jaiswal'],
  ['Kremlin spokesman Dmitry Peskov', 'Our joint position', 'Volodymyr Zelensky'],
  ['Kremlin spokesman Dmitry Peskov', 'We’ll have some other discussions', 'Marco Rubio'],
  ['Kremlin spokesman Dmitry Peskov', 'Maybe positive, maybe not', 'Marco Rubio'],
  ['Kremlin spokesman Dmitry Peskov', 'A very useful and constructive', 'Yury Ushakov'],
  ['Kremlin spokesman Dmitry Peskov', 'Time is needed', 'Dmitry Peskov'],
  ['Kremlin spokesman Dmitry Peskov', 'There is zero military sense', 'Volodymyr Zelensky'],
  ['Kremlin spokesman Dmitry Peskov', 'Just cruelty aimed', 'Volodymyr Zelensky'],
  ['Zelenskyy said', 'My Special Envoy, Steve Witkoff', 'Donald Trump'],
  ['Zelenskyy said', 'Afterwards, I updated', 'Donald Trump'],
  ['Zelenskyy said', 'The Russians are eager', 'a senior administration official'],
  ['Zelenskyy said', 'Our joint position', 'Volodymyr Zelenskyy'],
  ['Zelenskyy said', 'Ukraine will definitely defend', 'Volodymyr Zelenskyy'],
  ['Zelenskyy said', 'Tariffs at about 100%', 'Donald Trump'],
  ['Zelenskyy said', 'I never said a percentage', 'Donald Trump'],
  ['Zelenskyy said', 'We’ll see what happens', 'Donald Trump'],
  ['Zelenskyy said', 'We have a meeting with Russia', 'Donald Trump'],
  ['Trump told reporters:', 'We conveyed certain signals', 'Yuri Ushakov'],
  ['Trump told reporters:', 'European leaders were on the call', 'Volodymyr Zelensky'],
  ['Trump told reporters:', 'Putin will stop killing people', 'Donald Trump'],
  ['Trump told reporters:', 'Yeah, get a deal', 'Donald Trump'],
  ['Trump told reporters:', 'They’re wily characters', 'Donald Trump'],
  ['in the Oval Office', 'We had some very good talks', 'Donald Trump'],
  ['in the Oval Office', 'That road was long', 'Donald Trump'],
  ['in the Oval Office', 'I’ve been disappointed before', 'Donald Trump'],
  ['in the Oval Office', 'The Russians expressed their desire', 'Karoline Leavitt'],
  ['in the Oval Office', 'For the first time perhaps', 'Marco Rubio'],
  ['in the Oval Office', 'Putin conveyed some signals', 'Kremlin'],
  ['in the Oval Office', 'The pressure on Russia is working', 'Volodymyr Zelensky'],
  ['in the Oval Office', 'India is not only buying', 'Donald Trump'],
  ['in the Oval Office', 'Hundreds of families', 'Volodymyr Zelensky'],
  ['in the Oval Office', 'This was a deliberate blow', 'Volodymyr Zelensky'],
]

for (const [needle, phrase, speaker] of seedQuotes) {
  test(`findQuotes on seeds: “${phrase}…” -> ${speaker}`, () => {
    const seed = seedContaining(needle)
    const q = quoteStarting(seed.text, phrase)
    assert.equal(q.speaker?.name, speaker)
    assert.equal(q.kind, 'direct')
  })
}

test('findQuotes on seeds: spans exclude marks, start on a word and never come from apostrophes', () => {
  for (const seed of loadSeeds()) {
    for (const q of quotes(seed.text)) {
      const body = quoteText(seed.text, q)
      assert.match(body, /^[\p{L}\p{N}…]/u, `${seed.name}: ${body}`)
      assert.ok(!/^[“”"‘’]|[“”"]$/u.test(body), `${seed.name}: marks kept in ${body}`)
      assert.ok(!/^(?:s|t|ll|re|ve|d)\b/.test(body), `${seed.name}: apostrophe quote ${body}`)
    }
  }
})

test('findQuotes on seeds: partial quotes keep their speakers', () => {
  const cnn = seedContaining('in the Oval Office')
  assert.equal(quoteStarting(cnn.text, 'good chance').speaker?.name, 'Donald Trump')
  assert.equal(quoteStarting(cnn.text, 'very good prospect').kind, 'partial')
  const fox = seedContaining('Zelenskyy said')
  assert.equal(quoteStarting(fox.text, 'useful and constructive').speaker?.name, 'Yuri Ushakov')
})

// Speakers are people, bodies or documents; one who speaks for someone is not that someone.
const speakerKindCases: { text: string; quote: string; speaker: string | null }[] = [
  { text: 'John Doe was convicted on Monday. “We will appeal,” said John Doe’s lawyer, Jane Roe.', quote: 'We will appeal', speaker: 'Jane Roe' },
  { text: 'Mark Pell lost the case. “My client is innocent,” Pell’s attorney, Ann Vole, said.', quote: 'My client is innocent', speaker: 'Ann Vole' },
  { text: 'Mark Pell lost the case. “The verdict is wrong,” said Mark Pell’s lawyer.', quote: 'The verdict is wrong', speaker: 'Mark Pell’s lawyer' },
  {
    text: '“We are disappointed by the ruling,” said the statement from Tom Hale’s attorney, Will Crane.',
    quote: 'We are disappointed',
    speaker: 'Will Crane',
  },
  {
    text: 'Forty professors sent Governor Tom Hale a letter about his budget. “Your budget abandons the poor,” the letter states.',
    quote: 'Your budget abandons',
    speaker: 'the letter',
  },
  {
    text: 'The Acme University letter was sent to Governor Tom Hale on Friday. The letter says, “We urge you to think again before the vote.”',
    quote: 'We urge you',
    speaker: 'The Acme University letter',
  },
  {
    text: 'But the lawsuit from Utah and Idaho argues that Nevada opened a gap. “Guns flow from this gap into our states,” the suit says.',
    quote: 'Guns flow',
    speaker: 'the lawsuit from Utah and Idaho',
  },
  {
    text: '“The site should be moved elsewhere,” reads a statement from Senate Majority Leader Tom Reed’s office.',
    quote: 'The site should',
    speaker: 'Senate Majority Leader Tom Reed’s office',
  },
  {
    text: 'White House press secretary Dana Lee told reporters the talks were over. “We have no plans to change course,” a senior official said.',
    quote: 'We have no plans',
    speaker: 'a senior official',
  },
  {
    text: 'Press Secretary Dana Lee briefed reporters on Monday. “It was a mistake,” the official told reporters.',
    quote: 'It was a mistake',
    speaker: 'the official',
  },
  {
    text: 'The paper said the mayor had resigned.\n\nUPDATE: 7:19 p.m. -- The Daily Ledger now reports that Hale has “been questioned by federal agents in the case.”',
    quote: 'been questioned',
    speaker: 'Daily Ledger',
  },
]

for (const { text, quote, speaker } of speakerKindCases) {
  test(`findQuotes: “${quote}…” -> ${speaker}`, () => {
    assert.equal(quoteStarting(text, quote).speaker?.name ?? null, speaker)
  })
}

test('findQuotes: a state is never a speaker, and neither is a heading', () => {
  const text = 'Kim Barr is the attorney general. Arizona said it “will fight this all the way to the top.”\n\nUPDATE:\n\n“We will win this fight in court,” Arizona said.'
  for (const q of quotes(text)) {
    assert.notEqual(q.speaker?.name, 'Arizona')
    assert.notEqual(q.speaker?.name, 'UPDATE')
  }
})

test('findQuotes: "he said" reaches back to a person the entity finder left untyped; a leading participial clause has no speaker', () => {
  const beck = 'Garth Vole, the keynote speaker of the conference, ripped into his party on Saturday.\n\nProgress, he told the crowd, had stalled.\n\nBut he aimed at both parties, saying he did not know what they stood for.\n\n“It is not enough to be less bad than the other side,” he said.'
  assert.equal(quoteStarting(beck, 'It is not enough').speaker?.name, 'Garth Vole')
  const asked = 'The former senator has a daughter, Bella, who is ill. Asked whether he meant it, Mr. Pell did not back down, saying, “I stand by every word of it.”'
  assert.equal(quoteStarting(asked, 'I stand by').speaker?.name, 'Pell')
  const term = 'Tom Hale settled a lawsuit that his former aide, Lauren Greene, had filed. Greene accused Hale of misconduct.\n\n“I had no idea how to run an office,” the four-term congressman said.'
  assert.equal(quoteStarting(term, 'I had no idea').speaker?.name, 'Tom Hale')
  const leader = 'Calls grew louder, when Senate Majority Leader Mitch Cole, R-Ky., suggested a deal.\n\n“The talks will go on,” he said.'
  assert.equal(quoteStarting(leader, 'The talks will').speaker?.name, 'Mitch Cole')
})

test('findQuotes: "he" after a sentence about someone else\'s words or with a pronoun subject reaches further back; an unnamed bystander is no speaker', () => {
  const letter = 'Jim Vole resigned on Thursday. Mr. Vole’s letter did not single out any decision. Instead, it condemned Mr. Hart’s approach.\n\nHe said national interests lay in “providing effective leadership to our alliances.”'
  assert.equal(quoteStarting(letter, 'providing effective').speaker?.name, 'Jim Vole')
  const recalled = 'Bruce Bray says he would want the seat. He said Tom Hale, though, would likely become chairman.\n\n“If you help me win this race, you may have someone like you,” he said.'
  assert.equal(quoteStarting(recalled, 'If you help').speaker?.name, 'Bruce Bray')
  const video = 'The video shows Rep. Bob Ellis on the sidewalk.\n\nAnother man, not seen on camera, then tells Ellis, “We are just here for a project.”\n\nIn the video, the reporter asks, “Do you support the agenda, Congressman?”'
  assert.equal(quoteStarting(video, 'We are just here').speaker, null)
  assert.equal(quoteStarting(video, 'Do you support').speaker, null)
  const punch = 'On the day footage emerged of a man punching a protester, Mr. Trump said of it, “I don’t like it,” adding that “they have anger.”'
  assert.equal(quoteStarting(punch, 'I don’t like it').speaker?.name, 'Trump')
})

test('findQuotes: "he" is not the object of a leading participle, and an untyped name that spoke is still a person', () => {
  const text = 'Garth Vole, the keynote speaker, ripped into his party on Saturday.\n\n“It is not enough to be less bad,” he said.\n\nNoting that he was a recovering gambler, he said the party had a problem.\n\n“Hello, my name is the party and I have a problem!” he declared.\n\nSaying President Tom Hale, he said, was “too simple an answer.”'
  assert.equal(quoteStarting(text, 'Hello, my name').speaker?.name, 'Garth Vole')
  assert.equal(quoteStarting(text, 'too simple').speaker?.name, 'Garth Vole')
})

test('findQuotes: "he said" after a quote of many sentences looks back past them; a lone untyped surname can be "he"', () => {
  const text = 'Instead, his campaign released an ad in which Vole looks into the camera.\n\n“Fraud is wrong. I used the wrong words,” he said in the ad. “As a father, I want justice. I have a heart. I pray for them. The fact is, it happens. The truth is, it hurts.\n\n“The mistake I made was in the words I said. I ask for your forgiveness,” he said.'
  assert.equal(quoteStarting(text, 'Fraud is wrong').speaker?.name, 'Vole')
  assert.equal(quoteStarting(text, 'As a father').speaker?.name, 'Vole')
})

test('findQuotes: familiar forms of given names carry gender, so "she" does not take a man ("Tim") and spoil his "he"', () => {
  const text = 'Rep. Tim Vole lost the vote to Nancy Reed.\n\nThe California Democrat spoke briefly after the vote, saying she feels “exhilarated” at being re-elected.\n\nSeparately, Vole told reporters he did “a pretty good job” of it.\n\n“I think we got the message out,” he said.'
  assert.equal(quoteStarting(text, 'I think we got').speaker?.name, 'Tim Vole')
})

test('each quote records the speaker rule that read it (via)', () => {
  const cases: [text: string, quote: string, via: string][] = [
    ['“We are ready,” said Kremlin spokesman Dmitry Peskov.', 'We are ready', 'speech-verb/inverted'],
    ['Minister Anna Berg arrived. “We are ready,” Berg said.', 'We are ready', 'speech-verb/before-verb'],
    ['“Putin sent signals,” state media outlet RIA Novosti reported, citing the Kremlin.', 'Putin sent', 'speech-verb/citing'],
    ['“We will win the vote.” ― Ana Diaz', 'We will win', 'signature'],
    ['Mayor Tom Reed thanked the crews for “a job well done” on Monday.', 'a job well done', 'clause-subject'],
    ['Mayor Tom Reed’s claim that the river would “never flood again” proved wrong.', 'never flood', 'said-noun'],
    ['Mayor Tom Reed spoke at the dock.\n\n“The river will not beat us again this year.”', 'The river', 'continuation/sentence-before'],
    ['The sign read “Closed for repairs until spring” in red letters.', 'Closed for', 'none'],
  ]
  for (const [text, quote, via] of cases) assert.equal(quoteStarting(text, quote).via, via, text)
})

test('findQuotes: a lawyer or spokesman a possessive names speaks, not the client before', () => {
  const before = 'Harbour chief Tomas Reyes faces an inquiry. '
  const cases: [string, string][] = [
    ['“My client has done nothing wrong,” said his lawyer.', 'his lawyer'],
    ['“My client has done nothing wrong,” his lawyer said.', 'his lawyer'],
    ['“My client has done nothing wrong,” said his lawyer, Ana Costa.', 'Ana Costa'],
    ['“My client has done nothing wrong,” his lawyer, Ana Costa, said.', 'Ana Costa'],
    ['“He will answer every question,” her spokeswoman told reporters.', 'her spokeswoman'],
  ]
  assertSpeakersAfter(before, cases)
})

test('findQuotes: "the profiler told reporters" is the person described by that occupation, never merely the nearest person', () => {
  const subject = 'The man who mailed the parcels, Oren Vask, was arrested at his farm on Wednesday. '
  const cases: [string, string | null][] = [
    // the occupation written before the expert's name, or in an appositive after it
    ['Former police profiler Dana Hale studied the case for years. Vask had asked newspapers to print his letters. “He wanted to be read,” the profiler told reporters.', 'Dana Hale'],
    ['Dana Hale, a former police profiler, studied the case for years. Vask had asked newspapers to print his letters. “He wanted to be read,” the profiler said.', 'Dana Hale'],
    // the occupation opening a sentence, capitalised
    ['Profiler Dana Hale studied the case for years. Vask had asked newspapers to print his letters. “He wanted to be read,” the profiler said.', 'Dana Hale'],
    // no one described so: the quote has no named speaker, rather than the man talked about
    ['Vask had asked newspapers to print his letters. “He wanted to be read,” the profiler told reporters.', null],
  ]
  for (const [rest, speaker] of cases) {
    const text = subject + rest
    assert.equal(quoteStarting(text, 'He wanted').speaker?.name ?? null, speaker, rest)
  }
  // A role the role phrases list still resolves as before; an adverb is no occupation ("the senator later said").
  const senator = 'Senator Ann Lowe visited the port. Vask was arrested nearby. “We were lucky,” the senator later said.'
  assert.equal(quoteStarting(senator, 'We were lucky').speaker?.name, 'Ann Lowe')
})

test('findQuotes: someone unnamed written after the quote as its verb’s subject speaks as written, not the person named before', () => {
  const before = 'Press secretary Mara Quinn said on Monday that the talks would go on. '
  const cases: [string, string][] = [
    ['“Nothing has been agreed,” a port official told reporters.', 'a port official'],
    ['“Nothing has been agreed,” one port official told reporters, asking not to be named.', 'one port official'],
    ['“We are not leaving,” two dock workers said on Tuesday.', 'two dock workers'],
    // described, then named: the name speaks
    ['“We are not leaving,” said one dock worker, Paul Ames.', 'Paul Ames'],
    ['“We are not leaving,” said a neighbour, Rosa Lind, who has lived there for years.', 'Rosa Lind'],
  ]
  assertSpeakersAfter(before, cases)
  // An unnamed source is the speaker of the words quoted in its sentence (not the mayor, named in the one before).
  const text = 'Mayor Ed Brandt cut the school budget on Monday. A source close to the mayor said he “never wanted the cuts.”'
  assert.equal(quoteStarting(text, 'never wanted').speaker?.name, 'a source close to the mayor')
})

test('findQuotes: "the mayor said" is the person the article gave that role, not the person named last', () => {
  const cases: [string, string, string][] = [
    ['Mayor Ed Brandt cut the school budget on Monday. Governor Ann Lowe criticized the cuts in a speech. The mayor, who faces re-election in May, said he was “disappointed.”', 'disappointed', 'Ed Brandt'],
    ['Mayor Ed Brandt cut the school budget on Monday. Governor Ann Lowe criticized the cuts in a speech. “I stand by every cut,” the mayor told reporters.', 'I stand by', 'Ed Brandt'],
    ['Governor Ann Lowe signed the bill on Monday. Mayor Ed Brandt attended the signing. “This is a good day for the state,” the governor said.', 'This is a good', 'Ann Lowe'],
    // a lead dense with names and titles, the role of one of them
    ['The talks went nowhere. Mayor Ed Brandt met Governor Ann Lowe on Monday. The mayor, who faces re-election in May, said he was “disappointed.”', 'disappointed', 'Ed Brandt'],
  ]
  assertSpeakers(cases)
})

test('findQuotes: "the Gazette quoted Varga as saying" gives the words to the one quoted, not to the paper', () => {
  const lead = 'Council leader Ana Brook backed the plan on Tuesday, while Harbour master Tom Varga opposed it. '
  assertSpeakers([
    [`${lead}The Harbour Gazette quoted Varga as saying the council “ignored the engineers.”`, 'ignored', 'Tom Varga'],
    [`${lead}The newspaper cited Brook, the council leader, as saying that the pier “cannot be saved.”`, 'cannot be', 'Ana Brook'],
    [`${lead}“The pier cannot be saved,” the Gazette quoted Brook as saying.`, 'The pier', 'Ana Brook'],
    [`${lead}The Harbour Gazette quoted a senior council official as saying the vote was “a done deal.”`, 'a done deal', 'a senior council official'],
    // passive: the subject was quoted "in" a paper
    [`${lead}Varga was quoted in the Harbour Gazette as saying: “The council has lost its way.”`, 'The council has', 'Tom Varga'],
  ])
})

test('findQuotes: “...,” it said: the text named before the quote speaks, as written with its owner', () => {
  assertSpeakers([
    ['Council leader Ana Brook issued a statement on Tuesday. Brook’s statement came hours after the vote. “I regret nothing,” it said.', 'I regret', 'Ana Brook’s statement'],
    ['Residents were told on Friday. The letter from the harbour board was short. “The pier will close for good,” it says.', 'The pier', 'The letter'],
  ])
})

test('findQuotes: "the union’s president said" is whoever the article named so, else speaks as written, never the nearest person', () => {
  const cases: [string, string][] = [
    ['Mayor Ed Brandt cut the school budget on Monday. “We will strike,” the union’s president said.', 'the union’s president'],
    ['Mayor Ed Brandt cut the school budget, and union president Ana Pell called a vote. “We will strike,” the union’s president said.', 'Ana Pell'],
    ['Mayor Ed Brandt cut the school budget. Ana Pell, president of the teachers’ union, called a vote. “We will strike,” the union’s president told reporters.', 'Ana Pell'],
  ]
  for (const [text, speaker] of cases) assert.equal(quoteStarting(text, 'We will strike').speaker?.name, speaker, text)
})

test('findQuotes: a public body named by what it is speaks as written ("the port authority said")', () => {
  for (const [text, speaker] of [
    ['Ships wait outside the harbour. “We will reopen the pier on Monday,” the port authority said.', 'the port authority'],
    ['“No one was hurt,” said the regional police in a statement.', 'the regional police'],
  ] as const) {
    const q = quoteStarting(text, text.includes('“We') ? 'We will' : 'No one')
    assert.equal(q.speaker?.name, speaker, text)
  }
})

test('findQuotes: a quotation opened with a single mark and closed with a double one is one quote', () => {
  const text = '"We will rebuild the bridge," the mayor said. \'The river will not win. It never has," she added.'
  const q = quoteStarting(text, 'The river will not win')
  assert.equal(quoteText(text, q), 'The river will not win. It never has')
  // The nearest single mark opens it, not a quoted title before it.
  const titled = 'She called the plan \'Harbour Works\' at the meeting. \'We will build it. It is a promise," she said.'
  assert.deepEqual(quotes(titled).map((x) => quoteText(titled, x)), ['We will build it. It is a promise'])
  // An inch mark after a digit, or a closing mark with a quoted title between, opens nothing.
  for (const none of ['\'Tis the season, the owner said, and a 65" set costs $900.', 'The mayor\'s \'Clean Harbour\' plan drew fire. She said,"It will work," Varga added.']) {
    assert.deepEqual(quotes(none).map((x) => quoteText(none, x)), [], none)
  }
})

test('findQuotes: "<employer> <occupation> <Name> blamed “…”" is the person’s, not the employer’s', () => {
  for (const [text, speaker] of [
    ['Valley Radio host Ann Lee, armed with her notebook, blamed “greed” for the crisis on Saturday.', 'Ann Lee'],
    ['Harbour Daily columnist Tom Pell mocked the “grand plan” in his weekly piece.', 'Tom Pell'],
  ]) {
    const q = quotes(text)[0]
    assert.equal(q?.speaker?.name, speaker, text)
  }
})

test('findQuotes: a leading "As ... put it," clause gives the quote in the main clause to its subject', () => {
  const cases: [string, string, string][] = [
    ['Critics have piled on. As Nora Feld put it in a letter to members in May, the merger is “a gift to the landlords.”', 'a gift', 'Nora Feld'],
    ['The report drew notice. As the Daily Ledger reported, the harbor pilot Tom Varga “never saw the buoy” that night.', 'never saw', 'Daily Ledger'],
    ['Of course, as Ivo Brandt of the Weekly Courant observed, the real test came later:\n\n“The council had its vote, and the vote was a rout for the plan.”', 'The council', 'Ivo Brandt'],
  ]
  assertSpeakers(cases)
  // A lead that reports nothing ("As the rain fell,") leaves the main clause's own subject.
  assert.equal(quoteStarting('As the rain fell, Mayor Ella Dunn called the flood “a warning to us all.”', 'a warning').speaker?.name, 'Ella Dunn')
})

test('findQuotes: a quote inside a quote closes before the outer one, so the signature after the outer one signs it', () => {
  const text = '“He was rude all night.” ― Vera Lund\n“As a nurse....I’d rather live in what he calls “utter chaos” than live where he is in charge.” ― Ana Ruiz\n'
  const outer = quoteStarting(text, 'As a nurse')
  assert.ok(quoteText(text, outer).endsWith('in charge.'), quoteText(text, outer))
  assert.equal(outer.speaker?.name, 'Ana Ruiz')
  // The inner quote is found too, inside the outer one.
  const inner = quoteStarting(text, 'utter chaos')
  assert.ok(inner.span[0] > outer.span[0] && inner.span[1] < outer.span[1])
})

test('findQuotes: an inverted verb reaches a name after a long title of two offices joined by "and"', () => {
  const text = 'Painting the mayor as a threat, the flyers repeat the message.\n\n“He did it twice. He is doing it again,” said former Ohio Gov. and Democratic National Committee Chairman Ed Rendell.'
  assert.equal(quoteStarting(text, 'He did it').speaker?.name, 'Ed Rendell')
  // A relative clause between the verb and a name makes the name its object, not the speaker.
  const other = '“We want answers,” said a prominent senior party member who backs Ann Roe, asking not to be named.'
  assert.notEqual(quoteStarting(other, 'We want').speaker?.name, 'Ann Roe')
})

test('findQuotes: a title named by what follows it or by what it is to a person is not a quote', () => {
  const cases = [
    'Dale Ormond, who had roles in “Harbor Nights at Sea,” spoke to the crowd on Friday.',
    'Ana Roe wrote “The Long Salt Road,” a short history of the port, in 2011.',
    "Last month ''Old Harbor Town,'' an HBO series that first aired in 1990, was revived by Tom Pell.",
    "Tom Pell recommended ''Salt Roads of the North,'' by Ada Quist, to the committee.",
    'Mayor Tom Pell wore a “Vote Pell Again” hat at the rally on Sunday.',
    'Senator Ada Quist crossed the state on a three-day “Quist Can Fix It” bus tour in May.',
    'Tom Pell answered his rival with the nickname “Lazy Larry Quist” on Tuesday.',
    'On this weekend’s broadcast of “Harbor Week Tonight,” Mayor Tom Pell said the pier would open.',
  ]
  for (const text of cases) assert.deepEqual(quotes(text).map((q) => quoteText(text, q)), [], text)
  // A title-cased line that someone says is still a quote.
  const said = 'At the rally, Tom Pell shouted “Vote Pell Again” to the crowd.'
  assert.deepEqual(quotes(said).map((q) => quoteText(said, q)), ['Vote Pell Again'])
})

test('findQuotes: a crowd opening its clause chants the quote, not a place after its verb', () => {
  const marched = 'Hundreds of pro-Roe demonstrators marched through Center City on Monday, chanting "Ada or Jill, No Hill," to passing cars.'
  assert.equal(quoteStarting(marched, 'Ada or Jill').speaker?.name, 'Hundreds of pro-Roe demonstrators')
  const looped = 'Small groups of protesters walked on, looping the streets around Bank of America Stadium while chanting, "Hands up, stay out."'
  assert.equal(quoteStarting(looped, 'Hands up').speaker?.name, 'Small groups of protesters')
  // A clause led by someone meeting supporters is no crowd's.
  const met = 'When Ann Roe met supporters gathered outside, she told them “we are not done yet.”'
  assert.equal(quoteStarting(met, 'we are not').speaker?.name, 'Ann Roe')
})

test('findQuotes: a name after a preposition and a bare occupation noun is an object, not the speaker', () => {
  const text = "In a long interview with journalist Petra Novak last year, Lazlo Brenner said he welcomed the move and added, ''I will plead guilty, no problem.''"
  assert.equal(quoteStarting(text, 'I will plead').speaker?.name, 'Lazlo Brenner')
  // After a possessive the noun is a relation, and the person may still be the subject of what follows.
  const daughter = 'The speech followed an introduction by his daughter Ivy Marsh, who portrayed him as "a true fighter" who delivers.'
  assert.equal(quoteStarting(daughter, 'a true fighter').speaker?.name, 'Ivy Marsh')
})

test('findQuotes: a named owner of a claim whose "that" clause holds the quote said it', () => {
  const blamed = 'Gov. Ada Quist blamed the press for making an issue out of Tom Pell’s claim that Mayor Ray Oduya “founded the cartel,” saying they missed the larger truth.'
  assert.equal(quoteStarting(blamed, 'founded the cartel').speaker?.name, 'Tom Pell')
  const explosive = 'A former aide, Tom Pell, filed suit. But Pell’s most explosive claim is that the ferry board is a “witch hunt” run by insiders.'
  assert.equal(quoteStarting(explosive, 'witch hunt').speaker?.name, 'Tom Pell')
  // A speech verb before the owner reports the whole sentence, the claim included.
  const denied = 'Pell spokeswoman Ada Quist said Thursday that Oduya’s claim that Pell backs the toll is “simply not true.”'
  assert.equal(quoteStarting(denied, 'simply not true').speaker?.name, 'Ada Quist')
})

test('findQuotes: a block quote left open is signed by a name line that ends with the closing mark', () => {
  const text = 'The debate went on.\n\n"I fear we may see a revival of budget hawks as the party tries to set itself apart.\nDana Okafor, Center for Budget Studies."\n\nBut the claim stands.'
  assert.equal(quoteStarting(text, 'I fear').speaker?.name, 'Dana Okafor')
  // A next line that goes on as narration signs nothing.
  const narration = 'Tom Pell spoke first.\n\n"We will rebuild the pier by spring.\nThe council voted on Tuesday to fund it."'
  assert.notEqual(quoteStarting(narration, 'We will rebuild').speaker?.name, 'The council')
})

test('findQuotes: "calls" reports words, so a short quote it names is no scare quote', () => {
  const text = 'Voters know the habit well. The former mayor calls it her “steady hand” these days.'
  const q = quoteStarting(text, 'steady hand')
  assert.equal(q.cue, 'calls')
})

test('findQuotes: an opening mark typed after a word and before a space closes the open quote', () => {
  const text = 'Last week, Mayor Ada Quist asked the state for an “expedited review“ of the water system and said the governor “must act now.”'
  const found = quotes(text).map((q) => quoteText(text, q))
  assert.deepEqual(found, ['expedited review', 'must act now.'])
})

test('findQuotes: a claim owned by one person, judged in the quote by another who speaks after it, is the speaker’s', () => {
  const cases: [string, string][] = [
    ['Tom Bell’s claim that the vote was rigged is “absurd,” Ann Roe said.', 'absurd'],
    ['Tom Bell’s claim that the vote was rigged is “absurd,” said Ann Roe.', 'absurd'],
    ['Tom Bell’s claim that the vote was rigged is “absurd and dangerous,” according to Ann Roe.', 'absurd and'],
    ['Tom Bell’s assertion that the mayor lied was “a cheap shot,” Ann Roe told reporters.', 'a cheap shot'],
    ['Tom Bell’s claim that the vote was rigged, Ann Roe said, is “absurd.”', 'absurd'],
  ]
  for (const [text, quote] of cases) assert.equal(quoteStarting(text, quote).speaker?.name, 'Ann Roe', text)
  // A quote inside the that-clause, the main clause's predicate after it, is the owner's, whoever judges the claim.
  const inside = 'Tom Bell’s argument that the budget is “balanced” is false, said Ann Roe.'
  assert.equal(quoteStarting(inside, 'balanced').speaker?.name, 'Tom Bell')
  // With no speech verb: a comma, a name and a verb still make the quote no claim of Bell's.
  const believes = 'Tom Bell’s claim that the vote was rigged, Ann Roe believes, is “absurd and dangerous.”'
  assert.notEqual(quotes(believes).find((q) => quoteText(believes, q).startsWith('absurd'))?.speaker?.name, 'Tom Bell')
})

test('findQuotes: an inverted verb does not reach past "of", "for", "to", "representing" or "suing" and more words to a name', () => {
  const cases: [string, string][] = [
    ['“We are proud of the team,” said the father of the star quarterback Tom Bell.', 'Tom Bell'],
    ['“We are proud of the team,” said the lawyer representing the family of the late Tom Bell.', 'Tom Bell'],
    ['“We are proud of the team,” said an attorney for the family of victim Tom Bell on Monday.', 'Tom Bell'],
    ['“We are proud of the team,” said a lawyer for the two families suing developer Tom Bell.', 'Tom Bell'],
    ['“We are proud of the team,” said the longtime chief of staff to former Senator Ann Roe.', 'Ann Roe'],
  ]
  for (const [text, name] of cases) assert.notEqual(quoteStarting(text, 'We are proud').speaker?.name, name, text)
  const office = '“We are proud of the team,” said former Deputy Secretary of State Ann Roe.'
  assert.equal(quoteStarting(office, 'We are proud').speaker?.name, 'Ann Roe')
})

test('findQuotes: a name after a preposition and an occupation noun still speaks in its own relative clause', () => {
  const praise = 'The plan drew praise from economist Tom Bell, who called it “bold and overdue.”'
  assert.equal(quoteStarting(praise, 'bold and').speaker?.name, 'Tom Bell')
  const award = 'The award went to teacher Ann Roe, who called it “humbling.”'
  assert.equal(quoteStarting(award, 'humbling').speaker?.name, 'Ann Roe')
})

test('findQuotes: "calls for" with a thing as subject leaves a short quote to the scare-quote rule', () => {
  const things = [
    'The plan calls for a “green corridor” along the river.',
    'The 2019 law calls for a “cooling-off period” before any sale.',
    'The treaty calls for “verifiable” cuts.',
    "Ann Roe's plan calls for “zero emissions” by 2030.",
  ]
  for (const text of things) assert.deepEqual(quotes(text).map((q) => quoteText(text, q)), [], text)
  assert.equal(quoteStarting('Tom Bell calls it “a disaster.”', 'a disaster').speaker?.name, 'Tom Bell')
  assert.equal(quoteStarting('Mayor Ann Roe calls for “restraint” after the riot.', 'restraint').speaker?.name, 'Ann Roe')
})

test('findQuotes: a title-cased quote a speech verb governs is no title', () => {
  const summed = 'Ann Roe summed up the drama: “Game Over.”'
  assert.equal(quoteStarting(summed, 'Game Over').speaker?.name, 'Ann Roe')
  const chanted = 'The crowd chanted “Hands Off Our Pier,” a show of defiance that lasted an hour.'
  quoteStarting(chanted, 'Hands Off Our Pier')
  // A show named after a preposition stays a title, the verb before it notwithstanding.
  const show = 'Mayor Tom Pell said on “Harbor Week Tonight” that the pier would open.'
  assert.deepEqual(quotes(show).map((q) => quoteText(show, q)), [])
})

test('findQuotes: a block quote signed on its own line is signed after extraction too, where lines become paragraphs', () => {
  const text = 'The debate went on.\n\n"I fear we may see a revival of budget hawks as the party tries to set itself apart.\nDana Okafor, Center for Budget Studies."\n\nBut the claim stands.\n'
  const a = annotate(extractArticle({ source: { kind: 'text', path: 'x.txt' }, bytes: new TextEncoder().encode(text) }))
  const body = a.text
  const q = a.quotes.find((x) => body.slice(x.span[0], x.span[1]).startsWith('I fear'))
  assert.ok(q, JSON.stringify(body))
  assert.equal(q.speaker?.name, 'Dana Okafor')
  // A next paragraph that goes on as narration signs nothing there either.
  const narration = 'Tom Pell spoke first.\n\n"We will rebuild the pier by spring.\nThe council voted on Tuesday to fund it."\n'
  const b = annotate(extractArticle({ source: { kind: 'text', path: 'x.txt' }, bytes: new TextEncoder().encode(narration) }))
  const r = b.quotes.find((x) => b.text.slice(x.span[0], x.span[1]).startsWith('We will rebuild'))
  assert.notEqual(r?.speaker?.name, 'The council')
  // Nor does a capitalised closing line of the quote's own after a speaker already named.
  const team = 'Tom Bell said: "We will win the vote.\nGo Team."\n'
  const c = annotate(extractArticle({ source: { kind: 'text', path: 'x.txt' }, bytes: new TextEncoder().encode(team) }))
  const t = c.quotes.find((x) => c.text.slice(x.span[0], x.span[1]).startsWith('We will win'))
  assert.equal(t?.speaker?.name, 'Tom Bell')
})

test('a body named after its place speaks as written, not the place: "the Delmont group", "the Portland office"', () => {
  assertSpeakers([
    ['“We will not stop,” the Portland office said on Monday.', 'We will not stop', 'the Portland office'],
    ['Within hours, the Delmont group sent the council a letter calling the plan “reckless and unfair.”', 'reckless and unfair', 'the Delmont group'],
    // A place alone may still speak for its government.
    ['“We will not stop,” Moscow said on Monday.', 'We will not stop', 'Moscow'],
  ])
})

test('people named after a company speak as written ("a Corvane employee"); a name after "near" in a relative clause is no subject', () => {
  assertSpeakers([
    ['“The line stopped twice,” a Corvane employee said.', 'The line stopped twice', 'a Corvane employee'],
    ['One Facebook user who lives near Austin posted this update: “I have no use for friends like you.”', 'I have no use', 'One Facebook user'],
    ['“It is over,” Corvane Ferries said.', 'It is over', 'Corvane Ferries'],
  ])
})

test('a body or people named after a place or company give way to a name set off after them; "Under Secretary" is a title, not a preposition', () => {
  assertSpeakers([
    ['A Delmont resident, Ann Roe, said, “We are tired of it.”', 'We are tired', 'Ann Roe'],
    ['One Corvane user, Ann Roe, wrote: “I have no use for it.”', 'I have no use', 'Ann Roe'],
    ['Under Secretary of State Ann Roe said, “We will go on.”', 'We will go on', 'Ann Roe'],
  ])
  // "the" or "one" ending a longer word opens no phrase ("cyclone").
  const text = 'After the cyclone Delmont residents said, “We are tired.”'
  assert.equal(quoteStarting(text, 'We are tired').speaker?.name, 'Delmont residents')
})

test('"the mayor" refers back to the one who has just spoken when they hold that role, not to a nearer holder named in passing', () => {
  const text =
    'Mayor Tom Pell on Monday said his talks with Harbour Mayor Ann Roe were useful. ' +
    '“We agreed on the ferry timetable,” Pell said. ' +
    'The mayor said the new timetable would start in June, calling it “a fair deal for both towns.”'
  assert.equal(quoteStarting(text, 'a fair deal').speaker?.name, 'Tom Pell')
})

test('a quote in a clause that names whom a comment or statement is from is theirs', () => {
  assertSpeakers([
    ['The mayor gave no details, but in a comment to the Gazette from a senior administration official, the vote was described as “a close call.”', 'a close call', 'a senior administration official'],
    ['In a statement from Ann Roe, the plan was called “a fair deal.”', 'a fair deal', 'Ann Roe'],
  ])
})

test('"it said" is the body, text or place named before, never the last person named; failing one, the source just quoted', () => {
  assertSpeakers([
    // The body that is the subject of a clause before "it", not the newspaper quoted the sentence before, nor the man profiled.
    [
      'The Delmont Courier reported in 2008 that Mr. Pell “won applause for his speech.” That story is so accepted that when a national outlet, Harbour magazine, profiled Mr. Pell in 2010, it said he had “served two tours at sea.”',
      'served two tours',
      'Harbour',
    ],
    ['Corvane Ferries fired Ann Roe on Monday. In a statement, it said “we wish her well in her next job.”', 'we wish her', 'Corvane Ferries'],
    ['The vote in Brivka went against the plan on Tuesday. “This plan is unacceptable to all of us,” it said in a statement.', 'This plan is', 'Brivka'],
    // No body named: "it" is the text of the one just quoted (her website).
    ['Ann Roe says this about herself on her website: “Born in Delmont, Ann Roe moved to the city at 13.” “Her father worked many jobs to make ends meet,” it says.', 'Her father worked', 'Ann Roe'],
  ])
  // "It said the lawsuit was ...": no body named before, and no one quoted: no one, not the lawsuit.
  const text = 'Ann Roe sued the company in May. It said the lawsuit was “without any merit at all.”'
  assert.equal(quoteStarting(text, 'without any').speaker, null)
})

test('an employer named before "campaign manager" and a name qualifies the role, it does not speak', () => {
  assertSpeakers([
    [
      'Governor Ann Roe watched the debate from Delmont. The Roe campaign relished the night. “They lost the debate, plain and simple,” said Roe campaign manager Tom Hale.',
      'They lost',
      'Tom Hale',
    ],
    ['Senator Bo Pell spoke first. “We will not back down on this bill,” said Pell press secretary Ana Brook.', 'We will not', 'Ana Brook'],
  ])
})

test('a given name used for both genders ("Hilary") tells no gender: "he said" after Hilary Roe is Hilary Roe', () => {
  const text =
    'The plan passed, spokesman Tom Hale said. The final version “asks everyone to reject the plan,” said Hilary Roe, head of the group’s Delmont office. ' +
    '“I hope it will make them think again,” he said.'
  assert.equal(quoteStarting(text, 'I hope').speaker?.name, 'Hilary Roe')
})

test('a crowd noun opening its sentence is the subject that chants ("Demonstrators marched ... and chanted")', () => {
  const text = 'Officer Ann Roe spoke on Monday. Demonstrators marched along the pier and chanted “Save our ferry! Save our town!” until dusk.'
  assert.equal(quoteStarting(text, 'Save our ferry').speaker?.name, 'Demonstrators')
})

test('a colon before a capitalised word starts a clause: its subject speaks ("The night began as usual: Demonstrators ... chanted")', () => {
  const text = 'Officer Ann Roe spoke on Monday. The night began as usual: Demonstrators marched along the pier and chanted “Save our ferry! Save our town!” until dusk.'
  assert.equal(quoteStarting(text, 'Save our ferry').speaker?.name, 'Demonstrators')
})

test('"it" as an object before a speech verb is no subject, and a colon inside a name or a ticker starts no clause', () => {
  assertSpeakers([
    ['The Corvane company drafted a bill. Senator Ann Roe, who opposed it said “it will fail in the end.”', 'it will fail', 'Ann Roe'],
    ['The deal was announced on Monday. Ann Roe, author of Roe: A Life in Politics, said “the merger will close in June.”', 'the merger', 'Ann Roe'],
    ['Ann Roe published a statement on Monday. “I regret the error in full,” it said.', 'I regret the error', 'Ann Roe'],
  ])
})

test('"they wrote" finds a plural group named with an "of" phrase as a subject two sentences before', () => {
  const text =
    'Every Delmont councillor signed a letter on Monday. In a show of unity, all 12 members of the Delmont council are sending the letter to Mayor Bo Pell. ' +
    'That means putting other plans aside. “We cannot agree to any other matters now,” they wrote.'
  assert.equal(quoteStarting(text, 'We cannot agree').speaker?.name, '12 members of the Delmont council')
})

test('a name inside what someone argues or believes before a colon is talked about: it does not speak the quote after it', () => {
  const text =
    'The council met on Monday. Ledgerite, in a reply to the council memo, writes about the budget gaps, and argues that it is this plan that has Mayor Ann Roe worried:\n\n' +
    '“Now, the plan is only partly sound. The council need not have rushed the vote.”'
  assert.notEqual(quoteStarting(text, 'Now, the plan').speaker?.name, 'Ann Roe')
  // The verb's own subject still speaks when the complement holds the speech verb ("argued that Roe said").
  assertSpeakers([
    ['The council met on Monday. The mayor’s aide argued that Ann Roe said “the plan is only partly sound” to the board.', 'the plan is only', 'Ann Roe'],
    ['The council met on Monday. Mayor Ann Roe believes that the Ledger has a point: “The plan is only partly sound.”', 'The plan is only', 'Ann Roe'],
    // Only a reported clause that runs on to the quote: not one a new clause follows, nor one inside a leading clause, nor "that" alone.
    ['The council met. Tom Pell believes that the plan failed, but Mayor Ann Roe had a reply: “We will try again.”', 'We will try', 'Ann Roe'],
    ['The council met. Asked about what Tom Pell said that day, Mayor Ann Roe had a reply: “We will try again.”', 'We will try', 'Ann Roe'],
    ['The council met. The states that Ann Roe won were small; Senator Tom Pell had one answer: “We will try again.”', 'We will try', 'Tom Pell'],
    ['The council met. The one who knew that best was Mayor Ann Roe: “We will try again.”', 'We will try', 'Ann Roe'],
    ['The council met. Everyone knows that the vote failed; Mayor Ann Roe thanked the council for “a hard-fought” session.', 'a hard-fought', 'Ann Roe'],
  ])
})

test('a pronoun before "asked the congressman" or "told Pell" is not the one asked or told', () => {
  const asked = 'Rep. Tom Pell (D-Ore.) appeared irritated by the question of a student this weekend, when he grabbed the student after he asked the congressman if he “fully supported the harbor plan.”'
  assert.notEqual(quoteStarting(asked, 'fully supported').speaker?.name, 'Tom Pell')
  const titled = 'Rep. Tom Pell (D-Ore.) appeared irritated by the question of a student this weekend, when he grabbed the student after he asked Rep. Pell if he “fully supported the harbor plan.”'
  assert.notEqual(quoteStarting(titled, 'fully supported').speaker?.name, 'Tom Pell')
  assertSpeakers([
    ['Ann Roe met Tom Pell on Monday. She told Pell “the vote will pass.”', 'the vote', 'Ann Roe'],
    ['Mayor Tom Pell met reporters on Monday. He told reporters “the vote will pass.”', 'the vote', 'Tom Pell'],
    // A role no one named holds, or someone's staff, is someone else: the pronoun keeps its person.
    ['Mayor Tom Pell spoke on Monday. He told the senator “the vote will pass.”', 'the vote', 'Tom Pell'],
    ['Tom Pell spoke on Monday. “Will the vote pass?” he asked the mayor.', 'Will the vote', 'Tom Pell'],
    ['Sen. Tom Pell spoke on Monday. He told the senator’s aides “the vote will pass.”', 'the vote', 'Tom Pell'],
    // Asking after a role leaves no one's gender guessed.
    ['Mayor Tom Pell spoke at noon. Robin Vale, a student, waited outside. The mayor asked the congressman “Will you vote?” Later, “We are tired of waiting,” she said.', 'We are tired', 'Robin Vale'],
  ])
})

test('common English given names tell a gender: "he" after "Sen. Ann Roe" and "Mayor Tom Pell" is Pell', () => {
  assertSpeakers([['Sen. Ann Roe met Mayor Tom Pell on Monday. He told the senator “the vote will pass.”', 'the vote', 'Tom Pell']])
})

test('a document "by" an employer, a role and a person is the person\'s ("the report, by White House Counsel Ann Roe, concluded")', () => {
  assertSpeakers([['The board met on Monday. But the report, by White House Counsel Ann Roe, concluded that “the claims rest on factual errors.”', 'the claims rest', 'Ann Roe']])
})

test('a pronoun after a sentence opening with a bare role is the person named before with that role', () => {
  const before = 'Mayor Tom Pell backed the harbour plan on Monday. The vote drew Sen. Carl Ruiz into the debate, and Ruiz’s remarks added another voice. '
  assertSpeakers([
    [`${before}The mayor first spoke about it at a dinner on Friday. The next day, he said he was “only talking about the right to build, not its wisdom.”`, 'only talking', 'Tom Pell'],
    // The same without the role sentence: the last man who is a subject.
    [`${before}The next day, he said he was “only talking about the right to build, not its wisdom.”`, 'only talking', 'Carl Ruiz'],
    // After a leading clause too.
    [`${before}When the vote ended, the mayor spoke at a dinner with Ruiz. The next day, he said he was “only talking about the right to build, not its wisdom.”`, 'only talking', 'Tom Pell'],
    // A role's possessive names someone else, who is the subject.
    [`${before}The mayor’s rival, Carl Ruiz, spoke at a dinner on Friday. The next day, he said he was “only talking about the right to build, not its wisdom.”`, 'only talking', 'Carl Ruiz'],
  ])
})

test('a relative clause on a description set off after a name speaks for that person, not for a body it names', () => {
  assertSpeakers([
    ['The photos spread on Friday. Enter Dana Roe — a former Harbor Party media aide who describes herself online as loving “boats, brunch and all things blue!” — whose posts were blunt.', 'boats, brunch', 'Dana Roe'],
    ['Praise came from Ann Roe, a Harbor Trust economist who called the plan “bold and overdue for the whole county.”', 'bold and overdue', 'Ann Roe'],
    // A dash with no space around it sets the description off as well.
    ['Ann Roe—a former Acme aide who describes herself as “a proud daughter of the county”—posted the photos.', 'a proud daughter', 'Ann Roe'],
  ])
  // A name ending a leading clause is that clause's object, not the one described after it.
  assert.notEqual(quoteStarting('After meeting Ann Roe, the council members who called the plan “a disaster for the whole county” voted no.', 'a disaster').speaker?.name, 'Ann Roe')
  // "describes" is a speech verb as "described" is.
  assert.equal(quoteStarting('Ann Roe sent a letter. The levy, Tom Pell describes as “a tax on every family that owns a car.”', 'a tax on every').cue, 'describes')
})

test('a speech verb whose subject names no one gives the quote that unnamed speaker, not the one quoted before', () => {
  const before = 'Ann Roe appears in the ad. “We will not wait,” Ms. Roe is shown saying. '
  assertSpeakers([
    [`${before}Then an unseen announcer concludes: “The county needs a bridge, not more studies.”`, 'The county needs', 'an unseen announcer'],
    [`${before}An announcer says: “The county needs a bridge, not more studies.”`, 'The county needs', 'An announcer'],
    // A name is still the speaker.
    [`${before}Then Tom Pell says: “The county needs a bridge, not more studies.”`, 'The county needs', 'Tom Pell'],
    // An adverb after the subject is no part of it.
    [`${before}An announcer then says: “The county needs a bridge, not more studies.”`, 'The county needs', 'An announcer'],
  ])
  // A quantifier or a noun read as a verb is no unnamed speaker ("A few states require", "One of the posts:").
  for (const text of [`${before}A few states require “a bridge and not more studies.”`, 'Tom Pell posted twice on Monday. One of the posts: “The county needs a bridge, not more studies.”']) {
    const speaker = quotes(text)[quotes(text).length - 1].speaker?.name ?? ''
    assert.ok(!/^(?:A few|One of)/.test(speaker), `${text} -> ${speaker}`)
  }
})

test('words quoted inside a charge or claim are not said by the person the charge is about', () => {
  const before = 'The harbor vote was on Monday. '
  for (const [text, words] of [
    [`${before}Ann Roe rejected claims that she had “sold out the harbor to developers.”`, 'sold out'],
    [`${before}Critics repeated the accusation that Ann Roe had “sold out the harbor to developers.”`, 'sold out'],
    [`${before}The Acme Corp. report disputed any suggestion that the deal was “an improper favor to a donor.”`, 'an improper'],
  ] as const) {
    const speaker = quoteStarting(text, words).speaker?.name ?? null
    assert.ok(speaker === null || !/Roe|Acme/.test(speaker), `${text} -> ${speaker}`)
  }
  // Who makes the charge, when written, still speaks.
  assert.equal(quoteStarting(`${before}Tom Pell renewed his charge that Ann Roe had “sold out the harbor to developers.”`, 'sold out').speaker?.name, 'Tom Pell')
  // A that-clause ended by a comma, and "that" opening a relative clause, leave the subject after them speaking.
  assertSpeakers([
    [`${before}Despite claims that the plant was unsafe, Ann Roe dismissed the report as “a smear by my rivals.”`, 'a smear', 'Ann Roe'],
    [`${before}In the letter that Ann Roe sent, she offered “a full and honest accounting of the deal.”`, 'a full and', 'Ann Roe'],
  ])
  // A title's stop inside the clause does not end it.
  const titled = quoteStarting(`${before}Ann Roe rejected claims that Mr. Pell had “sold out the harbor to developers.”`, 'sold out').speaker?.name ?? null
  assert.ok(titled === null || !/Roe|Pell/.test(titled), `-> ${titled}`)
})
