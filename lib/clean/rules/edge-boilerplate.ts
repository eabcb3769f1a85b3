import type { CleanRule } from '../rule';
import { leafBlocks } from '../leaf-blocks';
import { closestNamed, holds, linkDensity } from '../dom';
import { countWords, normalizeSpace, textOf } from '../../text';
import { blockText } from '../../block-text';

/**
 * How the lines around a story begin on sites in the corpus's languages:
 * share and rating prompts, comment counters, sources, tags, publication
 * stamps, "load more" and "read also" teasers.
 */
const EDGE_OPENERS = new RegExp(
  '^(?:' +
    [
      'tags?',
      'schlagw(?:ö|o)rte?r?',
      'kategorien?',
      'categor(?:y|ies)',
      'filed under',
      'posted in',
      'rubrik',
      'themen',
      'this entry was posted',
      'posted on',
      'der beitrag wurde am',
      'erstellt am',
      'veröffentlicht am',
      'aktualisiert am',
      'published on',
      'opublikowano',
      'publikacja',
      'publié le',
      'publicado el',
      'teilen',
      'kommentare',
      'aufrufe',
      'mehr themen',
      'weitere themen',
      'auch lesen',
      'schon gelesen',
      'lesen sie (?:auch|mehr)',
      'le puede interesar',
      'lea (?:más|también)',
      'lea',
      'dowiedz się więcej',
      'czytaj (?:też|także|więcej)',
      'pour lire la suite',
      'à lire aussi',
      'entdecken sie',
      'sie wollen mehr',
      'abonniere',
      'abonnieren sie',
      'besuchen sie unseren',
      'folgen sie uns',
      'follow us',
      'you can (?:keep up with|follow) me',
      'viel spaß beim stöbern',
      'zum weiterlesen',
      'further reading',
      'citation',
      'quellen?',
      'quellenangaben',
      'sources?',
      'fuentes?',
      'źródło',
      '\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}',
      'weitere informationen',
      'weitere infos',
      'mehr informationen',
      'more information',
      'kontakt',
      'contact',
      'originalartikel',
      'original article',
      'beitragsbild',
    ].join('|') +
    ')(?:\\b|[:：?!.])',
  'i',
);
/** Prompts no story sentence starts with: removed wherever they stand. */
const PROMPTS = new RegExp(
  '^(?:' +
    [
      'share(?: this)?(?: article| story| post)?',
      '(?:diesen |den )?(?:artikel|beitrag) (?:teilen|gefallen|mit anderen teilen)',
      'partager',
      'compartir',
      'condividi',
      'udostępnij',
      'war (?:der|dieser) (?:artikel|beitrag) (?:hilfreich|nützlich)',
      'was this (?:article|page|post) (?:helpful|useful)',
      'valora esta noticia',
      'rate this',
      'we want to hear what you think',
      'wie (?:hat|gefällt) ihnen (?:der|dieser) (?:artikel|beitrag)',
      'keine kommentare',
      'kommentare insgesamt',
      'no comments',
      'leave a (?:comment|reply)',
      '\\d+ (?:kommentare|comments|comentarios)',
      'lade weitere',
      'mehr laden',
      'load more',
      'this (?:post|article|page) (?:may )?contains? affiliate',
      'für links auf dieser seite',
      'bei den verlinkungen handelt es sich',
      'wir erhalten (?:eine )?provision',
      'like this (?:story|article)',
      'share (?:it|this) with',
      'click here to (?:get|download|subscribe|sign)',
      'this slideshow requires javascript',
      '(?:du musst|sie müssen) eingeloggt sein',
      'um (?:den|diesen|einen) .{1,60} (?:zu )?kommentieren',
      'verraten sie (?:uns )?(?:gerne )?in den kommentaren',
      '(?:diese website|this site) (?:verwendet|uses) akismet',
      'verpasse keine',
      'verpassen sie keine',
      'never miss',
      'for the latest (?:stories|news|updates)',
      'get the latest (?:news|stories)',
      'download (?:the|our) [\\w ]{1,30} app',
      'werden sie mitglied',
      'become a member',
      'hazte miembro',
      'dieser beitrag gibt die meinung',
      '\\*\\s?werbung\\b',
      'dieser beitrag enthält werbung',
      '\\(?alle angaben ohne gewähr',
      '(?:this|our) (?:web)?site uses cookies',
      'we use cookies',
      '(?:diese|unsere) (?:web)?seite (?:verwendet|nutzt) cookies',
      'wir (?:verwenden|nutzen) cookies',
      'ce site utilise des cookies',
      'este sitio (?:web )?utiliza cookies',
      'media playback is unsupported',
      'sign in',
      'log in',
      'follow [\\w ]{1,30} on (?:instagram|facebook|twitter|x|youtube|tiktok)',
      'get (?:the )?[\\w ]{1,30} app',
    ].join('|') +
    ')(?:\\b|[:：?!.])',
  'i',
);
const PROMPT_WORDS = 15;
/**
 * Lines that are nothing but a label of the site's furniture, wherever they
 * stand: the heading of a rail Readability already dropped, a toggle, an ad
 * marker, a reading-time stamp. No sentence of a story is only these words.
 */
