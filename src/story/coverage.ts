/**
 * Coverage: what each article reports alone and which corroborated facts it leaves out, so a
 * reader sees at a glance where one outlet goes further or falls short.
 */
import type { Annotated, CoverageEntry, StoryFact } from '../types.js'

/**
 * Per article: `uniqueFactIds` (single-source facts only it reports) and `omittedFactIds`
 * (corroborated facts it does not report).
 * @example buildCoverage(articles, alignFacts(articles).facts)[0].omittedFactIds
 */
export function buildCoverage(articles: Annotated[], facts: StoryFact[]): CoverageEntry[] {
  const corroborated = facts.filter((f) => f.status === 'corroborated')
  return articles.map((article) => ({
    articleId: article.id,
    outlet: article.outlet?.name ?? null,
    uniqueFactIds: facts
      .filter((f) => f.status === 'single-source' && f.articleIds.length === 1 && f.articleIds[0] === article.id)
      .map((f) => f.id),
    omittedFactIds: corroborated.filter((f) => !f.articleIds.includes(article.id)).map((f) => f.id),
  }))
}
