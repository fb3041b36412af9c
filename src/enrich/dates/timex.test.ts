import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findDates } from './index.js'
import { findTimexes, type TimexType } from './timex.js'

type Seen = [text: string, type: TimexType, value: string]

function seen(text: string, publishedAt: string | null): Seen[] {
  return findTimexes(text, publishedAt).map((t) => [text.slice(t.span[0], t.span[1]), t.type, t.value])
}

// Invented sentences; 1998-10-26 is a Monday, 1989-10-26 a Thursday.
const CASES: [string, string, Seen[]][] = [
  // durations, with TimeML's span: "the first", "the past" belong to the expression
  ['Sales have risen for the past two months.', '1998-10-26', [['the past two months', 'DURATION', 'P2M']]],
  ['Net income for the first nine months fell 5%.', '1998-10-26', [['the first nine months', 'DURATION', 'P9M']]],
  ['He worked a 16-hour shift after a two-week break.', '1998-10-26', [['16-hour', 'DURATION', 'PT16H'], ['two-week', 'DURATION', 'P2W']]],
  ['The talks lasted 2 1/2 years.', '1998-10-26', [['2 1/2 years', 'DURATION', 'P2Y6M']]],
  ['It took several years and a few minutes.', '1998-10-26', [['several years', 'DURATION', 'PXY'], ['a few minutes', 'DURATION', 'PTXM']]],
  ['Growth slowed in recent months.', '1998-10-26', [['recent months', 'DURATION', 'PXM']]],
  // not durations: an ordinal, a fraction; but "a one-second delay" is one
  ['It was a second attempt to win three-quarters of the vote.', '1998-10-26', []],
  ['The brakes had a one-second delay.', '1998-10-26', [['one-second', 'DURATION', 'PT1S']]],
  // a number before "on <weekday>" is an amount, not an hour: the weekday stays a date
  ['It was 24 degrees colder: 24 on Thursday.', '1998-10-26', [['Thursday', 'DATE', '1998-10-22']]],
  // sets
  ['The paper is published daily; the board meets each Thursday and every month.', '1998-10-26', [
    ['daily', 'SET', 'P1D'],
    ['each Thursday', 'SET', 'XXXX-WXX-4'],
    ['every month', 'SET', 'P1M'],
  ]],
  // vague references
  ['Prices are now higher, officials recently said, and will rise in the future.', '1998-10-26', [
    ['now', 'DATE', 'PRESENT_REF'],
    ['recently', 'DATE', 'PAST_REF'],
    ['the future', 'DATE', 'FUTURE_REF'],
  ]],
  // years, decades, fiscal years
  ['Prices peaked in the 1990s and fell in 1994; fiscal 1999 looks better.', '1998-10-26', [
    ['the 1990s', 'DATE', '199'],
    ['1994', 'DATE', '1994'],
    ['fiscal 1999', 'DATE', '1999'],
  ]],
  ['Shares rose 1994 points to $1,998.', '1998-10-26', []],
  // spelled years, as broadcast transcripts write them
  ['Atlanta, nineteen ninety-six. Then January nineteen ninety-seven.', '1998-10-26', [
    ['nineteen ninety-six', 'DATE', '1996'],
    ['January nineteen ninety-seven', 'DATE', '1997-01'],
  ]],
  ['They kept the secret for two thousand years.', '1998-10-26', []],
  // holidays: the nearer one, and "last"
  ['Campaigning runs from now to Election Day.', '1998-10-26', [['now', 'DATE', 'PRESENT_REF'], ['Election Day', 'DATE', '1998-11-03']]],
  ['He was found last Thanksgiving.', '1998-10-26', [['last Thanksgiving', 'DATE', '1997-11-27']]],
  // "the end of November" is the month in TimeML
  ['The offer expires at the end of November.', '1998-10-26', [['the end of November', 'DATE', '1998-11']]],
  ['The end of November is near.', '1998-10-26', [['The end of November', 'DATE', '1998-11']]],
  // the end of the current period: "year-end", "the end of the decade" (TimeML's value is the period)
  ['The merger should close by year-end; the plan runs to the end of the decade.', '1998-10-26', [
    ['year-end', 'DATE', '1998'],
    ['the end of the decade', 'DATE', '199'],
  ]],
  // some time back with no number, and a century back (TimeML's century value: its first two digits)
  ['Rates were cut just months ago; a mill stood here a century ago.', '1998-10-26', [
    ['months ago', 'DATE', 'PAST_REF'],
    ['a century ago', 'DATE', '18'],
  ]],
  // lengths with no number after verbs of duration; spelled compound numbers
  ['Repairs could take years, the crew waited hours, and the siege lasted twenty-four hours.', '1998-10-26', [
    ['years', 'DURATION', 'PXY'],
    ['hours', 'DURATION', 'PTXH'],
    ['twenty-four hours', 'DURATION', 'PT24H'],
  ]],
  ['The panel reports in a fortnight.', '1998-10-26', [['a fortnight', 'DURATION', 'P2W']]],
  // frequencies are sets: "twice a month", "every 20 minutes", "every other year", "weekends", "each summer"
  ['The council meets twice a month and inspectors visit three times a year.', '1998-10-26', [
    ['twice a month', 'SET', 'P1M'],
    ['three times a year', 'SET', 'P1Y'],
  ]],
  ['Trains leave every 20 minutes; the survey runs every other year.', '1998-10-26', [
    ['every 20 minutes', 'SET', 'PT20M'],
    ['every other year', 'SET', 'P2Y'],
  ]],
  ['The market is closed on weekends and each summer.', '1998-10-26', [
    ['weekends', 'SET', 'XXXX-WXX-WE'],
    ['each summer', 'SET', 'XXXX-SU'],
  ]],
  // the next fiscal year; a season with no article (the last one begun); "later in the day" (the day last named)
  ['The budget for next fiscal year is late, as it was in late summer.', '1998-10-26', [
    ['next fiscal year', 'DATE', '1999'],
    ['late summer', 'DATE', '1998-SU'],
  ]],
  ['The vote came on Friday; later in the day the chair resigned.', '1998-10-26', [
    ['Friday', 'DATE', '1998-10-23'],
    ['the day', 'DATE', '1998-10-23'],
  ]],
  // an irregular past verb puts a month without a year in the past ("fled", "shook"; "will" ahead)
  ['Rebels fled the city in January, and talks will resume in January.', '1998-10-26', [
    ['January', 'DATE', '1998-01'],
    ['January', 'DATE', '1999-01'],
  ]],
  // lengths counted from an event: "two weeks earlier", "days later" ("a year earlier" stays a date)
  ['Two weeks earlier he had resigned; days later he returned, as a year earlier.', '1998-10-26', [
    ['Two weeks', 'DURATION', 'P2W'],
    ['days', 'DURATION', 'PXD'],
    ['a year earlier', 'DATE', '1997'],
  ]],
  // a part of the day after "into", "through", "for": of the day last named
  ['Shares fell on Friday and trading went on into the night.', '1989-10-30', [
    ['Friday', 'DATE', '1989-10-27'],
    ['the night', 'TIME', '1989-10-27TNI'],
  ]],
  // not time: "fall" the noun, "former"
  ['The fall in prices hurt a former minister.', '1998-10-26', []],
  // quarters and halves
  ['Third-quarter profit rose, and the fourth quarter will be better.', '1989-10-26', [
    ['Third-quarter', 'DATE', '1989-Q3'],
    ['the fourth quarter', 'DATE', '1989-Q4'],
  ]],
  ['Sales fell in the first half of 1990 and in the third quarter of 1984.', '1989-10-26', [
    ['the first half of 1990', 'DATE', '1990-H1'],
    ['the third quarter of 1984', 'DATE', '1984-Q3'],
  ]],
  // discourse: the quarter last named, a year back
  ['Profit rose in the third quarter, from $2 million a year earlier.', '1989-10-26', [
    ['the third quarter', 'DATE', '1989-Q3'],
    ['a year earlier', 'DATE', '1988-Q3'],
  ]],
  ['In the quarter, sales rose from $4 million in the year-earlier quarter.', '1989-10-26', [
    ['the quarter', 'DATE', '1989-Q3'],
    ['the year-earlier quarter', 'DATE', '1988-Q3'],
  ]],
  // without a quarter named, "a year ago" is last year
  ['The plant opened a year ago.', '1989-10-26', [['a year ago', 'DATE', '1988']]],
  ['It failed two weeks ago.', '1998-10-26', [['two weeks ago', 'DATE', '1998-W42']]],
  // findDates' readings with TimeML's spans and values
  ['It happened last November and June last year, and early next year it ends.', '1998-10-26', [
    ['last November', 'DATE', '1997-11'],
    ['June last year', 'DATE', '1997-06'],
    ['early next year', 'DATE', '1999'],
  ]],
  ['The summit is planned for January.', '1998-10-26', [['January', 'DATE', '1999-01']]],
  ['The summit was held in April.', '1998-10-26', [['April', 'DATE', '1998-04']]],
  ['Talks ended Friday morning, before the weekend.', '1998-10-26', [
    ['Friday morning', 'TIME', '1998-10-23TMO'],
    ['the weekend', 'DATE', '1998-W43-WE'],
  ]],
  ['He left this morning.', '1998-10-26', [['this morning', 'TIME', '1998-10-26TMO']]],
  // vague future; "the week" with no day to place it (TimeML's week of the year)
  ['The plant will reopen soon, as soon as possible, and should grow in future quarters.', '1989-10-26', [
    ['soon', 'DATE', 'FUTURE_REF'],
    ['as soon as possible', 'DATE', 'FUTURE_REF'],
    ['future quarters', 'DATE', 'FUTURE_REF'],
  ]],
  ['For the week, the index fell 3%; the week of the crash was worse.', '1989-10-26', [['the week', 'DATE', '1989-WXX']]],
  // from the date last named: "that year", "the following month", "the same day"
  ['The mill closed in March 1989 and reopened the following month; later that year it was sold.', '1990-02-01', [
    ['March 1989', 'DATE', '1989-03'],
    ['the following month', 'DATE', '1989-04'],
    ['later that year', 'DATE', '1989'],
  ]],
  // a rule reads only near the words it needs: "two more weeks" is a count before a unit, "Monday" and "today" hold none
  ['Talks took two more weeks and a couple of days, as Monday showed today.', '1998-10-26', [
    ['two more weeks', 'DURATION', 'P2W'],
    ['a couple of days', 'DURATION', 'P2D'],
    ['Monday', 'DATE', '1998-10-26'],
    ['today', 'DATE', '1998-10-26'],
  ]],
  // after a period of several months, "a year earlier" and "the 1988 period" are the year before, not a quarter
  ['Profit rose in the third quarter. For the nine months, net rose from $40 million a year earlier and $30 million in the 1987 period.', '1989-10-26', [
    ['the third quarter', 'DATE', '1989-Q3'],
    ['the nine months', 'DURATION', 'P9M'],
    ['a year earlier', 'DATE', '1988'],
    ['the 1987 period', 'DATE', '1987'],
  ]],
  ['Net for the year-earlier nine months included a gain.', '1989-10-26', [['the year-earlier nine months', 'DURATION', 'P9M']]],
  // a quarter that ends outside the fiscal quarter last named is a fiscal one: its calendar quarter is unknown
  ['Acme earned $3 million in the fiscal first quarter. For the quarter ended Sept. 30, sales rose from $9 million a year earlier. During the quarter, costs fell.', '1989-10-26', [
    ['the fiscal first quarter', 'DATE', '1989-Q1'],
    ['the quarter', 'DATE', '1989-QX'],
    ['Sept. 30', 'DATE', '1989-09-30'],
    ['a year earlier', 'DATE', '1988-QX'],
    ['the quarter', 'DATE', '1989-QX'],
  ]],
  // the quarter under report stays the reference when an earlier quarter, or one not yet over, is named in passing
  ['Profit rose in the third quarter. After a flat second quarter, costs fell; the fourth quarter will be better. Sales rose from $5 million a year earlier.', '1989-11-01', [
    ['the third quarter', 'DATE', '1989-Q3'],
    ['a flat second quarter', 'DATE', '1989-Q2'],
    ['the fourth quarter', 'DATE', '1989-Q4'],
    ['a year earlier', 'DATE', '1988-Q3'],
  ]],
  // plural weekdays are sets; "post-1990" is the year; "April 24 and 25" two days
  ['The club meets on Mondays and on Tuesday nights in the post-1990 building.', '1998-10-26', [
    ['Mondays', 'SET', 'XXXX-WXX-1'],
    ['Tuesday nights', 'SET', 'XXXX-WXX-2TNI'],
    ['post-1990', 'DATE', '1990'],
  ]],
  ['The fair will be held on April 24 and 25.', '1999-02-10', [['April 24', 'DATE', '1999-04-24'], ['25', 'DATE', '1999-04-25']]],
  // a title is no length of time, a rate no duration; "and a half", "trading days"
  ['He told 60 Minutes he waited a minute and a half; the airline flies four flights a week.', '1998-10-26', [['a minute and a half', 'DURATION', 'PT1M30S']]],
  ['Eight trading days later the index recovered.', '1998-10-26', [['Eight trading days', 'DURATION', 'P8D']]],
  // "soon" after a past event is no future
  ['He was soon released, the trickle soon became a flood, and talks will resume soon.', '1998-10-26', [['soon', 'DATE', 'FUTURE_REF']]],
  // parts of a day: of the day last named, else of the publication day
  ['Shares fell on Friday. Dealers sold in the morning and bought back by mid-afternoon.', '1989-10-30', [
    ['Friday', 'DATE', '1989-10-27'],
    ['the morning', 'TIME', '1989-10-27TMO'],
    ['mid-afternoon', 'TIME', '1989-10-27TAF'],
  ]],
  ['The father will leave at 4 in the morning; officials met at midday.', '2000-04-05', [
    ['4 in the morning', 'TIME', '2000-04-05T04:00'],
    ['midday', 'TIME', '2000-04-05T12:00'],
  ]],
  // "the week of" a day is its week; a part of a decade is the decade; "then current" is past
  ['A hearing is set for the week of March 6, the growth of the last half of the \'80s is over, and the then current price fell.', '2000-02-24', [
    ['the week of March 6', 'DATE', '2000-W10'],
    ["the last half of the '80s", 'DATE', '198'],
    ['then current', 'DATE', 'PAST_REF'],
  ]],
  // "Now," opening a sentence is a discourse marker; "average daily volume" a measure; "more than a quarter of" a fraction
  ['Prices fell. Now, he says, the average daily volume is more than a quarter of the total. Now the market is calm.', '1998-10-26', [['Now', 'DATE', 'PRESENT_REF']]],
  // a period that ended, ended before publication; "the latest fiscal year" is the last one over
  ['In the fiscal year ended Jan. 31, sales rose; in the latest fiscal year they fell.', '1989-10-31', [
    ['the fiscal year', 'DURATION', 'P1Y'],
    ['Jan. 31', 'DATE', '1989-01-31'],
    ['the latest fiscal year', 'DATE', '1988'],
  ]],
  // an expression that modifies a noun leaves the determiner to the noun
  ['Its third-quarter loss widened and a 14-day strike began.', '1989-10-26', [['third-quarter', 'DATE', '1989-Q3'], ['14-day', 'DURATION', 'P14D']]],
  // movable and dated holidays; "-long" adjectives are lengths
  ['Protesters prayed as Easter week began; last Easter and Christmas 1994 were calmer after a day-long vigil.', '2000-04-17', [
    ['Easter week', 'DATE', '2000-W16'],
    ['last Easter', 'DATE', '1999-04-04'],
    ['Christmas 1994', 'DATE', '1994-12-25'],
    ['day-long', 'DURATION', 'P1D'],
  ]],
  // "the previous Friday", "the following Monday": from the day last named
  ['The index fell on Friday, down from the previous Friday; trading resumes the following Monday.', '1989-10-31', [
    ['Friday', 'DATE', '1989-10-27'],
    ['the previous Friday', 'DATE', '1989-10-20'],
    ['the following Monday', 'DATE', '1989-10-23'],
  ]],
  // a plan that had been made looks back: the Friday before publication
  ['The offer had been scheduled to expire Friday.', '1989-10-30', [['Friday', 'DATE', '1989-10-27']]],
  // a month without a year takes the tense of the verb it hangs on: a past verb, the past month ...
  ['Since the firm bought the mill in February, output has doubled.', '1989-10-26', [['February', 'DATE', '1989-02']]],
  ['The firm switched its books to a calendar year in December.', '1989-10-26', [['December', 'DATE', '1988-12']]],
  ['In January, a storm near Denver, Colo., destroyed the plant.', '1989-10-26', [['January', 'DATE', '1989-01']]],
  // ... a modal or "effective", the next one
  ['The airline will add two flights to Lima by August.', '1998-02-13', [['August', 'DATE', '1998-08']]],
  ['The wage rise, effective June 1, lifted costs.', '1989-10-26', [['June 1', 'DATE', '1990-06-01']]],
  // an infinitive, a participle or an adjective in "-ed" says nothing: the nearer month stands
  ['The company agreed to sell the unit in February.', '1989-10-26', [['February', 'DATE', '1990-02']]],
  ['The dividend would be paid on a still unspecified date in January.', '1989-10-26', [['January', 'DATE', '1990-01']]],
  // and a month within weeks of publication is that one whatever the verb
  ['The plant will close in October.', '1989-10-26', [['October', 'DATE', '1989-10']]],
  // "or so" before "ago"; "one day" after a modal is some day to come, not a length of time
  ['Talks began a week or so ago.', '1998-10-26', [['a week or so ago', 'DATE', '1998-W43']]],
  ['Scientists say the comet will one day return; the last visit lasted one day.', '1998-10-26', [
    ['one day', 'DATE', 'FUTURE_REF'],
    ['one day', 'DURATION', 'P1D'],
  ]],
  // the day next to a named one; midnight ends the day it names (TimeML's hour 24)
  ["The day before last Tuesday's vote, the mayor resigned.", '1998-10-29', [['day before last Tuesday', 'DATE', '1998-10-26']]],
  ['The offer will expire at midnight Friday.', '1989-10-26', [['midnight Friday', 'TIME', '1989-10-27T24']]],
  // market levels are not years; a year after "to" in other sentences is one
  ['The index closed at 1985, up 12 points, and the Nikkei fell 14.5 to 1975.', '1989-10-26', []],
  ['Sales fell to 1990 levels.', '1989-10-26', [['1990', 'DATE', '1990']]],
  // plural units with no number: at an edge of a stretch ("the early years"), before "of", after "in"
  ['Losses were heavy in the early years and the final hours.', '2013-03-14', [
    ['the early years', 'DURATION', 'PXY'],
    ['the final hours', 'DURATION', 'PTXH'],
  ]],
  ['Growth slowed in recent quarters after years of boom.', '2013-03-14', [
    ['recent quarters', 'DURATION', 'PXM'],
    ['years', 'DURATION', 'PXY'],
  ]],
  ['The ship sank in minutes.', '2013-03-14', [['minutes', 'DURATION', 'PTXM']]],
  // "the past week" is a length of time; "this past week" the week before publication
  ['Shares fell over the past week and will rise in the coming month.', '2013-03-14', [
    ['the past week', 'DURATION', 'P1W'],
    ['the coming month', 'DURATION', 'P1M'],
  ]],
  ['The index gained 3 percent this past week.', '2013-03-14', [['this past week', 'DATE', '2013-W10']]],
  ['Two candidates may drop out within the next week.', '2013-03-14', [['the next week', 'DURATION', 'P1W']]],
  // half of a unit
  ['He waited half an hour; the war lasted half a century.', '2013-03-14', [
    ['half an hour', 'DURATION', 'PT30M'],
    ['half a century', 'DURATION', 'P50Y'],
  ]],
  // lengths no number gives
  ['The troops may stay for some time, perhaps for a fairly long period.', '2013-03-14', [
    ['some time', 'DURATION', 'PXX'],
    ['a fairly long period', 'DURATION', 'PXX'],
  ]],
  // "the day", "the same day", an ordinal day: the day last named, else the publication day
  ['Crowds gathered on Tuesday and stayed throughout the day.', '2013-03-14', [
    ['Tuesday', 'DATE', '2013-03-12'],
    ['the day', 'DATE', '2013-03-12'],
  ]],
  ['The strike entered its fifth day, and the union met the same day.', '2013-03-14', [
    ['its fifth day', 'DATE', '2013-03-14'],
    ['the same day', 'DATE', '2013-03-14'],
  ]],
  // an ordinal day with no day named before it is the day of writing only when the text says the count goes on
  ['The second day of the hearing was Tuesday.', '2013-03-14', [['Tuesday', 'DATE', '2013-03-12']]],
  ['The siege, now in its ninth day, goes on; it is the third day without water.', '2013-03-14', [
    ['now', 'DATE', 'PRESENT_REF'],
    ['its ninth day', 'DATE', '2013-03-14'],
    ['the third day', 'DATE', '2013-03-14'],
  ]],
  ['The bank failed on March 4; the following week, its rival fell.', '2013-03-14', [
    ['March 4', 'DATE', '2013-03-04'],
    ['the following week', 'DATE', '2013-W11'],
  ]],
  // with no date named before, "the previous year" counts from publication (a day cannot: "the next day" follows an event)
  ['Profit fell the previous year; the next day, shares rose.', '2013-03-14', [['the previous year', 'DATE', '2012']]],
  // "once in a while" is no length
  ['She meets voters once in a while.', '2013-03-14', []],
  // quarters in a results table's notation; "another week"; "a quarter century"
  ['Profit rose in Q1 and will rise again in Q3 2013 ("Q400" is a plane).', '2013-04-20', [
    ['Q1', 'DATE', '2013-Q1'],
    ['Q3 2013', 'DATE', '2013-Q3'],
  ]],
  ['The strike could last another week; the feud has run for a quarter century, the inquiry a dozen years.', '2013-03-14', [
    ['another week', 'DURATION', 'P1W'],
    ['a quarter century', 'DURATION', 'P25Y'],
    ['a dozen years', 'DURATION', 'P12Y'],
  ]],
  // half of a dozen is six, spelled with or without "a" and a hyphen
  ['The feud lasted half a dozen years; the repairs took a half-dozen days. A half dozen weeks ago it broke again.', '2013-03-14', [
    ['half a dozen years', 'DURATION', 'P6Y'],
    ['a half-dozen days', 'DURATION', 'P6D'],
    ['A half dozen weeks ago', 'DATE', '2013-W05'],
  ]],
  // "a fortnight ago"; the financial year (British for the fiscal one); the rest of the day
  ['The scheme began a fortnight ago; profit fell in the financial year, and rain will fall for the rest of the day.', '2013-03-14', [
    ['a fortnight ago', 'DATE', '2013-W09'],
    ['the financial year', 'DATE', '2013'],
    ['the rest of the day', 'DATE', '2013-03-14'],
  ]],
  // decimal and spelled halves
  ['The flight took 2.5 hours after a 3.5-hour delay; he spent two and a half years abroad and a year-and-a-half at home.', '2013-03-14', [
    ['2.5 hours', 'DURATION', 'PT2H30M'],
    ['3.5-hour', 'DURATION', 'PT3H30M'],
    ['two and a half years', 'DURATION', 'P2Y6M'],
    ['a year-and-a-half', 'DURATION', 'P1Y6M'],
  ]],
  // each year of a range of full years ("1990-91" stays out); "is set for" looks ahead
  ['Output rose 2009-2011; the 1990-91 slump was worse.', '2013-03-14', [['2009', 'DATE', '2009'], ['2011', 'DATE', '2011']]],
  ['The vote is set for Nov. 6.', '2013-03-14', [['Nov. 6', 'DATE', '2013-11-06']]],
  // a range of numbers that are an amount or part of a name is no range of years
  ['The contract is valued at 2009-2011 million, the regulator said.', '2013-03-14', []],
  ['Staff still ran Windows 2000-2003 machines; the bus takes Route 2009-2011, and file No. 1998-2004 is lost.', '2013-03-14', []],
  ['In 2009-2011, exports fell.', '2013-03-14', [['2009', 'DATE', '2009'], ['2011', 'DATE', '2011']]],
  // "Q3" after a product's name is a model; with no year, a quarter needs a word such as "the", "in", "fiscal"
  ['She traded her Audi Q3 for a Nokia Q2, then bought a Q4.', '2013-04-20', []],
  ['Margins widened in fiscal Q2, and the Q3 figures are due.', '2013-08-20', [['Q2', 'DATE', '2013-Q2'], ['Q3', 'DATE', '2013-Q3']]],
  // a year on the next line (a table's next row) is not the quarter's
  ['Revenue by quarter: Q1\n2011 was the base year.', '2013-04-20', [['Q1', 'DATE', '2013-Q1']]],
  // "or so" belongs to the length it hedges
  ['Prices will rise over the next two years or so.', '2013-03-14', [['the next two years or so', 'DURATION', 'P2Y']]],
  // "at the end of the day" is an idiom
  ['At the end of the day, voters decide.', '2013-03-14', []],
  // "last" after a modal is the verb, outside the expression
  ['The talks could last two weeks.', '2013-03-14', [['two weeks', 'DURATION', 'P2W']]],
  // "back" as "ago"; seasons counted from the date last named (a winter is the year of its December)
  ['The firm was sold two years back.', '2013-03-14', [['two years back', 'DATE', '2011']]],
  ['The dam broke in June 2010; the following spring the river rose, and the previous winter was dry.', '2013-03-14', [
    ['June 2010', 'DATE', '2010-06'],
    ['the following spring', 'DATE', '2011-SP'],
    ['the previous winter', 'DATE', '2009-WI'],
  ]],
  // curly apostrophes read as straight ones
  ['Prices peaked in the ’80s and should recover by year’s end, after Valentine’s Day.', '2013-03-14', [
    ['the ’80s', 'DATE', '198'],
    ['year’s end', 'DATE', '2013'],
    ['Valentine’s Day', 'DATE', '2013-02-14'],
  ]],
  // parts of the day with a modifier
  ['Shots rang out in the early morning and again in the middle of the night.', '2013-03-14', [
    ['the early morning', 'TIME', '2013-03-14TMO'],
    ['the middle of the night', 'TIME', '2013-03-14TNI'],
  ]],
  // holidays named "... Day" and fixed feasts
  ["Florists are busy before Valentine's Day and Mother's Day, and quiet after Halloween.", '2013-03-14', [
    ["Valentine's Day", 'DATE', '2013-02-14'],
    ["Mother's Day", 'DATE', '2013-05-12'],
    ['Halloween', 'DATE', '2012-10-31'],
  ]],
]

