import type { Segment } from '../lib/library/highlight';

interface Props {
  segments: Segment[];
}

/** Text with its search matches marked. */
export function Highlighted({ segments }: Props) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
