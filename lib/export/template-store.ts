import type { KeyValueArea } from '../library/library';
import { DEFAULT_FRONT_MATTER_TEMPLATE } from './front-matter-template';

/** storage.local key of the reader's front matter template; absent means the default. */
export const FRONT_MATTER_KEY = 'settings:frontMatterTemplate';

export async function loadFrontMatterTemplate(area: Pick<KeyValueArea, 'get'>): Promise<string> {
  const got = await area.get([FRONT_MATTER_KEY]);
  const value = got[FRONT_MATTER_KEY];
  return typeof value === 'string' ? value : DEFAULT_FRONT_MATTER_TEMPLATE;
}

/** Store a template; storing the default removes the key, so a later change of default reaches the reader. */
export async function saveFrontMatterTemplate(area: Pick<KeyValueArea, 'set' | 'remove'>, template: string): Promise<void> {
  if (template === DEFAULT_FRONT_MATTER_TEMPLATE) await area.remove([FRONT_MATTER_KEY]);
  else await area.set({ [FRONT_MATTER_KEY]: template });
}
