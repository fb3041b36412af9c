/**
 * Lexicons and line patterns for site furniture in scraped article text. One combined, anchored
 * regular expression per line (a named group per reason) keeps classification to a single pass.
 */

/** Photo agencies and pool names that end a credit line ("Name/AP", "Name/AFP/POOL/Getty Images"). */
const AGENCIES = [
  'AP', 'AP Photo', 'AFP', 'Reuters', 'Getty Images?', 'POOL', 'EPA(?:-EFE)?', 'Bloomberg', 'Sputnik',
  'TASS', 'Xinhua', 'Anadolu(?: Agency)?', 'NurPhoto', 'SOPA Images', 'LightRocket', 'Shutterstock',
  'Alamy', 'ZUMA(?: Press| Wire)?', 'UPI', 'dpa', 'picture alliance', 'Associated Press', 'Redux',
  'Sipa(?: USA)?', 'Imagn', 'WireImage', 'Kremlin', 'Abaca', 'CNN', 'BBC', 'Fox News', 'NurPhoto',
].join('|')

/** Letters of names in Latin scripts (no `u` flag: Unicode-mode matching is several times slower). */
const NAME = String.raw`[a-z\u00c0-\u024f.'’\- ]`

/**
 * One named group per removal reason. `^...$` alternatives must match the whole (trimmed) line;
 * bare ones are phrases found anywhere in a short line (notices are worded many ways around them).
 * The first group that matches names the reason, so the narrow notices (AI disclosure, audio
 * prompt) come before broad ones (read-more, navigation).
 */
const RULES: readonly (readonly [group: string, source: string])[] = [
  ['caption', String.raw`<\/?(?:i|em|b|strong|span|br|figcaption|small|cite)\b[^>]*>`],
  ['aiDisclosure', String.raw`(?:artificial[- ]intelligence|\bai\b)[- ](?:tool|model|system|generated|assisted)|created this summary|(?:summary|article) (?:was )?(?:generated|created|produced|drafted) (?:with|by|using) (?:the help of )?(?:an? )?(?:ai\b|artificial)`],
  ['audioPrompt', String.raw`^(?:new\s*)?(?:you can now listen to .{1,60}? articles|listen to (?:this )?(?:article|story)\b.{0,40}|audio (?:for this article|version).{0,40})[!.]?$`],
  ['updateNote', String.raw`^(?:update[ds]?\b.{0,60}?:\s*)?(?:this|the) (?:story|article|post|report|piece) (?:has been|was|is being|will be) (?:updated|corrected|revised)\b`],
  ['commentNotice', String.raw`community guidelines|be part of the conversation|join the conversation|share (?:a|your) (?:story idea|news tip)|submit (?:a|your) (?:news )?tip|is committed to providing a forum|keep your comments|comments? (?:are|have been) (?:closed|disabled)|commenting (?:policy|guidelines)|^(?:please )?leave a comment|^(?:view|show|load|post a) comments?\b|conversation guidelines`],
  ['copyright', String.raw`^(?:copyright\b|©|\(c\)\s*\d{4}|[™®]\s*(?:&|and)\s*©)|\ball rights reserved\b`],
  ['authorContact', String.raw`^(?:write to|e-?mail|contact|reach)\b.{1,300}?@[\w-]+\.\w|^.{2,80}?\b(?:can|may) be (?:reached|contacted|emailed)\b.{1,200}?@[\w-]+\.\w|^(?:follow|you can follow) .{1,80} on (?:twitter|x|bluesky|threads|instagram)\b`],
  // Prompts name the product ("the Courier Morning Briefing") or the inbox rather than the word "newsletter".
  ['newsletter', String.raw`(?:sign up for|subscribe to|get|receive) (?:our|the|a|this|free) (?:[\w-]+ ){0,6}newsletters?\b|^newsletter sign[- ]?up|^(?:[^.!?]{2,80}[.!?] )?(?:sign up|subscribe) (?:for|to)\b.{2,160}$|^(?:get|receive|sign up for) .{2,120}\b(?:(?:in|to) your inbox|briefing|digest)\b|\bdelivered (?:straight |directly )?to your inbox\b`],
  ['relatedHeadline', String.raw`^(?:related|also read|see also|more from [a-z\u00c0-\u024f ]{2,30}|recommended)\s*:\s*.+$`],
  ['readMore', String.raw`^(?:read (?:the )?(?:full|entire|original|complete) (?:article|story)\b|read more\b|continue reading\b|click here to read\b)`],
  ['contributorLine', String.raw`\bcontributed (?:reporting|to (?:this|the) (?:report|story|article))|^(?:additional )?(?:reporting|editing|writing) by\b`],
  ['wireTag', String.raw`^(?:the-[\w-]+-wire|${NAME}{1,40}?[ -](?:newsource|wire|news service)|article topic follows:.*|distributed by .{2,60}|(?:source|via):\s*${NAME}{2,40})$`],
  ['photoCredit', String.raw`^(?:(?:photo|image|picture|photograph|credit)s?(?: by)?\s*[:|]\s*.{2,80}|\(?(?:photo|image) by .{2,80}\)?|${NAME}{2,60}(?:\s*\/\s*${NAME}{1,40}){0,4}\s*\/\s*(?:${AGENCIES})(?: via ${NAME}{2,40})?|(?:${AGENCIES})(?: photo)?\s*\/\s*${NAME}{2,60}|(?:getty images|ap photo)(?: via ${NAME}{2,40})?)$`],
  ['navigation', String.raw`^(?:skip to (?:main )?content|skip navigation|jump to (?:comments?|main content|navigation)|back to top|(?:open |close |main )?menu|search|advertisement|scroll to continue(?: with content)?|share (?:this (?:article|story)|on (?:facebook|twitter|x))|print (?:this )?(?:page|article)|sign in|log in|toggle navigation)\W*$`],
]

