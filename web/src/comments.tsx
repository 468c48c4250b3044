import { useEffect, useState } from 'preact/hooks';
import { api } from './api/client';
import { boardMembers } from './board-store';
import { dataOr } from './problems';

type CommentItem = { id: string; authorId?: string; body?: string; createdAt?: string; deleted?: boolean };

/** The word being typed after an @, if the caret is in one. */
function mentionPrefix(text: string): string | null {
  const match = /(?:^|\s)@([a-z0-9_.-]*)$/i.exec(text);
  return match ? match[1].toLowerCase() : null;
}

/** A task's conversation: the comments, and a box that suggests project members after an @. */
export function Comments({ taskId }: { taskId: string }) {
  const [items, setItems] = useState<CommentItem[]>([]);
  const [text, setText] = useState('');

  async function load() {
    const page = dataOr(
      await api.GET('/api/v1/tasks/{taskId}/comments', {
        params: { path: { taskId }, query: { limit: 100 } },
      }),
    );
    if (page) setItems(page.items);
  }
  useEffect(() => void load(), [taskId]);

  async function send(event: Event) {
    event.preventDefault();
    const created = dataOr(
      await api.POST('/api/v1/tasks/{taskId}/comments', {
        params: { path: { taskId } },
        body: { body: text },
      }),
    );
    if (created) {
      setText('');
      await load();
    }
  }

  const prefix = mentionPrefix(text);
  const suggestions =
    prefix === null
      ? []
      : boardMembers.value.filter((member) => member.username?.toLowerCase().startsWith(prefix)).slice(0, 5);
  const author = (id?: string) => {
    const member = boardMembers.value.find((candidate) => candidate.userId === id);
    return member?.displayName ?? member?.username ?? 'someone';
  };

  return (
    <section aria-labelledby="comments-heading" class="comments">
      <h3 id="comments-heading">Comments</h3>
      <ul>
        {items.map((comment) => (
          <li key={comment.id}>
            {comment.deleted ? (
              <em>Deleted</em>
            ) : (
              <>
                <strong>{author(comment.authorId)}</strong> {comment.body}
              </>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => void send(event)}>
        <label>
          Add a comment
          <textarea
            value={text}
            required
            maxLength={10000}
            rows={2}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </label>
        {suggestions.length > 0 ? (
          <ul class="suggestions" aria-label="Mention suggestions">
            {suggestions.map((member) => (
              <li key={member.userId}>
                <button
                  type="button"
                  onClick={() => setText(text.replace(/@[a-z0-9_.-]*$/i, `@${member.username} `))}
                >
                  @{member.username}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <button type="submit">Comment</button>
      </form>
    </section>
  );
}
