/**
 * Parallax as a library: the stages of DESIGN.md, each callable on its own, and the pipeline that
 * wires them. The CLI and the server call only what is exported here.
 *
 * @example
 * import { extractArticle, annotate, analyzeArticles } from 'parallax-news'
 * const report = analyzeArticles(raws.map((raw) => annotate(extractArticle(raw))))
 */
export type * from './types.js'
export { InputError, ParallaxError, ParallaxUsageError, type InputErrorCode } from './errors.js'
export { extractArticle } from './extract/index.js'
export { annotate, findDates, findEntities, findNumbers, findQuotes, splitSentences } from './enrich/index.js'
export { clusterArticles, type StoryCluster } from './cluster/index.js'
export { analyzeArticles, analyzeRaw, buildStory, reportArticle, type StoryOptions } from './pipeline.js'
export { CROSS_ARTICLE, processDocument, runDocumentStage, type AnnotateOptions, type DocumentOptions, type DocumentStage, type DocumentResult } from './document.js'
export { expandInputs, loadRaw, readSource, type InputSource } from './input/sources.js'
export * from './render/index.js'
export { defaultDbPath, openStore, type Store } from './store/index.js'
export { Library, type LibraryOptions, type StoryBuilder } from './app/library.js'
export { buildServer, type ServerOptions } from './server/app.js'
export { StoryClusterer } from './cluster/index.js'