/** Group name -> the `reason` written on the removed piece. */
const REASONS: Record<string, string> = {
  caption: 'caption',
  aiDisclosure: 'ai-disclosure',
  audioPrompt: 'audio-prompt',
  updateNote: 'update-note',
  commentNotice: 'comment-notice',
  copyright: 'copyright',
  authorContact: 'author-contact',
  newsletter: 'newsletter',
  relatedHeadline: 'related-headline',
  readMore: 'read-more',
  contributorLine: 'contributor-line',
  wireTag: 'wire-tag',
  photoCredit: 'photo-credit',
  navigation: 'navigation',
}

const FURNITURE = new RegExp(RULES.map(([group, source]) => `(?<${group}>${source})`).join('|'), 'i')

/**
 * Something a line must contain for a rule that scans far ahead (".{2,80}?", names then "/") to
 * match at its start; a line without it skips that rule. Only for speed: without these guards the
 * reasons are the same.
 */
const GUARDS: Record<string, RegExp> = {
  authorContact: /@|^(?:you can )?follow /i,
  newsletter: /sign|subscri|newsletter|inbox|briefing|digest/i,
  wireTag: /wire|newsource|news service|article topic follows:|distributed by|source:|via:/i,
  photoCredit: /[:|/]|photo by|image by|getty images|ap photo/i,
}

/**
 * Each rule on its own, tried at the line's start only, in RULES order: the first that matches
 * there is the one FURNITURE reports (it tries every alternative at a position before the next).
 */
const AT_START = RULES.map(([group, source]) => ({ reason: REASONS[group] ?? group, pattern: new RegExp(source, 'iy'), guard: GUARDS[group] }))

/** The reason of the first rule that matches at the line's start, or null. */
function reasonAtStart(line: string): string | null {
  for (const rule of AT_START) {
    if (rule.guard && !rule.guard.test(line)) continue
    rule.pattern.lastIndex = 0
    if (rule.pattern.test(line)) return rule.reason
  }
  return null
}

/**
 * One word that each unanchored phrase of RULES must contain (caption tags, AI disclosure, comment
 * notices, "all rights reserved", newsletter inboxes, contributor lines): a line without any of them
 * can only match FURNITURE at its start. Keep in step with RULES (furniture.test.ts puts each
 * phrase in mid-line).
 */
const UNANCHORED_WORD = /<|tool|model|system|generated|assisted|created|produced|drafted|guidelines|conversation|share|submit|forum|comment|rights reserved|newsletter|inbox|contributed/i

/** Lines longer than this are only furniture when they carry one of the notice keywords below. */
const SHORT_LINE = 160
/**
 * Keywords of the notices that run long (AI disclosure, comment notices, author e-mails, update
 * notes, contributor lines, copyright, newsletters): a cheap first test that spares body
 * paragraphs the full pattern.
 */
const LONG_NOTICE = /artificial|summary|guidelines|conversation|story idea|forum|comments|rights reserved|@|contributed|updated|corrected|newsletter|inbox|sign up|<\/?[a-z]/i

/** Separators of a section menu flattened to one line ("News | Sport | Weather"). */
const MENU_SEPARATOR = /\s+[|•·]\s+|\s*\|\s*/
/** Fewest items, and most words and characters per item, of a menu line. */
const MENU_MIN_ITEMS = 3
const MENU_ITEM_WORDS = 3
const MENU_ITEM_CHARS = 24

/**
 * A line of three or more short items between "|" (or "•", "·"): a section menu. A headline with
 * the site name after one bar ("Ferry runs aground | Example News") has two items, a long one.
 */