const LABELS = new RegExp(
  '^[\\s|>«»(\\[•*–—-]*(?:' +
    [
      'related(?: coverage| articles?| stories| posts| content| links)?',
      'most (?:read|popular|viewed|shared)',
      'see also',
      'recommended for you',
      'siehe auch',
      'voir aussi',
      'veja também',
      'ver también',
      'véase también',
      'zobacz (?:też|także|również)',
      'puedes ver',
      '(?:le|te) puede interesar',
      'das (?:thema )?könnte (?:sie|dich) (?:auch )?interessieren',
      'auch interessant',
      'ähnliche (?:beiträge|artikel)',
      'verwandte (?:beiträge|artikel|themen)',
      'weitere (?:beiträge|artikel|informationen|infos|links)(?: zum thema)?',
      'weiterführende(?:r)? links?',
      'mehr zum thema',
      'zum weiterlesen',
      'meist[ -]?(?:diskutiert|gelesen|kommentiert)(?:e artikel)?',
      'inhaltsverzeichnis',
      'table of contents',
      'índice',
      'sommaire',
      'spis treści',
      'anzeige',
      'werbung',
      'advertisement',
      'publicidad',
      'publicité',
      'reklama',
      'externer inhalt',
      'bild (?:anzeigen|vergrößern)(?: bild schließen)?',
      'quellen (?:anzeigen|ausblenden)',
      '\\d+ min(?:ute)?s? read',
      'lesezeit:? \\d+ min(?:uten)?',
      'drucken',
      'print',
      'drukuj',
      'imprimir',
      'imprimer',
      '(?:image|photo|picture|slide|bild|foto|imagen|zdjęcie) \\d+ (?:of|von|de|sur|z|/) \\d+',
      'zurück',
      'back to top',
      'nach oben',
      'permalink',
      'permalien',
      'kommentare',
      'comments',
      'comentarios',
      'community',
      'news',
    ].join('|') +
    ')[\\s:：.!?»>…•|)\\]*–—-]*$',
  'i',
);
/** A line that is only a date, a time or both: the stamp of a post or a comment. */
const STAMP_ONLY =
  /^(?:(?:stand|updated|aktualisiert|publiziert|veröffentlicht|published)\s*:?\s*)?(?:\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}|\d{1,2}\.? [\p{L}]{3,9}\.? \d{4})?,?\s*(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|uhr|h)?)?$/iu;
