/**
 * Test access to the machine's PostgreSQL and NATS: starts a service that is down (with the
 * machine's documented start command), and gives each test run a fresh PostgreSQL schema.
 */
import { execSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { connect as tcp } from 'node:net'
import pg from 'pg'

export const PG_URL = process.env.PARALLAX_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test'
export const NATS_URL = process.env.PARALLAX_TEST_NATS ?? 'nats://127.0.0.1:4222'

const START = {
  postgres: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  nats: 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log',
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcp({ host: '127.0.0.1', port })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

/** Makes sure a service answers on its port, starting it when it does not (waits up to 15 s). */
export async function ensureService(name: 'postgres' | 'nats'): Promise<void> {
  const port = name === 'postgres' ? 5432 : 4222
  if (await portOpen(port)) return
  try {
    execSync(START[name], { stdio: 'ignore', shell: '/bin/bash' })
  } catch {
    // the wait below reports the failure
  }
  for (let i = 0; i < 150; i++) {
    if (await portOpen(port)) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${name} is not running on 127.0.0.1:${port} and could not be started`)
}

/** A fresh, unused schema name (`parallax_t_<hex>`). */
export function freshSchema(): string {
  return `parallax_t_${randomBytes(6).toString('hex')}`
}

/** Drops test schemas by name. */
export async function dropSchemas(names: readonly string[]): Promise<void> {
  if (names.length === 0) return
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  try {
    for (const name of names) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`)
  } finally {
    await client.end()
  }
}
