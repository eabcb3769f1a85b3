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
/**
 * A newspaper's print-edition note ("A version of this article appears in
 * print on …, on Page A22 of the New York edition with the headline: …"),
 * which sites set in many short pieces after the story.
 */
const PRINT_EDITION =
  /^(?:a version of this (?:article|story|review|column|essay|interview|report) (?:appears|appeared) in print|this (?:article|story) (?:appeared|appears) in (?:the )?print edition|eine version dieses (?:artikels|beitrags) erschien)/i;
/**
 * The kicker a page prints above its story: a genre or section word on a
 * line of its own ("Review", "Analysis", "Meinung"). Only before the
 * story's first paragraph, and only the word alone.
 */
const KICKER =
  /^(?:review|reviews|analysis|opinion|commentary|comment|exclusive|breaking(?: news)?|live|explainer|interview|editorial|(?:opinion |guest )?columnist|guest essay|op-ed|sponsored(?: content)?|kommentar|meinung|analyse|rezension|kritik|gastbeitrag|tribune|opinion|critique|opinión|análisis|entrevista|reportaje|crítica|recensione|opinione|intervista|recenzja|opinia|wywiad|komentarz)\s*[:：]?$/i;
/**
 * Tallies: a line of numbers and at most one word ("41 %", "165 votes",
 * "% 61 голос"), the results of a poll or a rating after the story.
 */
const TALLY = /^[\d\s%.,:/+()\-–]*\d[\d\s%.,:/+()\-–]*(?:\p{L}+\.?)?[\d\s%.,:/+()\-–]*$/u;
/** Social networks a site asks readers to follow it on. */
const SOCIAL = /\b(?:facebook|twitter|instagram|youtube|tiktok|linkedin|telegram|whatsapp|mastodon|bluesky|threads|pinterest|flipboard|rss)\b/gi;
const PLUG_VERB =
  /\b(?:follow|subscribe|sign up|join|write to us|seguir|s[ií]gu?\p{L}*|suscr[ií]b\p{L}*|escr[ií]b\p{L}*|folg\p{L}*|abonn\p{L}*|suiv\p{L}*|rejoign\p{L}*|segui\p{L}*|iscriv\p{L}*|obserwuj\p{L}*|subskryb\p{L}*|zapisz\p{L}*)\b/iu;
