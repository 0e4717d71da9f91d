export const alphaLabel = 'alpha';