describe('findTimexes', () => {
  for (const [text, dct, expected] of CASES) {
    it(JSON.stringify(text), () => assert.deepEqual(seen(text, dct), expected))
  }

  it('returns only expressions that need no anchor when there is no publication date', () => {
    assert.deepEqual(seen('The war began on Feb. 24, 2022, and talks resumed now.', null), [['Feb. 24, 2022', 'DATE', '2022-02-24']])
  })

  it('finds expressions anywhere in a long text, at their places', () => {
    const filler = 'The committee heard from witnesses and read the papers. '.repeat(120)
    const text = `${filler}Prices rose in the 1990s and have been flat for two years.${filler}It meets each Thursday.`
    const found = findTimexes(text, '1998-10-26').map((t) => [text.slice(t.span[0], t.span[1]), t.value])
    assert.deepEqual(found, [['the 1990s', '199'], ['two years', 'P2Y'], ['each Thursday', 'XXXX-WXX-4']])
  })

  it('keeps the spans of the calendar dates findDates finds and adds no overlapping ones', () => {
    const text = 'On Tuesday, Aug. 5, 2025, at 6:30 p.m., the council met for two hours; it meets daily now.'
    const timexes = findTimexes(text, '2025-08-06')
    for (const d of findDates(text, '2025-08-06')) assert.ok(timexes.some((t) => t.span[0] <= d.span[0] && t.span[1] >= d.span[1]))
    for (let i = 1; i < timexes.length; i++) assert.ok(timexes[i - 1].span[1] <= timexes[i].span[0])
  })
})

