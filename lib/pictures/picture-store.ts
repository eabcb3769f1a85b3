import type { Picture, RasterType } from './picture';
import { DatabaseHandle } from '../library/open-database';

/** The database of kept pictures, apart from the library's so neither's upgrade waits on the other. */
export const PICTURE_DB = 'clean-copy-pictures';
const DB_VERSION = 1;
/** hash → { hash, type, size, bytes }: one copy of each picture, whatever number of articles show it. */
const PICTURES = 'pictures';
/** article id → { id, hashes }: which pictures an article uses. */
const OWNERS = 'owners';
/** The owners' index on each of their hashes, so "does anyone still use this picture?" is one count. */
const BY_HASH = 'byHash';
/** The pictures' index on their size, so the footprint is summed without reading any bytes. */
const BY_SIZE = 'bySize';

interface StoredPicture {
  hash: string;
  type: RasterType;
  size: number;
  bytes: Uint8Array;
}

/** Which pictures one article uses. */
export interface PictureOwner {
  id: string;
  hashes: string[];
}

/** What the kept pictures take up, each counted once however many articles share it. */
export interface PictureFootprint {
  pictures: number;
  bytes: number;
}

/** Add the pictures not stored yet; one stored already, by this article or another, is kept as it is. */
function addAll(store: IDBObjectStore, pictures: readonly Picture[]): void {
  for (const p of pictures) {
    const request = store.add({ hash: p.hash, type: p.type, size: p.bytes.byteLength, bytes: p.bytes } satisfies StoredPicture);
    request.onerror = (event) => {
      if (request.error?.name === 'ConstraintError') event.preventDefault();
    };
  }
}

/**
 * Pictures kept in IndexedDB, named by the SHA-256 of their bytes, so two
 * articles that show the same picture share one copy. Each article's row in
 * `owners` lists the pictures it uses; a picture no row names any more is
 * freed by `sweep()`. Deleting an article only drops its row (`release`), so
 * an undo can put it back before the bytes are swept.
 *
 * IndexedDB is passed in (the page's `indexedDB`, or fake-indexeddb's in
 * Node) so this file uses no global. Each call is one transaction: a write
 * that runs out of room leaves nothing of itself behind.
 */
export class PictureStore {
  private readonly database: DatabaseHandle;

  constructor(factory: IDBFactory) {
    this.database = new DatabaseHandle(factory, PICTURE_DB, DB_VERSION, (db) => {
      db.createObjectStore(PICTURES, { keyPath: 'hash' }).createIndex(BY_SIZE, 'size');
      db.createObjectStore(OWNERS, { keyPath: 'id' }).createIndex(BY_HASH, 'hashes', { multiEntry: true });
    });
  }

  /**
   * Store `pictures` (those not stored yet) and make them the pictures
   * article `id` uses, in one transaction. Hands back the hashes the article
   * used before, for `sweep()` once the article's record names the new ones.
   */
  keep(id: string, pictures: readonly Picture[]): Promise<string[]> {
    return this.transact([PICTURES, OWNERS], 'readwrite', (tx) => {
      const store = tx.objectStore(PICTURES);
      const owners = tx.objectStore(OWNERS);
      const before = owners.get(id);
      const hashes = [...new Set(pictures.map((p) => p.hash))];
      addAll(store, pictures);
      owners.put({ id, hashes } satisfies PictureOwner);
      return () => ((before.result as PictureOwner | undefined)?.hashes ?? []).filter((h) => !hashes.includes(h));
    });
  }

  /** Give articles back the rows `release()` took (an undone delete, an import); the pictures must still be stored. */
  own(rows: readonly PictureOwner[]): Promise<void> {
    return this.transact([OWNERS], 'readwrite', (tx) => {
      const owners = tx.objectStore(OWNERS);
      for (const row of rows) owners.put({ id: row.id, hashes: [...new Set(row.hashes)] });
      return () => undefined;
    });
  }

