import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ReadAloud, type ReadAloudState, type SpeechLike, type UtteranceLike } from '../../lib/reader/read-aloud';

/** Voices load after the page in some browsers; past this wait there is none. */
const VOICE_WAIT_MS = 1_500;
/** The blocks read aloud one at a time. */
const SPOKEN = 'h2, h3, h4, h5, h6, p, li, blockquote, pre, dt, dd, figcaption';

/** The Web Speech API as the read-aloud controller sees it; null where the browser has none. */
function webSpeech(): { speech: SpeechLike; utter: (text: string) => UtteranceLike; synth: SpeechSynthesis } | null {
  const synth = globalThis.speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return null;
  return {
    synth,
    speech: {
      getVoices: () => synth.getVoices(),
      speak: (u) => synth.speak(u as unknown as SpeechSynthesisUtterance),
      cancel: () => synth.cancel(),
    },
    utter: (text) => new SpeechSynthesisUtterance(text) as unknown as UtteranceLike,
  };
}

/** Wait for the browser's voices, at most VOICE_WAIT_MS. */
function voicesReady(synth: SpeechSynthesis): Promise<void> {
  if (synth.getVoices().length > 0) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(done, VOICE_WAIT_MS);
    synth.addEventListener(
      'voiceschanged',
      () => {
        clearTimeout(timer);
        done();
      },
      { once: true },
    );
  });
}

/** The blocks to read aloud, innermost only: a list item holding a paragraph is read as that paragraph. */
function spokenBlocks(root: HTMLElement, title: HTMLElement | null): HTMLElement[] {
  const all = Array.from(root.querySelectorAll<HTMLElement>(SPOKEN));
  const blocks = all.filter((el) => !all.some((other) => other !== el && el.contains(other)) && (el.textContent ?? '').trim() !== '');
  return title ? [title, ...blocks] : blocks;
}

/**
 * Read the article aloud with the browser's speech engine, in a voice for
 * its language: the block being read is marked and brought into view. A new
 * article (or the same one after a correction) starts again from the top.
 */
export function useReadAloud(body: RefObject<HTMLElement | null>, title: RefObject<HTMLElement | null>, lang: string | null, html: string) {
  const [state, setState] = useState<ReadAloudState>({ status: 'stopped', index: 0, rate: 1 });
  const controller = useRef<ReadAloud | null>(null);
  const blocks = useRef<HTMLElement[]>([]);

  useEffect(() => {
    controller.current?.stop();
    controller.current = null;
    blocks.current = body.current ? spokenBlocks(body.current, title.current) : [];
    const web = webSpeech();
    if (web && lang !== null) {
      const texts = blocks.current.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
      controller.current = new ReadAloud(web.speech, web.utter, texts, lang, setState);
    }
    setState((s) => ({ status: 'stopped', index: 0, rate: s.rate }));
  }, [html]);

  useEffect(() => {
    for (const el of blocks.current) el.classList.remove('reading');
    if (state.status !== 'playing' && state.status !== 'paused') return;
    const el = blocks.current[state.index];
    el?.classList.add('reading');
    el?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }, [state.index, state.status, html]);

  // Speech goes on after a tab closes in some browsers: stop it with the page.
  useEffect(() => {
    const stop = () => globalThis.speechSynthesis?.cancel();
    addEventListener('pagehide', stop);
    return () => {
      removeEventListener('pagehide', stop);
      stop();
    };
  }, []);

  const play = async () => {
    const web = webSpeech();
    if (!web || !controller.current) return setState((s) => ({ ...s, status: 'no-voice' }));
    await voicesReady(web.synth);
    controller.current.play();
  };

  return {
    state,
    total: blocks.current.length,
    play,
    pause: () => controller.current?.pause(),
    skip: (step: number) => controller.current?.skip(step),
    setRate: (rate: number) => (controller.current ? controller.current.setRate(rate) : setState((s) => ({ ...s, rate }))),
  };
}
