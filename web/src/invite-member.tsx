import { useState } from 'preact/hooks';
import { api } from './api/client';
import { boardMembers } from './board-store';
import { dataOr, showProblem } from './problems';

/** Adds a person to the project by username, with a role; owners and admins see it. */
export function InviteMember({ projectId }: { projectId: string }) {
  const [open, setOpen] = useState(false);
  async function invite(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const username = (form.elements.namedItem('username') as HTMLInputElement).value.trim().toLowerCase();
    const role = (form.elements.namedItem('role') as HTMLSelectElement).value as
      'admin' | 'member' | 'viewer';
    const directory = dataOr(
      await api.GET('/api/v1/users', { params: { query: { q: username, limit: 20 } } }),
    );
    const user = directory?.items.find((candidate) => candidate.username?.toLowerCase() === username);
    if (!directory) return;
    if (!user)
      return showProblem({ status: 404, title: 'No such user', detail: `Nobody is called ${username}.` });
    const member = dataOr(
      await api.POST('/api/v1/projects/{projectId}/members', {
        params: { path: { projectId } },
        body: { userId: user.id, role },
      }),
    );
    if (member) {
      boardMembers.value = [...boardMembers.value, member];
      form.reset();
      setOpen(false);
    }
  }
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Invite member
      </button>
    );
  }
  return (
    <form class="inline-form" onSubmit={(event) => void invite(event)}>
      <label>
        Username
        <input name="username" required autoFocus />
      </label>
      <label>
        Role
        <select name="role">
          <option value="member">Member</option>
          <option value="admin">Admin</option>
          <option value="viewer">Viewer</option>
        </select>
      </label>
      <button type="submit">Invite</button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
