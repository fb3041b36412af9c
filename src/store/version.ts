/**
 * The pipeline version stamped on every stored article (`articles.pipeline_version`), so
 * `parallax reprocess` knows which records an older pipeline made. It is the package version
 * unless `PARALLAX_PIPELINE_VERSION` names another (set it when deploying a pipeline change that
 * does not bump the package, e.g. a retuned lexicon).
 */
import { readFileSync } from 'node:fs'

const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

/** The version this process's pipeline writes. */
export const PIPELINE_VERSION: string = process.env.PARALLAX_PIPELINE_VERSION ?? `parallax@${PACKAGE.version}`
