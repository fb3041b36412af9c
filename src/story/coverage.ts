/**
 * Coverage: what each article reports alone and which corroborated facts it leaves out, so a
 * reader sees at a glance where one outlet goes further or falls short.
 */
import type { Annotated, CoverageEntry, StoryFact } from '../types.js'

/**
 * Per article: `uniqueFactIds` (single-source facts only it reports), `omittedFactIds`
 * (corroborated facts it does not report), and the share of the story's facts (and of its
 * corroborated facts) it carries.
 * @example buildCoverage(articles, alignFacts(articles).facts)[0].omittedFactIds
 */
export function buildCoverage(articles: Annotated[], facts: StoryFact[]): CoverageEntry[] {
  const corroborated = facts.filter((f) => f.status === 'corroborated')
  const carried = new Map<string, { all: number; corroborated: number }>()
  for (const f of facts) {
    for (const id of new Set(f.articleIds)) {
      const c = carried.get(id) ?? { all: 0, corroborated: 0 }
      c.all++
      if (f.status === 'corroborated') c.corroborated++
      carried.set(id, c)
    }
  }
  const share = (n: number, of: number) => Math.round((n / of) * 1000) / 1000
  // One pass over the facts for the unique ones, and a set per corroborated fact: a large story has
  // thousands of facts and hundreds of articles, so no scan of every fact per article.
  const unique = new Map<string, string[]>()
  for (const f of facts) {
    if (f.status !== 'single-source' || f.articleIds.length !== 1) continue
    const list = unique.get(f.articleIds[0])
    if (list) list.push(f.id)
    else unique.set(f.articleIds[0], [f.id])
  }
  const reporting = corroborated.map((f) => new Set(f.articleIds))
  return articles.map((article) => {
    const own = carried.get(article.id) ?? { all: 0, corroborated: 0 }
    return {
      articleId: article.id,
      outlet: article.outlet?.name ?? null,
      uniqueFactIds: unique.get(article.id) ?? [],
      omittedFactIds: corroborated.filter((_, k) => !reporting[k].has(article.id)).map((f) => f.id),
      factCount: own.all,
      share: facts.length > 0 ? share(own.all, facts.length) : 0,
      corroboratedShare: corroborated.length > 0 ? share(own.corroborated, corroborated.length) : null,
    }
  })
}
