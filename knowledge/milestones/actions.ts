/**
 * The normalised steps (actions) a milestone or a question can be about. Their Dutch and English
 * words are data (`knowledge/data/vocabulary/steps.json`, read by {@link StepVocabulary}); the ids
 * are fixed here because milestones, proposals and answers name them.
 */
export const ACTION_IDS = [
  'publish-policy',
  'apply',
  'questionnaire',
  'portal-opens',
  'offer',
  'submit-offer',
  'negotiate',
  'sign',
  'inform-insured',
  'publish-tariffs',
  'nza-rules',
  'publish-criteria',
  'policy-changes',
  'revise',
  'final-policy',
  'report-overrun',
  'start',
  'end',
  'evaluate',
  'process-contracts',
  'representation',
  'examples',
  'disputes',
] as const;

export type Action = (typeof ACTION_IDS)[number];
