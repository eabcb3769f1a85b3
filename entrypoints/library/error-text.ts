import { t } from '../../components/i18n';
/** An error as a sentence for the reader; a full storage area says what to do about it. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const full = (error instanceof Error && error.name === 'QuotaExceededError') || /quota/i.test(text);
  return full ? t('storageFull') : text;
}
