import { wordsOf } from '../knowledge/milestones/phrase-index.js';
import type { Language } from './types.js';

const DUTCH = new Set(
  ('de het een en van is dat die in op te met voor niet zijn er aan ook als bij of naar om wat wanneer waar hoe ' +
    'moet moeten mijn ik je jij u wij we kan kunnen welke wie hoeveel uiterlijk tekenen ondertekenen zorgverzekeraar ' +
    'mag mogen graag dit deze over tot uit heb hebben wordt worden gaat doen geen nog al wel zorgaanbieder ' +
    'herinner kanaal stuur maak opstellen vraag gesteld antwoord binnen dagen werkdagen welk zijn hun onze ' +
    'escalatie herinneringen beleid inkoopbeleid tarieven wachttijden eisen')
    .split(' '),
);
const ENGLISH = new Set(
  ('the a an and of is that in on to with for not are be at or what when where how must should my i you we can ' +
    'which who does do did until by from this these about draft please remind channel stop set up ' +
    'insurer provider sign signed deadline answer asked question have has will would could any there their our ' +
    'after before days working escalation escalate reminders reminder insurers policy purchasing signing tariffs ' +
    'tariff waiting times requirements')
    .split(' '),
);

/**
 * Guesses whether a user wrote Dutch or English, by counting common function words.
 * Ties and texts without clues default to `fallback` (Dutch: the documents' language).
 */
export function detectLanguage(text: string, fallback: Language = 'nl'): Language {
  // Names are not language clues: the "en" of "Zorg en Zekerheid" must not make a question Dutch.
  const all = wordsOf(text);
  const words = all.filter((w, i) => !(w === 'en' && all[i - 1] === 'zorg' && all[i + 1] === 'zekerheid'));
  let nl = 0;
  let en = 0;
  for (const w of words) {
    if (DUTCH.has(w)) nl++;
    if (ENGLISH.has(w)) en++;
  }
  if (nl === en) return fallback;
  return nl > en ? 'nl' : 'en';
}
