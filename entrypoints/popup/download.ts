import type { ExportFile } from '../../lib/export/formats';
import { saveBlob } from '../library/save-blob';

/** Hand a file to the browser's downloads, as if the reader clicked a link to it. */
export function download(file: ExportFile): void {
  saveBlob([file.data as BlobPart], file.name, file.mime);
}
