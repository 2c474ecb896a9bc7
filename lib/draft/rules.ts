// Language rules of the drafter, per language (en, ru, uk): function words, the nouns that make a
// role ("spokesman", "director"), the words that make a name an organisation ("Committee",
// "Council"), reporting verbs, and the verbs and phrases of denial and doubt. Rules of the
// languages, as the engine's are: nothing here names a person, a place or an event of a story.
import { sentenceLang } from '../match/sentence';
import { normWord } from '../text/tokens';

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Function words and reporting words, normalised: they carry no meaning for aligning reports. */
export const STOP = words(`
a an the and or but if of in on at to for from by with about as into over after before during than then that this these those
there here it its is are was were be been being has have had do does did not no nor so such can could would should will may might
must shall also only just even still yet very more most much many some any all each both other another same own one two three
he she they them his her their we us our you your i me my who whom whose which what when where why how while up out off down
said says say saying told tell tells according added adding asked noted stated reported reports report reportedly claimed
mr mrs ms monday tuesday wednesday thursday friday saturday sunday yesterday today tonight night morning evening week weekend
january february march april may june july august september october november december
including include includes among whether however although though because last first since until around least almost nearly about than per cent percent new later earlier early ago time times
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему
теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они
тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого
какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть
после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть
том нельзя такой им более всегда конечно всю между это также который которые которых которая которой этим заявил заявила
заявили сообщил сообщила сообщили сказал сказала сказали по словам данным включая числе
і й та в у на з із зі до від за по про для не що це як але а або чи то же ж би б бо він вона вони його її їх ми ви ти я
вже ще так теж також був була було були буде бути є який яка яке які якого якої яких цей ця це ці того тому цього цієї
після перед під над між через при без коли де там тут лише навіть більш більше усі всі все свій своя свої себе собі
заявив заявила заявили повідомив повідомила повідомили сказав сказала сказали за словами даними зокрема числі
`);

/** Adjectives of peoples and creeds by their ending ("Ukrainian", "Islamic", "Chinese", "Americans"): not names. */
export const PEOPLE = /(ian|ean|ese|ish|ic|an)s?$/;

/** Words a sentence does not end on: a text cut after one leaves its clause open ("... when Wagner units were."). */
export const OPEN_END = /^(a|an|the|and|or|but|nor|of|to|in|on|at|for|from|by|with|into|as|than|when|while|if|that|which|who|whose|where|because|were|was|is|are|be|been|being|had|has|have|would|will|could|should|и|а|но|или|в|во|на|с|со|по|к|о|об|из|за|от|до|для|что|чтобы|как|і|й|та|але|чи|у|з|із|від|про|що|щоб|як)$/;

/** Conjunctions that open a clause needing the next one ("if Kyiv's hand was proved, its leaders ..."). */
export const SUBORDINATOR = /^(if|when|although|though|while|because|unless|once|если|когда|хотя|поскольку|пока|якщо|коли|хоча|оскільки|поки)(?!\p{L})/iu;

/** A preposition in lower case that starts a phrase cut from the middle of a sentence ("over an assault that killed 133 people"). */
export const FRAGMENT_PREPOSITION = /^(?:over|after|for|in|on|at|during|amid|with|from|about|following|в|во|на|по|после|за|о|об|из|у|після|про|з|із|через)\s+(?=\p{L})/u;

/** A conjunction that opens a concession after the fact ("..., although it provided no evidence"): another fact. */
export const CONCESSIVE = /^(?:although|though|even though|whereas|хотя|хоть|хоча|хоч)(?!\p{L})/iu;

/** An auxiliary or copula that starts a piece: the predicate of a subject an apposition parted it from ("..., Islamic State Khorasan Province (ISKP), was behind it"). */
export const PREDICATE = /^(?:was|were|is|are|has|have|had|will|would|could|can|did|does)(?!\p{L})/u;

