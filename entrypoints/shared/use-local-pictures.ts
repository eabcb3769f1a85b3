import { useEffect, useState } from 'preact/hooks';
import type { PictureRef } from '../../lib/pictures/picture';
import { orTimeout, STORAGE_BUDGET_MS } from '../../lib/budget';
import { pictureStore } from '../library/page-storage';

/** Where each kept picture of an article is shown from: its address → a blob: URL of the stored bytes. */
export type LocalPictures = ReadonlyMap<string, string>;

const NONE: LocalPictures = new Map();

/**
 * The stored copies of an article's kept pictures as blob: URLs, so it shows
 * whole without the network. Null while they are read, so the page does not
 * fetch from the sites meanwhile; empty when there are none, or when storage
 * does not answer in time (the pictures then load from their sites as links).
 * The URLs are revoked when the article changes or the view goes.
 */
export function useLocalPictures(refs: readonly PictureRef[] | undefined): LocalPictures | null {
  const key = refs?.map((r) => `${r.src}\n${r.hash}`).join('\n') ?? '';
  const [local, setLocal] = useState<LocalPictures | null>(refs?.length ? null : NONE);
  useEffect(() => {
    if (!refs?.length) {
      setLocal(NONE);
      return;
    }
    setLocal(null);
    let gone = false;
    const urls: string[] = [];
    orTimeout(pictureStore().getMany(refs.map((r) => r.hash)), STORAGE_BUDGET_MS, 'the picture store did not answer')
      .then((stored) => {
        if (gone) return;
        const map = new Map<string, string>();
        const byHash = new Map<string, string>();
        for (const ref of refs) {
          const picture = stored.get(ref.hash);
          if (!picture) continue;
          let url = byHash.get(ref.hash);
          if (!url) {
            url = URL.createObjectURL(new Blob([picture.bytes as BlobPart], { type: picture.type }));
            urls.push(url);
            byHash.set(ref.hash, url);
          }
          map.set(ref.src, url);
        }
        setLocal(map);
      })
      .catch(() => {
        if (!gone) setLocal(NONE);
      });
    return () => {
      gone = true;
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, [key]);
  return local;
}
