/**
 * The one way the fetch scripts copy a public collection out of a git directory (a bare mirror or
 * a clone) into an ignored cache folder: `git archive` of the listed paths, unpacked into a fresh
 * target, with the source and commit written to `SOURCE`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface CopyOptions {
  /** Leading path components dropped when unpacking (tar --strip-components). */
  strip?: number
  /** What SOURCE says after the address and commit (licence, which part). */
  note: string
  /** The script's option that names another source ("--from"), for the message when it is missing. */
  flag: string
}

/**
 * Copies `paths` of `source`'s HEAD into `target` (emptied first). Returns the commit copied, or
 * null (with a message naming `url`) when `source` does not exist.
 */
export function copyFromGit(name: string, source: string, url: string, paths: readonly string[], target: string, { strip = 0, note, flag }: CopyOptions): string | null {
  if (!existsSync(source)) {
    console.log(`${name}: ${source} not found; clone ${url} and pass ${flag} <clone>`)
    return null
  }
  rmSync(target, { recursive: true, force: true })
  mkdirSync(target, { recursive: true })
  // git archive works the same on a bare mirror and on a clone, and reads only the listed paths.
  const tar = execFileSync('git', ['-C', source, 'archive', '--format=tar', 'HEAD', ...paths], { maxBuffer: 1 << 30 })
  execFileSync('tar', ['-x', ...(strip > 0 ? [`--strip-components=${strip}`] : []), '-C', target], { input: tar })
  const commit = execFileSync('git', ['-C', source, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
  writeFileSync(join(target, 'SOURCE'), `${url} at ${commit}${note}\n`)
  return commit
}
