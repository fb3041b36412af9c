/** Types the store shares with the rest of Parallax, re-exported so drivers import from one place. */
export type { Annotated } from '../types.js'
export type { StoryCluster } from '../cluster/index.js'
