import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppConfig } from '../config/app-config';

/** Why an address may not receive webhooks; null when it may. */
export type AddressRefusal = string | null;

/**
 * The SSRF guard: a webhook reaches only public https addresses, unless its host is listed in WEBHOOK_ALLOW_HOSTS.
 * Checked when a webhook is saved, and again at every delivery on the address actually connected to, so a name that
 * later resolves somewhere private (DNS rebinding) is refused at that moment.
 */
@Injectable()
export class WebhookAddressPolicy {
  private readonly allowed: Set<string>;

  constructor(config: AppConfig) {
    this.allowed = new Set(config.webhooks.allowHosts);
  }

  /** Checks a URL as a client wrote it; the reason it is refused, or null. */
  async refusal(raw: string): Promise<AddressRefusal> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'must be an absolute URL';
    }
    if (url.username || url.password) return 'must not carry credentials';
    const allowed = this.isAllowedHost(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowed)) return 'must use https';
    if (allowed) return null;
    let addresses: string[];
    try {
      addresses = ipaddr.isValid(bare(url.hostname))
        ? [bare(url.hostname)]
        : (await lookup(url.hostname, { all: true })).map((entry) => entry.address);
    } catch {
      return `host ${url.hostname} does not resolve`;
    }
    const forbidden = addresses.find((address) => !isPublic(address));
    return forbidden ? `must not point at a private, loopback or link-local address (${forbidden})` : null;
  }

  /**
   * For `http.request({ lookup })`: resolves the host and fails the connection when an address is not public, so
   * the socket connects only to an address this check has seen.
   */
  readonly guardedLookup: LookupFunction = (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true })
      .then((entries) => {
        const forbidden = this.isAllowedHost(hostname)
          ? undefined
          : entries.find((entry) => !isPublic(entry.address));
        if (forbidden) throw new Error(`refused to connect to ${forbidden.address}: not a public address`);
        if (options.all) callback(null, entries);
        else callback(null, entries[0].address, entries[0].family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 0));
  };

  /** A literal address in a URL is never looked up; it is checked here instead. */
  literalRefusal(url: URL): AddressRefusal {
    const host = bare(url.hostname);
    if (!ipaddr.isValid(host) || this.isAllowedHost(url.hostname) || isPublic(host)) return null;
    return `refused to connect to ${host}: not a public address`;
  }

  isAllowedHost(hostname: string): boolean {
    return this.allowed.has(bare(hostname).toLowerCase());
  }
}

/** IPv6 hosts come bracketed in URLs. */
function bare(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Only ordinary unicast counts: loopback, private, link-local, CGNAT, unique-local, mapped and reserved do not. */
function isPublic(address: string): boolean {
  return ipaddr.process(address).range() === 'unicast';
}
