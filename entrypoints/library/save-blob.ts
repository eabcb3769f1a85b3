/** Hand bytes to the browser's downloads under `name`. */
export function saveBlob(parts: BlobPart[], name: string, mime: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The download holds its own reference by now; a minute is generous for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
