import { api } from './api/client';
import { dataOr } from './problems';
import { saveFile } from './save-file';

const FORMATS = [
  { format: 'json', name: 'Export JSON', extension: 'taskforge.json' },
  { format: 'csv', name: 'Export CSV', extension: 'csv' },
] as const;

/** The file name the service gave, from its Content-Disposition. */
function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/** Owners' and admins' way out: the whole project as a file, to keep or to import elsewhere. */
export function ProjectExport({ projectId }: { projectId: string }) {
  async function download(format: 'json' | 'csv', extension: string) {
    const { data, response, error } = await api.GET('/api/v1/projects/{projectId}/export', {
      params: { path: { projectId }, query: { format } },
      parseAs: 'blob',
    });
    if (!data) return dataOr({ error, response });
    saveFile(data, filenameOf(response, `project.${extension}`));
  }
  return (
    <div role="group" aria-label="Export" class="export">
      {FORMATS.map(({ format, name, extension }) => (
        <button type="button" key={format} onClick={() => void download(format, extension)}>
          {name}
        </button>
      ))}
    </div>
  );
}
