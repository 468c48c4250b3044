import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AppConfig } from './app-config';
import { EnvironmentVariables, parseEnvironment } from './environment';

interface PackageJson {
  scripts: Record<string, string>;
}

/** No Docker engine runs in CI, so the files are checked against the configuration they feed instead. */
describe('Dockerfile and docker-compose.yml', () => {
  const root = join(__dirname, '..', '..');
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
    services: Record<
      string,
      {
        environment?: Record<string, string>;
        ports?: string[];
        image?: string;
        build?: string;
        volumes?: string[];
      }
    >;
  };
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const known = Object.keys(new EnvironmentVariables());
  const appEnvironment = compose.services.app.environment ?? {};

  it('sets only variables the service knows, with values it accepts', () => {
    expect(Object.keys(appEnvironment).filter((name) => !known.includes(name))).toEqual([]);
    expect(() => parseEnvironment(appEnvironment)).not.toThrow();
  });

  it('sets only known variables in the Dockerfile too', () => {
    const set = [...dockerfile.matchAll(/^\s*(?:ENV\s+)?([A-Z_]+)=\S+\s*\\?$/gm)].map((match) => match[1]);
    expect(set.length).toBeGreaterThan(0);
    expect(set.filter((name) => !known.includes(name))).toEqual([]);
  });

  it('publishes the port the service listens on, and the image exposes and checks it', () => {
    const port = AppConfig.fromEnvironment({ ...appEnvironment, DATA_DIR: 'memory://' }).http.port;
    expect(compose.services.app.ports).toContain(`${port}:${port}`);
    expect(dockerfile).toContain(`EXPOSE ${port}`);
    expect(dockerfile).toMatch(/HEALTHCHECK .*\n?.*\/health\/ready/);
  });

  it('points the app at the compose PostgreSQL 16 and Redis 7 services', () => {
    const database = new URL(appEnvironment.DATABASE_URL);
    expect(compose.services[database.hostname].image).toMatch(/^postgres:16/);
    expect(database.port).toBe('5432');
    expect(compose.services[new URL(appEnvironment.REDIS_URL).hostname].image).toMatch(/^redis:7/);
  });

  it('keeps the attachments stored on disk in a volume, where the image says DATA_DIR is', () => {
    const dataDir = /^\s*DATA_DIR=(\S+)/m.exec(dockerfile)?.[1];
    const storage = AppConfig.fromEnvironment({ ...appEnvironment, DATA_DIR: dataDir! }).attachments.storage;
    expect(storage).toEqual({ kind: 'disk', dir: `${dataDir}/attachments` });
    expect(compose.services.app.volumes).toContain(`app-data:${dataDir}`);
    expect(dockerfile).toContain(`chown node:node ${dataDir}`);
  });

  it('runs as a non-root user from a multi-stage build', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it('starts the image the way `npm run start:prod` starts the service', () => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson).scripts;
    const command = scripts['start:prod'].split(' ').map((word) => JSON.stringify(word));
    expect(dockerfile).toContain(`CMD [${command.join(', ')}]`);
  });

  it('copies into the build stage every input the build compiles, and its compiler settings', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const inputs = /swc (.+?) --out-dir/.exec(scripts.build)![1].split(' ');
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((line) =>
      line[1].split(' ').filter((word) => !word.startsWith('--')),
    );
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.filter((input) => !copied.includes(input))).toEqual([]);
    expect(copied).toContain('.swcrc');
  });

  it('runs an LTS line of Node.js that is still supported, in both stages', () => {
    const versions = [...dockerfile.matchAll(/^FROM node:(\d+)/gm)].map((line) => Number(line[1]));
    expect(versions).toHaveLength(2);
    // Even majors are the LTS lines; 20 reached its end of life in April 2026.
    for (const major of versions) expect(major % 2 === 0 && major >= 22).toBe(true);
  });
});
