import type { CleanRule } from '../rule';
import { iconImages } from './icon-images';
import { siteNavigation } from './site-navigation';
import { placeholderCards } from './placeholder-cards';
import { adSlots } from './ad-slots';
import { shareBars } from './share-bars';
import { videoWidgets } from './video-widgets';
import { inlineRelatedLinks } from './inline-related-links';
import { promoBlocks } from './promo-blocks';
import { authorBios } from './author-bios';
import { linkRails } from './link-rails';
import { bylineBlocks } from './byline-blocks';
import { edgeBoilerplate } from './edge-boilerplate';
import { creditLines } from './credit-lines';
import { repeatedCaptions } from './repeated-captions';

/** Every cleaning rule, in the order they run: a rule sees the article as the rules before it left it. */
export const RULES: readonly CleanRule[] = [
  iconImages,
  siteNavigation,
  placeholderCards,
  adSlots,
  shareBars,
  videoWidgets,
  inlineRelatedLinks,
  authorBios,
  promoBlocks,
  linkRails,
  bylineBlocks,
  creditLines,
  repeatedCaptions,
  edgeBoilerplate,
];

export const RULE_NAMES: readonly string[] = RULES.map((r) => r.name);