export function isMenuLine(line: string): boolean {
  if (line.length > MENU_ITEM_CHARS * 10 || !/[|•·]/.test(line)) return false
  const items = line.split(MENU_SEPARATOR)
  if (items.length < MENU_MIN_ITEMS) return false
  return items.every((item) => item.length > 0 && item.length <= MENU_ITEM_CHARS && item.split(' ').length <= MENU_ITEM_WORDS && !/[.!?]$/.test(item))
}

/**
 * "Jonas Albrecht / The Example Courier": a photographer's name, a slash and an outlet, with
 * capitals (case-sensitive, so prose with a slash does not match).
 */
const CREDIT_PAIR = /^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3} ?\/ ?(?:The )?\p{Lu}[\p{L}'’.&-]*(?: (?:of |for |and )?\p{Lu}[\p{L}'’.&-]*){0,4}$/u

/** The furniture reason for a trimmed line, or null when no pattern matches. */
export function furnitureReason(line: string): string | null {
  if (line.length > SHORT_LINE && !LONG_NOTICE.test(line)) return null
  // Most alternatives are anchored with `^`: past the start, only the unanchored phrases can match.
  const atStart = reasonAtStart(line)
  if (atStart) return atStart
  const groups = UNANCHORED_WORD.test(line) ? FURNITURE.exec(line)?.groups : undefined
  if (groups) for (const group in groups) if (groups[group] !== undefined) return REASONS[group] ?? group
  if (isMenuLine(line)) return 'navigation'
  if (line.length <= SHORT_LINE && line.includes('/') && CREDIT_PAIR.test(line)) return 'photo-credit'
  return null
}

/**
 * "By Anna Chernova, Kevin Liptak, CNN" / "By JANE DOE | Reuters" / "By Jo Doe, Coast reporter":
 * case-sensitive, names follow, then perhaps the writer's role.
 */
const BYLINE = /^By:?\s+(?:\p{Lu}[\p{L}.'’-]*\.?)(?:[\s,&|]+(?:and\s+)?(?:\p{Lu}[\p{L}.'’-]*|de|van|von|der|da|bin|al)){0,40}(?:,\s*(?:[\p{L}-]+\s+){0,3}(?:[Rr]eporter|[Cc]orrespondent|[Ee]ditor|[Ww]riter|[Cc]olumnist|[Cc]ontributor|[Pp]roducer|[Bb]ureau [Cc]hief)s?)?[\s,]*$/u

/** True for a byline line. */
export function isByline(line: string): boolean {
  return line.length <= 400 && BYLINE.test(line)
}

/** Words a publication stamp may consist of, besides numbers and punctuation. */
const STAMP_WORD = /^(?:updated?|published|posted|modified|last|first|on|at)$/i
const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?$/i
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?$/i
const MERIDIEM_OR_ZONE = /^(?:am|pm|a\.m\.?|p\.m\.?|et|est|edt|ct|cst|cdt|pt|pst|pdt|mt|gmt|bst|utc|cet|cest|msk)$/i
const NUMERIC_DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{2}|\d{4}))$/
const TIME = /^\d{1,2}:\d{2}(?:am|pm)?$/i
const NUMBER = /^\d{1,4}(?:st|nd|rd|th)?$/i
/** A stamp's tokens: runs of anything but spaces, commas and bars (read one by one: most lines fail at the first). */
const STAMP_TOKEN = /[^\s,|•·]+/g

/**
 * True for a line that is only a date stamp ("Updated Aug. 6, 2025", "5:32 PM EDT, Wed August 6,
 * 2025", "2025-08-06"). A bare number, a version ("4.2.3") or a month and year in a table are not.
 */
export function isDateStamp(line: string): boolean {
  if (line.length > 120 || !/\d/.test(line)) return false
  let stampWord = false, month = false, date = false, time = false, clock = false, numbers = 0
  STAMP_TOKEN.lastIndex = 0
  for (let m = STAMP_TOKEN.exec(line); m !== null; m = STAMP_TOKEN.exec(line)) {
    const token = m[0]
    const word = token.endsWith(':') ? token.slice(0, -1) : token
    if (STAMP_WORD.test(word)) stampWord = true
    else if (MONTH.test(word)) month = true
    else if (NUMERIC_DATE.test(word)) date = true
    else if (TIME.test(word)) time = true
    else if (MERIDIEM_OR_ZONE.test(word)) clock = true
    else if (NUMBER.test(word)) numbers++
    else if (!WEEKDAY.test(word)) return false
  }
  const fullDate = date || (month && numbers >= 2)
  return fullDate || (stampWord && (month || time)) || (time && clock)
}
