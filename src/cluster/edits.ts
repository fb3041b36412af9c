/**
 * The user's edits to stories: merge two stories, or split articles off into a story of their own.
 * Edits are data (a JSON list the CLI keeps in a file), applied as soon as the stories and articles
 * they name have arrived, so the articles after them are clustered with the edit in place.
 */
import { ParallaxUsageError } from '../errors.js'
import type { Annotated } from '../types.js'
import type { Assignment, StoryClusterer } from './clusterer.js'
import { storyIdOf, type StoryCluster } from './story-state.js'

/** One edit: ids as `parallax cluster` prints them. */
export type StoryEdit =
  | { op: 'merge'; storyIds: [target: string, other: string] }
  | { op: 'split'; storyId: string; articleIds: string[] }

const STORY_ID = /^s_[0-9a-f]{12}$/
const ARTICLE_ID = /^[0-9a-f]{16}$/

/**
 * Checks a parsed edits file; throws naming the first bad entry.
 * @example parseEdits(JSON.parse(readFileSync('edits.json', 'utf8')))
 */
export function parseEdits(value: unknown): StoryEdit[] {
  if (!Array.isArray(value)) throw new ParallaxUsageError('story edits: expected a JSON list of edits')
  return value.map((e: unknown, i): StoryEdit => {
    const edit = e as Record<string, unknown>
    const bad = (why: string) => new ParallaxUsageError(`story edits: entry ${i}: ${why}`)
    if (edit?.op === 'merge') {
      const ids = edit.storyIds
      if (!Array.isArray(ids) || ids.length !== 2 || !ids.every((id) => typeof id === 'string' && STORY_ID.test(id))) throw bad('merge needs storyIds: two story ids (s_ and 12 hex)')
      return { op: 'merge', storyIds: [ids[0], ids[1]] }
    }
    if (edit?.op === 'split') {
      const { storyId, articleIds } = edit
      if (typeof storyId !== 'string' || !STORY_ID.test(storyId)) throw bad('split needs storyId (s_ and 12 hex)')
      if (!Array.isArray(articleIds) || articleIds.length === 0 || !articleIds.every((id) => typeof id === 'string' && ARTICLE_ID.test(id))) throw bad('split needs articleIds: article ids (16 hex)')
      return { op: 'split', storyId, articleIds: articleIds as string[] }
    }
    throw bad(`unknown op ${JSON.stringify(edit?.op)} (expected "merge" or "split")`)
  })
}

/**
 * Edits waiting for their stories and articles. After each article, the edits that may have become
 * possible (a story was founded, or a named article arrived) are tried, in the order given.
 */
export class EditQueue {
  private pending: StoryEdit[]

  constructor(edits: readonly StoryEdit[], private readonly articles: ReadonlyMap<string, Annotated>) {
    this.pending = [...edits]
  }

  /** Edits not applied yet (their stories or articles never appeared). */
  get waiting(): readonly StoryEdit[] {
    return this.pending
  }

  /** Tries the pending edits that the assignment may have made possible. */
  afterAdd(clusterer: StoryClusterer, assignment: Assignment): void {
    if (this.pending.length === 0) return
    const founded = assignment.joinedBy === null
    const named = (e: StoryEdit) => e.op === 'split' && e.articleIds.includes(assignment.articleId)
    if (!founded && !this.pending.some(named)) return
    this.pending = this.pending.filter((edit) => !this.tryApply(clusterer, edit))
  }

  private tryApply(clusterer: StoryClusterer, edit: StoryEdit): boolean {
    if (edit.op === 'merge') return clusterer.merge(edit.storyIds[0], edit.storyIds[1]) !== null
    if (!edit.articleIds.every((id) => clusterer.storyOf(id) !== null)) return false
    const articles = edit.articleIds.map((id) => this.articles.get(id)).filter((a): a is Annotated => a !== undefined)
    return clusterer.split(edit.storyId, articles) !== null
  }
}

/** Applies edits to a clusterer now (a live stream); returns the edits that could not apply yet. */
export function applyEdits(clusterer: StoryClusterer, edits: readonly StoryEdit[], articles: ReadonlyMap<string, Annotated>): StoryEdit[] {
  const queue = new EditQueue(edits, articles)
  queue.afterAdd(clusterer, { storyId: '', articleId: '', joinedBy: null, score: 1, shared: [] })
  return [...queue.waiting]
}

/**
 * Applies edits, in order, to finished stories (a batch clustered at once): a merge moves the
 * other story's articles into the target, which keeps its id; a split moves the named articles to
 * a new story whose id comes from the earliest of them. An edit naming a story that is not there
 * (after following merges) or articles not in it is skipped. Returns new records.
 */
export function editStories(stories: readonly StoryCluster[], edits: readonly StoryEdit[]): StoryCluster[] {
  const out = stories.map((s) => ({ ...s, articleIds: [...s.articleIds], why: [...s.why] }))
  const mergedInto = new Map<string, string>()
  const find = (id: string) => {
    for (let hops = 0; hops < 64 && mergedInto.has(id); hops++) id = mergedInto.get(id)!
    return out.find((s) => s.id === id)
  }
  for (const edit of edits) {
    if (edit.op === 'merge') {
      const target = find(edit.storyIds[0])
      const other = find(edit.storyIds[1])
      if (!target || !other || target === other) continue
      target.articleIds.push(...other.articleIds)
      target.why.push(...other.why)
      if (other.copies) target.copies = [...(target.copies ?? []), ...other.copies]
      target.merged = [...(target.merged ?? []), { storyId: other.id, by: 'user', score: null }, ...(other.merged ?? [])]
      mergedInto.set(other.id, target.id)
      out.splice(out.indexOf(other), 1)
      continue
    }
    const source = find(edit.storyId)
    if (!source) continue
    const leaving = new Set(edit.articleIds.filter((id) => source.articleIds.includes(id)))
    if (leaving.size === 0 || leaving.size === source.articleIds.length) continue
    const moved = source.articleIds.filter((id) => leaving.has(id))
    const why = source.why.filter((w) => leaving.has(w.articleId))
    why[0] = { articleId: moved[0], joinedBy: null, score: 1, shared: [] }
    const copies = source.copies?.filter((c) => leaving.has(c.articleId) && leaving.has(c.of))
    source.articleIds = source.articleIds.filter((id) => !leaving.has(id))
    source.why = source.why.filter((w) => !leaving.has(w.articleId))
    if (source.copies) source.copies = source.copies.filter((c) => !leaving.has(c.articleId) && !leaving.has(c.of))
    out.splice(out.indexOf(source) + 1, 0, { id: storyIdOf(moved[0]), articleIds: moved, why, splitFrom: source.id, ...(copies?.length ? { copies } : {}) })
  }
  return out
}
