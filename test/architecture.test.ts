/**
 * The import map of src/README.md, checked: each folder imports only the folders below it in the
 * pipeline. The few imports that break the map today are listed by file in KNOWN with why; a new
 * one fails this test, and so does a listed one that is gone (the list only shrinks).
 */
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../src')

/**
 * What each part may import (besides itself). Root modules are parts too: `types`, `errors`, `document`, `pipeline`, `index`.
 * `text` is the shared text kernel (tokens, stems, name key, calendar, postings, bounded cache): every stage may use it.
 */
const MAP: Record<string, readonly string[]> = {
  types: [],
  errors: [],
  text: ['types', 'errors'],
  input: ['types', 'errors', 'text'],
  extract: ['types', 'errors', 'text', 'input'],
  enrich: ['types', 'errors', 'text', 'extract'],
  document: ['types', 'errors', 'text', 'extract', 'enrich'],
  cluster: ['types', 'errors', 'text', 'extract', 'enrich'],
  compare: ['types', 'errors', 'text', 'extract', 'enrich', 'cluster'],
  story: ['types', 'errors', 'text', 'extract', 'enrich', 'compare'],
  render: ['types', 'errors', 'text'],
  pipeline: ['types', 'errors', 'text', 'document', 'extract', 'enrich', 'cluster', 'compare', 'story'],
  threads: ['types', 'errors', 'text', 'document', 'extract', 'cluster', 'pipeline'],
  store: ['types', 'errors', 'text', 'input'],
  queue: ['types', 'errors', 'text', 'input', 'store'],
  app: ['types', 'errors', 'text', 'input', 'document', 'extract', 'enrich', 'cluster', 'pipeline', 'threads', 'store', 'queue'],
  server: ['types', 'errors', 'text', 'input', 'document', 'pipeline', 'render', 'store', 'queue', 'app', 'enrich', 'extract'],
  cli: ['types', 'errors', 'text', 'input', 'document', 'pipeline', 'cluster', 'render', 'store', 'queue', 'app', 'server', 'threads'],
  index: ['types', 'errors', 'text', 'input', 'document', 'pipeline', 'extract', 'enrich', 'cluster', 'compare', 'story', 'render', 'store', 'queue', 'app', 'server', 'threads'],
}

/** Imports that break the map today, `file -> part`, with why; the restructuring removes them. */
const KNOWN: Record<string, string> = {
}

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) files(path, out)
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') && !name.endsWith('.contract.ts')) out.push(path)
  }
  return out
}

/** The part a src-relative path belongs to: its top folder, or a root module's name. */
function partOf(rel: string): string {
  const [top, ...rest] = rel.split('/')
  return rest.length > 0 ? top : top.replace(/\.(ts|js|json)$/, '')
}

const IMPORT = /(?:^|\n)\s*(?:import|export)[^'"\n;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

function edges(): Map<string, string> {
  const out = new Map<string, string>()
  for (const file of files(SRC)) {
    const rel = relative(SRC, file)
    const from = partOf(rel)
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]
      if (!spec.startsWith('.')) continue
      const target = relative(SRC, normalize(join(dirname(file), spec)))
      if (target.startsWith('..')) continue
      const to = partOf(target)
      if (to !== from) out.set(`${rel} -> ${to}`, `${from} -> ${to}`)
    }
  }
  return out
}

describe('the import map (src/README.md)', () => {
  const found = edges()

  it('every part is on the map', () => {
    const parts = new Set([...found.values()].flatMap((e) => e.split(' -> ')))
    for (const p of parts) assert.ok(p in MAP, `${p} is not on the map in test/architecture.test.ts and src/README.md`)
  })

  it('no import breaks the map, apart from the known ones', () => {
    const breaking = [...found].filter(([key, edge]) => {
      const [from, to] = edge.split(' -> ')
      return !MAP[from]?.includes(to) && !(key in KNOWN)
    })
    assert.deepEqual(breaking.map(([key]) => key), [], 'imports against the map (fix them, or move the code to the part that may import it)')
  })

  it('every known exception still exists (the list only shrinks)', () => {
    const gone = Object.keys(KNOWN).filter((key) => !found.has(key) && !MAP[key.split('/')[0]]?.includes(key.split(' -> ')[1]))
    assert.deepEqual(gone, [], 'remove these from KNOWN: the imports are gone')
  })

  it('no cycle between parts (known exceptions aside)', () => {
    const graph = new Map<string, Set<string>>()
    for (const [key, edge] of found) {
      if (key in KNOWN) continue
      const [from, to] = edge.split(' -> ')
      if (!graph.has(from)) graph.set(from, new Set())
      graph.get(from)!.add(to)
    }
    const cycles: string[] = []
    const visit = (node: string, path: string[]) => {
      for (const next of graph.get(node) ?? []) {
        if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(' -> '))
        else if (path.length < 12) visit(next, [...path, next])
      }
    }
    for (const start of graph.keys()) visit(start, [start])
    assert.deepEqual([...new Set(cycles)].slice(0, 5), [])
  })
})
