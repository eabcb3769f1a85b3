interface Props {
  /** HTML that has been through the sanitiser in this page. */
  safeHtml: string;
  leadImage?: string;
}

export function ArticlePreview({ safeHtml, leadImage }: Props) {
  // The page's share image, only when the article itself has no picture: otherwise it repeats the first one.
  const showLead = leadImage && !/<img\s/i.test(safeHtml);
  return (
    <div class="preview" data-testid="preview">
      {showLead && <img class="lead" src={leadImage} alt="" />}
      <div dangerouslySetInnerHTML={{ __html: safeHtml }} />
    </div>
  );
}