/** Post-meta stamps run long ("Der Beitrag wurde am … veröffentlicht und wurde unter … abgelegt"). */
const POST_META = /^(?:this entry was posted|posted (?:on|in)|der beitrag wurde am|dieser (?:beitrag|eintrag) wurde am|erstellt am|veröffentlicht am)\b/i;
/** A sentence ends with one of these; a label or a heading does not. */
const SENTENCE_END = /[.!?…"“”»)。！？」』]$/;
/** Lines where a short, unpunctuated text is the content's own form. */
const STRUCTURED = new Set(['li', 'td', 'th', 'dd', 'dt', 'pre', 'blockquote', 'code', 'figure']);
const LABEL_WORDS = 8;
const HEADING = /^H[1-6]$/i;
const COPYRIGHT = /©|\bcopyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|wszelkie prawa zastrzeżone/i;
/** The notices themselves, as against a story that mentions copyright. */
const COPYRIGHT_NOTICE =
  /^(?:©|\(c\)|copyright\b)|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|subject to copyright|may be reproduced without/i;
/**
 * A comment section's house rules ("Comments are moderated", "ATENÇÃO:
 * Comentários com textos ininteligíveis … não serão aprovados pelo
 * moderador"): a policy says what comments are or will be, and it may run
 * as long as a paragraph. Only at the story's edges: a story may quote
 * such a sentence.
 */
const COMMENT_POLICY =
  /^(?:(?:atenção|attention|achtung|hinweis|note|aviso|nota)\s*:\s*)?(?:os |die |les |los )?(?:comentários|comentarios|comments|kommentare|commentaires)\b.{0,100}\b(?:are|will be|must be|may be|werden|sind|serão|são|sont|seront|serán)\s+(?:\p{L}+\s+){0,2}(?:moderated|moderiert|moderados?|modérés?|aprovados?|approved|reviewed|geprüft|freigeschaltet|publicados?|published|veröffentlicht)\b/iu;
/** How to cite the page: its title, dates and address, long enough to pass for a paragraph. */
const CITE_THIS =
  /^(?:citation|cite this(?: article| page| post)?|how to cite(?: this(?: article| page)?)?|zitiervorschlag|zitierweise|zitieren als|citer cet article|cómo citar(?: este artículo)?)\s*:/i;
const MAX_WORDS = 30;
/** A copyright notice or post stamp after the story may run long ("no part may be reproduced…"). */
const LONG_WORDS = 80;
const BODY_WORDS = 20;

/** Furniture that may run as long as a paragraph, so it cannot mark where the story ends. */
function isLongFurniture(text: string): boolean {
  return (
    POST_META.test(text) ||
    COPYRIGHT_NOTICE.test(text) ||
    CITE_THIS.test(text) ||
    COMMENT_POLICY.test(text) ||
    (PROMPTS.test(text) && countWords(text) <= MAX_WORDS)
  );
}

function isBodyParagraph(el: Element): boolean {
  const text = textOf(el);
  return countWords(text) >= BODY_WORDS && linkDensity(el) < 0.5 && !isLongFurniture(text);
}

function isLabel(text: string): boolean {
  return text.length <= 60 && (LABELS.test(text) || (/\d/.test(text) && STAMP_ONLY.test(text)));
}

/**
 * A short line that is a heading or reads as a label (no sentence end): after
 * the story it introduces nothing of the story, it titles a rail, credits a
 * picture, labels a button. Lists and tables keep their short items.
 */
function isLabelLike(el: Element, text: string, words: number): boolean {
  if (words > LABEL_WORDS || closestNamed(el, STRUCTURED)) return false;
  return HEADING.test(el.tagName) || !SENTENCE_END.test(text);
}

/** A line's text with its <br> breaks as spaces: "Tags<br>tram, council" opens with "Tags", not "Tagstram". */
function lineText(el: Element, text: string): string {
  return holds(el, 'br') ? normalizeSpace(blockText(el)) : text;
}

type Verdict = 'keep' | 'furniture' | 'label';

/**
 * Boilerplate lines at the edges of the story: before its first paragraph or
 * after its last, short, and either made of links or opening like a site's
 * furniture (tags, sources, contact, copyright). Inside the story only
 * prompts and bare labels go (rate this, share this, "Related Coverage"):
 * there a short line is more likely a sentence.
 */
export const edgeBoilerplate: CleanRule = {
  name: 'edge-boilerplate',
  reason: 'site furniture before or after the story (share prompts, tags, sources, comments, copyright)',
  find(root, { length }) {
    const lines = leafBlocks(root);
    const first = lines.findIndex(isBodyParagraph);
    if (first === -1) return [];
    let last = lines.length - 1;
    while (last > first && !isBodyParagraph(lines[last]!)) last--;
    const verdicts = lines.map((el, i): Verdict => {
      if (length(el) > LONG_WORDS * 12) return 'keep';
      const text = textOf(el);
      const words = countWords(text);
      if (!text || words > LONG_WORDS) return 'keep';
      const after = i > last;
      const edge = after || i < first;
      const opener = edge && EDGE_OPENERS.test(text);
      // A tag list after the story runs as long as the post has tags, and its label may stand on a line of its own.
      const longTail =
        after &&
        (COPYRIGHT.test(text) || POST_META.test(text) || COMMENT_POLICY.test(text) || (linkDensity(el) >= 0.6 && EDGE_OPENERS.test(lineText(el, text))));
      if (words > MAX_WORDS && !longTail) return 'keep';
      if ((words <= PROMPT_WORDS && PROMPTS.test(text)) || isLabel(text)) return 'furniture';
      if (!edge) return 'keep';
      const linky = holds(el, 'a') && linkDensity(el) >= 0.6;
      if (linky || opener || COPYRIGHT.test(text) || PROMPTS.test(text) || POST_META.test(text) || CITE_THIS.test(text) || COMMENT_POLICY.test(text))
        return 'furniture';
      return after && isLabelLike(el, text, words) ? 'label' : 'keep';
    });
    // A label-like line goes only when nothing but furniture follows it: a run
    // of short unpunctuated lines that ends in a sentence (scores, a menu) is content.
    for (let i = lines.length - 1; i > last && verdicts[i] !== 'keep'; i--) if (verdicts[i] === 'label') verdicts[i] = 'furniture';
    return lines.filter((_, i) => verdicts[i] === 'furniture');
  },
};
