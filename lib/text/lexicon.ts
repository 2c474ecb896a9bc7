// Concepts: words of one meaning in news reporting, in English, Russian and Ukrainian, folded to
// one term so that a paraphrase meets the claim ("drones targeted his home" ~ "attack on the
// residence"). Entries are stems (see tokens.ts `stem`) or stem prefixes ending in "*".
// Function words and reporting verbs carry no meaning for matching and are dropped.
import { stem } from './tokens';

const CONCEPTS: Record<string, string[]> = {
  attack: ['attack', 'strike', 'target', 'assault', 'raid', 'hit', 'атак*', 'удар*', 'напад*', 'атаку*'],
  drone: ['drone', 'uav', 'unman', 'беспилотник*', 'дрон*', 'безпілотник*', 'бпла'],
  residence: ['residence', 'home', 'house', 'dacha', 'compound', 'estate', 'резиденци*', 'резиденці*', 'дач*'],
  deny: ['deny', 'denial', 'dismiss', 'reject', 'refute', 'rebuff', 'отриц*', 'опроверг*', 'заперечи*', 'заперечу*', 'спростува*', 'відкину*', 'отверг*'],
  lie: ['lie', 'li', 'fabrication', 'fabricat', 'invent', 'baseles', 'false', 'falsehood', 'fake', 'hoax', 'untrue', 'лож*', 'лжи', 'вран*', 'брехн*', 'вигад*', 'неправд*', 'фейк*'],
  evidence: ['evidence', 'proof', 'доказ*', 'підтвердж*'],
  retaliate: ['retaliat', 'retaliatory', 'unanswer', 'reprisal', 'revenge', 'ответ*', 'відпові*', 'помст*'],
  destroy: ['destroy', 'intercept', 'shot', 'shoot', 'down', 'уничтож*', 'сбит*', 'збит*', 'знищ*', 'перехоп*'],
  peace: ['peace', 'мир', 'мирн*'],
  deal: ['deal', 'agreement', 'accord', 'settlement', 'соглашени*', 'угод*', 'сделк*'],
  talks: ['talk', 'negotiation', 'negotiat', 'переговор*', 'перемовин*'],
  stance: ['stance', 'position', 'approach', 'позици*', 'позиці*'],
  review: ['review', 'reconsider', 'reassess', 'revise', 'rethink', 'пересмотр*', 'перегляд*', 'переглян*'],
  angry: ['angry', 'anger', 'angr', 'furious', 'upset', 'розгніва*', 'разозл*'],
  guarantee: ['guarantee', 'гаранти*', 'гарантії'],
  security: ['security', 'безопасн*', 'безпек*'],
  control: ['control', 'hold', 'held', 'occupy', 'occupi', 'контрол*', 'контролю*', 'утримує*'],
  withdraw: ['withdraw', 'withdrawal', 'pull', 'retreat', 'вывод*', 'вивед*', 'відвед*', 'отвод*'],
  troops: ['troop', 'force', 'army', 'soldier', 'войск*', 'військ*', 'армі*', 'арми*'],
  injure: ['injur', 'injury', 'casualty', 'hurt', 'wound', 'пострада*', 'поранен*', 'ранен*'],
  kill: ['kill', 'dead', 'death', 'убит*', 'погиб*', 'загиб*', 'вбит*'],
  damage: ['damage', 'ущерб*', 'пошкодж*', 'поврежд*'],
  terrorism: ['terrorism', 'terrorist', 'террор*', 'терор*'],
  city: ['city', 'town', 'город*', 'міст*'],
  meet: ['meet', 'met', 'meeting', 'summit', 'встреч*', 'зустріч*', 'зустрі*'],
  phone: ['phone', 'telephone', 'телефон*', 'звон*', 'дзвін*', 'розмов*', 'разговор*'],
  kyiv: ['kyiv', 'kiev', 'киев*', 'київ*', 'києв*'],
  moscow: ['moscow', 'москв*'],
  russia: ['russia', 'russian', 'росси*', 'российск*', 'росі*', 'російськ*'],
  ukraine: ['ukraine', 'ukrainian', 'украин*', 'україн*'],
  trust: ['trust', 'доверя*', 'довіря*', 'довір*'],
  ceasefire: ['ceasefire', 'cease', 'truce', 'перемири*', 'перемир*'],
  territory: ['territory', 'territorial', 'land', 'территори*', 'територі*'],
  demand: ['demand', 'insist', 'требова*', 'вимага*', 'вимог*'],
  unacceptable: ['unacceptable', 'неприемлем*', 'неприйнятн*'],
  progress: ['progress', 'closer', 'close', 'near', 'прогрес*', 'ближе', 'ближч*'],
  plan: ['plan', 'proposal', 'framework', 'план*'],
  president: ['president', 'президент*'],
  minister: ['minister', 'министр*', 'міністр*'],
  government: ['government', 'правительств*', 'уряд*'],
  building: ['building', 'здани*', 'будівл*'],
  region: ['region', 'oblast', 'province', 'област*', 'регион*', 'регіон*'],
};

const STOP = new Set(
  `a an the and or but if of in on at to for from by with about as into over after before during than then that this these those
  there here it its it's is are was were be been being has have had do does did not no nor so such can could would should will
  may might must shall also only just even still yet very more most much many some any all each both other another same own
  nobody nothing none one neither don't doesn't didn't isn't wasn't aren't won't can't couldn't wouldn't it's
  i'm i've we'll we're we've they're they've you're he's she's that's there's let's
  he she they them his her their we us our you your i me my who whom whose which what when where why how while
  said says say told tell tells telling according added adding asked noted stated reported reports report
  mr mrs ms monday tuesday wednesday thursday friday saturday sunday yesterday today
  january february march april may june july august september october november december
  year years month months week weeks day days hour hours km kilometre kilometres kilometer kilometers mile miles percent
  лет года год років роки рік днів дней км відсотків процентов
  и в во не на с со что как а по к у из за от до о об для же ли бы то это его её ее их но или при так уже
  і й в у на з із що як а по до від за про для же чи би то це його її їх але або при так вже`.split(/\s+/).filter(Boolean),
);

const exact = new Map<string, string>();
const prefixes: [string, string][] = [];
for (const [concept, words] of Object.entries(CONCEPTS)) {
  for (const w of words) {
    if (w.endsWith('*')) prefixes.push([w.slice(0, -1), concept]);
    else exact.set(stem(w), concept);
  }
}
prefixes.sort((a, b) => b[0].length - a[0].length);

/** The term a token contributes to matching, or null for a function word. */
const CYRILLIC = /[\u0400-\u04ff]/;
const cache = new Map<string, string | null>();

export function termOf(norm: string, st: string): string | null {
  const key = `${norm}\u0000${st}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const term = computeTerm(norm, st);
  if (cache.size > 100_000) cache.clear();
  cache.set(key, term);
  return term;
}

function computeTerm(norm: string, st: string): string | null {
  if (STOP.has(norm) || norm.length < 2) return null;
  const c = exact.get(st);
  if (c) return `@${c}`;
  // The prefix entries are all Russian and Ukrainian stems.
  if (CYRILLIC.test(norm)) for (const [p, concept] of prefixes) if (norm.startsWith(p)) return `@${concept}`;
  return st;
}
