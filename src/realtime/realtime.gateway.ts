import { Logger, NotFoundException, OnApplicationShutdown } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { isUUID } from 'class-validator';
import type { Server, Socket } from 'socket.io';
import type { Principal } from '../auth/principal';
import { PrincipalLoader } from '../auth/principal.loader';
import { AppConfig } from '../config/app-config';
import { isDatabaseUnavailable } from '../database/database-errors';
import { MetricsService } from '../metrics/metrics.service';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { handshakeCredential, SocketAuthenticator, SocketIdentity } from './socket-authenticator';

/** setTimeout's ceiling (about 24.8 days); a longer-lived token is re-armed by the periodic check instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const projectRoom = (projectId: string) => `project:${projectId}`;
export const userRoom = (userId: string) => `user:${userId}`;

type Ack = { ok: true } | { ok: false; error: string };
type TaskforgeSocket = Socket<
  Record<string, never>,
  Record<string, never>,
  Record<string, never>,
  SocketIdentity & { expiry?: NodeJS.Timeout }
>;

/**
 * Socket.IO on the HTTP port. A socket authenticates once, at the handshake, with the credentials REST accepts; it is
 * put in its user's room, joins project rooms the access policy allows, and is disconnected when its token expires
 * or its session, key or user stops being valid. What it receives is decided by RealtimeFanout.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class RealtimeGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnApplicationShutdown
{
  @WebSocketServer() server: Server;
  private readonly logger = new Logger(RealtimeGateway.name);
  private revalidation?: NodeJS.Timeout;

  constructor(
    private readonly authenticator: SocketAuthenticator,
    private readonly principals: PrincipalLoader,
    private readonly access: ProjectAccessPolicy,
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  afterInit(server: Server): void {
    server.use((socket, next) => {
      const credential = handshakeCredential(socket.handshake.auth, socket.handshake.headers);
      if (!credential) return next(new Error('unauthorized'));
      this.authenticator.identify(credential).then(
        (identity) => {
          if (!identity) return next(new Error('unauthorized'));
          if (!identity.principal.scopes.has('tasks:read'))
            return next(new Error('forbidden: the credential lacks the scope tasks:read'));
          Object.assign(socket.data as SocketIdentity, identity);
          next();
        },
        (error: unknown) => {
          if (!isDatabaseUnavailable(error)) this.logger.error(`Socket handshake failed: ${String(error)}`);
          next(new Error('unavailable'));
        },
      );
    });
    this.revalidation = setInterval(() => void this.revalidate(), this.config.realtime.revalidateIntervalMs);
    this.revalidation.unref();
  }

  handleConnection(socket: TaskforgeSocket): void {
    void socket.join(userRoom(socket.data.principal.userId));
    this.armExpiry(socket);
    this.metrics.socketsConnected.inc();
  }

  handleDisconnect(socket: TaskforgeSocket): void {
    clearTimeout(socket.data.expiry);
    this.metrics.socketsConnected.dec();
  }

  onApplicationShutdown(): void {
    clearInterval(this.revalidation);
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: TaskforgeSocket, @MessageBody() body: unknown): Promise<Ack> {
    const projectId = projectIdOf(body);
    if (!projectId) return { ok: false, error: 'projectId must be a UUID' };
    try {
      await this.access.require(socket.data.principal.userId, projectId, 'read');
    } catch (error) {
      if (error instanceof NotFoundException) return { ok: false, error: 'No such project' };
      throw error;
    }
    await socket.join(projectRoom(projectId));
    return { ok: true };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: TaskforgeSocket, @MessageBody() body: unknown): Promise<Ack> {
    const projectId = projectIdOf(body);
    if (!projectId) return { ok: false, error: 'projectId must be a UUID' };
    await socket.leave(projectRoom(projectId));
    return { ok: true };
  }

  private armExpiry(socket: TaskforgeSocket): void {
    const { expiresAt } = socket.data;
    if (expiresAt === null) return;
    socket.data.expiry = setTimeout(
      () => socket.disconnect(true),
      Math.min(Math.max(expiresAt - Date.now(), 0), MAX_TIMER_MS),
    );
  }

  /** Disconnects this instance's sockets whose session or key was revoked or whose user was disabled. */
  private async revalidate(): Promise<void> {
    const sockets = [...this.server.of('/').sockets.values()] as TaskforgeSocket[];
    const credentialOf = (principal: Principal) => principal.sessionId ?? principal.apiKeyId!;
    try {
      const lapsed = await this.principals.lapsed(
        sockets.flatMap((socket) => socket.data.principal.sessionId ?? []),
        sockets.flatMap((socket) => socket.data.principal.apiKeyId ?? []),
      );
      for (const socket of sockets) {
        if (lapsed.has(credentialOf(socket.data.principal))) socket.disconnect(true);
      }
    } catch (error) {
      this.logger.warn(`Checking socket credentials failed: ${String(error)}`);
    }
  }
}

function projectIdOf(body: unknown): string | null {
  const projectId = (body as { projectId?: unknown } | null)?.projectId;
  return typeof projectId === 'string' && isUUID(projectId, 'all') ? projectId : null;
}
