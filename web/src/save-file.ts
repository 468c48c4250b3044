/** Hands a downloaded body to the browser as a file; the object URL lives long enough for the save to start. */
export function saveFile(body: Blob, filename: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(body);
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
