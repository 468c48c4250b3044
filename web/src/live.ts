import { signal } from '@preact/signals';
import { io, type Socket } from 'socket.io-client';
import { api, currentAccessToken, refreshSession, type Task } from './api/client';

export type ConnectionState = 'connecting' | 'live' | 'offline';

/** What the header shows: the socket's state, so a person knows whether the board is current. */
export const connection = signal<ConnectionState>('connecting');

/** A change as the gateway sends it (the activity record, with the task as REST returns it when it has one). */
export interface LiveEvent {
  seq: number;
  event: string;
  projectId: string;
  taskId?: string;
  task?: Task;
}

interface Handlers {
  /** A change to a task of the watched project, live or caught up. */
  onTaskEvent(event: LiveEvent): void;
  /** After a reconnect: the ids of tasks that changed while the socket was away. */
  onCatchUp(taskIds: string[]): void;
  /** Too much was missed to catch up change by change: read the board again. */
  onReload(): void;
  onNotification(): void;
}

/** The events that change what a board shows: its tasks, its columns (the workflow states) and its fields. */
const BOARD_EVENTS = [
  'state.created',
  'state.updated',
  'state.deleted',
  'field.created',
  'field.updated',
  'field.deleted',
  'task.created',
  'task.updated',
  'task.moved',
  'task.deleted',
  'task.restored',
  'task.assigned',
  'task.unassigned',
  'comment.created',
  'comment.deleted',
  'attachment.added',
  'attachment.removed',
];

/** A change to the project's workflow states or custom fields, which the whole board is drawn from. */
export const isWorkflowEvent = (event: string) => event.startsWith('state.') || event.startsWith('field.');

/**
 * One socket per signed-in page. It subscribes to the open project, remembers the last `seq` it saw, and after any
 * reconnect pages through `/changes?since=` so nothing that happened meanwhile is missed.
 */
export class LiveBoard {
  private socket: Socket | null = null;
  private projectId: string | null = null;
  private lastSeq = 0;
  private everConnected = false;

  constructor(private readonly handlers: Handlers) {}

  start(): void {
    this.socket = io({
      path: '/socket.io',
      transports: ['websocket'],
      auth: (callback) => callback({ token: currentAccessToken() }),
    });
    this.socket.on('connect', () => void this.onConnect());
    // Socket.IO retries a lost connection by itself, but not one the server closed (it does at the access token's
    // expiry) nor a handshake it refused: those come back here, with a fresh token.
    this.socket.on('disconnect', (reason) => {
      connection.value = 'offline';
      if (reason === 'io server disconnect') void this.reconnectSignedIn();
    });
    this.socket.on('connect_error', (error) => {
      connection.value = 'offline';
      if (error.message === 'unauthorized') void this.reconnectSignedIn();
    });
    for (const name of BOARD_EVENTS) {
      this.socket.on(name, (event: LiveEvent) => this.receive(event));
    }
    this.socket.on('notification.created', () => this.handlers.onNotification());
  }

  private async reconnectSignedIn(): Promise<void> {
    if (this.socket && (await refreshSession())) this.socket.connect();
  }

  stop(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  /** Watch one project's board (null: none); the seq starts from the moment its tasks were read. */
  watch(projectId: string | null, seq: number): void {
    if (this.projectId && this.projectId !== projectId)
      this.socket?.emit('unsubscribe', { projectId: this.projectId });
    this.projectId = projectId;
    this.lastSeq = seq;
    if (projectId && this.socket?.connected) this.socket.emit('subscribe', { projectId });
  }

  private receive(event: LiveEvent): void {
    if (event.projectId !== this.projectId) return;
    this.lastSeq = Math.max(this.lastSeq, event.seq);
    this.handlers.onTaskEvent(event);
  }

  private async onConnect(): Promise<void> {
    connection.value = 'live';
    if (this.projectId) this.socket?.emit('subscribe', { projectId: this.projectId });
    if (this.everConnected && this.projectId) await this.catchUp();
    this.everConnected = true;
  }

  private async catchUp(): Promise<void> {
    const changed = new Set<string>();
    // Bounded: a board away for very long (or past the feed's retention, 410) reads its tasks again instead.
    for (let page = 0; page < 20; page++) {
      const { data } = await api.GET('/api/v1/changes', {
        params: { query: { since: this.lastSeq, limit: 200 } },
      });
      if (!data) return this.handlers.onReload();
      for (const record of data.items) {
        if (record.projectId !== this.projectId) continue;
        // The columns or fields changed while away: the whole board is read again, columns and all.
        if (isWorkflowEvent(record.event)) return this.handlers.onReload();
        if (record.taskId) changed.add(record.taskId);
      }
      this.lastSeq = data.nextSince;
      if (!data.hasMore) return this.handlers.onCatchUp([...changed]);
    }
    this.handlers.onReload();
  }
}