describe('a month or day the text schedules: the date and the expression take the same year', () => {
  // published on 2013-03-14; "had been set" is a plan of the past, "slated by critics" British for criticised
  const cases: [string, string, string][] = [
    ['The referendum is set for January.', 'January', '2014-01'],
    ['Both hearings are slated for December, lawyers said.', 'December', '2013-12'],
    ['Her appeal had been set for Jan. 7 before it was dropped.', 'Jan. 7', '2013-01-07'],
    ['The coach was slated by fans in January after the defeat.', 'January', '2013-01'],
    // a day of a month too: the coming one when the clause looks ahead, the last one when it does not
    ['The recount will be held on Nov. 6.', 'Nov. 6', '2013-11-06'],
    ['The final is set for Jan. 9.', 'Jan. 9', '2014-01-09'],
    ['The recount was held on Nov. 6.', 'Nov. 6', '2012-11-06'],
  ]
  for (const [text, expression, value] of cases) {
    it(JSON.stringify(text), () => {
      const at = text.indexOf(expression)
      const date = findDates(text, '2013-03-14').find((d) => d.span[0] === at)
      const timex = findTimexes(text, '2013-03-14').find((t) => t.span[0] === at)
      assert.deepEqual([date?.value, timex?.value], [value, value])
    })
  }
})

