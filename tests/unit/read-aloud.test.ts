import { describe, expect, it } from 'vitest';
import { pickVoice, ReadAloud, type ReadAloudState, type SpeechLike, type UtteranceLike, type VoiceLike } from '../../lib/reader/read-aloud';

/** A speech engine that speaks nothing: the test ends each utterance itself. */
class FakeSpeech implements SpeechLike {
  spoken: UtteranceLike[] = [];
  cancels = 0;
  constructor(private readonly voices: VoiceLike[]) {}
  getVoices() {
    return this.voices;
  }
  speak(u: UtteranceLike) {
    this.spoken.push(u);
  }
  cancel() {
    this.cancels++;
    // As browsers do: the utterance cut short reports an error.
    this.spoken.at(-1)?.onerror?.({ error: 'interrupted' });
  }
  finish() {
    this.spoken.at(-1)?.onend?.({});
  }
}

const utter = (text: string): UtteranceLike => ({ text, lang: '', rate: 1, voice: null, onend: null, onerror: null });
const VOICES: VoiceLike[] = [
  { name: 'English', lang: 'en-US', default: true },
  { name: 'Deutsch', lang: 'de-DE' },
  { name: 'Français (CA)', lang: 'fr-CA' },
  { name: 'Français', lang: 'fr-FR', default: false },
];

function reader(paragraphs: string[], lang = 'en', voices = VOICES) {
  const speech = new FakeSpeech(voices);
  const states: ReadAloudState[] = [];
  const r = new ReadAloud(speech, utter, paragraphs, lang, (s) => states.push(s));
  return { speech, states, r };
}

describe('pickVoice', () => {
  it('chooses by the article language, the exact tag first', () => {
    expect(pickVoice(VOICES, 'de')?.name).toBe('Deutsch');
    expect(pickVoice(VOICES, 'fr-FR')?.name).toBe('Français');
    expect(pickVoice(VOICES, 'fr')?.name).toBe('Français (CA)');
    expect(pickVoice(VOICES, 'ar')).toBeUndefined();
    expect(pickVoice(VOICES, '')?.name).toBe('English');
  });
});

describe('ReadAloud', () => {
  it('reads paragraph after paragraph in the article language, then finishes', () => {
    const { speech, r } = reader(['One.', 'Two.'], 'de-AT');
    r.play();
    expect(speech.spoken.map((u) => [u.text, u.voice?.name])).toEqual([['One.', 'Deutsch']]);
    speech.finish();
    expect(r.current).toMatchObject({ status: 'playing', index: 1 });
    speech.finish();
    expect(speech.spoken.map((u) => u.text)).toEqual(['One.', 'Two.']);
    expect(r.current.status).toBe('finished');
  });

  it('pauses and resumes at the same paragraph', () => {
    const { speech, r } = reader(['One.', 'Two.', 'Three.']);
    r.play();
    speech.finish();
    r.pause();
    expect(r.current).toMatchObject({ status: 'paused', index: 1 });
    r.play();
    expect(speech.spoken.at(-1)?.text).toBe('Two.');
  });

  it('skips forward and back while playing, and ignores the cut-short utterance', () => {
    const { speech, r } = reader(['One.', 'Two.', 'Three.']);
    r.play();
    const first = speech.spoken[0]!;
    r.skip(2);
    expect(speech.spoken.at(-1)?.text).toBe('Three.');
    first.onend?.({});
    expect(r.current.index).toBe(2);
    r.skip(-5);
    expect(r.current).toMatchObject({ index: 0, status: 'playing' });
    expect(speech.spoken.at(-1)?.text).toBe('One.');
  });

  it('changes the rate within bounds, from the paragraph being read', () => {
    const { speech, r } = reader(['One.', 'Two.']);
    r.play();
    r.setRate(1.5);
    expect(speech.spoken.at(-1)).toMatchObject({ text: 'One.', rate: 1.5 });
    r.setRate(9);
    expect(r.current.rate).toBe(2);
  });

  it('says there is no voice rather than waiting for one', () => {
    const { speech, states, r } = reader(['One.'], 'en', []);
    r.play();
    expect(speech.spoken).toEqual([]);
    expect(states.at(-1)?.status).toBe('no-voice');
  });

  it('stops on a real speech error', () => {
    const { speech, r } = reader(['One.', 'Two.']);
    r.play();
    speech.spoken[0]!.onerror?.({ error: 'synthesis-failed' });
    expect(r.current).toMatchObject({ status: 'paused', index: 0 });
  });
});
