import type { StateCategory } from '../../workflow/workflow';
import { countTask, ImportPlan, Importer, PlannedComment, PlannedTask } from '../import-plan';
import { dateIn } from './dates';
import { jsonHead, jsonItems, OpenFile, text, textOf } from './streams';

type Row = Record<string, unknown>;
const rows = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);
const position = (row: Row) => (typeof row.pos === 'number' ? row.pos : 0);

/** Trello's label colours, as the board shows them. */
const COLORS: Record<string, string> = {
  green: '#4bce97',
  yellow: '#f5cd47',
  orange: '#fea362',
  red: '#f87168',
  purple: '#9f8fef',
  blue: '#579dff',
  sky: '#6cc3e0',
  lime: '#94c748',
  pink: '#e774bb',
  black: '#8590a2',
};
const colorOf = (name: unknown) => COLORS[textOf(name).replace(/_(dark|light)$/, '')] ?? '#8b949e';

/** What a list's name says of its cards: done, under way, or not started. */
function categoryOf(listName: string): StateCategory {
  if (/\b(done|complete[d]?|finished|shipped|closed)\b/i.test(listName)) return 'completed';
  if (/\b(doing|in progress|progress|review|active|started)\b/i.test(listName)) return 'started';
  return 'unstarted';
}

/**
 * A Trello board export (JSON): lists become states, cards tasks (in list then card order), checklist items
 * subtasks, `commentCard` actions comments, archived cards the trash; attachments become links in the description.
 * The file is read three times as a stream: the board without its cards and history, then the cards, then the
 * history (often most of the file), one item at a time, keeping only comments.
 */
export async function readTrelloBoard(open: OpenFile, importer: Importer): Promise<ImportPlan> {
  const head = await jsonHead(open, ['cards', 'actions']);
  const lists = rows(head.lists).sort((a, b) => position(a) - position(b));
  const openLists = lists.filter((list) => list.closed !== true);
  const plan: ImportPlan = {
    name: text(head.name) ?? 'Trello board',
    description: text(head.desc) || null,
    states: openLists.map((list) => ({
      key: textOf(list.id),
      name: textOf(list.name),
      category: categoryOf(textOf(list.name)),
    })),
    fields: [],
    labels: rows(head.labels).map((label) => ({
      key: textOf(label.id),
      name: text(label.name) || text(label.color) || 'label',
      color: colorOf(label.color),
    })),
    tasks: [],
    problems: [],
  };
  const listOrder = new Map(lists.map((list, index) => [textOf(list.id), index]));
  const archivedLists = new Set(lists.filter((list) => list.closed === true).map((list) => textOf(list.id)));
  const members = new Map(
    rows(head.members).map((member) => [textOf(member.id), text(member.username) ?? '']),
  );
  const checklists = new Map<string, Row[]>();
  for (const checklist of rows(head.checklists).sort((a, b) => position(a) - position(b))) {
    const cardId = textOf(checklist.idCard);
    checklists.set(cardId, [...(checklists.get(cardId) ?? []), checklist]);
  }

  const cards: { card: Row; task: PlannedTask }[] = [];
  for await (const item of jsonItems(open, 'cards')) {
    countTask(plan);
    const card = item as Row;
    const key = textOf(card.id);
    const listId = textOf(card.idList);
    const archived = card.closed === true || archivedLists.has(listId);
    if (archivedLists.has(listId)) {
      plan.problems.push({
        item: `card ${key}`,
        message: 'its list is archived: the card went to the trash',
      });
    }
    const links = rows(card.attachments)
      .filter((attachment) => text(attachment.url))
      .map((attachment) => `- [${text(attachment.name) ?? 'attachment'}](${textOf(attachment.url)})`);
    const description = [text(card.desc) ?? '', links.length ? `Attachments:\n${links.join('\n')}` : '']
      .filter(Boolean)
      .join('\n\n');
    const memberIds = Array.isArray(card.idMembers) ? card.idMembers.map(String) : [];
    cards.push({
      card,
      task: {
        key,
        item: `card ${key}`,
        title: text(card.name) ?? '',
        description: description || null,
        stateKey: archivedLists.has(listId) ? undefined : listId,
        dueDate: text(card.due) ? dateIn(textOf(card.due), importer.timezone) : null,
        assignee: memberIds.map((id) => members.get(id)).find(Boolean),
        labelKeys: Array.isArray(card.idLabels) ? card.idLabels.map(String) : [],
        deleted: archived,
        comments: [],
      },
    });
  }
  cards.sort(
    (a, b) =>
      (listOrder.get(textOf(a.card.idList)) ?? 0) - (listOrder.get(textOf(b.card.idList)) ?? 0) ||
      position(a.card) - position(b.card),
  );
  const byCard = new Map(cards.map(({ task }) => [task.key, task]));
  for (const { task } of cards) {
    plan.tasks.push(task);
    for (const checklist of checklists.get(task.key) ?? []) {
      for (const checkItem of rows(checklist.checkItems).sort((a, b) => position(a) - position(b))) {
        countTask(plan);
        plan.tasks.push({
          key: textOf(checkItem.id),
          item: `checklist item ${textOf(checkItem.id)}`,
          parentKey: task.key,
          title: text(checkItem.name) ?? '',
          status: checkItem.state === 'complete' ? 'completed' : 'pending',
          deleted: task.deleted,
        });
      }
    }
  }

  for await (const item of jsonItems(open, 'actions')) {
    const action = item as Row;
    if (action.type !== 'commentCard') continue;
    const data = (action.data ?? {}) as Row;
    const task = byCard.get(textOf(((data.card ?? {}) as Row).id));
    const body = text(data.text);
    if (!task || !body) continue;
    const author = (action.memberCreator ?? {}) as Row;
    const comment: PlannedComment = { body, createdAt: text(action.date) };
    if (author.username !== importer.username) {
      comment.authorName = text(author.fullName) ?? text(author.username) ?? 'someone';
    }
    task.comments!.push(comment);
  }
  // Trello lists actions newest first; a thread reads oldest first.
  for (const task of byCard.values())
    task.comments!.sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
  return plan;
}
