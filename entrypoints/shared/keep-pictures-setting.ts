import type { KeyValueArea } from '../../lib/library/library';
import { STORAGE_KEYS } from '../../lib/storage-keys';
import { orTimeout, STORAGE_BUDGET_MS } from '../../lib/budget';

/**
 * The sites a picture may come from: any. Asked for as an optional host
 * permission (docs/pictures.md), only when the reader turns on "Keep
 * pictures", because fetching a picture from its site is a cross-origin
 * request an extension page may make only with access to that site.
 */
export const PICTURE_ORIGINS = ['http://*/*', 'https://*/*'];

interface Permissions {
  contains(p: { origins: string[] }): Promise<boolean>;
  request(p: { origins: string[] }): Promise<boolean>;
  remove(p: { origins: string[] }): Promise<boolean>;
}
type Scope = typeof globalThis & { browser?: { permissions?: Permissions }; chrome?: { permissions?: Permissions } };

function permissions(): Permissions | undefined {
  const scope = globalThis as Scope;
  return (scope.browser ?? scope.chrome)?.permissions;
}

/** Whether the reader turned "Keep pictures" on; off when storage does not answer. */
export async function keepPicturesOn(settings: Pick<KeyValueArea, 'get'>): Promise<boolean> {
  const got = await orTimeout(settings.get([STORAGE_KEYS.keepPictures]), STORAGE_BUDGET_MS, 'storage did not answer').catch(() => ({}));
  return (got as Record<string, unknown>)[STORAGE_KEYS.keepPictures] === true;
}

/** Whether the browser lets this page fetch pictures from their sites. */
export async function havePictureAccess(): Promise<boolean> {
  const api = permissions();
  if (!api) return false;
  return orTimeout(api.contains({ origins: PICTURE_ORIGINS }), STORAGE_BUDGET_MS, 'no answer').catch(() => false);
}

/** Saving keeps pictures: the setting is on and the access granted. */
export async function savesPictures(settings: Pick<KeyValueArea, 'get'>): Promise<boolean> {
  return (await keepPicturesOn(settings)) && (await havePictureAccess());
}

/**
 * Turn "Keep pictures" on or off. Turning it on asks for access to sites
 * first, so this must run straight from the reader's click (a browser only
 * asks for a permission in answer to a user gesture); it stays off when the
 * reader says no. Resolves to the setting as it now is.
 */
export async function setKeepPictures(settings: Pick<KeyValueArea, 'set'>, on: boolean): Promise<boolean> {
  const api = permissions();
  if (on) {
    // Asked before anything else is awaited, while the click still counts as the reader's.
    const granted = api ? await api.request({ origins: PICTURE_ORIGINS }).catch(() => false) : false;
    if (!granted) return false;
  }
  await orTimeout(settings.set({ [STORAGE_KEYS.keepPictures]: on }), STORAGE_BUDGET_MS, 'storage did not answer');
  // Turned off, the access is handed back: nothing else uses it.
  if (!on) await api?.remove({ origins: PICTURE_ORIGINS }).catch(() => false);
  return on;
}
