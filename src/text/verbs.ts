/**
 * English verb forms the stages share: the simple past forms that do not end in "-ed" (read by the
 * date stage for a month's tense and by the quote stage for where a clause starts).
 */

// Simple past forms news uses that do not end in "-ed" ("bought RJR in February", "began in March").
export const IRREGULAR_PAST: ReadonlySet<string> = new Set(
  (
    'was were had did said made took came went got gave bought brought sold told began became won lost paid held left met ran rose fell saw led kept sent spent built struck found thought knew grew wrote spoke chose broke drove flew threw fought caught taught sought stood understood shot hid swept sank overtook withdrew ' +
    // more of English's irregular pasts that are no present form too ("hit", "cut", "put" are both)
    'arose awoke bore blew bled clung crept dealt drew drank dug fed felt fled flung forbade forgot forgave froze heard hung lent meant mistook oversaw overthrew overcame rang rode sang shook shone shrank slid sped spun sprang stole stuck stung strove swore swam swung tore undertook underwent upheld woke wore wove wept withheld sat slept rebuilt foresaw'
  ).split(' '),
)
