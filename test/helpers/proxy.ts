/**
 * A TCP proxy on loopback in front of a real server, that a test can cut and restore: while cut,
 * open connections are dropped and new ones refused, as when the server goes down; restored, it
 * listens on the same port again. Lets the outage tests take PostgreSQL or NATS away from one
 * process without stopping the machine's servers that other tests use.
 */
import { createServer, connect, type Server, type Socket } from 'node:net'

export class TcpProxy {
  private server: Server | null = null
  private readonly sockets = new Set<Socket>()
  private constructor(readonly targetPort: number, public port = 0) {}

  /** A proxy on a free port forwarding to 127.0.0.1:`targetPort`. */
  static async start(targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetPort)
    await proxy.restore()
    return proxy
  }

  /** Listens again (on the same port after a cut). */
  async restore(): Promise<void> {
    if (this.server) return
    const server = createServer((client) => {
      const upstream = connect({ host: '127.0.0.1', port: this.targetPort })
      for (const s of [client, upstream]) {
        this.sockets.add(s)
        s.on('close', () => this.sockets.delete(s))
        s.on('error', () => {})
      }
      client.pipe(upstream).pipe(client)
      client.on('close', () => upstream.destroy())
      upstream.on('close', () => client.destroy())
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => resolve())
    })
    this.port = (server.address() as { port: number }).port
    this.server = server
  }

  /** Drops every connection and refuses new ones. */
  async cut(): Promise<void> {
    const server = this.server
    this.server = null
    for (const s of this.sockets) s.destroy()
    this.sockets.clear()
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
