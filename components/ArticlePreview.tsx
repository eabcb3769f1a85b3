interface Props {
  /** HTML that has been through the sanitiser in this page. */
  safeHtml: string;
  leadImage?: string;
}

export function ArticlePreview({ safeHtml, leadImage }: Props) {
  const showLead = leadImage && !safeHtml.includes(leadImage);
  return (
    <div class="preview" data-testid="preview">
      {showLead && <img class="lead" src={leadImage} alt="" />}
      <div dangerouslySetInnerHTML={{ __html: safeHtml }} />
    </div>
  );
}
