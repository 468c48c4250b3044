import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import type { Principal } from '../auth/principal';
import type { FieldDto } from '../fields/dto/field.dto';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import type { StateDto } from '../states/dto/state.dto';
import type { FieldValue } from '../workflow/custom-fields';
import { EXPORT_FORMAT, ExportedLabel, ExportedMember, ExportedTask } from './dto/export.dto';
import { ExportsRepository } from './exports.repository';

/** Tasks read per page: the export holds one page in memory, whatever the project's size. */
const PAGE = 500;

/** An export ready to send: its file name, type and body. */
export interface ProjectExport {
  filename: string;
  contentType: string;
  body: Readable;
}

/**
 * A project's export, as a stream: JSON (`taskforge.project.v1`, everything an import needs to rebuild it) or CSV
 * (one row per task, for spreadsheets). Access is checked before the first byte, so a refusal is a proper answer;
 * after it, the tasks are read page by page, in id order, while the client takes them.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly access: ProjectAccessPolicy,
    private readonly exports: ExportsRepository,
  ) {}

  async open(principal: Principal, projectId: string, format: 'json' | 'csv'): Promise<ProjectExport> {
    await this.access.require(principal.userId, projectId, 'export-project');
    const project = await this.exports.project(projectId);
    const [states, fields, labels, members] = await Promise.all([
      this.exports.states(projectId),
      this.exports.fields(projectId),
      this.exports.labels(projectId),
      this.exports.members(projectId),
    ]);
    const name = project.name.replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() || 'project';
    if (format === 'csv') {
      return {
        filename: `${name}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: Readable.from(this.rows(projectId, csvRow(states, fields, labels, members))).pipe(
          stringify({
            header: true,
            columns: csvColumns(fields),
            // A cell starting with = + - @ is data, not a formula a spreadsheet would run.
            escape_formulas: true,
          }),
        ),
      };
    }
    const head = JSON.stringify({
      format: EXPORT_FORMAT,
      exportedAt: new Date().toISOString(),
      project,
      states,
      fields,
      labels,
      members,
    });
    return {
      filename: `${name}.taskforge.json`,
      contentType: 'application/json; charset=utf-8',
      body: Readable.from(this.document(projectId, head)),
    };
  }

  /** The document: its head, then the tasks array one page at a time. */
  private async *document(projectId: string, head: string): AsyncGenerator<string> {
    yield `${head.slice(0, -1)},"tasks":[`;
    let separator = '';
    for await (const page of this.pages(projectId)) {
      yield separator + page.map((task) => JSON.stringify(task)).join(',');
      separator = ',';
    }
    yield ']}';
  }

  private async *rows(
    projectId: string,
    row: (task: ExportedTask) => Record<string, string>,
  ): AsyncGenerator<Record<string, string>> {
    for await (const page of this.pages(projectId)) yield* page.map(row);
  }

  private async *pages(projectId: string): AsyncGenerator<ExportedTask[]> {
    let after: string | null = null;
    for (;;) {
      const page = await this.exports.tasksAfter(projectId, after, PAGE);
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1].id;
    }
  }
}

const TASK_COLUMNS = [
  'id',
  'title',
  'description',
  'state',
  'status',
  'priority',
  'dueDate',
  'assignee',
  'labels',
  'parentId',
  'position',
  'createdAt',
  'completedAt',
  'deletedAt',
];

/** The CSV's header: the task's own columns, then one per custom field, named as the field is. */
function csvColumns(fields: FieldDto[]): { key: string; header: string }[] {
  return [
    ...TASK_COLUMNS.map((key) => ({ key, header: key })),
    ...fields.map((field) => ({ key: `field:${field.id}`, header: field.name })),
  ];
}

/** One task as a spreadsheet row: names rather than ids wherever a person reads it. */
function csvRow(
  states: StateDto[],
  fields: FieldDto[],
  labels: ExportedLabel[],
  members: ExportedMember[],
): (task: ExportedTask) => Record<string, string> {
  const labelNames = new Map(labels.map((label) => [label.id, label.name]));
  const stateNames = new Map(states.map((state) => [state.id, state.name]));
  const usernames = new Map(members.map((member) => [member.userId, member.username]));
  const optionNames = new Map(
    fields.flatMap((field) => field.options.map((option) => [option.id, option.name])),
  );
  const shown = (field: FieldDto, value: FieldValue | undefined): string => {
    if (value === undefined) return '';
    const names = (Array.isArray(value) ? value : [String(value)]).map((id) =>
      field.type === 'user' ? usernames.get(id) : optionNames.get(id),
    );
    if (['select', 'multi_select', 'user'].includes(field.type)) return names.join('; ');
    return Array.isArray(value) ? value.join('; ') : String(value);
  };
  return (task) => ({
    id: task.id,
    title: task.title,
    description: task.description ?? '',
    state: stateNames.get(task.stateId) ?? '',
    status: task.status,
    priority: String(task.priority),
    dueDate: task.dueDate ?? '',
    assignee: task.assigneeId ? (usernames.get(task.assigneeId) ?? '') : '',
    labels: task.labels.map((label) => labelNames.get(label.id) ?? label.name).join('; '),
    parentId: task.parentId ?? '',
    position: task.position,
    createdAt: task.createdAt,
    completedAt: task.completedAt ?? '',
    deletedAt: task.deletedAt ?? '',
    ...Object.fromEntries(fields.map((field) => [`field:${field.id}`, shown(field, task.fields[field.id])])),
  });
}
