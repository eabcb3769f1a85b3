import type { ZipHelper } from '../../lib/export/bulk-export';
import type { Compressed } from '../../lib/export/deflate';
import type { ZipWorkReply, ZipWorkRequest } from './zip-worker';

/**
 * Batches queued in one worker before the page renders a batch itself.
 * Measured at 10,000 articles, the page rendering too made the export slower,
 * not faster (11.1 s against 8.8 s): its DOMParser documents cost more in
 * garbage collection than they save, and reading storage already keeps that
 * thread half busy. So the queue is as deep as exportBulk ever fills it
 * (IN_FLIGHT + 1 batches over two workers) and the page renders only when
 * no worker could be started.
 */
const WORKER_QUEUE = 3;
/**
 * Workers to start: storage can only be read on the page's thread, and two
 * workers converting beside it kept two cores busy (8.8 s against 9.3 s with one);
 * more would only take turns on the same cores.
 */
const WORKERS = Math.min(2, Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 2));

export interface ZipWorkers {
  /** For exportBulk; null when no worker could be started (everything then happens on the page's thread). */
  helper: ZipHelper | null;
  /** Stop the workers; batches still being worked on are refused. */
  close(): void;
}

interface Lane {
  worker: Worker;
  /** Batches sent and not yet answered. */
  queued: number;
}

/** Workers that render and compress for a ZIP export, each batch going to the least busy. */
export function startZipWorkers(): ZipWorkers {
  const lanes: Lane[] = [];
  try {
    for (let i = 0; i < WORKERS; i++) lanes.push({ worker: new Worker(new URL('./zip-worker.ts', import.meta.url), { type: 'module' }), queued: 0 });
  } catch {
    for (const lane of lanes) lane.worker.terminate();
    return { helper: null, close: () => undefined };
  }
  const waiting = new Map<number, { resolve: (files: Compressed[]) => void; reject: (error: Error) => void }>();
  let next = 0;
  const failAll = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  for (const lane of lanes) {
    lane.worker.onmessage = (event: MessageEvent<ZipWorkReply>) => {
      const reply = event.data;
      lane.queued--;
      const w = waiting.get(reply.id);
      if (!w) return;
      waiting.delete(reply.id);
      if ('error' in reply) w.reject(new Error(reply.error));
      else w.resolve(reply.files);
    };
    lane.worker.onerror = (event) => failAll(new Error(`export worker failed: ${event.message}`));
  }
  const leastBusy = () => lanes.reduce((a, b) => (b.queued < a.queued ? b : a));
  const send = (lane: Lane, request: ZipWorkRequest) =>
    new Promise<Compressed[]>((resolve, reject) => {
      waiting.set(request.id, { resolve, reject });
      lane.queued++;
      lane.worker.postMessage(request);
    });
  return {
    helper: {
      pack(articles, format, options) {
        const lane = leastBusy();
        if (lane.queued >= WORKER_QUEUE) return null;
        // Each article is copied to the worker; the body a format does not use (text for Markdown and HTML, HTML for text) stays behind.
        const sent = articles.map((a) => (format === 'txt' ? { ...a, contentHtml: '' } : { ...a, textContent: '' }));
        return send(lane, { id: next++, kind: 'pack', format, articles: sent, now: options.now.getTime(), frontMatterTemplate: options.frontMatterTemplate });
      },
      deflate: (texts) => send(leastBusy(), { id: next++, kind: 'deflate', texts: [...texts] }),
    },
    close: () => {
      for (const lane of lanes) lane.worker.terminate();
      failAll(new Error('export stopped'));
    },
  };
}
