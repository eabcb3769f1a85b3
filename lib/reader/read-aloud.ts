/**
 * Reading an article aloud, one paragraph at a time, over any speech engine
 * shaped like the Web Speech API's. Pause stops the paragraph and resume
 * starts it again: the engines' own pause is unreliable (Chromium's stops
 * for good after fifteen seconds paused on some systems).
 */

export interface VoiceLike {
  name: string;
  lang: string;
  default?: boolean;
}

export interface UtteranceLike {
  text: string;
  lang: string;
  rate: number;
  voice: VoiceLike | null;
  onend: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface SpeechLike {
  getVoices(): VoiceLike[];
  speak(utterance: UtteranceLike): void;
  cancel(): void;
}

export type ReadAloudStatus = 'stopped' | 'playing' | 'paused' | 'no-voice' | 'finished';

export interface ReadAloudState {
  status: ReadAloudStatus;
  /** The paragraph being read, or to be read next. */
  index: number;
  rate: number;
  voice?: string;
}

export const RATES = { min: 0.5, max: 2, step: 0.1 } as const;

/** The voice for a language tag: the same tag, else the same language, the engine's default first. */
export function pickVoice(voices: readonly VoiceLike[], lang: string): VoiceLike | undefined {
  const want = lang.toLowerCase().replace(/_/g, '-');
  const primary = want.split('-')[0] ?? '';
  const byDefault = (list: VoiceLike[]) => list.find((v) => v.default) ?? list[0];
  const norm = (v: VoiceLike) => v.lang.toLowerCase().replace(/_/g, '-');
  if (!primary) return byDefault(voices.filter((v) => v.default)) ?? voices[0];
  return byDefault(voices.filter((v) => norm(v) === want)) ?? byDefault(voices.filter((v) => norm(v).split('-')[0] === primary));
}

export class ReadAloud {
  private state: ReadAloudState;
  /** Bumped whenever speech is cut short, so the old utterance's late end event is ignored. */
  private turn = 0;

  constructor(
    private readonly speech: SpeechLike,
    private readonly utter: (text: string) => UtteranceLike,
    private readonly paragraphs: readonly string[],
    private readonly lang: string,
    private readonly onChange: (state: ReadAloudState) => void,
  ) {
    this.state = { status: 'stopped', index: 0, rate: 1 };
  }

  get current(): ReadAloudState {
    return this.state;
  }

  private set(next: Partial<ReadAloudState>): void {
    this.state = { ...this.state, ...next };
    this.onChange(this.state);
  }

  play(): void {
    const voice = pickVoice(this.speech.getVoices(), this.lang);
    if (!voice) {
      this.set({ status: 'no-voice' });
      return;
    }
    if (this.state.status === 'finished') this.state = { ...this.state, index: 0 };
    this.set({ status: 'playing', voice: voice.name });
    this.speak(voice);
  }

  pause(): void {
    if (this.state.status !== 'playing') return;
    this.turn++;
    this.speech.cancel();
    this.set({ status: 'paused' });
  }

  stop(): void {
    this.turn++;
    this.speech.cancel();
    this.set({ status: 'stopped', index: 0 });
  }

  /** Skip by `step` paragraphs; playing goes on from there. */
  skip(step: number): void {
    const index = Math.min(this.paragraphs.length - 1, Math.max(0, this.state.index + step));
    this.jump(index);
  }

  jump(index: number): void {
    const playing = this.state.status === 'playing';
    this.turn++;
    this.speech.cancel();
    this.set({ index, status: playing ? 'playing' : this.state.status === 'finished' ? 'paused' : this.state.status });
    if (playing) this.play();
  }

  setRate(rate: number): void {
    const clamped = Math.min(RATES.max, Math.max(RATES.min, Math.round(rate * 10) / 10));
    const playing = this.state.status === 'playing';
    this.turn++;
    this.speech.cancel();
    this.set({ rate: clamped });
    // The new rate applies from the start of the paragraph being read.
    if (playing) this.play();
  }

  private speak(voice: VoiceLike): void {
    const text = this.paragraphs[this.state.index];
    if (text === undefined) {
      this.set({ status: 'finished', index: Math.max(0, this.paragraphs.length - 1) });
      return;
    }
    const turn = ++this.turn;
    const u = this.utter(text);
    u.lang = voice.lang || this.lang;
    u.voice = voice;
    u.rate = this.state.rate;
    u.onend = () => {
      if (turn !== this.turn || this.state.status !== 'playing') return;
      if (this.state.index + 1 >= this.paragraphs.length) {
        this.set({ status: 'finished' });
        return;
      }
      this.set({ index: this.state.index + 1 });
      this.speak(voice);
    };
    u.onerror = (event) => {
      if (turn !== this.turn) return;
      const error = (event as { error?: string } | null)?.error;
      // Cut short by cancel() is not a failure; anything else stops reading where it was.
      if (error === 'interrupted' || error === 'canceled') return;
      this.set({ status: 'paused' });
    };
    this.speech.speak(u);
  }
}
