// Round 9 of #14 (mood from events): when no mood word says the mood, the events of the scene imply one — a
// festivity ("mardi gras parade", "carnival", "a rave", "hen party") a joyful mood, a verb of celebrating ("they
// celebrate", "partying") a joyful one, a verb of relaxing ("everybody just dey relax", "lounging") a calm one. The
// words come from WordNet's hyponyms of celebration, festival, party and parade and troponyms of celebrate, party,
// relax, lounge and laze, reduced at build time (`eventMoods`). Recorded as implied: the event's span says
// `implies: {mood}`, an event word no span read becomes a mood span via `implied`; a mood word anywhere in the prompt
// overrides it, and a negator in the clause stops it ("no party"). A mood only a slip gave ("mardi" read as the
// dialect "mardy": angry) is no mood word: the event replaces it.
import { negatedInClause, type Chosen, type PassState } from './chosen.ts';
import { breaksClause } from './tokenize.ts';
import { wordnetEventMood } from './wordnet-meaning.ts';

/** Add the mood the scene's events imply, when no mood word says one. */
export function implyMood(state: PassState): void {
  const { tokens, gaps, chosen, instruction } = state;
  if (chosen.some((c) => c.domain === 'mood' && c.via !== 'spelling')) return;
  for (let k = 0; k < tokens.length; k++) {
    for (const n of [2, 1]) {
      const run = tokens.slice(k, k + n);
      const first = run[0];
      const last = run[n - 1];
      if (run.length !== n || !first || !last || (n === 2 && breaksClause(gaps[k + 1] ?? ''))) continue;
      const forms = n === 2 ? [run.map((t) => t.lower).join(' ')] : first.forms;
      const form = forms.find((f) => wordnetEventMood(f) !== null);
      const mood = form ? wordnetEventMood(form) : null;
      if (!mood || negatedInClause(state, k)) continue;
      // A verb of relaxing says so only as a verb ("a loaf of bread", "under the moon" are things).
      if (mood === 'calm' && !(first.tags.has('Verb') && !first.tags.has('Noun'))) continue;
      const covering = chosen.filter((c) => c.i < k + n && c.j > k);
      if (covering.some((c) => c.i < k || c.j > k + n)) continue;
      // A mood a slip gave inside the event's words is dropped ("mardi" → mardy).
      for (const c of covering.filter((x) => x.domain === 'mood' && x.via === 'spelling')) {
        chosen.splice(chosen.indexOf(c), 1);
        if (!chosen.some((x) => x.domain === 'mood' && x.canonical === c.canonical)) instruction.narrative.mood = instruction.narrative.mood.filter((m) => m !== c.canonical);
      }
      const kept = covering.filter((c) => chosen.includes(c));
      if (!instruction.narrative.mood.includes(mood)) instruction.narrative.mood.push(mood);
      if (kept.length > 0) for (const c of kept) c.implies = { ...c.implies, mood };
      else {
        const span: Chosen = { i: k, j: k + n, start: first.start, end: last.end, record: { span: forms[0] ?? first.lower, canonical: mood, domain: 'mood', variant: 'synonym', source: 'built-in', mechanism: 'implied' }, domain: 'mood', canonical: mood, negated: false, consumed: true, via: 'implied', implies: { mood } };
        chosen.push(span);
        chosen.sort((a, b) => a.i - b.i);
      }
      return;
    }
  }
}
