import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DatabaseServer } from '../database/database.module';
import type { Principal } from './principal';

const DEFAULT_TTL_MS = 500;

/** Entries past this many are dropped all at once: the cache is a hot set, not a store. */
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  generation: number;
  expiresAt: number;
}

/**
 * Who a credential is, remembered for PRINCIPAL_CACHE_MS (under a second), so an authenticated read is one round
 * trip to the database instead of two. Any credential change on this instance (a revoked session or key, a
 * disabled or re-roled user) calls `invalidate` after it commits, so the very next request here is refused; other
 * instances see it when their entry expires, within a second.
 *
 * Each entry carries the generation it was read under: a read that raced a change and lands after `invalidate` is
 * not believed.
 */
@Injectable()
export class PrincipalCache {
  private readonly ttlMs: number;
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(config: AppConfig, server: DatabaseServer) {
    // A single-session server (PGlite, for development and tests) has one connection. There a request that skips
    // its session query can queue its transaction ahead of another request's earlier reads, which the completion of
    // a recurring task relies on (see TaskWriter.update), so it asks every time unless told otherwise.
    this.ttlMs = config.principalCacheMs ?? (server.singleSession ? 0 : DEFAULT_TTL_MS);
  }

  async get(key: string, load: () => Promise<Principal | null>): Promise<Principal | null> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.generation === this.generation && hit.expiresAt > now) return hit.principal;
    const generation = this.generation;
    const principal = await load();
    if (principal && this.ttlMs > 0 && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { principal, generation, expiresAt: now + this.ttlMs });
    }
    return principal;
  }

  /** Forgets everything: call once a change to any credential has committed. */
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