describe('provenance: each reading names the rule that made it', () => {
  it('rules by name, dates by the parser that found them', () => {
    const text = 'Profit rose in the third quarter, from $2 million a year earlier, the company said on Tuesday.'
    const via = Object.fromEntries(findTimexes(text, '1989-10-26').map((t) => [text.slice(t.span[0], t.span[1]), t.via]))
    assert.equal(via['the third quarter'], 'timex/quarter')
    assert.equal(via['a year earlier'], 'timex/a-year-ago')
    assert.match(via['Tuesday'], /^(?:chrono|news)\//)
  })

  it('findDates keeps the parser of each date as its via', () => {
    const text = 'The ferry sank on Tuesday, last month the route closed.'
    for (const d of findDates(text, '2025-08-06')) assert.match(d.via ?? '', /^(?:chrono|news)\/[\w-]+/, text.slice(d.span[0], d.span[1]))
  })
})

// Invented sentences (1998-10-26 is a Monday): "in" and a count of units after a modal or "will" in
// its clause is a time that far after publication; a negation, a perfect, a superlative or an
// approximate count keeps the length.
describe('"in five years" said of the future is a date', () => {
  const table: [text: string, expected: Seen[]][] = [
    ['The bonds will be repaid in five years.', [['five years', 'DATE', '2003']]],
    ['The minister said the plant could reopen in two months.', [['two months', 'DATE', '1998-12']]],
    ['Officials expect to decide in three weeks.', [['three weeks', 'DATE', '1998-W47']]],
    ['Investors may see a profit in a few years.', [['a few years', 'DATE', 'FUTURE_REF']]],
    ['Prices rose in two years by a third.', [['two years', 'DURATION', 'P2Y']]],
    ['It would be the first such vote in 20 years.', [['20 years', 'DURATION', 'P20Y']]],
    ['She will not have worn it in six months.', [['six months', 'DURATION', 'P6M']]],
    ['Rates will be the same in more than two years.', [['more than two years', 'DURATION', 'P2Y']]],
  ]
  for (const [text, expected] of table) it(text, () => assert.deepEqual(seen(text, '1998-10-26'), expected))
})

// Invented sentences: an amount just before "a day" makes a rate ("$3 a day"), but a number that ends
// the sentence before does not ("... on Aug. 3. A day earlier, ...").
describe('a number ending the sentence before "a day" makes no rate', () => {
  it('"Aug. 3. A day earlier" keeps its length', () =>
    assert.deepEqual(seen('The bank failed on Aug. 3. A day earlier, depositors had lined up.', '1998-08-10'), [['Aug. 3', 'DATE', '1998-08-03'], ['A day', 'DURATION', 'P1D']]))
  it('"after 1999, a year after" keeps its length', () =>
    assert.deepEqual(seen('He left in 1999, a year after the vote.', '2016-10-12'), [['1999', 'DATE', '1999'], ['a year', 'DURATION', 'P1Y']]))
  it('"$3 a day" is still a rate', () => assert.deepEqual(seen('Fares cost $3 a day.', '1998-08-10'), []))
})

// Invented sentences (2026-03-10 is a Tuesday): "in" and a count after a modal is a length when the
// modal belongs to another clause (a relative one, or the past verb comes between), when "will" is a
// noun, or when the count is a length of something ("two years of treatment", "five years out of
// ten", "in two days than ...", "three games in five days", "at any point in three years").
describe('"in five years" after a modal that is not its verb is a length', () => {
  const table: [text: string, expected: Seen[]][] = [
    ['Shares that could double went up 40% in two months.', [['two months', 'DURATION', 'P2M']]],
    ['The man who will lead the firm doubled its sales in two years.', [['two years', 'DURATION', 'P2Y']]],
    ['A plan that would cut costs failed in two weeks.', [['two weeks', 'DURATION', 'P2W']]],
    ['Against the will of voters the council raised taxes twice in two years.', [['two years', 'DURATION', 'P2Y']]],
    ['Patients will improve in two years of treatment.', [['two years', 'DURATION', 'P2Y']]],
    ['The fund will invest in three years of bonds.', [['three years', 'DURATION', 'P3Y']]],
    ['Such shares will lose value in five years out of ten.', [['five years', 'DURATION', 'P5Y']]],
    ['The team will play three games in five days.', [['five days', 'DURATION', 'P5D']]],
    ['The town could see more rain in two days than it usually gets in a month.', [['two days', 'DURATION', 'P2D'], ['a month', 'DURATION', 'P1M']]],
    ['Prices will rise faster than at any point in three years.', [['three years', 'DURATION', 'P3Y']]],
    // a figure reads as the word does
    ['The bonds will be repaid in 5 years.', [['5 years', 'DATE', '2031']]],
  ]
  for (const [text, expected] of table) it(text, () => assert.deepEqual(seen(text, '2026-03-10'), expected))
})
