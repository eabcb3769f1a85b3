import type { CleanRule } from '../rule';
import { textOf, countWords } from '../../text';
import { holds } from '../dom';

/** Calls to action that no article sentence makes. */
const PROMO = [
  /\bsign(?:ing)? up (?:for|to) (?:our|the|my)\b[^.]{0,60}\b(?:newsletter|briefing|email|digest)/i,
  /\bsubscribe (?:to|for) (?:our|the)\b[^.]{0,60}\b(?:newsletter|briefing|podcast|channel|email)/i,
  /\b(?:subscribe|sign up) (?:now|today|here)\b/i,
  /\bregister (?:your interest|now|here|today|for free)\b/i,
  /\bwebinar\b[^.]{0,120}\b(?:register|join|sign up|save your seat)/i,
  /\b(?:join|register for) (?:us|our|the)\b[^.]{0,60}\bwebinar\b/i,
  /\bget (?:our|the) (?:free )?newsletter\b/i,
  /\bnewsletter\b[^.]{0,80}\b(?:inbox|sign up|subscribe)\b/i,
  /\bunlimited (?:digital )?access\b/i,
  /\b(?:delivered|straight|sent) (?:to|into) your inbox\b|\bmeet your inbox\b|\bdelivered (?:weekday|every|daily)/i,
  /\bbreaking news (?:e-?mails|alerts)\b/i,
  /\bsupport (?:our|independent) journalism\b/i,
  /\bfollow us on\b/i,
  /\b(?:jetzt|hier) (?:abonnieren|anmelden|registrieren)\b/i,
  /\bnewsletter (?:abonnieren|bestellen|anmelden)\b/i,
  /\b(?:melden sie sich|abonnieren sie)\b[^.]{0,80}\bnewsletter\b/i,
  /\bs['’]abonner\b|\binscrivez-vous\b[^.]{0,60}\bnewsletter\b/i,
  /\bsuscr[íi]bete\b/i,
];

const CANDIDATES = new Set(['p', 'div', 'section', 'aside', 'li', 'blockquote']);
const MAX_WORDS = 70;
/** Longer than any 70 words of prose: blocks past it are skipped unread. */
const MAX_CHARS = 1200;

/**
 * Newsletter, webinar and subscription promos: short blocks built around a
 * call to action, or holding an e-mail sign-up form.
 */
export const promoBlocks: CleanRule = {
  name: 'promo-blocks',
  reason: 'newsletter, webinar or subscription promo',
  trigger: /newsletter|subscri|sign(?:ing)? up|regist|webinar|inbox|unlimited|journalism|follow us|abonn|anmeld|inscri|suscr/i,
  *find(root, { length, elements }) {
    for (const form of elements().filter((el) => el.localName === 'form' || el.getAttribute('role') === 'form')) {
      if (length(form) <= MAX_CHARS && form.querySelector('input[type="email"], input[name*="mail" i]') && countWords(textOf(form)) <= MAX_WORDS) {
        let box: Element = form;
        // Take the sign-up box's heading and blurb with it.
        while (box.parentElement && box.parentElement !== root && countWords(textOf(box.parentElement)) <= MAX_WORDS) box = box.parentElement;
        yield box;
      }
    }
    for (const el of elements().filter((el) => CANDIDATES.has(el.localName))) {
      if (length(el) > MAX_CHARS) continue;
      const text = textOf(el);
      if (!text || countWords(text) > MAX_WORDS) continue;
      if (
        (holds(el, 'p') || holds(el, 'div') || holds(el, 'section')) &&
        el.children.length > 1 &&
        !(holds(el, 'a') || holds(el, 'button') || holds(el, 'input'))
      )
        continue;
      if (PROMO.some((re) => re.test(text))) yield el;
    }
  },
};
