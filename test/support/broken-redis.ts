import { createServer, Socket } from 'node:net';

/**
 * A port that looks like Redis to a client and is held for the test's life, so no other process can take it (a
 * port found free and let go can be taken by anyone before the app dials it): `silent` accepts connections and never
 * answers, `hangs-up` closes each one as it arrives, Redis as good as dead.
 */
export class BrokenRedis {
  private readonly sockets = new Set<Socket>();
  private readonly server = createServer((socket) => {
    socket.on('error', () => socket.destroy());
    if (this.behaviour === 'hangs-up') return socket.destroy();
    this.sockets.add(socket);
    // Reads and drops what the client says, so its hang-up arrives.
    socket.resume();
    socket.on('close', () => this.sockets.delete(socket));
  });

  private constructor(private readonly behaviour: 'silent' | 'hangs-up') {}

  static async start(behaviour: 'silent' | 'hangs-up'): Promise<BrokenRedis> {
    const redis = new BrokenRedis(behaviour);
    await new Promise<void>((resolve) => redis.server.listen(0, '127.0.0.1', resolve));
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  get openConnections(): number {
    return this.sockets.size;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