  /** Drop the rows of deleted articles and hand them back; their pictures stay until `sweep()`. */
  release(ids: readonly string[]): Promise<PictureOwner[]> {
    return this.transact([OWNERS], 'readwrite', (tx) => {
      const owners = tx.objectStore(OWNERS);
      const rows = ids.map((id) => owners.get(id));
      for (const id of ids) owners.delete(id);
      return () => rows.flatMap((r) => (r.result ? [r.result as PictureOwner] : []));
    });
  }

  /** Store pictures without an owner yet (an import, before its articles are written); a sweep frees any left unowned. */
  add(pictures: readonly Picture[]): Promise<void> {
    return this.transact([PICTURES], 'readwrite', (tx) => {
      addAll(tx.objectStore(PICTURES), pictures);
      return () => undefined;
    });
  }

  /**
   * Free the pictures no article uses: those among `hashes`, or every
   * stored one when none are given. Returns how many were freed.
   */
  sweep(hashes?: readonly string[]): Promise<number> {
    return this.transact([PICTURES, OWNERS], 'readwrite', (tx) => {
      const store = tx.objectStore(PICTURES);
      const index = tx.objectStore(OWNERS).index(BY_HASH);
      let freed = 0;
      const check = (hash: string) => {
        const users = index.count(hash);
        users.onsuccess = () => {
          if (users.result === 0) {
            store.delete(hash);
            freed++;
          }
        };
      };
      if (hashes) for (const h of new Set(hashes)) check(h);
      else {
        const all = store.getAllKeys();
        all.onsuccess = () => {
          for (const key of all.result) check(String(key));
        };
      }
      return () => freed;
    });
  }

  /** The stored pictures among `hashes`, by hash; missing ones are left out. */
  getMany(hashes: readonly string[]): Promise<Map<string, Picture>> {
    return this.transact([PICTURES], 'readonly', (tx) => {
      const store = tx.objectStore(PICTURES);
      const requests = [...new Set(hashes)].map((h) => store.get(h));
      return () => {
        const out = new Map<string, Picture>();
        for (const r of requests) {
          const p = r.result as StoredPicture | undefined;
          if (p) out.set(p.hash, { hash: p.hash, type: p.type, bytes: p.bytes });
        }
        return out;
      };
    });
  }

  /** Which of `hashes` are stored, without reading their bytes. */
  has(hashes: readonly string[]): Promise<Set<string>> {
    return this.transact([PICTURES], 'readonly', (tx) => {
      const store = tx.objectStore(PICTURES);
      const requests = [...new Set(hashes)].map((h) => [h, store.count(h)] as const);
      return () => new Set(requests.filter(([, r]) => r.result > 0).map(([h]) => h));
    });
  }

  /** The pictures an article uses, as its row says. */
  async owner(id: string): Promise<PictureOwner | undefined> {
    return this.transact([OWNERS], 'readonly', (tx) => {
      const request = tx.objectStore(OWNERS).get(id);
      return () => request.result as PictureOwner | undefined;
    });
  }

  /** How many pictures are stored and their bytes, each once: read from the size index, no picture is loaded. */
  footprint(): Promise<PictureFootprint> {
    return this.transact([PICTURES], 'readonly', (tx) => {
      const total = { pictures: 0, bytes: 0 };
      const cursor = tx.objectStore(PICTURES).index(BY_SIZE).openKeyCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        total.pictures++;
        total.bytes += Number(c.key);
        c.continue();
      };
      return () => total;
    });
  }

  private open(): Promise<IDBDatabase> {
    return this.database.open();
  }

  /** `work` in one transaction; its result function is read once the transaction has committed. */
  private async transact<T>(stores: string[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => () => T): Promise<T> {
    const db = await this.open();
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction(stores, mode);
      let result: () => T;
      tx.oncomplete = () => resolve(result());
      tx.onabort = () => reject(tx.error ?? new Error('the picture write was cancelled'));
      try {
        result = work(tx);
      } catch (error) {
        tx.onabort = null;
        tx.abort();
        reject(error);
      }
    });
  }
}
