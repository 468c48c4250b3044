import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api/client';
import { notificationsChanged } from './board-store';
import { dataOr } from './problems';
import { navigate } from './router';

export const unreadCount = signal(0);

type NotificationItem = {
  id: string;
  kind: string;
  taskId: string | null;
  createdAt: string;
  readAt: string | null;
};

const KIND_TEXT: Record<string, string> = {
  mentioned: 'mentioned you',
  assigned: 'assigned you a task',
  commented: 'commented',
  unblocked: 'a task is unblocked',
  reminder: 'reminder',
  shared: 'shared a task with you',
};

async function refreshCount(): Promise<void> {
  const answer = dataOr(await api.GET('/api/v1/notifications/unread-count'));
  if (answer) unreadCount.value = answer.count;
}

/** The bell: its name carries the unread count, which the live connection keeps current. */
export function Notifications() {
  const [items, setItems] = useState<NotificationItem[] | null>(null);
  useEffect(() => void refreshCount(), [notificationsChanged.value]);

  async function toggle() {
    if (items) return setItems(null);
    const page = dataOr(await api.GET('/api/v1/notifications', { params: { query: { limit: 20 } } }));
    setItems((page?.items as NotificationItem[] | undefined) ?? []);
  }
  async function readAll() {
    await api.POST('/api/v1/notifications/read', { body: { all: true } });
    setItems(null);
    await refreshCount();
  }

  return (
    <div class="notifications">
      <button type="button" aria-expanded={items !== null} onClick={() => void toggle()}>
        Notifications <span class="unread">{unreadCount.value}</span>
      </button>
      {items ? (
        <div class="popover" role="region" aria-label="Notifications list">
          {items.length === 0 ? <p>Nothing new.</p> : null}
          <ul>
            {items.map((item) => (
              <li key={item.id} class={item.readAt ? 'read' : 'unread'}>
                <button
                  type="button"
                  onClick={() => {
                    setItems(null);
                    if (item.taskId) navigate(`/tasks/${item.taskId}`);
                  }}
                >
                  {KIND_TEXT[item.kind] ?? item.kind} · {new Date(item.createdAt).toLocaleString()}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void readAll()}>
            Mark all read
          </button>
        </div>
      ) : null}
    </div>
  );
}
