import { describe, expect, it } from 'vitest';
import { bylineOf, namesTheSite } from '../../lib/export/byline';

describe('bylineOf', () => {
  it('writes names, site and date, the names joined as a reader would', () => {
    expect(bylineOf({ authors: ['Ann Lee', 'Bo Chan', 'Cy Dee'], siteName: 'Fortune', publishedTime: '2025-11-23T10:00:00Z' })).toBe(
      'Ann Lee, Bo Chan and Cy Dee · Fortune · 23 November 2025',
    );
  });

  it('names a site that signs as itself once', () => {
    const selfSigned = { authors: ['AppleInsider'], siteName: 'appleinsider ', publishedTime: '' };
    expect(namesTheSite(selfSigned)).toBe(true);
    expect(bylineOf(selfSigned)).toBe('AppleInsider');
    expect(namesTheSite({ authors: ['AppleInsider', 'Jane Doe'], siteName: 'AppleInsider' })).toBe(false);
  });
});
