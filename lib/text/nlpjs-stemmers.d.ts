// The two stemmer modules of nlp.js that ./language.ts imports (the packages ship no types).
declare module '@nlpjs/lang-ru/src/stemmer-ru.js' {
  export default class StemmerRu {
    constructor();
  }
}
declare module '@nlpjs/lang-uk/src/stemmer-uk.js' {
  export default class StemmerUk {
    constructor();
  }
}
