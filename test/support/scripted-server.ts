import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as the bytes arrived. */
  body: string;
  /** The status answered, once it has been. */
  status?: number;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Waits this long before answering, to be slower than a client's timeout. */
  delayMs?: number;
}

/**
 * An HTTP server on loopback standing in for something outside the process (GitHub, a webhook receiver). It records
 * every request, answers the next ones for a path from a script a test dictates, and otherwise with `fallback`.
 */
export class ScriptedServer {
  readonly requests: RecordedRequest[] = [];
  private readonly scriptsByPath = new Map<string, ScriptedAnswer[]>();
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.requests.push(request);
      void this.answer(request).then(({ status, headers, body }) => {
        if (res.destroyed) return;
        request.status = status;
        res.writeHead(status, headers).end(body);
      });
    });
  });

  constructor(private readonly fallback: (request: RecordedRequest) => ScriptedAnswer) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /**
   * Answers the next requests for `path` (in any case) with these, in order. Requests for other paths, such as a
   * background retry left over from an earlier test, neither use them up nor get them.
   */
  willAnswerOn(path: string, ...answers: ScriptedAnswer[]): void {
    const key = path.toLowerCase();
    this.scriptsByPath.set(key, [...(this.scriptsByPath.get(key) ?? []), ...answers]);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async answer(request: RecordedRequest): Promise<ScriptedAnswer> {
    const answer = this.scriptsByPath.get(request.path.toLowerCase())?.shift() ?? this.fallback(request);
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs).unref());
    return answer;
  }
}
