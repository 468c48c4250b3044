import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppConfig } from '../config/app-config';

/**
 * The one source of the addresses the service hands out. A request's Host header is the client's to set
 * (`Host: evil.example` made feed URLs point there), so addresses come from PUBLIC_URL, or without it from the
 * address the server is bound to (a wildcard bind answers as localhost).
 */
@Injectable()
export class PublicUrl {
  constructor(
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** The absolute address of a path (which starts with `/`). */
  of(path: string): string {
    return `${this.base()}${path}`;
  }

  private base(): string {
    if (this.config.publicUrl) return this.config.publicUrl;
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    const bound = server.address() as AddressInfo | null;
    const port = bound?.port ?? this.config.http.port;
    const host = !bound || ['0.0.0.0', '::'].includes(bound.address) ? 'localhost' : bound.address;
    return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }
}
