/**
 * A lazily opened IndexedDB database, shared by every call until it closes.
 * When another page deletes or upgrades the database, this one steps aside
 * and the next call opens it again; a failed open is not kept either, so a
 * retry really retries.
 */
export class DatabaseHandle {
  private db: Promise<IDBDatabase> | undefined;

  constructor(
    private readonly factory: IDBFactory,
    private readonly name: string,
    private readonly version: number,
    /** Creates the stores of a new or older database. */
    private readonly upgrade: (db: IDBDatabase) => void,
  ) {}

  open(): Promise<IDBDatabase> {
    this.db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = this.factory.open(this.name, this.version);
      request.onupgradeneeded = () => this.upgrade(request.result);
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => {
          db.close();
          this.db = undefined;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error ?? new Error(`could not open the ${this.name} database`));
    }).catch((error: unknown) => {
      this.db = undefined;
      throw error;
    });
    return this.db;
  }
}