const NEWSLETTER = /\bnewsletter|\bbolet[ií]n|infolettre|lettre d['’]information|biuletyn/i;
const PLUG_WORDS = 45;

/**
 * The site's plug after a story ("Puede escribirnos a … o seguir a Materia
 * en Facebook, Twitter, Instagram o suscribirse aquí a nuestra
 * newsletter"): an invitation to follow, subscribe or write, naming two
 * social networks, or one and a newsletter. Long enough to pass for a paragraph.
 * Only after the story: a newsletter's own issue opens with how to subscribe.
 */
function isPlug(text: string): boolean {
  if (!PLUG_VERB.test(text) || countWords(text) > PLUG_WORDS) return false;
  // A newsletter alone is not enough: a newsletter's own issue ends with how to subscribe to it, and that is its text.
  const networks = new Set((text.match(SOCIAL) ?? []).map((s) => s.toLowerCase())).size;
  return networks >= 2 || (networks >= 1 && NEWSLETTER.test(text));
}
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
    PRINT_EDITION.test(text) ||
    isPlug(text) ||
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

const LIST_UNITS = new Set(['ul', 'ol', 'dl', 'table']);
const ITEMS = new Set(['li', 'dd', 'dt', 'td', 'th']);
const MIN_ITEM_WORDS = 3;
const CELLS = new Set(['td', 'th']);

/**
 * The list or table a line is an item or a cell of, judged whole: an
 * encyclopedia's fact box links most of its values and a reference list
 * links some of its entries, yet neither is a rail of links; a rail's
 * items are links all through.
 */
function unitOf(el: Element, root: Element): Element {
  let item = closestNamed(el, ITEMS);
  // A list item of a word or two is a menu's or a breadcrumb's ("Home", "Posts"), whatever the list's last item says,
  // unless the list stands in a table's cell: there the table is the unit.
  if (item?.localName === 'li' && countWords(textOf(item)) < MIN_ITEM_WORDS) item = closestNamed(item, CELLS);
  if (!item) return el;
  for (let cur = item.parentElement; cur && cur !== root; cur = cur.parentElement) if (LIST_UNITS.has(cur.localName)) return cur;
  return el;
}

/**
 * Whether a line is an item of a list of tallies: three or more items, each
 * numbers and at most one word, the words all forms of one ("голос",
 * "голоса", "голосов"; "votes"). A list of amounts ("390 kcal", "12 g")
 * names different things and is content.
 */
function isTallyList(el: Element, root: Element): boolean {
  const li = closestNamed(el, new Set(['li']));
  const list = li?.parentElement;
  if (!list || !root.contains(list) || !TALLY.test(textOf(el))) return false;
  const items = Array.from(list.children).filter((c) => c.localName === 'li' && textOf(c));
  if (items.length < 3) return false;
  const stems = new Set<string>();
  for (const item of items) {
    const text = textOf(item);
    if (!TALLY.test(text)) return false;
    const word = /\p{L}+/u.exec(text)?.[0];
    stems.add(word ? word.toLowerCase().slice(0, 4) : '');
  }
  return stems.size === 1 || (stems.size === 2 && stems.has(''));
}

/**
 * A table of facts: rows that each pair a label cell with a value ("Founder
 * | Netscape"). Its values may all be links; it is still the article's.
 */
function isFactTable(el: Element): boolean {
  if (el.localName !== 'table') return false;
  let pairs = 0;
  for (const row of Array.from(el.getElementsByTagName('tr'))) {
    const cells = Array.from(row.children);
    if (cells.some((c) => c.localName === 'th') && cells.some((c) => c.localName === 'td') && ++pairs >= 2) return true;
  }
  return false;
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
    const density = new Map<Element, number>();
    const linkShare = (el: Element): number => {
      const unit = unitOf(el, root);
      let d = density.get(unit);
      if (d === undefined) density.set(unit, (d = isFactTable(unit) ? 0 : linkDensity(unit)));
      return d;
    };
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
        (COPYRIGHT.test(text) ||
          POST_META.test(text) ||
          PRINT_EDITION.test(text) ||
          isPlug(text) ||
          COMMENT_POLICY.test(text) ||
          (linkDensity(el) >= 0.6 && EDGE_OPENERS.test(lineText(el, text))));
      if (words > MAX_WORDS && !longTail) return 'keep';
      if ((words <= PROMPT_WORDS && PROMPTS.test(text)) || (isLabel(text) && !holds(el, 'img'))) return 'furniture';
      if (!edge) return 'keep';
      if (i < first && words <= 3 && KICKER.test(text)) return 'furniture';
      if (after && isTallyList(el, root)) return 'furniture';
      const linky = holds(el, 'a') && linkDensity(el) >= 0.6 && linkShare(el) >= 0.6;
      if (
        linky ||
        opener ||
        COPYRIGHT.test(text) ||
        PROMPTS.test(text) ||
        POST_META.test(text) ||
        PRINT_EDITION.test(text) ||
        (after && isPlug(text)) ||
        CITE_THIS.test(text) ||
        COMMENT_POLICY.test(text)
      )
        return 'furniture';
      return after && isLabelLike(el, text, words) ? 'label' : 'keep';
    });
    // A label-like line goes only when nothing but furniture follows it: a run
    // of short unpunctuated lines that ends in a sentence (scores, a menu) is content.
    for (let i = lines.length - 1; i > last && verdicts[i] !== 'keep'; i--) if (verdicts[i] === 'label') verdicts[i] = 'furniture';
    // A print-edition note runs on in pieces (page, headline, reprint links) to the end of its block.
    for (let i = last + 1; i < lines.length; i++) {
      if (!PRINT_EDITION.test(textOf(lines[i]!))) continue;
      const block = lines[i]!.parentElement;
      for (let j = i + 1; j < lines.length && block?.contains(lines[j]!); j++) verdicts[j] = 'furniture';
    }
    return lines.filter((_, i) => verdicts[i] === 'furniture');
  },
};
