/**
 * Threads: forum topics, Q&A answers and comment-led pages hold their content as a run of sibling
 * posts alike in markup. Readability scores each post on its own and keeps the best one, losing
 * the rest of the thread. Two stages around it: before Readability rewrites the document, the runs
 * of posts are found and their blocks read; after it, when what Readability kept lies inside one
 * post of a run (the page's main text is itself a post), the whole run is the content. A news
 * article followed by reader comments is not a post of the comment run, so it keeps its own text.
 */
import { collectBlocks, ELEMENT_NODE, SKIPPED, TEXT_NODE, type DomElement, type DomNode, type TextBlock } from './dom.js'

/** Options for {@link findPostRuns}. */
export interface ThreadOptions {
  /** Fewest sibling posts that make a thread. */
  minPosts?: number
  /** Fewest text characters in an element for it to count as a post. */
  minPostChars?: number
  /** Most runs kept (the ones with the most text): a page has one thread, rarely two. */
  maxRuns?: number
}

/** One run of sibling posts: each post's blocks, in page order. */
export interface PostRun {
  posts: TextBlock[][]
  chars: number
}

/** Elements that hold a paragraph, not a post: a run of them is an article's body. */
const NOT_POSTS = new Set(['P', 'SPAN', 'A', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TD', 'TH', 'DT', 'DD', 'STRONG', 'EM', 'B', 'I'])
const DIGITS = /\d+/g
/**
 * What forum, Q&A and comment software calls a post in its classes, ids and schema.org item types.
 * Runs of cards, slides and page sections are alike in markup too, but are not a thread: a run
 * counts only when its posts are `<article>`s or say they are posts.
 */
const POST_WORDS = /post|comment|message|answer|reply|topic|thread|discussion/i

function namesPost(element: DomElement): boolean {
  if (element.tagName === 'ARTICLE') return true
  const words = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('itemtype') ?? ''}`
  return POST_WORDS.test(words)
}

/** Tag and first class word (digits dropped): posts share it, whatever state classes they add. */
function signature(element: DomElement): string {
  const cls = element.getAttributeNode('class')?.value.trim().split(/\s+/)[0]?.replace(DIGITS, '') ?? ''
  return `${element.tagName}.${cls}`
}

/**
 * Runs of at least `minPosts` sibling elements with the same tag and first class word and at least
 * `minPostChars` characters of text each, named as posts, the `maxRuns` with most text, with each
 * post's blocks.
 * One walk over the page counts the text under every element. Run it before Readability.
 */
export function findPostRuns(root: DomNode, options: ThreadOptions = {}): PostRun[] {
  const { minPosts = 3, minPostChars = 80, maxRuns = 3 } = options
  const chars = new Map<DomNode, number>()
  const found: { posts: DomElement[]; chars: number }[] = []
  const count = (node: DomNode): number => {
    if (node.nodeType === TEXT_NODE) return (node.textContent ?? '').trim().length
    if (node.nodeType !== ELEMENT_NODE || SKIPPED.has(node.nodeName.toUpperCase())) return 0
    let total = 0
    let elements = 0
    for (let child = node.firstChild; child; child = child.nextSibling) {
      total += count(child)
      if (child.nodeType === ELEMENT_NODE) elements++
    }
    chars.set(node, total)
    if (elements >= minPosts) collectRuns(node as DomElement)
    return total
  }
  const collectRuns = (parent: DomElement): void => {
    const groups = new Map<string, DomElement[]>()
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (NOT_POSTS.has(child.tagName) || (chars.get(child) ?? 0) < minPostChars) continue
      const key = signature(child)
      const group = groups.get(key)
      if (group) group.push(child)
      else groups.set(key, [child])
    }
    for (const posts of groups.values()) {
      if (posts.length >= minPosts && namesPost(posts[0])) found.push({ posts, chars: posts.reduce((sum, post) => sum + (chars.get(post) ?? 0), 0) })
    }
  }
  count(root)
  return found
    .sort((a, b) => b.chars - a.chars)
    .slice(0, maxRuns)
    .map((run) => ({ posts: run.posts.map((post) => collectBlocks(post)), chars: run.chars}))
}

/** Text characters in blocks. */
function blockText(blocks: readonly TextBlock[]): number {
  return blocks.reduce((sum, block) => sum + block.text.length, 0)
}

/**
 * The blocks of the thread Readability's `kept` blocks are one post of, or null. Readability's
 * longest block must lie in exactly one post of a run, and the run must hold at least twice the
 * text Readability kept (otherwise Readability already has the thread, or the run is not it).
 */
export function threadContent(kept: readonly TextBlock[], runs: readonly PostRun[]): TextBlock[] | null {
  if (kept.length === 0 || runs.length === 0) return null
  // A prefix: Readability may join what the page walk reads as two blocks.
  const longest = kept.reduce((a, b) => (b.text.length > a.text.length ? b : a)).text.slice(0, 80)
  const keptChars = blockText(kept)
  const holds = (post: TextBlock[]): boolean => post.some((block) => block.text.includes(longest))
  for (const run of runs) {
    if (run.chars < 2 * keptChars) continue
    const holding = run.posts.filter(holds)
    if (holding.length === 1) return run.posts.flat()
  }
  return null
}

/** A reply's paragraph this long found in Readability's text shows that it kept the replies. */
const MIN_REPLY_CHARS = 40

/** Least text of the replies' run, as a share of Readability's text. */
const MIN_REPLIES_SHARE = 0.5

/** schema.org types of a forum topic or a question with its answers, in JSON-LD or microdata. */
const THREAD_TYPES = /"@type"\s*:\s*(?:\[[^\]]{0,200}?)?"(?:https?:\/\/schema\.org\/)?(?:DiscussionForumPosting|QAPage)"|\bitemtype\s*=\s*["']?https?:\/\/schema\.org\/(?:DiscussionForumPosting|QAPage)\b/i

/**
 * Whether a page's markup declares it a forum topic or a question page (a schema.org type in a
 * JSON-LD `"@type"` or a microdata `itemtype`, not the words in its text): its replies are
 * content, where a run of reader comments under a news article is not.
 */
export function declaresThread(markup: string): boolean {
  return THREAD_TYPES.test(markup)
}

/**
 * On a page that declares a thread, Readability's `kept` blocks followed by the posts of the
 * longest run, when they lie in none of its posts (the opening post, marked up unlike the
 * replies), no run's paragraph is among them already, and the run holds at least
 * {@link MIN_REPLIES_SHARE} of their text; otherwise null.
 */
export function withReplies(kept: readonly TextBlock[], runs: readonly PostRun[]): TextBlock[] | null {
  if (kept.length === 0 || runs.length === 0) return null
  const keptText = kept.map((block) => block.text).join('\n')
  const longest = kept.reduce((a, b) => (b.text.length > a.text.length ? b : a)).text.slice(0, 80)
  const replies = runs[0]
  // A short run beside a long pick is the comments under a question or an answer, not the replies.
  if (replies.chars < MIN_REPLIES_SHARE * blockText(kept)) return null
  if (replies.posts.some((post) => post.some((block) => block.text.includes(longest)))) return null
  // Readability may have kept the replies' text already (the posts' bodies without their headers).
  const had = runs.some((run) => run.posts.some((post) => post.some((block) => block.text.length >= MIN_REPLY_CHARS && keptText.includes(block.text))))
  return had ? null : [...kept, ...replies.posts.flat()]
}
