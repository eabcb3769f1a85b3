import { FETCH_REASONS } from '../lib/pictures/fetch-picture';
import { REASONS } from '../lib/pictures/keep-pictures';
import { PICTURE_LIMITS } from '../lib/pictures/picture';
import { t } from './i18n';

/** Each reason a record may give, and how the interface says it. */
const FIXED: Readonly<Record<string, () => string>> = {
  [FETCH_REASONS.notWebAddress]: () => t('pictureReasonNotWebAddress'),
  [FETCH_REASONS.timedOut]: () => t('pictureReasonTimedOut'),
  [FETCH_REASONS.unreachable]: () => t('pictureReasonUnreachable'),
  [FETCH_REASONS.brokeOff]: () => t('pictureReasonBrokeOff'),
  [FETCH_REASONS.notRaster]: () => t('pictureReasonNotRaster'),
  [REASONS.overArticleLimit]: () => t('pictureReasonOverArticleLimit', PICTURE_LIMITS.maxArticleBytes / 1048576),
  [REASONS.outOfTime]: () => t('pictureReasonOutOfTime'),
  [REASONS.noRoom]: () => t('pictureReasonNoRoom'),
  [REASONS.unreadable]: () => t('pictureReasonUnreadable'),
};

const STATUS = new RegExp(`^${FETCH_REASONS.status(0).replace(/0$/, '(\\d{3})')}$`);
const TOO_LARGE = new RegExp(`^${FETCH_REASONS.tooLarge(0).replace('0', '(\\d+)')}$`);

/**
 * Why a picture was not kept, in the reader's language. A record keeps the
 * reason in English; one this version does not know (from a newer backup,
 * say) is shown as it is.
 */
export function pictureReason(reason: string): string {
  const fixed = FIXED[reason];
  if (fixed) return fixed();
  const status = STATUS.exec(reason);
  if (status) return t('pictureReasonStatus', status[1]!);
  const large = TOO_LARGE.exec(reason);
  if (large) return t('pictureReasonTooLarge', large[1]!);
  return reason;
}
