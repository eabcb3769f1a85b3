import { isPictureAddress } from '../lib/web-address';
interface Props {
  /** HTML that has been through the sanitiser in this page. */
  safeHtml: string;
  leadImage?: string;
  /** Where a clicked link goes; without it a link would navigate the extension page itself away. */
  onOpenLink?: (href: string) => void;
}

export function ArticlePreview({ safeHtml, leadImage, onOpenLink }: Props) {
  // The page's share image, only when the article itself has no picture: otherwise it repeats the first one.
  const showLead = leadImage && isPictureAddress(leadImage) && !/<img\s/i.test(safeHtml);
  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!link) return;
    const href = link.getAttribute('href') ?? '';
    // A footnote and its way back: a place in the article itself, shown where it stands.
    if (href.startsWith('#')) {
      event.preventDefault();
      (event.currentTarget as HTMLElement).querySelector(`[id="${CSS.escape(href.slice(1))}"]`)?.scrollIntoView({ block: 'start' });
      return;
    }
    if (!onOpenLink) return;
    event.preventDefault();
    onOpenLink((link as HTMLAnchorElement).href);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: clicks come from the article's own links, which are focusable and fire click on Enter
    // biome-ignore lint/a11y/useKeyWithClickEvents: as above, the keyboard reaches each link itself
    <div class="preview" data-testid="preview" onClick={onClick}>
      {showLead && <img class="lead" src={leadImage} alt="" />}
      <div dangerouslySetInnerHTML={{ __html: safeHtml }} />
    </div>
  );
}
