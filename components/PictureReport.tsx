import type { PictureFailure } from '../lib/pictures/picture';
import { t } from './i18n';
import { pictureReason } from './picture-reason';

/** What keeping a saved article's pictures came to, as the save area reports it. */
export interface PictureSummary {
  kept: number;
  failures: PictureFailure[];
  /** The browser had no room: the article is saved with links to its pictures. */
  noRoom: boolean;
}

/**
 * How many pictures were kept, and each one that was not, with why. A full
 * browser storage is said plainly: the article is saved, its pictures are links.
 */
export function PictureReport({ summary }: { summary: PictureSummary }) {
  const { kept, failures, noRoom } = summary;
  if (kept === 0 && failures.length === 0) return null;
  return (
    <div class="picture-report" data-testid="picture-report">
      {noRoom ? (
        <p role="alert" data-testid="pictures-no-room">
          {t('picturesNoRoom')}
        </p>
      ) : (
        <p data-testid="pictures-kept">{t('picturesKept', kept)}</p>
      )}
      {failures.length > 0 && !noRoom && (
        <details data-testid="picture-failures">
          <summary>{t('picturesNotKept', failures.length)}</summary>
          <ul>
            {failures.map((f) => (
              <li key={f.src}>
                <span class="picture-src">{f.src}</span>: {pictureReason(f.reason)}
              </li>
            ))}
          </ul>
          <p>{t('picturesRetry')}</p>
        </details>
      )}
    </div>
  );
}
