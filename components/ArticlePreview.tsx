import { useMemo } from 'preact/hooks';
import { isOwnBlob, isPictureAddress } from '../lib/web-address';
import { embeddable } from './embed-html';

interface Props {
  /** HTML that has been through the sanitiser in this page. */
  safeHtml: string;
  leadImage?: string;
  /** The article's language and direction: a right-to-left article reads right to left. */
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  /** Where a clicked link goes; without it a link would navigate the extension page itself away. */
  onOpenLink?: (href: string) => void;
}

export function ArticlePreview({ safeHtml, leadImage, onOpenLink, lang, dir }: Props) {
  // The page's share image, only when the article itself has no picture: otherwise it repeats the first one.
  const showLead = leadImage && (isPictureAddress(leadImage) || isOwnBlob(leadImage, location.origin)) && !/<img\s/i.test(safeHtml);
  const html = useMemo(() => embeddable(safeHtml, document), [safeHtml]);
  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!link) return;
    const href = link.getAttribute('href') ?? '';
    // A footnote and its way back: a place in the article itself, shown mid-window where it stands (the page scrolls as a whole, and the line above stays in sight).
    if (href.startsWith('#')) {
      event.preventDefault();
      (event.currentTarget as HTMLElement).querySelector(`[id="${CSS.escape(href.slice(1))}"]`)?.scrollIntoView({ block: 'center' });
      return;
    }
    if (!onOpenLink) return;
    event.preventDefault();
    onOpenLink((link as HTMLAnchorElement).href);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: clicks come from the article's own links, which are focusable and fire click on Enter
    // biome-ignore lint/a11y/useKeyWithClickEvents: as above, the keyboard reaches each link itself
    <div class="preview" data-testid="preview" lang={lang || undefined} dir={dir} onClick={onClick}>
      {showLead && <img class="lead" src={leadImage} alt="" />}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