/** Nouns that name an office or function: the last word of a role before a name ("Kremlin spokesman"). */
const ROLE_NOUNS = words(`
president vice-president spokesman spokeswoman spokesperson director minister mayor governor adviser advisor aide chairman
chairwoman chair head chief secretary leader commander ambassador envoy official representative deputy premier chancellor
king queen prince general colonel lieutenant marshal admiral prosecutor judge attorney senator congressman lawmaker mp
speaker ombudsman commissioner inspector founder owner executive ceo editor correspondent analyst expert professor
presidente
президент министр директор глава председатель советник помощник пресс-секретарь спикер мэр губернатор посол генерал
премьер лидер руководитель командующий представитель замминистра заместитель прокурор судья депутат сенатор
президент міністр директор голова радник помічник речник прессекретар мер губернатор посол генерал прем'єр лідер керівник
командувач представник заступник прокурор суддя депутат сенатор очільник
`);

/** Words that make a name an organisation ("Investigative Committee", "Islamic State"). */
const ORG_WORDS = words(`
committee council ministry state service court agency office party group embassy department directorate army forces
police guard commission union organisation organization assembly parliament house bureau institute university company
corporation bank network front brigade battalion movement administration government authority authorities cabinet
federation league alliance command staff fund foundation board centre center agency's news
`);

export function isRoleNoun(word: string): boolean {
  const n = normWord(word);
  return ROLE_NOUNS.has(n) || (/[\u0400-\u04ff]/.test(n) && [...ROLE_NOUNS].some((r) => /[\u0400-\u04ff]/.test(r) && r.length > 3 && n.startsWith(r)));
}

/** A Russian or Ukrainian adjective by its ending ("російські", "американские", "западные"). */
export function isAdjective(norm: string): boolean {
  return /[\u0400-\u04ff]{3}(ий|ій|ый|ой|ая|яя|ое|ее|ие|ые|і|ої|ого|ому|их|іх|ых)$/.test(norm) && !STOP.has(norm);
}

export function isOrgWord(word: string): boolean {
  return ORG_WORDS.has(normWord(word));
}

export function isStop(norm: string): boolean {
  return STOP.has(norm) || norm.length < 2;
}

/** Denial: a verb of denying or rejecting, or a phrase of no involvement. */
export const DENIAL: Record<string, RegExp> = {
  en: /\b(den(y|ies|ied|ying|ial)|reject(s|ed|ing)?|dismiss(es|ed|ing)?|refut(e|es|ed|ing)|rebuff(s|ed)?|nothing to do with|no (role|involvement|part|link)|not involved|had no hand|(a|the) lie|lies|fabricat\w*|false|baseless|absurd)\b/i,
  ru: /(отрица\p{L}*|опроверг\p{L}*|отверг\p{L}*|отвергл\p{L}*|непричаст\p{L}*|не име\p{L}* (никакого )?отношения|лож\p{L}*|абсурд\p{L}*)/iu,
  uk: /(запереч\p{L}*|відкида\p{L}*|відкину\p{L}*|спростов\p{L}*|непричетн\p{L}*|не має (жодного )?стосунку|брехн\p{L}*|абсурд\p{L}*)/iu,
};

/** Doubt: no evidence given, questioned, unproven. */
export const DOUBT: Record<string, RegExp> = {
  en: /\b(no evidence|without (providing |offering |giving )?evidence|gave no evidence|offered no evidence|unproven|unsubstantiated|questioned|doubt(s|ed|ful)?|sceptic\w*|skeptic\w*|supposedly|allegedly)\b/i,
  ru: /(без доказательств|не привел\p{L}* доказательств|доказательств\p{L}* не|сомнени\p{L}*|сомнева\p{L}*|якобы|голословн\p{L}*)/iu,
  uk: /(жодних доказів|без доказів|не навел\p{L}* доказів|доказів не|сумнів\p{L}*|нібито|голослівн\p{L}*)/iu,
};

