import { createHash } from 'node:crypto';
import { RecordedRequest, ScriptedAnswer, ScriptedServer } from './scripted-server';

export interface FakeRepository {
  full_name: string;
  description: string | null;
  stargazers_count: number;
  html_url: string;
}

/**
 * GitHub's `GET /repos/{owner}/{name}` on loopback: a table of repositories (case-insensitive, with ETags and 304s),
 * 404 for the rest, and scripted answers for outages, rate limits and hostile bodies.
 */
export class FakeGithub extends ScriptedServer {
  private readonly repositories = new Map<string, FakeRepository>();
  /** How long every repository answer takes, to keep requests in flight. */
  latencyMs = 0;

  private constructor() {
    super((request) => this.repositoryAnswer(request));
  }

  static start(): Promise<FakeGithub> {
    return new FakeGithub().start();
  }

  /** Adds or replaces a repository; the full name's case is GitHub's spelling. */
  put(fullName: string, fields: Partial<FakeRepository> = {}): FakeRepository {
    const repository = {
      full_name: fullName,
      description: `About ${fullName}`,
      stargazers_count: 7,
      html_url: `https://github.com/${fullName}`,
      ...fields,
    };
    this.repositories.set(fullName.toLowerCase(), repository);
    return repository;
  }

  /** Answers the next requests for one repository with these, whatever else is asked meanwhile. */
  willAnswerFor(fullName: string, ...answers: ScriptedAnswer[]): void {
    this.willAnswerOn(`/repos/${fullName}`, ...answers);
  }

  /** Requests for one repository path so far (case-insensitive). */
  requestsFor(fullName: string): RecordedRequest[] {
    return this.requests.filter(
      (request) => request.path.toLowerCase() === `/repos/${fullName.toLowerCase()}`,
    );
  }

  private repositoryAnswer({ path, headers }: RecordedRequest): ScriptedAnswer {
    const match = /^\/repos\/([^/]+)\/([^/]+)$/.exec(path);
    const repository = match && this.repositories.get(`${match[1]}/${match[2]}`.toLowerCase());
    if (!repository) return { status: 404, body: '{"message":"Not Found"}', delayMs: this.latencyMs };
    const body = JSON.stringify({ id: 1, private: false, ...repository });
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (headers['if-none-match'] === etag) return { status: 304, headers: { etag }, delayMs: this.latencyMs };
    const json = { etag, 'content-type': 'application/json' };
    return { status: 200, headers: json, body, delayMs: this.latencyMs };
  }
}
