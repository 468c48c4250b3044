import { io, Socket } from 'socket.io-client';
import type { TestApp } from './test-app';

export interface ReceivedEvent {
  name: string;
  payload: Record<string, unknown>;
}

/** A connected client that keeps every event it receives, in order. */
export interface TestSocket {
  socket: Socket;
  events: ReceivedEvent[];
  /** Resolves with the first event (received already or later) matching, or fails with `what` after a deadline. */
  waitFor(
    what: string,
    match: (event: ReceivedEvent) => boolean,
    deadlineMs?: number,
  ): Promise<ReceivedEvent>;
  emitWithAck(name: string, body: unknown): Promise<unknown>;
  close(): void;
}

export type Handshake = { auth?: Record<string, unknown>; extraHeaders?: Record<string, string> };

function open(t: TestApp, handshake: Handshake): Socket {
  return io(t.url, { path: '/socket.io', transports: ['websocket'], reconnection: false, ...handshake });
}

/** Connects over WebSocket with `handshake`; rejects with the server's connect_error message. */
export async function connectSocket(t: TestApp, handshake: Handshake): Promise<TestSocket> {
  const socket = open(t, handshake);
  const events: ReceivedEvent[] = [];
  socket.onAny((name: string, payload: Record<string, unknown>) => events.push({ name, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
  return {
    socket,
    events,
    async waitFor(what, match, deadlineMs = 10_000) {
      const deadline = Date.now() + deadlineMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    emitWithAck: (name, body) => socket.timeout(10_000).emitWithAck(name, body),
    close: () => socket.close(),
  };
}

/** The message of the connect_error a handshake ends with (fails if it connects). */
export async function refusedHandshake(t: TestApp, handshake: Handshake): Promise<string> {
  try {
    const connected = await connectSocket(t, handshake);
    connected.close();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('The handshake was accepted');
}

/** Resolves when the server disconnects the socket, or fails after a deadline. */
export function serverDisconnect(client: TestSocket, deadlineMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The server never disconnected the socket')), deadlineMs);
    client.socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