/** A personal pronoun as the subject of a reporting verb: before it ("he said", "he later said"), or after it ("заявил он"). */
const PRONOUNS = 'he|she|they|он|она|они|він|вона|вони';
export const PRONOUN_BEFORE = new RegExp(`(?<!\\p{L})(${PRONOUNS})(\\s+\\p{Ll}+ly)?\\s*$`, 'iu');
export const PRONOUN_AFTER = new RegExp(`^\\p{L}+\\s+(${PRONOUNS})(?!\\p{L})`, 'iu');

/** Negation of the verb: "did not", "не". */
export const NEGATION: Record<string, RegExp> = {
  en: /\b(not|no|never|n't|neither|nor)\b/i,
  ru: /(^|[^\p{L}])(не|нет|никогда|ни)(?=[^\p{L}]|$)/u,
  uk: /(^|[^\p{L}])(не|ні|ніколи|жодн\p{L}*)(?=[^\p{L}]|$)/u,
};

/**
 * The language of a sentence by its letters, as the engine reads it (../match/sentence.ts): a
 * sentence of Latin letters in a Russian or Ukrainian article is English (a quote, a name).
 */
export function langOf(text: string, fallback = 'en'): string {
  return sentenceLang(text, fallback === 'ru' || fallback === 'uk' ? 'en' : fallback);
}

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'e', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia', "'": '', '’': '', 'ʼ': '',
};

/**
 * A word's letters in one rough Latin spelling, the same for its transliterations: Зеленський,
 * Zelenskiy, Zelenskyy and Zelensky are all "zelenski"; Крокус and Crocus "krokus".
 */
