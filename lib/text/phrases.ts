// Phrases of each language that tell no fact of their own: a reporting verb's (who said it) and an
// introductory phrase's ("Under the deal announced on Saturday night, ...").
/** A reporting verb ("said", "заявил", "заявив"): its sentence attributes words to someone. */
export const REPORTING: Record<string, RegExp> = {
  en: /\b(said|says|told|stated|wrote|added|announced|declared|claimed|insisted|accused|called|vowed|warned|argued|asserted|maintained|alleged)\b/i,
  ru: /(^|[^\p{L}])(заяв\p{L}*|сообщ\p{L}*|сказал\p{L}*|назвал\p{L}*|подчеркн\p{L}*|доложил\p{L}*|обвин\p{L}*|утвержд\p{L}*|написал\p{L}*|по словам)/u,
  uk: /(^|[^\p{L}])(заяв\p{L}*|повідом\p{L}*|сказа\p{L}*|назва\p{L}*|наголоси\p{L}*|звинува\p{L}*|стверджу\p{L}*|написа\p{L}*|за словами)/u,
};

/**
 * Prepositions that open a sentence's introductory phrase ("Under the deal announced on Saturday
 * night, he is to move to Belarus", "По условиям сделки, ..."): the clause after it is the sentence's.
 */
export const INTRODUCTORY = /^(under|by|in|on|at|after|before|during|despite|following|for|with|without|within|amid|since|from|as|until|в|во|на|по|после|до|во время|несмотря на|согласно|с|со|за|при|под|из-за|у|після|під час|попри|згідно з|з|із|зі|через|під)(?!\p{L})/iu;
