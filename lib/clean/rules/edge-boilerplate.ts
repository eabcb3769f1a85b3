import type { CleanRule } from '../rule';
import { leafBlocks } from '../leaf-blocks';
import { linkDensity } from '../dom';
import { countWords, textOf } from '../../text';

/**
 * How the lines around a story begin on sites in the corpus's languages:
 * share and rating prompts, comment counters, sources, tags, publication
 * stamps, "load more" and "read also" teasers.
 */
const EDGE_OPENERS = new RegExp(
  '^(?:' +
    [
      'tags?', 'schlagw(?:ö|o)rte?r?', 'kategorien?', 'categor(?:y|ies)', 'filed under', 'posted in', 'rubrik', 'themen',
      'this entry was posted', 'posted on', 'der beitrag wurde am', 'erstellt am', 'veröffentlicht am', 'aktualisiert am', 'published on', 'opublikowano', 'publikacja', 'publié le', 'publicado el',
      'teilen', 'kommentare', 'aufrufe', 'mehr themen', 'weitere themen', 'auch lesen', 'schon gelesen', 'lesen sie (?:auch|mehr)', 'le puede interesar', 'lea (?:más|también)', 'lea', 'dowiedz się więcej', 'czytaj (?:też|także|więcej)',
      'pour lire la suite', 'à lire aussi', 'entdecken sie', 'sie wollen mehr', 'abonniere', 'abonnieren sie', 'besuchen sie unseren', 'folgen sie uns', 'follow us', 'you can (?:keep up with|follow) me', 'viel spaß beim stöbern',
      'zum weiterlesen', 'further reading', 'citation', 'quellen?', 'quellenangaben', 'sources?', 'fuentes?', 'źródło', '\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}', 'weitere informationen', 'mehr informationen', 'more information', 'kontakt', 'contact', 'originalartikel', 'original article', 'beitragsbild',
    ].join('|') +
    ')(?:\\b|[:：?!.])',
  'i',
);
/** Prompts no story sentence starts with: removed wherever they stand. */
const PROMPTS = new RegExp(
  '^(?:' +
    [
      'share(?: this)?(?: article| story| post)?', '(?:diesen |den )?(?:artikel|beitrag) (?:teilen|gefallen|mit anderen teilen)', 'partager', 'compartir', 'condividi', 'udostępnij',
      'war (?:der|dieser) (?:artikel|beitrag) (?:hilfreich|nützlich)', 'was this (?:article|page|post) (?:helpful|useful)', 'valora esta noticia', 'rate this', 'we want to hear what you think', 'wie (?:hat|gefällt) ihnen (?:der|dieser) (?:artikel|beitrag)',
      'keine kommentare', 'kommentare insgesamt', 'no comments', 'leave a (?:comment|reply)', '\\d+ (?:kommentare|comments|comentarios)',
      'lade weitere', 'mehr laden', 'load more', 'this (?:post|article|page) (?:may )?contains? affiliate', 'für links auf dieser seite', 'bei den verlinkungen handelt es sich', 'wir erhalten (?:eine )?provision', 'like this (?:story|article)', 'share (?:it|this) with', 'click here to (?:get|download|subscribe|sign)', 'this slideshow requires javascript',
      'media playback is unsupported', 'sign in', 'log in', 'follow [\\w ]{1,30} on (?:instagram|facebook|twitter|x|youtube|tiktok)', 'get (?:the )?[\\w ]{1,30} app',
    ].join('|') +
    ')(?:\\b|[:：?!.])',
  'i',
);
const PROMPT_WORDS = 15;
const COPYRIGHT = /©|\bcopyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|wszelkie prawa zastrzeżone/i;
const MAX_WORDS = 30;
/** A copyright notice after the story may run long ("no part may be reproduced…"). */
const COPYRIGHT_WORDS = 80;
const BODY_WORDS = 20;

function isBodyParagraph(el: Element): boolean {
  return countWords(textOf(el)) >= BODY_WORDS && linkDensity(el) < 0.5;
}

/**
 * Boilerplate lines at the edges of the story: before its first paragraph or
 * after its last, short, and either made of links or opening like a site's
 * furniture (tags, sources, contact, copyright). Inside the story only
 * prompts go (rate this, share this, comments): there a short line is more
 * likely a sentence.
 */
export const edgeBoilerplate: CleanRule = {
  name: 'edge-boilerplate',
  reason: 'site furniture before or after the story (share prompts, tags, sources, comments, copyright)',
  find(root, { length }) {
    const lines = leafBlocks(root);
    const found: Element[] = [];
    const first = lines.findIndex(isBodyParagraph);
    if (first === -1) return found;
    let last = lines.length - 1;
    while (last > first && !isBodyParagraph(lines[last]!)) last--;
    lines.forEach((el, i) => {
      if (length(el) > COPYRIGHT_WORDS * 12) return;
      const text = textOf(el);
      const words = countWords(text);
      if (!text || words > COPYRIGHT_WORDS) return;
      if (words > MAX_WORDS && !(i > last && COPYRIGHT.test(text))) return;
      if (words <= PROMPT_WORDS && PROMPTS.test(text)) return void found.push(el);
      if (i >= first && i <= last) return;
      const linky = el.querySelector('a') !== null && linkDensity(el) >= 0.6;
      if (linky || EDGE_OPENERS.test(text) || COPYRIGHT.test(text)) found.push(el);
    });
    return found;
  },
};