export function skeleton(word: string): string {
  let w = normWord(word).replace(/[’'ʼ`]/g, '');
  w = [...w].map((c) => TRANSLIT[c] ?? c).join('');
  w = w
    .replace(/ye/g, 'e').replace(/yu/g, 'iu').replace(/ya/g, 'ia')
    .replace(/kh/g, 'h').replace(/ph/g, 'f').replace(/x/g, 'ks').replace(/w/g, 'v').replace(/q/g, 'k')
    .replace(/ts/g, 'k').replace(/c/g, 'k').replace(/[yj]/g, 'i')
    .replace(/(.)\1+/g, '$1');
  return w.replace(/[^a-z0-9]/g, '');
}

/** A skeleton's consonants, doubles as one: how a name or word is spelt alike across scripts ("uotsn" of Уотсон). */
export function consonantsOfSkeleton(sk: string): string {
  return sk.replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1');
}

/**
 * Concept groups of the languages, not of a story: the verbs of denying and the words that call a
 * claim false, in en, ru and uk (words, or prefixes ending in "*"). A draft gives a group when its
 * corpus uses one of its words (./concepts.ts): "rejected the accusation" then meets "denied".
 */
export const LANGUAGE_CONCEPTS: { id: string; words: string[] }[] = [
  {
    id: 'deny',
    words: ['deny', 'denies', 'denied', 'denying', 'denial', 'reject*', 'dismiss*', 'refut*', 'rebuff*', 'отрица*', 'опроверг*', 'отверг*', 'открести*', 'запереч*', 'відкида*', 'відкину*', 'спростов*'],
  },
  {
    id: 'lie',
    words: ['lie', 'lies', 'lying', 'liar', 'fabricat*', 'falsehood', 'untrue', 'hoax', 'ложь', 'лжи', 'ложью', 'лживы*', 'вранье', 'враньё', 'выдум*', 'брехн*', 'брехлив*', 'вигад*', 'неправд*'],
  },
];

// Latin spellings of a Russian or Ukrainian name back into Cyrillic (the usual romanisations read
// in reverse), for a corpus that writes a person's name in Latin letters only: its Russian and
// Ukrainian pages name them "Лавров", "Зеленський". Letter groups first, then letters, in four
// readings: Russian (i и, y ы, h х), a Ukrainian name in Russian (h г, y и: "Сибига"), Ukrainian
// (i і, y и, h г) and a Russian name in Ukrainian (i и: "Пригожин").
const TO_CYRILLIC: [RegExp, string, string][] = [
  [/shch|sch/g, 'щ', 'щ'], [/zh/g, 'ж', 'ж'], [/kh/g, 'х', 'х'], [/ts|tz/g, 'ц', 'ц'], [/ch/g, 'ч', 'ч'], [/sh/g, 'ш', 'ш'],
  [/(?<=[^aeiouy])ia$/g, 'ия', 'ія'], [/ail$/g, 'аил', 'айло'], [/yu|iu/g, 'ю', 'ю'], [/ya|ia/g, 'я', 'я'], [/ye/g, 'е', 'є'], [/yo/g, 'е', 'йо'],
  [/sk(?:iy|yy|yi|ii|y|i)$/g, 'ский', 'ський'], [/(?:iy|yy|yi|ij|ii)$/g, 'ий', 'ій'], [/ei$|ey$/g, 'ей', 'ій'],
  [/(?<=[^aeiou])[yi]$/g, 'ий', 'ій'], [/(?<=[aeou])[iy]$/g, 'й', 'й'],
  [/(?<=[aeiou])y(?=[aeiou])/g, 'й', 'й'], [/(?<=[aeou])i(?=[^aeiou])/g, 'й', 'й'],
];
const LETTER_RU: Record<string, string> = { a: 'а', b: 'б', c: 'к', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'дж', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', q: 'к', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', x: 'кс', y: 'ы', z: 'з' };
const READINGS: [1 | 2, Record<string, string>][] = [
  [1, LETTER_RU],
  [1, { ...LETTER_RU, h: 'г', y: 'и' }],
  [2, { ...LETTER_RU, h: 'г', i: 'і', y: 'и' }],
  [2, { ...LETTER_RU, h: 'г', y: 'и' }],
];

const SLAVIC_NAME = /(ov|ova|ev|eva|in|ina|yn|enko|sky|skiy|ski|skyi|uk|yuk|chuk|ich|vich|ko)$/;

/**
 * Cyrillic spellings of a name word written in Latin letters, Russian and Ukrainian ("Lavrov":
 * Лавров; "Zelenskiy": Зеленский, Зеленський; "Sybiha": Сыбиха, Сибига, Сибіга), for an actor the corpus
 * names in Latin letters only. An English name's "u" before two consonants reads as "а" ("Trump":
 * Трамп); other English spellings ("Witkoff" is Уиткофф) are a curator's to add.
 */
export function cyrillicSpellings(word: string): string[] {
  const norm = normWord(word);
  if (!/^[a-z]{3,}$/.test(norm)) return [];
  const out = new Set<string>();
  for (const [k, letters] of READINGS) {
    let w = norm;
    for (const rule of TO_CYRILLIC) w = w.replace(rule[0], rule[k]);
    w = [...w].map((c) => letters[c] ?? c).join('');
    if (/^[\u0400-\u04ff]+$/.test(w)) out.add(w[0].toUpperCase() + w.slice(1));
  }
  // An English name's "u" before two consonants is Russian "а" ("Trump": Трамп); not a Slavic
  // name's ("Pushkin", "Surkov").
  if (/u[^aeiouy]{2}/.test(norm) && !SLAVIC_NAME.test(norm)) for (const w of [...out]) out.add(w.replace(/у(?=[^аеиоуыіэюяє]{2})/g, 'а'));
  return [...out];
}

/** Where a dateline ends ("MOSCOW, March 23 (Agency) - ", "МОСКВА, 27 марта. /Агентство/. "): 0 when there is none. */
export function datelineEnd(text: string): number {
  const m = /^[\p{Lu}\s.'/-]{3,40},\s[^()]{0,40}\([^()]{1,60}\)\s*[-–—]\s*/u.exec(text) ?? /^[\p{Lu}\s.'/-]{3,40},\s[^/]{0,30}\.\s*\/[^/]{1,40}\/\.\s*/u.exec(text);
  return m ? m[0].length : 0;
}
